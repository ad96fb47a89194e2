/**
 * "The tool never crashes on a page": runs the extraction CLI's own code path
 * (scripts/extract.ts runPage: parse, detect, extract) over every page of the
 * shared corpora — readability-test-pages (130), wcxb-dev-sample (300) and the
 * gzipped wcxb-dev-rest (1,197) — and counts the pages that threw or came back
 * with reason "error". Exits non-zero when any did.
 *
 *   npx tsx scripts/crash-sweep.ts [--dom linkedom|jsdom] [--limit N]
 *
 * Too slow for the unit suite (about a minute and a half on linkedom on these
 * machines), hence a script; the document shapes that used to crash are pinned
 * by golden fixtures in tests/fixtures/extract/document-*.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { runPage, type DomName } from './extract';

const here = dirname(fileURLToPath(import.meta.url));
const shared = resolve(here, '../../shared/fixtures');

interface CorpusPage { corpus: string; id: string; read: () => string; url: string }

function wcxb(name: string, gzipped: boolean): CorpusPage[] {
  const dir = join(shared, name);
  if (!existsSync(dir)) return [];
  return readdirSync(join(dir, 'ground-truth'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const id = f.replace(/\.json$/, '');
      const truth = JSON.parse(readFileSync(join(dir, 'ground-truth', f), 'utf8')) as { url?: string };
      const file = join(dir, 'html', `${id}.html${gzipped ? '.gz' : ''}`);
      return {
        corpus: name,
        id,
        url: truth.url || `https://wcxb.invalid/${id}`,
        read: () => (gzipped ? gunzipSync(readFileSync(file)).toString('utf8') : readFileSync(file, 'utf8')),
      };
    });
}

function readabilityPages(): CorpusPage[] {
  const dir = join(shared, 'readability-test-pages');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((d) => existsSync(join(dir, d, 'source.html')))
    .sort()
    // Readability's own tests load every page as this URL.
    .map((d) => ({ corpus: 'readability-test-pages', id: d, url: 'http://fakehost/test/page.html', read: () => readFileSync(join(dir, d, 'source.html'), 'utf8') }));
}

function main(argv: string[]): void {
  let dom: DomName = 'linkedom';
  let limit = Infinity;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--dom' && (argv[i + 1] === 'jsdom' || argv[i + 1] === 'linkedom')) dom = argv[++i] as DomName;
    else if (argv[i] === '--limit') limit = Number(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  const corpora = [readabilityPages(), wcxb('wcxb-dev-sample', false), wcxb('wcxb-dev-rest', true)].map((pages) => pages.slice(0, limit));
  const pages = corpora.flat();
  const start = performance.now();
  const crashes: { page: CorpusPage; message: string }[] = [];
  let articles = 0;
  for (const page of pages) {
    try {
      const record = runPage(page.read(), page.url, dom);
      if (record.wordCount > 0) articles++;
    } catch (error) {
      crashes.push({ page, message: error instanceof Error ? error.message : String(error) });
    }
  }
  const seconds = (performance.now() - start) / 1000;
  for (const { page, message } of crashes) process.stdout.write(`CRASH ${page.corpus}/${page.id}: ${message}\n`);
  const perCorpus = corpora.map((c) => `${c[0]?.corpus ?? '?'} ${c.length}`).join(', ');
  process.stdout.write(
    `${pages.length} pages (${perCorpus}) on ${dom}: ${crashes.length} crashed, ${articles} gave article text, ${seconds.toFixed(1)} s\n`,
  );
  if (crashes.length || pages.length === 0) process.exitCode = 1;
}

main(process.argv.slice(2));
