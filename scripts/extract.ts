/**
 * Command-line front end for the extension's own detection and extraction code
 * (utils/article/*), run on a Node DOM.
 *
 *   npm run --silent extract -- --json page.html --url https://example.com/story
 *   npm run --silent extract -- --batch list.tsv          # lines "<path>\t<url>", one JSON line each
 *   options: --dom linkedom|jsdom (default linkedom, see docs/quality.md), --no-force
 *
 * `ms` covers DOM construction + detection + extraction; reading the file is excluded.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { detectArticle } from '../utils/article/detect';
import { extractArticle } from '../utils/article/extract';
import { parseDocument, type DomName } from './parse-document';

// Parsing (and linkedom's repairs) live in parse-document.ts; re-exported for the benchmarks.
export { parseDocument, type DomName } from './parse-document';

export interface CliRecord {
  file?: string;
  isArticle: boolean;
  title: string;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  modifiedTime: string | null;
  lang: string | null;
  dir: string | null;
  canonicalUrl: string | null;
  leadImage: string | null;
  excerpt: string | null;
  wordCount: number;
  readingTimeMinutes: number;
  content: string;
  textContent: string;
  ms: number;
}

/** One page through the same modules the extension uses. Throws only on bugs; bad pages give isArticle false. */
export function runPage(html: string, url: string, dom: DomName = 'linkedom', force = true): CliRecord {
  const start = performance.now();
  const doc = parseDocument(html, url, dom);
  const detection = detectArticle(doc, url);
  // The CLI owns this document, so extraction may work on it in place (no clone).
  const result = extractArticle(doc, url, { force, mutateDocument: true });
  const ms = performance.now() - start;
  const base = {
    isArticle: detection.isArticle,
    title: detection.title,
    byline: null,
    siteName: detection.siteName,
    publishedTime: null,
    modifiedTime: null,
    lang: null,
    dir: null,
    canonicalUrl: null,
    leadImage: null,
    excerpt: null,
    wordCount: 0,
    readingTimeMinutes: 0,
    content: '',
    textContent: '',
  };
  if (!result.ok) {
    if (result.reason === 'error') throw new Error(result.detail);
    return { ...base, ms: round(ms) };
  }
  const a = result.article;
  return {
    isArticle: detection.isArticle,
    title: a.title,
    byline: a.byline,
    siteName: a.siteName,
    publishedTime: a.publishedTime,
    modifiedTime: a.modifiedTime,
    lang: a.lang,
    dir: a.dir,
    canonicalUrl: a.canonicalUrl,
    leadImage: a.leadImage,
    excerpt: a.excerpt,
    wordCount: a.wordCount,
    readingTimeMinutes: a.readingTimeMinutes,
    content: a.content,
    textContent: a.textContent,
    ms: round(ms),
  };
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

function usage(message: string): never {
  process.stderr.write(
    `${message}\nusage: extract --json <file.html> --url <url> [--dom linkedom|jsdom] [--no-force]\n` +
      `       extract --batch <listfile>   (lines "<path>\\t<url>")\n`,
  );
  process.exit(2);
}

function main(argv: string[]): void {
  let file: string | null = null;
  let url: string | null = null;
  let batch: string | null = null;
  let dom: DomName = 'linkedom';
  let force = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--json') file = argv[++i] ?? usage('--json needs a file');
    else if (arg === '--url') url = argv[++i] ?? usage('--url needs a URL');
    else if (arg === '--batch') batch = argv[++i] ?? usage('--batch needs a list file');
    else if (arg === '--dom') {
      const value = argv[++i];
      if (value !== 'linkedom' && value !== 'jsdom') usage('--dom is linkedom or jsdom');
      dom = value;
    } else if (arg === '--no-force') force = false;
    else if (!file && !arg.startsWith('--')) file = arg;
    else usage(`unknown argument: ${arg}`);
  }

  if (batch) {
    const lines = readFileSync(batch, 'utf8').split(/\r?\n/).filter((l) => l.trim() && !l.startsWith('#'));
    for (const line of lines) {
      const [path = '', pageUrl = ''] = line.split('\t');
      let out: object;
      try {
        const html = readFileSync(path, 'utf8');
        out = { file: path, ...runPage(html, pageUrl.trim() || pathToFileURL(path).href, dom, force) };
      } catch (error) {
        out = { file: path, error: error instanceof Error ? error.message : String(error) };
      }
      process.stdout.write(`${JSON.stringify(out)}\n`);
    }
    return;
  }

  if (!file) usage('no input file');
  let html: string;
  try {
    html = readFileSync(file, 'utf8');
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ file, error: error instanceof Error ? error.message : String(error) })}\n`);
    process.exitCode = 1;
    return;
  }
  try {
    const record = runPage(html, url ?? pathToFileURL(file).href, dom, force);
    process.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ file, error: error instanceof Error ? error.message : String(error) })}\n`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2));
}
