/**
 * The e2e test hook (utils/test-hook.ts: menu and command handlers on the
 * background's global) must exist only in the test build (.output-test/). This
 * reads every file of the production builds users install.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PRODUCTION_BUILD_DIR, TEST_BUILD_DIR } from '../e2e/harness/paths';

const HOOK_NAME = 'folioTest';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(js|mjs|html|json)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

function filesWithHook(dir: string): string[] {
  return filesUnder(dir).filter((file) => readFileSync(file, 'utf8').includes(HOOK_NAME)).map((file) => relative(dir, file));
}

describe.each(['chrome-mv3', 'firefox-mv3'])('production build %s', (target) => {
  const dir = join(PRODUCTION_BUILD_DIR, target);

  it('exists (run `npm run build`)', () => {
    expect(existsSync(join(dir, 'manifest.json'))).toBe(true);
  });

  it(`contains no test hook (${HOOK_NAME})`, () => {
    expect(filesWithHook(dir)).toEqual([]);
  });
});

describe('the test build', () => {
  // Proves the search above would find the hook: the same search on the test build does.
  it.runIf(existsSync(join(TEST_BUILD_DIR, 'chrome-mv3', 'manifest.json')))('has the hook in its background script', () => {
    expect(filesWithHook(join(TEST_BUILD_DIR, 'chrome-mv3'))).toContain('background.js');
  });
});
