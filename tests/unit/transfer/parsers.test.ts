// @vitest-environment jsdom
/**
 * Each import format against fixtures written for its awkward cases: quoted
 * newlines and the extra `cursor` column (Pocket), the old four-column file,
 * JSON tag arrays and folders as tags (Instapaper), quote blocks, labels and
 * notes (Omnivore), nested folders (bookmarks), and the format told from the
 * content, never the file name.
 */
import { describe, expect, it } from 'vitest';
import { parseBookmarksHtml } from '@/utils/transfer/import/bookmarks-html';
import { parseInstapaperCsv } from '@/utils/transfer/import/instapaper-csv';
import { parseOmnivoreHighlights } from '@/utils/transfer/import/omnivore-highlights';
import { parsePocketCsv } from '@/utils/transfer/import/pocket-csv';
import { parsePocketHtml } from '@/utils/transfer/import/pocket-html';
import { readImportFile, sniffText } from '@/utils/transfer/import/read-file';
import { ImportFileError } from '@/utils/transfer/import-error';
import { fileOf, fixture, fixtureText, zipFolder } from './fixture-zip';

describe('Pocket CSV', () => {
  const { items, unreadable } = parsePocketCsv(fixtureText('pocket/part_000000.csv'), 'part_000000.csv');

  it('maps columns by name past the extra cursor column, with Unix-second dates and |-joined tags', () => {
    expect(items[0]).toMatchObject({
      url: 'https://news.example/monsoon-ferries?utm_source=pocket',
      title: 'Monsoon season arrives early, and the ferries wait',
      savedAt: 1_700_000_000_000,
      tags: ['weather', 'travel'],
      archived: false,
      read: false,
    });
  });

  it('a title with a quoted newline and doubled quotes is one row, folded to one line; archive is archived and read', () => {
    expect(items[1]).toMatchObject({ title: 'A title that spans two lines, with "quotes"', archived: true, read: true });
    expect(items).toHaveLength(3);
  });

  it('a row without a web address is unreadable with the reason, and rows after it still read', () => {
    expect(unreadable).toEqual([{ ref: 'part_000000.csv, row 4', reason: 'not a web address: “not-a-url”' }]);
    expect(items[2]).toMatchObject({ title: '', url: 'https://blog.example/untitled', tags: ['long read', 'Weather'] });
  });

  it('a file without the cursor column and with reordered columns reads the same way', () => {
    const other = parsePocketCsv(fixtureText('pocket/part_000001.csv'), 'part_000001.csv');
    expect(other.items[0]).toMatchObject({ url: 'https://news.example/harbour-report', title: 'The harbour report', savedAt: 1_600_000_000_000, tags: ['ports'], archived: true });
  });
});

describe('Pocket ril_export.html', () => {
  it('Unread and Read Archive sections, time_added and comma tags; a javascript: link is unreadable', () => {
    const { items, unreadable } = parsePocketHtml(fixtureText('pocket-html/ril_export.html'), 'ril_export.html');
    expect(items).toEqual([
      expect.objectContaining({ url: 'https://news.example/unread-one', title: 'Unread one', savedAt: 1_500_000_000_000, tags: ['politics', 'long read'], archived: false }),
      expect.objectContaining({ url: 'https://news.example/read-one', title: 'Read one & done', archived: true, read: true, tags: [] }),
    ]);
    expect(unreadable).toHaveLength(1);
    expect(unreadable[0]!.reason).toContain('javascript:');
  });
});

describe('Instapaper CSV', () => {
  it('Unread / Archive / Starred folders are states; another folder becomes a tag; Tags is a JSON array', () => {
    const { items, warnings } = parseInstapaperCsv(fixtureText('instapaper/instapaper-export.csv'), 'export.csv');
    expect(items.map((i) => [i.title, i.tags, i.archived, i.favorite])).toEqual([
      ['Article A, with a comma', ['news', 'long read'], false, false],
      ['Article B', [], true, false],
      ['Article C', ['fav'], false, true],
      ['Article D', ['Recipes'], false, false],
      ['Article E', ['not', 'json'], false, false],
    ]);
    expect(items[1]!.excerpt).toBe('The line I selected');
    expect(items[0]!.savedAt).toBe(1_650_000_000_000);
    expect(warnings.join(' ')).toContain('not a JSON list');
  });

  it('an old four-column file reads, folder names still becoming tags', () => {
    const { items, unreadable } = parseInstapaperCsv(fixtureText('instapaper/instapaper-old.csv'), 'old.csv');
    expect(unreadable).toEqual([]);
    expect(items.map((i) => [i.url, i.archived, i.tags])).toEqual([
      ['https://news.example/old-a', false, []],
      ['https://news.example/old-b', true, []],
      ['https://news.example/old-c', false, ['Cooking']],
    ]);
    expect(items[0]!.savedAt).toBeUndefined();
  });

  it('broken quoting refuses the whole file with the row it starts near', () => {
    expect(() => parseInstapaperCsv(fixtureText('instapaper/broken-quoting.csv'), 'broken.csv')).toThrow(/broken quoting/);
    // Positive control: the same rows correctly quoted read.
    const fixed = fixtureText('instapaper/broken-quoting.csv').replace('"An unterminated title', '"A terminated title"');
    expect(parseInstapaperCsv(fixed, 'fixed.csv').items).toHaveLength(2);
  });
});

describe('Omnivore highlights Markdown', () => {
  it('quote blocks (multi-line, back-link dropped), notes with #labels, a quote without a note', () => {
    expect(parseOmnivoreHighlights(fixtureText('omnivore/highlights/the-river-and-the-town.md'))).toEqual([
      { quote: 'the town moves its market two streets uphill', note: 'A clever habit. #habits #towns' },
      { quote: 'they raised the houses on the lowest street by a metre, one house a year', note: '' },
      { quote: 'The old fishermen say that is what the river wanted all along.', note: '' },
    ]);
  });
});

describe('Netscape bookmarks', () => {
  it('folders become tags (browser root folders do not); bookmarklets are skipped; ftp is unreadable', () => {
    const { items, unreadable } = parseBookmarksHtml(fixtureText('bookmarks/bookmarks.html'), 'bookmarks.html');
    expect(items.map((i) => [i.url, i.tags])).toEqual([
      ['https://news.example/top', []],
      ['https://news.example/essay', ['Reading', 'essays', 'slow']],
      ['https://science.example/paper', ['Reading', 'Science']],
    ]);
    expect(items[1]!.savedAt).toBe(1_600_000_003_000);
    expect(unreadable.map((u) => u.reason)).toEqual(['not a web address: “ftp://files.example/x”']);
  });
});

describe('sniffing by content and reading a file', () => {
  it('tells formats from their content whatever the file is called', async () => {
    expect(sniffText(fixtureText('instapaper/instapaper-old.csv'))).toBe('instapaper-csv');
    expect(sniffText(fixtureText('pocket/part_000001.csv'))).toBe('pocket-csv');
    expect(sniffText(fixtureText('bookmarks/bookmarks.html'))).toBe('bookmarks-html');
    expect(sniffText(fixtureText('pocket-html/ril_export.html'))).toBe('pocket-html');
    const misnamed = await readImportFile(fileOf(fixture('bookmarks/bookmarks.html'), 'pocket-export.csv'));
    expect(misnamed.format).toBe('bookmarks-html');
  });

  it('a Pocket zip: every part, annotations attached by the article’s identity, orphan highlights reported', async () => {
    const parsed = await readImportFile(fileOf(zipFolder('pocket', 'pocket/'), 'anything.zip'));
    expect(parsed.format).toBe('pocket-zip');
    expect(parsed.items).toHaveLength(5);
    const monsoon = parsed.items.find((i) => i.url.includes('monsoon-ferries?utm'))!;
    expect(monsoon.highlights.map((h) => h.quote)).toEqual(['the ferries wait at the pier', 'rain came three weeks early']);
    expect(monsoon.highlights[0]!.createdAt).toBe(1_700_000_500_000);
    expect(parsed.warnings.join(' ')).toMatch(/1 highlight .* not in this export/);
  });

  it('an Omnivore zip: metadata, content imported as HTML, highlights, labels, progress; deleted items left out', async () => {
    const parsed = await readImportFile(fileOf(zipFolder('omnivore'), 'omnivore.zip'));
    expect(parsed.format).toBe('omnivore-zip');
    expect(parsed.items.map((i) => i.url)).toEqual(['https://river.example/the-river-and-the-town', 'https://hostile.example/page']);
    expect(parsed.items[0]).toMatchObject({
      title: 'The river and the town', tags: ['rivers', 'towns'], archived: true, progress: 0.45, byline: 'Ana Lima',
      savedAt: Date.parse('2023-05-01T10:00:00.000Z'), publishedTime: '2023-04-30T08:00:00.000Z',
    });
    expect(parsed.items[0]!.html).toContain('summer street');
    expect(parsed.items[0]!.highlights).toHaveLength(3);
    expect(parsed.unreadable).toEqual([{ ref: 'metadata_0_to_2.json, item 4', reason: 'no address' }]);
  });

  it('non-UTF-8 text is read as Windows-1252 and the preview says so', async () => {
    const parsed = await readImportFile(fileOf(fixture('instapaper/windows-1252.csv'), 'old.csv'));
    expect(parsed.items[0]!.title).toBe('Café crème');
    expect(parsed.warnings[0]).toMatch(/not UTF-8/);
    // Positive control: the same text as UTF-8 carries no warning.
    const utf8 = await readImportFile(fileOf(new TextEncoder().encode('URL,Title,Selection,Folder\nhttps://news.example/x,Café crème,,Unread\n'), 'u.csv'));
    expect(utf8.warnings).toEqual([]);
  });

  it('the wrong format and an empty file get a clear message', async () => {
    await expect(readImportFile(fileOf(new TextEncoder().encode('{"some":"json"}'), 'x.json'))).rejects.toThrow(/does not recognise/);
    await expect(readImportFile(fileOf(new Uint8Array(0), 'x.csv'))).rejects.toThrow(/empty/);
  });

  it('a file over the limit is refused from its size, reading no more than its head (and a zip’s directory)', async () => {
    // A Folio backup has no file cap (it is read an entry at a time), so a large file is asked
    // only whether it is one: 4 bytes, and for a zip its end record, never the file.
    const huge = (head: number[]) => {
      let read = 0;
      const file = {
        name: 'huge.zip',
        size: 1024 ** 3,
        slice: (start = 0, end = 1024 ** 3) => ({
          arrayBuffer: async () => {
            read += end - start;
            const bytes = new Uint8Array(end - start);
            if (start === 0) bytes.set(head.slice(0, bytes.length));
            return bytes.buffer;
          },
        }),
        arrayBuffer: () => { throw new Error('read whole'); },
        stream: () => { throw new Error('read whole'); },
      } as unknown as File;
      return { file, read: () => read };
    };
    for (const head of [[0x74, 0x69, 0x74, 0x6c], [0x50, 0x4b, 0x03, 0x04]]) {
      const { file, read } = huge(head);
      const error = await readImportFile(file).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportFileError);
      expect((error as ImportFileError).message).toMatch(/1\.0 GB; Folio imports files up to 200 MB/);
      // The end record and its longest comment: about 64 kB of the 1 GB.
      expect(read()).toBeLessThan(70_000);
    }
  });
});
