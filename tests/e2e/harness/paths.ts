/** Filesystem locations the e2e harness needs, resolved from this file (not the cwd). */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));

/** The repository root. */
export const REPO_ROOT = resolve(here, '..', '..', '..');
/** The bundled sample news site (article.html, home.html and their assets). */
export const SITE_DIR = resolve(REPO_ROOT, 'tests', 'fixtures', 'site');

/** The built Chrome extension (override with FOLIO_EXT_CHROME). */
export function chromeExtensionPath(): string {
  return resolve(process.env.FOLIO_EXT_CHROME ?? resolve(REPO_ROOT, '.output', 'chrome-mv3'));
}

/** The built Firefox extension (override with FOLIO_EXT_FIREFOX). */
export function firefoxExtensionPath(): string {
  return resolve(process.env.FOLIO_EXT_FIREFOX ?? resolve(REPO_ROOT, '.output', 'firefox-mv3'));
}
