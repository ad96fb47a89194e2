import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveArticle } from '@/utils/db/articles';
import { addTags } from '@/utils/db/library-repository';
import { closeDB } from '@/utils/db/open';
import { searchIndex } from '@/utils/db/search-index';
import { oneEditAway, queryTerms, termWeights, tokenize } from '@/utils/library/search-terms';
import { makeExtracted } from '../helpers/article';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(async () => {
  await closeDB();
});

async function save(path: string, title: string, body: string) {
  const url = `https://news.example/${path}`;
  return (await saveArticle(makeExtracted({ url, canonicalUrl: url, title, textContent: body, content: `<p>${body}</p>` }))).meta.id;
}

describe('terms', () => {
  it('folds case and accents, drops stop words and one-letter words, pairs unspaced scripts', () => {
    expect(tokenize('The Café in São Paulo, a 2025 “Résumé”')).toEqual(['cafe', 'sao', 'paulo', '2025', 'resume']);
    expect(tokenize('東京都')).toEqual(['東京', '京都']);
    expect(queryTerms('tariffs Tariffs TARIFFS')).toEqual(['tariffs']);
  });

  it('weighs a title word above a body word, and repeats with diminishing returns', () => {
    const w = termWeights({ title: 'Soybeans', body: 'tariffs tariffs tariffs soybeans' });
    expect(w.get('soybeans')!).toBeGreaterThan(w.get('tariffs')!);
    expect(w.get('tariffs')!).toBeLessThan(3);
  });

  it('one edit away covers deletions, swaps, substitutions and insertions', () => {
    const near = oneEditAway('tarif');
    for (const t of ['tarf', 'atrif', 'tarig', 'tariff']) expect(near).toContain(t);
    expect(near).not.toContain('tarif');
  });
});

describe('search', () => {
  it('finds a body word, ranks a title match first, and says which terms matched', async () => {
    const body = await save('a', 'Markets today', 'Officials discussed soybean purchases in Kuala Lumpur.');
    const title = await save('b', 'Soybean farmers wait', 'Harvest news.');
    await save('c', 'Unrelated', 'Nothing here.');
    const result = await searchIndex('soybean');
    expect(result.hits.map((h) => h.id)).toEqual([title, body]);
    expect(result.terms).toEqual(['soybean']);
  });

  it('matches prefixes (ranked below exact words) and needs every query word', async () => {
    const exact = await save('a', 'Negotiation', 'x');
    const longer = await save('b', 'Negotiations resume', 'x');
    expect((await searchIndex('negotiation')).hits.map((h) => h.id)).toEqual([exact, longer]);
    expect((await searchIndex('negot')).hits).toHaveLength(2);
    expect((await searchIndex('negot resume')).hits.map((h) => h.id)).toEqual([longer]);
    expect((await searchIndex('negot absent')).hits).toEqual([]);
  });

  it('tolerates one typo when the word itself is not in the index', async () => {
    const id = await save('a', 'Trade', 'Bessent headed the delegation.');
    const result = await searchIndex('delegatoin');
    expect(result.hits.map((h) => h.id)).toEqual([id]);
    expect(result.terms).toContain('delegation');
    expect((await searchIndex('bessnet')).hits.map((h) => h.id)).toEqual([id]);
  });

  it('finds tags and updates the index when tags change (no rebuild)', async () => {
    const id = await save('a', 'Story', 'Body text.');
    expect((await searchIndex('longread')).hits).toEqual([]);
    await addTags([id], ['longread']);
    expect((await searchIndex('longread')).hits.map((h) => h.id)).toEqual([id]);
  });

  it('re-saving replaces an article’s terms', async () => {
    const url = 'https://news.example/r';
    await saveArticle(makeExtracted({ url, canonicalUrl: url, title: 'First', textContent: 'zebra', content: '<p>zebra</p>' }));
    await saveArticle(makeExtracted({ url, canonicalUrl: url, title: 'Second', textContent: 'giraffe', content: '<p>giraffe</p>' }));
    expect((await searchIndex('zebra')).hits).toEqual([]);
    expect((await searchIndex('giraffe')).hits).toHaveLength(1);
  });

  it('an empty or stop-word query finds nothing instead of everything', async () => {
    await save('a', 'The story', 'the and of');
    expect((await searchIndex('   ')).hits).toEqual([]);
    expect((await searchIndex('the')).hits).toEqual([]);
  });
});
