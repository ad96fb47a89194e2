/**
 * The quality benchmark's snippet matching (scripts/quality-metrics.ts). WCXB
 * cuts its snippets at a character count, so a snippet's first and last words
 * are often cut; a matcher that wants them whole misses snippets that are
 * there. The corpus check below is the control that it can fail: with whole
 * end words, 227 of the 3,550 article-page `with` snippets were not found even
 * in their own ground truth.
 */
import { describe, expect, it } from 'vitest';
import { snippetFound, wordString } from '../../scripts/quality-metrics';
import { wcxbPages } from '../../scripts/wcxb-corpus';

const text = wordString('1. Adjust Your Chair\n\nAt the heart of any ergonomically designed workstation is a supportive chair. Well-designed chairs are intuitive to adjust.');

describe('snippetFound', () => {
  it('matches a snippet cut inside its last or first word', () => {
    expect(snippetFound(text, 'At the heart of any ergonomically designed workstation is a supportive chair. We')).toBe(true);
    expect(snippetFound(text, 'ust Your Chair At the heart')).toBe(true);
  });

  it('still wants every word in between, in order', () => {
    expect(snippetFound(text, 'At the heart of every ergonomically designed workstation')).toBe(false);
    expect(snippetFound(text, 'the heart at of any')).toBe(false);
    expect(snippetFound(text, 'supportive chairs Well')).toBe(false);
  });

  it('wants a one-word snippet whole, and finds nothing for an empty one', () => {
    expect(snippetFound(text, 'chair')).toBe(true);
    expect(snippetFound(text, 'hai')).toBe(false);
    expect(snippetFound(text, ' … ')).toBe(false);
  });

  it('finds nearly every `with` snippet of the WCXB article pages in their own ground truth', () => {
    const pages = [...wcxbPages('wcxb-dev-sample'), ...wcxbPages('wcxb-dev-rest')].filter((p) => p.type === 'article');
    expect(pages.length).toBeGreaterThan(700);
    let all = 0;
    let found = 0;
    for (const p of pages) {
      const hay = wordString(p.truth.text);
      for (const s of p.truth.with) {
        all++;
        if (snippetFound(hay, s)) found++;
      }
    }
    // The rest (6 of 3,550 on 2026-12-03) quote markup or text that is not in main_content at all.
    expect(found / all).toBeGreaterThan(0.995);
  });
});
