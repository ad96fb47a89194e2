import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Bench, BenchRow } from './types';

const out = join(import.meta.dirname, '../../.output/chrome-mv3');

function gz(path: string): number {
  return gzipSync(readFileSync(path)).length;
}

/** Gzipped sizes of what every page load (content script) and every popup open pays for. */
export const bundleBench: Bench = {
  name: 'bundle sizes (Chrome build)',
  async run() {
    if (!existsSync(out)) throw new Error('no .output/chrome-mv3: run `npm run build:chrome` first');
    // The always-on script is whatever the manifest lists (entrypoints/detector.ts, see wxt.config.ts).
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[] }[] };
    const contentScripts = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []);
    const rows: BenchRow[] = [
      { name: 'content script (always on), gzip', value: contentScripts.reduce((sum, p) => sum + gz(join(out, p)), 0), unit: 'bytes', goal: '< 10 kB' },
      { name: 'extractor (injected on demand), gzip', value: gz(join(out, 'extractor.js')), unit: 'bytes' },
    ];
    // The popup's own JS: its entry chunk plus the shared chunks its HTML pulls in.
    const html = readFileSync(join(out, 'popup.html'), 'utf8');
    const scripts = [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]!).filter((p) => existsSync(join(out, p)));
    const popupTotal = scripts.reduce((sum, p) => sum + gz(join(out, p)), 0);
    rows.push({ name: `popup JS (${scripts.length} files), gzip`, value: popupTotal, unit: 'bytes' });
    const css = readdirSync(join(out, 'assets')).filter((f) => f.endsWith('.css'));
    rows.push({ name: `extension CSS (${css.length} files), gzip`, value: css.reduce((s, f) => s + gz(join(out, 'assets', f)), 0), unit: 'bytes' });
    return rows;
  },
};
