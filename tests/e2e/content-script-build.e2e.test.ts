/**
 * The always-on content script as built, in both browsers' builds: it must not
 * announce Folio to the page nor trust events the page can forge (WXT's
 * content-script context posts "…:content-script-started" to the page and
 * listens for "wxt:locationchange"; utils/content/page-watch.ts replaces it),
 * and it stays under 10 kB gzipped (it runs on every page).
 * Needs `npx wxt build` and `npx wxt build -b firefox` first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chromeExtensionPath, firefoxExtensionPath } from './harness/paths';

const MAX_GZIP_BYTES = 10_000;

function contentScripts(buildDir: string): { path: string; code: string }[] {
  const manifestPath = join(buildDir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`No build at ${buildDir}: run \`npx wxt build\` (and \`-b firefox\`).`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { content_scripts?: { js?: string[] }[] };
  return (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []).map((path) => ({ path, code: readFileSync(join(buildDir, path), 'utf8') }));
}

for (const [browser, dir] of [['Chrome', chromeExtensionPath()], ['Firefox', firefoxExtensionPath()]] as const) {
  describe(`the built content script (${browser})`, () => {
    it('is listed in the manifest, one file for http and https pages', () => {
      const scripts = contentScripts(dir);
      expect(scripts).toHaveLength(1);
      expect(scripts[0]!.code).toContain('page.report');
    });

    it('says nothing to the page and listens to no page-forgeable location event', () => {
      for (const { path, code } of contentScripts(dir)) {
        expect(code, path).not.toContain('content-script-started');
        expect(code, path).not.toContain('locationchange');
        expect(code, path).not.toMatch(/\.postMessage\(/);
      }
    });

    it('does without webextension-polyfill (in Chrome it wraps the whole API on every page load)', () => {
      for (const { path, code } of contentScripts(dir)) {
        expect(code, path).not.toContain('This script should only be loaded in a browser extension');
      }
    });

    it(`is under ${MAX_GZIP_BYTES / 1000} kB gzipped`, () => {
      for (const { path, code } of contentScripts(dir)) {
        const size = gzipSync(Buffer.from(code)).length;
        console.log(`${browser} ${path}: ${code.length} bytes, ${size} gzipped`);
        expect(size, path).toBeLessThan(MAX_GZIP_BYTES);
      }
    });
  });
}
