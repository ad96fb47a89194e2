import { describe, expect, it } from 'vitest';
import { escapeMarkdown, highlightsToMarkdown } from '@/utils/highlights/markdown';
import type { Highlight } from '@/utils/highlights/types';

function h(exact: string, start: number, note = '', createdAt = 1): Highlight {
  return {
    id: `h${start}`,
    articleId: 'a1',
    selectors: {
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
    },
    basis: { contentHash: 'x', extractorVersion: 1, textModel: 1 },
    color: 'yellow',
    note,
    createdAt,
    updatedAt: createdAt,
    orphaned: false,
  };
}

const article = { title: 'US says China talks [very] constructive', url: 'https://news.example/2025/talks_(update)' };

describe('highlights as Markdown', () => {
  it('links the article, then quotes in document order with each note under its quote', () => {
    const md = highlightsToMarkdown(article, [
      h('fifth round of trade talks', 80, 'Fifth already?', 2),
      h('Chinese and American officials', 0, '', 1),
      h('no public remarks', 120, 'Line one\nline two', 3),
    ]);
    expect(md).toBe(
      [
        '## [US says China talks \\[very\\] constructive](https://news.example/2025/talks_%28update%29)',
        '> Chinese and American officials',
        '> fifth round of trade talks',
        'Fifth already?',
        '> no public remarks',
        'Line one\nline two',
      ].join('\n\n') + '\n',
    );
  });

  it('puts a quote spanning paragraphs on one line and escapes what Markdown would format', () => {
    const md = highlightsToMarkdown(article, [h('1. Tariffs *rose*\n    \n    # by_10%', 0)]);
    expect(md.trimEnd().split('\n\n')[1]).toBe('> 1\\. Tariffs \\*rose\\* # by\\_10%');
  });

  it('escapes line starts that would open a heading or a list', () => {
    expect(escapeMarkdown('# Not a heading')).toBe('\\# Not a heading');
    expect(escapeMarkdown('- not a list')).toBe('\\- not a list');
    expect(escapeMarkdown('2) neither')).toBe('2\\) neither');
    expect(escapeMarkdown('plain words')).toBe('plain words');
  });

  it('is just the link when there are no highlights', () => {
    expect(highlightsToMarkdown({ title: '', url: 'https://news.example/a' }, [])).toBe('## [Untitled](https://news.example/a)\n');
  });
});
