// @vitest-environment jsdom
/**
 * Markdown, HTML, Pocket CSV, Netscape bookmarks and Readwise CSV, each read
 * back the way the program that opens it would: front matter by a YAML parser,
 * CSV by papaparse, bookmarks and HTML by a DOM parser.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runExport } from '@/utils/transfer/export/formats';
import { writeBookmarks } from '@/utils/transfer/export/bookmarks';
import { writeHtml, EXPORT_CSP } from '@/utils/transfer/export/html';
import { writeMarkdown } from '@/utils/transfer/export/markdown';
import { writePocketCsv } from '@/utils/transfer/export/pocket-csv';
import { writeReadwiseCsv } from '@/utils/transfer/export/readwise-csv';
import { listZip, readEntry } from '@/utils/transfer/zip-reader';
import { AWKWARD_TITLES } from '../helpers/export-library';
import { bundle, each, highlight } from '../helpers/bundles';

async function unzip(blob: Blob): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  for (const e of await listZip(blob)) out.set(e.name, await readEntry(blob, e, 1e8));
  return out;
}
const text = (b: Uint8Array) => new TextDecoder().decode(b);
const awkward = () => AWKWARD_TITLES.map((title, i) => bundle(i, { title, tags: i % 2 ? ['long read', '#x'] : [] }));

function frontMatterOf(md: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(md);
  expect(m, 'front matter').not.toBeNull();
  return parseYaml(m![1]!) as Record<string, unknown>;
}

describe('Markdown', () => {
  it('one .md per article with front matter a YAML parser reads back exactly, awkward titles included', async () => {
    const files = await unzip((await writeMarkdown(each(awkward()))).blob);
    const mds = [...files.keys()].filter((n) => n.endsWith('.md'));
    expect(mds).toHaveLength(AWKWARD_TITLES.length);
    expect(new Set(mds.map((n) => n.toLowerCase())).size).toBe(mds.length);
    const titles = mds.map((n) => frontMatterOf(text(files.get(n)!)).title);
    expect(titles.sort()).toEqual(AWKWARD_TITLES.map((t) => t || 'Untitled').sort());
    const fm = frontMatterOf(text(files.get(mds.find((n) => n.startsWith('_CON'))!)!));
    expect(fm).toEqual({
      title: 'CON', author: 'Josh Xiao', site: 'The Straits Ledger', url: 'https://news.example/story/0',
      published: '2025-10-25T08:00:00.000Z', saved: new Date(1_700_000_000_000).toISOString(), tags: [],
    });
    expect(frontMatterOf(text(files.get(mds.find((n) => n.startsWith('-minus'))!)!)).tags).toEqual(['long-read', 'x']);
  });

  it('body from the sanitised HTML, images from the stored copies in assets/ with relative links, highlights as quotes with notes', async () => {
    const files = await unzip((await writeMarkdown(each([bundle(1)]))).blob);
    const md = text(files.get('Story 1.md')!);
    expect(md).toContain('# Story 1');
    expect(md).toContain('## Section');
    expect(md).toContain('[Kuala Lumpur](https://kl.example/)');
    expect(md).toContain('![The port](assets/000001-1.png)');
    expect(files.get('assets/000001-1.png')!.length).toBe(600);
    // The image without a stored copy is its alt text, never a remote link.
    expect(md).toContain('A chart');
    expect(md).not.toContain('not-saved.jpg');
    expect(md).not.toMatch(/alert|onclick|<script/);
    expect(md).toContain('- One');
    expect(md).toMatch(/## Highlights\n\n> American officials\n\nWho exactly\?/);
  });
});

describe('the lead image', () => {
  it('goes above the body when the extractor lifted it out and a copy is stored; not twice, not without a copy', async () => {
    const lifted = bundle(1, { content: '<p>Text only.</p>' });
    lifted.meta.leadImageAlt = 'The port at dawn';
    const noCopy = bundle(2, { content: '<p>Text only.</p>' });
    noCopy.assets = [];
    const files = await unzip((await writeMarkdown(each([lifted, bundle(3), noCopy]))).blob);
    expect(text(files.get('Story 1.md')!)).toMatch(/# Story 1\n\n!\[The port at dawn\]\(assets\/000001-1\.png\)\n\nText only\./);
    // Positive control for "not twice": the body already shows it.
    expect(text(files.get('Story 3.md')!).match(/!\[/g)).toHaveLength(1);
    expect(text(files.get('Story 2.md')!)).not.toMatch(/!\[|Image not saved/);
  });
});

describe('HTML', () => {
  it('self-contained pages: strict CSP first in <head>, images inlined, nothing executable; index.html links every page', async () => {
    const files = await unzip((await writeHtml(each([bundle(1), bundle(2, { title: 'index' }), bundle(3, { content: '<p><a href="javascript:alert(1)">x</a><img src=x onerror=alert(1)><svg><script>alert(1)</script></svg><iframe src="https://evil.example"></iframe><form action="https://evil.example"><input></form></p>' })]))).blob);
    expect([...files.keys()].sort()).toEqual(['Story 1.html', 'Story 3.html', 'index (2).html', 'index.html']);
    for (const [name, bytes] of files) {
      const doc = new DOMParser().parseFromString(text(bytes), 'text/html');
      const first = doc.head.firstElementChild!;
      expect(first.getAttribute('http-equiv'), name).toBe('Content-Security-Policy');
      expect(first.getAttribute('content')).toBe(EXPORT_CSP);
      expect(doc.querySelectorAll('script, iframe, object, embed, form, input, link, base').length, name).toBe(0);
      for (const el of Array.from(doc.querySelectorAll('*'))) {
        for (const attr of Array.from(el.attributes)) {
          expect(attr.name.startsWith('on'), `${name}: ${attr.name}`).toBe(false);
          expect(/^\s*javascript:/i.test(attr.value), `${name}: ${attr.value}`).toBe(false);
        }
      }
      for (const img of Array.from(doc.querySelectorAll('img'))) expect(img.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    }
    const story = new DOMParser().parseFromString(text(files.get('Story 1.html')!), 'text/html');
    expect(story.querySelector('img')!.getAttribute('alt')).toBe('The port');
    expect(story.querySelector('.highlights blockquote')!.textContent).toBe('American officials');
    const index = new DOMParser().parseFromString(text(files.get('index.html')!), 'text/html');
    expect(Array.from(index.querySelectorAll('ul.index li > a'), (a) => decodeURIComponent(a.getAttribute('href')!))).toEqual(['Story 1.html', 'index (2).html', 'Story 3.html']);
  });
});

describe('CSV and bookmarks', () => {
  it('Pocket CSV: the five columns, papaparse reads back titles with commas, quotes and newlines; formulas neutralised', async () => {
    const bundles = awkward().map((b, i) => (i === 2 ? bundle(2, { title: b.meta.title, archived: true, tags: ['a', 'b|c'] }) : b));
    const csv = await (await writePocketCsv(each(bundles))).blob.text();
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(['title', 'url', 'time_added', 'tags', 'status']);
    expect(parsed.data).toHaveLength(AWKWARD_TITLES.length);
    const byUrl = new Map(parsed.data.map((r) => [r.url, r]));
    expect(byUrl.get('https://news.example/story/6')!.title).toBe('Line one\nline two');
    expect(byUrl.get('https://news.example/story/1')!.title).toBe(`'=HYPERLINK("https://evil.example","click")`);
    expect(byUrl.get('https://news.example/story/10')!.title).toBe("'+1 for @everyone");
    expect(byUrl.get('https://news.example/story/11')!.title).toBe("'-minus");
    expect(byUrl.get('https://news.example/story/2')).toMatchObject({ status: 'archive', tags: 'a|b/c', time_added: String(1_700_000_002) });
    expect(byUrl.get('https://news.example/story/3')).toMatchObject({ status: 'unread', tags: 'long read|#x' });
  });

  it('Netscape bookmarks: a browser-style parser finds every link with its date and tags; titles are text', async () => {
    const html = await (await writeBookmarks(each([bundle(1, { title: '<img src=x onerror=alert(1)> & "co"' }), bundle(2)]), 1_700_000_000_000)).blob.text();
    expect(html.startsWith('<!DOCTYPE NETSCAPE-Bookmark-file-1>')).toBe(true);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelector('h3')!.textContent).toBe('Folio');
    const links = Array.from(doc.querySelectorAll('dt > a'));
    expect(links.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('add_date'), a.getAttribute('tags')])).toEqual([
      ['<img src=x onerror=alert(1)> & "co"', 'https://news.example/story/1', '1700000001', 'trade,long read'],
      ['Story 2', 'https://news.example/story/2', '1700000002', 'trade,long read'],
    ]);
    expect(doc.querySelectorAll('img, script').length).toBe(0);
  });

  it('Readwise CSV: one row per highlight with the seven columns; notes and quotes neutralised', async () => {
    const b = bundle(1, { highlights: [highlight('article-1', 'officials met', 20, '=cmd|calc'), highlight('article-1', 'Chinese', 0, '')] });
    const csv = await (await writeReadwiseCsv(each([b, bundle(2, { highlights: [] })]))).blob.text();
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual(['Highlight', 'Title', 'Author', 'URL', 'Note', 'Location', 'Date']);
    expect(parsed.data).toEqual([
      { Highlight: 'Chinese', Title: 'Story 1', Author: 'Josh Xiao', URL: 'https://news.example/story/1', Note: '', Location: '0', Date: '2023-11-14 22:15:00' },
      { Highlight: 'officials met', Title: 'Story 1', Author: 'Josh Xiao', URL: 'https://news.example/story/1', Note: "'=cmd|calc", Location: '20', Date: '2023-11-14 22:15:00' },
    ]);
  });
});

describe('runExport', () => {
  it('names the download by format and day, and counts articles whose text is missing', async () => {
    const read = async (ids: readonly string[]) => ids.map((id) => (id === 'gone' ? undefined : bundle(Number(id), { content: id === '2' ? null : undefined })));
    const out = await runExport('markdown', ['1', '2', 'gone'], read, { now: Date.UTC(2026, 11, 1) });
    expect(out).toMatchObject({ fileName: 'folio-markdown-2026-12-01.zip', articles: 2, withoutBody: 1 });
    const files = await unzip(out.blob);
    expect(text(files.get('Story 2.md')!)).toContain('missing from the library');
  });

  it('stops at the next article once cancelled, with ExportCancelledError', async () => {
    const controller = new AbortController();
    let reads = 0;
    const read = async (ids: readonly string[]) => {
      if (++reads === 2) controller.abort();
      return ids.map((id) => bundle(Number(id)));
    };
    // One article per read: the abort lands while the second is read (the third is already asked for).
    await expect(runExport('html', ['1', '2', '3', '4', '5'], read, { signal: controller.signal, batchSize: 1 })).rejects.toThrow(/cancelled/);
    expect(reads).toBeLessThanOrEqual(3);
    // Positive control: without the abort all five are read.
    reads = 0;
    const all = await runExport('html', ['1', '2', '3', '4', '5'], async (ids) => (reads++, ids.map((id) => bundle(Number(id)))), { batchSize: 1 });
    expect(all.articles).toBe(5);
    expect(reads).toBe(5);
  });
});
