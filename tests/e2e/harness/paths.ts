/** Filesystem locations the e2e harness needs, resolved from this file (not the cwd). */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));

/** The repository root. */
export const REPO_ROOT = resolve(here, '..', '..', '..');
/** The bundled sample news site (article.html, home.html and their assets). */
export const SITE_DIR = resolve(REPO_ROOT, 'tests', 'fixtures', 'site');

/**
 * The e2e tests run against the test build (`npm run build:test` → .output-test/):
 * the shipped code plus the background test hook (utils/test-hook.ts).
 */
export const TEST_BUILD_DIR = resolve(REPO_ROOT, '.output-test');
/** What users install (`npm run build`): checked for the absence of the hook. */
export const PRODUCTION_BUILD_DIR = resolve(REPO_ROOT, '.output');

/** The built Chrome extension under test (override with FOLIO_EXT_CHROME). */
export function chromeExtensionPath(): string {
  return resolve(process.env.FOLIO_EXT_CHROME ?? resolve(TEST_BUILD_DIR, 'chrome-mv3'));
}

/** The built Firefox extension under test (override with FOLIO_EXT_FIREFOX). */
export function firefoxExtensionPath(): string {
  return resolve(process.env.FOLIO_EXT_FIREFOX ?? resolve(TEST_BUILD_DIR, 'firefox-mv3'));
}
