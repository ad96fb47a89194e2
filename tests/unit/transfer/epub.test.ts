// @vitest-environment jsdom
/**
 * The EPUB export checked by epubcheck (Debian's package: a jar at
 * /usr/bin/epubcheck, run with java). Without epubcheck this test fails and
 * says how to install it: a missing validator must never look like a pass.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readSync, closeSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeEpub } from '@/utils/transfer/export/epub';
import { listZip, readEntry } from '@/utils/transfer/zip-reader';
import { AWKWARD_TITLES } from '../helpers/export-library';
import { bundle, each, highlight } from '../helpers/bundles';

/** A 1×1 PNG. */
const PNG_1PX = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

function epubcheckCommand(): string[] | null {
  const path = process.env.EPUBCHECK ?? '/usr/bin/epubcheck';
  if (!existsSync(path)) return null;
  // Debian installs the jar itself under that name; run it with java unless it is a script.
  const head = Buffer.alloc(2);
  const fd = openSync(path, 'r');
  readSync(fd, head, 0, 2, 0);
  closeSync(fd);
  return head.toString() === 'PK' ? ['java', '-jar', path] : [path];
}

function validate(bytes: Uint8Array): { status: number | null; output: string } {
  const command = epubcheckCommand();
  if (!command) throw new Error('epubcheck is not installed: `apt-get install -y epubcheck` (or set EPUBCHECK=/path/to/epubcheck). The EPUB export cannot be validated without it.');
  const dir = mkdtempSync(join(tmpdir(), 'folio-epub-'));
  try {
    const file = join(dir, 'export.epub');
    writeFileSync(file, bytes);
    const run = spawnSync(command[0]!, [...command.slice(1), file], { encoding: 'utf8', timeout: 120_000 });
    return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const HARD_CONTENT =
  '<p>Text with a <a href="#note-1">footnote</a> and <a href="javascript:alert(1)">a bad link</a>&#1;.</p>' +
  '<ol start="3"><li>Three<ul><li>nested</li></ul></li><li>Four</li></ol>' +
  '<table><caption>Trade</caption><thead><tr><th>Year</th><th>Tariff</th></tr></thead><tbody><tr><td colspan="2">2025</td></tr></tbody></table>' +
  '<picture><source srcset="https://img.news.example/a.webp"><img src="https://img.news.example/port.png" width="640" height="abc"></picture>' +
  '<video src="https://v.example/v.mp4"></video><svg><circle r="3"/></svg><custom-el data-x="1">Custom text</custom-el>' +
  '<span lang="no good!">odd lang</span><p dir="sideways">dir</p><pre><code>x &lt; y</code></pre><hr><blockquote cite="https://q.example/">Quoted</blockquote>';

describe('EPUB 3', () => {
  it('a book of awkward articles is valid under epubcheck (no errors, no warnings)', async () => {
    const bundles = [
      ...AWKWARD_TITLES.map((title, i) => bundle(i, { title })),
      bundle(50, { content: HARD_CONTENT, highlights: [highlight('article-50', 'Text with', 0, 'Note with <b>markup</b> & "quotes"')] }),
      bundle(51, { content: null, lang: 'ar' }),
      bundle(52, { lang: 'not a lang' }),
    ];
    // Real image bytes: epubcheck decodes every image.
    for (const b of bundles) b.assets = b.assets.map((a) => ({ ...a, blob: new Blob([PNG_1PX as BlobPart], { type: 'image/png' }), bytes: PNG_1PX.length }));
    // One image in a type that is not an EPUB core media type: left out, shown as alt text.
    bundles[1]!.assets[0] = { ...bundles[1]!.assets[0]!, type: 'image/webp' };
    const { blob, articles } = await writeEpub(each(bundles), { now: Date.UTC(2026, 11, 1), uuid: '2b3a3c5e-5f1d-4c7a-9d7e-1a2b3c4d5e6f' });
    expect(articles).toBe(bundles.length);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const entries = await listZip(blob);
    expect(entries[0]).toMatchObject({ name: 'mimetype', method: 0 });
    expect(new TextDecoder().decode(await readEntry(blob, entries[0]!, 100))).toBe('application/epub+zip');
    const opf = new TextDecoder().decode(await readEntry(blob, entries.find((e) => e.name === 'OEBPS/content.opf')!, 1e6));
    expect(opf).toContain('<dc:title>Folio: 15 articles</dc:title>');
    expect(opf.match(/<itemref /g)).toHaveLength(bundles.length);
    const nav = new TextDecoder().decode(await readEntry(blob, entries.find((e) => e.name === 'OEBPS/nav.xhtml')!, 1e6));
    expect(nav).toContain('=HYPERLINK(&quot;https://evil.example&quot;,&quot;click&quot;)');

    const chapter = async (n: string) => new TextDecoder().decode(await readEntry(blob, entries.find((e) => e.name === `OEBPS/text/a${n}.xhtml`)!, 1e6));
    expect(await chapter('000001')).toContain('<img src="../images/000001-1.png" alt="The port"');
    expect(await chapter('000002')).toContain('Image not saved');
    expect(await chapter('000013')).not.toMatch(/javascript:|<script|<video|<svg|onclick/);

    const result = validate(bytes);
    expect(result.output).toMatch(/No errors or warnings detected/);
    expect(result.status, result.output).toBe(0);
  }, 180_000);

  it('epubcheck catches a broken book (the check can fail)', async () => {
    const { blob } = await writeEpub(each([bundle(1)]), { now: Date.UTC(2026, 11, 1) });
    const entries = await listZip(blob);
    // Rebuild the book without its navigation document: a required part of EPUB 3.
    const { zipSync } = await import('fflate');
    const files: Record<string, [Uint8Array, { level: 0 }]> = {};
    for (const e of entries) if (e.name !== 'OEBPS/nav.xhtml') files[e.name] = [await readEntry(blob, e, 1e8), { level: 0 }];
    const result = validate(zipSync(files));
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/ERROR/);
  }, 180_000);
});
