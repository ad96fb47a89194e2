/**
 * The WCXB development pages (the 300-page sample and the 1,197 gzipped others)
 * and the fixed split by page id, shared by the quality benchmark and the
 * detector's training script so both see the same pages on the same side.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export const sharedFixtures = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/fixtures');

export interface WcxbPage {
  /** wcxb: the 300-page dev sample; wcxb-rest: the other 1,197 dev pages (gzipped). */
  corpus: 'wcxb' | 'wcxb-rest';
  gzipped: boolean;
  id: string;
  path: string;
  url: string;
  /** article | service | product | collection | listing | forum | documentation */
  type: string;
  truth: { text: string; with: string[]; without: string[] };
}

export function wcxbPages(name: 'wcxb-dev-sample' | 'wcxb-dev-rest' = 'wcxb-dev-sample'): WcxbPage[] {
  const dir = join(sharedFixtures, name);
  if (!existsSync(dir)) return [];
  const gzipped = name === 'wcxb-dev-rest';
  return readdirSync(join(dir, 'ground-truth'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const gt = JSON.parse(readFileSync(join(dir, 'ground-truth', f), 'utf8'));
      const id = f.replace(/\.json$/, '');
      return {
        corpus: gzipped ? ('wcxb-rest' as const) : ('wcxb' as const),
        gzipped,
        id,
        path: join(dir, 'html', `${id}.html${gzipped ? '.gz' : ''}`),
        url: gt.url,
        type: gt._internal.page_type.primary,
        truth: { text: gt.ground_truth.main_content ?? '', with: gt.ground_truth.with ?? [], without: gt.ground_truth.without ?? [] },
      };
    });
}

export function readPageHtml(page: { path: string; gzipped?: boolean }): string {
  return page.gzipped ? gunzipSync(readFileSync(page.path)).toString('utf8') : readFileSync(page.path, 'utf8');
}

/** Fixed once, by page id, never by result: ids ending 0–6 are the tuning part, 7–9 are held back. */
export function splitOf(id: string): 'tuning' | 'held-back' {
  return /[789]$/.test(id) ? 'held-back' : 'tuning';
}

/** Detection's negatives; forum and documentation pages are neither side (WCXB's own choice of "not articles" is debatable there). */
export const NEGATIVE_TYPES = new Set(['service', 'product', 'collection', 'listing']);
