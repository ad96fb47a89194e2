import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import type { Highlight, HighlightColor } from '@/utils/highlights/types';
import type { ArticleMeta, SearchResult } from '@/utils/library/types';
import type { ChannelLike } from '@/utils/models/library';
import {
  colorCounts, createHighlightsModel, HIGHLIGHTS_PAGE, highlightMatches, type HighlightsDeps,
} from '@/utils/models/library-highlights';
import { makeMeta } from '../helpers/fake-library';

let serial = 0;
function hl(articleId: string, exact: string, color: HighlightColor = 'yellow', note = '', createdAt = ++serial): Highlight {
  return {
    id: `h${++serial}`,
    articleId,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: exact.length },
    },
    basis: { contentHash: 'x', extractorVersion: 1, textModel: 1 },
    color,
    note,
    createdAt,
    updatedAt: createdAt,
    orphaned: false,
  };
}

class FakeChannel implements ChannelLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  postMessage(): void {}
  close(): void {}
  deliver(data: unknown): void {
    this.onmessage?.({ data } as MessageEvent);
  }
}

function setup(highlights: Highlight[], metas: ArticleMeta[], answer: SearchResult = { hits: [], terms: [] }) {
  const timers: (() => void)[] = [];
  const channel = new FakeChannel();
  const store = { highlights, answer, searches: [] as string[] };
  const deps: HighlightsDeps = {
    listAll: () => Promise.resolve([...store.highlights].sort((a, b) => b.createdAt - a.createdAt)),
    search: (q) => {
      store.searches.push(q);
      return Promise.resolve(store.answer);
    },
    openChannel: () => channel,
    setTimeout: (fn) => timers.push(fn),
    clearTimeout: () => undefined,
    errorText: () => 'failed',
  };
  const articles = signal<ReadonlyMap<string, ArticleMeta>>(new Map(metas.map((m) => [m.id, m])));
  const model = createHighlightsModel(deps, articles);
  const flush = async () => {
    while (timers.length) timers.shift()!();
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { model, articles, channel, store, flush };
}

const quotes = (rows: { highlight: Highlight }[]) => rows.map((r) => r.highlight.selectors.quote.exact);

describe('matching a highlight to a search', () => {
  it('by a term in its quote, its note or its article title; prefixes mark like the list does', () => {
    const h = hl('a', 'Trade talks resume', 'yellow', 'Check the zeppelin figures');
    expect(highlightMatches(h, 'Harbour news', ['zeppelin'])).toBe(true);
    expect(highlightMatches(h, 'Harbour news', ['trade'])).toBe(true);
    expect(highlightMatches(h, 'Harbour news', ['harb'])).toBe(true);
    expect(highlightMatches(h, 'Harbour news', ['monsoon'])).toBe(false);
    expect(highlightMatches(h, 'Harbour news', [])).toBe(false);
  });

  it('counts each colour', () => {
    expect(colorCounts([hl('a', 'x', 'green'), hl('a', 'y', 'green'), hl('a', 'z', 'pink')])).toEqual({ yellow: 0, green: 2, blue: 0, pink: 1, purple: 0 });
  });
});

describe('the highlights view model', () => {
  const a = makeMeta({ id: 'art-a', title: 'Harbour talks resume' });
  const b = makeMeta({ id: 'art-b', title: 'Monsoon closes ports' });

  it('loads when first shown: newest first, with each row’s article', async () => {
    const { model, flush } = setup([hl('art-a', 'first', 'yellow', '', 1), hl('art-b', 'second', 'green', '', 2)], [a, b]);
    expect(model.status.value).toBe('idle');
    model.show(true);
    await flush();
    expect(quotes(model.visible.value)).toEqual(['second', 'first']);
    expect(model.visible.value[0]!.article?.title).toBe('Monsoon closes ports');
    expect(model.count.value).toBe(2);
  });

  it('filters by colour, and says when a colour has none', async () => {
    const { model, flush } = setup([hl('art-a', 'sun', 'yellow'), hl('art-a', 'leaf', 'green'), hl('art-b', 'sky', 'blue')], [a, b]);
    model.show(true);
    await flush();
    model.setColor('green');
    expect(quotes(model.visible.value)).toEqual(['leaf']);
    model.setColor('purple');
    expect(model.visible.value).toEqual([]);
    expect(model.emptyKind.value).toBe('color');
    model.setColor(null);
    expect(model.count.value).toBe(3);
  });

  it('searches through the index: only highlights of hit articles that hold a matched term', async () => {
    const note = hl('art-a', 'the first quote', 'yellow', 'a zeppelin note');
    const other = hl('art-a', 'another quote', 'yellow');
    const elsewhere = hl('art-b', 'zeppelin in a quote of another article');
    const { model, flush, store } = setup([note, other, elsewhere], [a, b], { hits: [{ id: 'art-a', score: 1 }], terms: ['zeppelin'] });
    model.show(true);
    await flush();
    model.setQuery('zepelin');
    await flush();
    expect(store.searches).toEqual(['zepelin']);
    expect(quotes(model.visible.value)).toEqual(['the first quote']);
    expect(model.terms.value).toEqual(['zeppelin']);
    store.answer = { hits: [], terms: [] };
    model.setQuery('nothing');
    await flush();
    expect(model.emptyKind.value).toBe('search');
    model.setQuery('');
    await flush();
    expect(model.count.value).toBe(3);
  });

  it('an empty library of highlights says so', async () => {
    const { model, flush } = setup([], [a]);
    model.show(true);
    await flush();
    expect(model.emptyKind.value).toBe('none');
  });

  it('hides the highlights of an article that is gone (deleted, or pending delete) and follows posted changes', async () => {
    const { model, flush, articles, channel, store } = setup([hl('art-a', 'kept'), hl('art-b', 'goes')], [a, b]);
    model.show(true);
    await flush();
    articles.value = new Map([[a.id, a]]);
    expect(quotes(model.visible.value)).toEqual(['kept']);
    store.highlights.push(hl('art-a', 'made in the reader', 'pink', '', 1_000));
    channel.deliver({ kind: 'highlights', articleId: 'art-a' });
    channel.deliver({ kind: 'saved', id: 'art-a' });
    await flush();
    expect(quotes(model.visible.value)).toEqual(['made in the reader', 'kept']);
    channel.deliver({ kind: 'bogus' });
    await flush();
    expect(model.count.value).toBe(2);
  });

  it('renders a page at a time; keyboard moves are clamped', async () => {
    const many = Array.from({ length: HIGHLIGHTS_PAGE + 5 }, (_, i) => hl('art-a', `q${i}`, 'yellow', '', i + 1));
    const { model, flush } = setup(many, [a]);
    model.show(true);
    await flush();
    expect(model.visible.value).toHaveLength(HIGHLIGHTS_PAGE);
    expect(model.more.value).toBe(true);
    model.showMore();
    expect(model.visible.value).toHaveLength(HIGHLIGHTS_PAGE + 5);
    const first = model.moveFocus(0);
    expect(first).toBe(model.visible.value[0]!.highlight.id);
    expect(model.moveFocus(-1)).toBe(first);
    expect(model.moveFocus(Infinity)).toBe(model.visible.value.at(-1)!.highlight.id);
  });
});
