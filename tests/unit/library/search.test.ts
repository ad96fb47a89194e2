import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveArticle } from '@/utils/db/articles';
import { addTags } from '@/utils/db/library-repository';
import { closeDB } from '@/utils/db/open';
import { compactIndex, searchIndex } from '@/utils/db/search-index';
import { searchableOf } from '@/utils/library/records';
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

/**
 * The ranking as documented (utils/db/search-index.ts), computed directly from
 * each article's term weights: every word must match; a word matches itself and
 * longer words it starts (from three letters, × 0.6) or, when the index has
 * neither, words one edit away with the same first letter (from four letters,
 * × 0.4); an article scores its best match per word, weight × ln(1 + N / df),
 * summed over the words in the order typed.
 */
function reference(docs: readonly { id: string; weights: Map<string, number> }[], query: string): { id: string; score: number }[] {
  const vocabulary = new Set(docs.flatMap((d) => [...d.weights.keys()]));
  const perWord: Map<string, number>[] = [];
  for (const word of queryTerms(query)) {
    let terms = [...vocabulary].filter((t) => t === word || (word.length >= 3 && t.startsWith(word)));
    let factor = (t: string): number => (t === word ? 1 : 0.6);
    if (terms.length === 0) {
      if (word.length < 4) return [];
      const near = new Set(oneEditAway(word).filter((t) => t[0] === word[0]));
      terms = [...vocabulary].filter((t) => near.has(t));
      factor = () => 0.4;
    }
    const scores = new Map<string, number>();
    for (const t of terms) {
      const df = docs.filter((d) => d.weights.has(t)).length;
      for (const d of docs) {
        const w = d.weights.get(t);
        if (w === undefined) continue;
        const s = Math.fround(w) * Math.log(1 + docs.length / df) * factor(t);
        if (s > (scores.get(d.id) ?? 0)) scores.set(d.id, s);
      }
    }
    perWord.push(scores);
  }
  const hits: { id: string; score: number }[] = [];
  for (const d of docs) {
    if (!perWord.every((m) => m.has(d.id))) continue;
    let score = perWord[0]!.get(d.id)!;
    for (const m of perWord.slice(1)) score += m.get(d.id)!;
    hits.push({ id: d.id, score });
  }
  return hits.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}

describe('ranking', () => {
  it('ranks exactly as documented over many segments: one and three words, prefixes, typos, absent words', async () => {
    // Deterministic words with shared stems ("marine", "mariner", "marines"…), common and rare ones.
    const stems = ['marine', 'harbor', 'tariff', 'senate', 'vaccine', 'glacier', 'lantern', 'orchard'];
    const vocabulary = stems.flatMap((s) => [s, `${s}s`, `${s}r`]);
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const pick = () => vocabulary[Math.floor(next() ** 2 * vocabulary.length)]!;
    const docs: { id: string; weights: Map<string, number> }[] = [];
    for (let i = 0; i < 40; i++) {
      const title = `${pick()} ${pick()}`;
      const body = Array.from({ length: 3 + Math.floor(next() * 12) }, pick).join(' ');
      const url = `https://news.example/rank/${i}`;
      const { meta } = await saveArticle(makeExtracted({ url, canonicalUrl: url, title, textContent: body, content: `<p>${body}</p>`, byline: null, siteName: null, excerpt: '' }));
      docs.push({ id: meta.id, weights: termWeights(searchableOf(meta, { textContent: body })) });
    }
    const queries = ['marine', 'orchards', 'mar', 'marine harbor tariff', 'glacier senate', 'harbro', 'tarif', 'lantern vacine', 'absentword', 'marine absentword'];
    // Before and after merging: one-article segments, then a few larger ones.
    for (const compacted of [false, true]) {
      if (compacted) while ((await compactIndex()) > 0);
      for (const q of queries) {
        expect((await searchIndex(q)).hits, `${q}${compacted ? ' (compacted)' : ''}`).toEqual(reference(docs, q));
      }
    }
    expect(reference(docs, 'marine harbor tariff').length).toBeGreaterThan(0);
    expect(reference(docs, 'harbro').length).toBeGreaterThan(0);
  });
});
