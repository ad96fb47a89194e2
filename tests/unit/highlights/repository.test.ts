import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteArticles } from '@/utils/db/article-records';
import { saveArticle } from '@/utils/db/articles';
import {
  addHighlight, getHighlight, HighlightArticleMissingError, listAllHighlights, listHighlights, orphanHighlight,
  placeHighlight, removeHighlight, restoreHighlight, updateHighlight,
} from '@/utils/db/highlights';
import { addTags } from '@/utils/db/library-repository';
import { closeDB } from '@/utils/db/open';
import { searchIndex } from '@/utils/db/search-index';
import type { AnchorBasis, HighlightSelectors } from '@/utils/highlights/types';
import { listen } from '@/utils/library/channel';
import type { LibraryChange } from '@/utils/library/types';
import { makeExtracted } from '../helpers/article';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(async () => {
  await closeDB();
});

const TEXT = 'Chinese and American officials met in Kuala Lumpur.';
const basis: AnchorBasis = { contentHash: '0123456789abcdef', extractorVersion: 1, textModel: 1 };

function sel(exact: string): HighlightSelectors {
  const start = TEXT.indexOf(exact);
  if (start < 0) throw new Error(`not in the test text: ${exact}`);
  const end = start + exact.length;
  return {
    quote: { type: 'TextQuoteSelector', exact, prefix: TEXT.slice(Math.max(0, start - 32), start), suffix: TEXT.slice(end, end + 32) },
    position: { type: 'TextPositionSelector', start, end },
  };
}

async function saved(path = 'talks') {
  const url = `https://news.example/${path}`;
  return (await saveArticle(makeExtracted({ url, canonicalUrl: url }))).meta;
}

const found = async (query: string) => (await searchIndex(query)).hits.map((h) => h.id);

describe('highlights repository', () => {
  it('adds a highlight with defaults and lists it for its article', async () => {
    const meta = await saved();
    const h = await addHighlight({ articleId: meta.id, selectors: sel('Kuala Lumpur'), basis }, 1_000);
    expect(h).toMatchObject({ articleId: meta.id, color: 'yellow', note: '', orphaned: false, createdAt: 1_000, updatedAt: 1_000, basis });
    expect(await listHighlights(meta.id)).toEqual([h]);
    expect(await getHighlight(h.id)).toEqual(h);
  });

  it('refuses a highlight on an article that is not in the library, and stores nothing', async () => {
    await expect(addHighlight({ articleId: 'missing', selectors: sel('Chinese'), basis })).rejects.toBeInstanceOf(HighlightArticleMissingError);
    expect(await listAllHighlights()).toEqual([]);
  });

  it('refuses an empty quote, a backwards position and an unknown colour', async () => {
    const meta = await saved();
    const empty = { ...sel('Chinese'), quote: { ...sel('Chinese').quote, exact: ' ' } };
    await expect(addHighlight({ articleId: meta.id, selectors: empty, basis })).rejects.toThrow(TypeError);
    const backwards = { ...sel('Chinese'), position: { type: 'TextPositionSelector' as const, start: 5, end: 2 } };
    await expect(addHighlight({ articleId: meta.id, selectors: backwards, basis })).rejects.toThrow(TypeError);
    await expect(addHighlight({ articleId: meta.id, selectors: sel('Chinese'), basis, color: 'red' as never })).rejects.toThrow(TypeError);
    expect(await listAllHighlights()).toEqual([]);
  });

  it('lists an article’s highlights in document order, and only that article’s', async () => {
    const a = await saved('a');
    const b = await saved('b');
    await addHighlight({ articleId: a.id, selectors: sel('Kuala Lumpur'), basis }, 1);
    await addHighlight({ articleId: a.id, selectors: sel('Chinese'), basis }, 2);
    await addHighlight({ articleId: b.id, selectors: sel('officials'), basis }, 3);
    await addHighlight({ articleId: a.id, selectors: sel('American officials'), basis }, 4);
    expect((await listHighlights(a.id)).map((h) => h.selectors.quote.exact)).toEqual(['Chinese', 'American officials', 'Kuala Lumpur']);
    expect((await listAllHighlights()).map((h) => h.createdAt)).toEqual([4, 3, 2, 1]);
  });

  it('changes a note and a colour', async () => {
    const meta = await saved();
    const h = await addHighlight({ articleId: meta.id, selectors: sel('Chinese'), basis }, 1_000);
    const next = await updateHighlight(h.id, { note: 'Check the figures', color: 'blue' }, 2_000);
    expect(next).toMatchObject({ note: 'Check the figures', color: 'blue', createdAt: 1_000, updatedAt: 2_000 });
    expect(await getHighlight(h.id)).toEqual(next);
    expect(await updateHighlight('nope', { note: 'x' })).toBeUndefined();
    await expect(updateHighlight(h.id, { color: 'orange' as never })).rejects.toThrow(TypeError);
  });

  it('removes a highlight, returning it for Undo, and restores it as it was', async () => {
    const meta = await saved();
    const h = await addHighlight({ articleId: meta.id, selectors: sel('Chinese'), basis, note: 'keep me', color: 'pink' });
    const removed = await removeHighlight(h.id);
    expect(removed).toEqual(h);
    expect(await listHighlights(meta.id)).toEqual([]);
    expect(await removeHighlight(h.id)).toBeUndefined();
    expect(await restoreHighlight(removed!)).toBe(true);
    expect(await listHighlights(meta.id)).toEqual([h]);
  });

  it('does not restore a highlight whose article was deleted meanwhile', async () => {
    const meta = await saved();
    const h = await addHighlight({ articleId: meta.id, selectors: sel('Chinese'), basis });
    const removed = (await removeHighlight(h.id))!;
    await deleteArticles([meta.id]);
    expect(await restoreHighlight(removed)).toBe(false);
    expect(await listAllHighlights()).toEqual([]);
  });

  it('deleting an article deletes its highlights', async () => {
    const a = await saved('a');
    const b = await saved('b');
    await addHighlight({ articleId: a.id, selectors: sel('Chinese'), basis });
    const keep = await addHighlight({ articleId: b.id, selectors: sel('Chinese'), basis });
    await deleteArticles([a.id]);
    expect(await listAllHighlights()).toEqual([keep]);
  });

  it('keeps an orphan with its note, and places it again on new content', async () => {
    const meta = await saved();
    const h = await addHighlight({ articleId: meta.id, selectors: sel('Chinese'), basis, note: 'zeppelin' }, 1);
    const orphan = await orphanHighlight(h.id, 5);
    expect(orphan).toMatchObject({ orphaned: true, orphanedAt: 5, note: 'zeppelin' });
    expect(await listHighlights(meta.id)).toHaveLength(1);
    expect(await found('zeppelin')).toEqual([meta.id]);
    const newBasis = { ...basis, contentHash: 'fedcba9876543210' };
    const placed = await placeHighlight(h.id, sel('Kuala Lumpur'), newBasis, 9);
    expect(placed).toMatchObject({ orphaned: false, basis: newBasis, updatedAt: 9 });
    expect(placed).not.toHaveProperty('orphanedAt');
    expect(placed!.selectors.quote.exact).toBe('Kuala Lumpur');
  });
});

describe('highlights in search', () => {
  it('finds an article by a word that is only in a note', async () => {
    const meta = await saved();
    await saved('other');
    expect(await found('zeppelin')).toEqual([]);
    await addHighlight({ articleId: meta.id, selectors: sel('Chinese'), basis, note: 'Compare with the zeppelin treaty' });
    expect(await found('zeppelin')).toEqual([meta.id]);
  });

  it('follows note edits and removals', async () => {
    const meta = await saved();
    const h = await addHighlight({ articleId: meta.id, selectors: sel('Chinese'), basis, note: 'zeppelin' });
    await updateHighlight(h.id, { note: 'dirigible' });
    expect(await found('zeppelin')).toEqual([]);
    expect(await found('dirigible')).toEqual([meta.id]);
    await removeHighlight(h.id);
    expect(await found('dirigible')).toEqual([]);
  });

  it('keeps notes searchable when the article is saved again or tagged', async () => {
    const meta = await saved();
    await addHighlight({ articleId: meta.id, selectors: sel('Chinese'), basis, note: 'zeppelin' });
    await saved();
    expect(await found('zeppelin')).toEqual([meta.id]);
    await addTags([meta.id], ['trade']);
    expect(await found('zeppelin')).toEqual([meta.id]);
  });

  it('ranks an article whose highlight quotes the word above one that only mentions it', async () => {
    const plain = (await saveArticle(makeExtracted({ url: 'https://news.example/p', canonicalUrl: 'https://news.example/p', content: '<p>x</p>', textContent: 'Tariffs were discussed.' }))).meta;
    const highlighted = (await saveArticle(makeExtracted({ url: 'https://news.example/h', canonicalUrl: 'https://news.example/h', content: '<p>y</p>', textContent: 'Tariffs were discussed.' }))).meta;
    const selectors: HighlightSelectors = {
      quote: { type: 'TextQuoteSelector', exact: 'Tariffs', prefix: '', suffix: ' were discussed.' },
      position: { type: 'TextPositionSelector', start: 0, end: 7 },
    };
    await addHighlight({ articleId: highlighted.id, selectors, basis });
    expect(await found('tariffs')).toEqual([highlighted.id, plain.id]);
  });
});

describe('announcing', () => {
  it('tells other pages which article’s highlights changed', async () => {
    const meta = await saved();
    const changes: LibraryChange[] = [];
    const got = new Promise<void>((resolve) => {
      const stop = listen((change) => {
        changes.push(change);
        if (change.kind === 'highlights') {
          stop();
          resolve();
        }
      });
    });
    await addHighlight({ articleId: meta.id, selectors: sel('Chinese'), basis });
    await got;
    expect(changes).toContainEqual({ kind: 'highlights', articleId: meta.id });
  });
});
