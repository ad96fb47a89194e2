// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { blockRefs, partAt, removeByRefs, ruleSteps } from '@/utils/site-rules/blocks';
import { sanitizeArticle } from '@/utils/sanitize';

const STORY = 'The harbour council voted on Tuesday to rebuild the sea wall before the winter storms arrive. ';
/** Stored article HTML as the in-page extractor writes it (marks on blocks with stable names). */
const STORED = `<div id="readability-page-1" class="page"><p>${STORY}</p>
<p>${STORY.replace('council', 'board')}</p>
<div data-folio-step=".quay-guide"><p>Quayside Weekend: our pick of fish suppers.</p></div>
<figure><img src="https://news.example/a.jpg" alt="The wall"><figcaption>The wall in 1952.</figcaption></figure>
<p data-folio-step=".note">Corrections: none.</p><p data-folio-step=".note">Letters: write to us.</p>
<table><tr><td>High water 06:42</td></tr></table></div>`;

/** The reader's copy: the stored HTML through the sanitiser, with the reader's own table wrapper. */
function shown(): HTMLElement {
  const body = document.createElement('div');
  body.append(sanitizeArticle(STORED, 'https://news.example/wall'));
  const table = body.querySelector('table')!;
  const box = document.createElement('div');
  box.className = 'table-scroll';
  table.replaceWith(box);
  box.append(table);
  return body;
}

const stored = () => new DOMParser().parseFromString(STORED, 'text/html').body;

describe('parts of the article in the reader', () => {
  it('the sanitised copy keeps the marks the extractor wrote', () => {
    expect(shown().querySelector('[data-folio-step=".quay-guide"]')).not.toBeNull();
  });

  it('a wrapper that adds nothing to see is the part (the template names it); the article itself is not a part', () => {
    const body = shown();
    expect(partAt(body.querySelector('.page p, [data-folio-step=".quay-guide"] p'), body)?.getAttribute('data-folio-step')).toBe('.quay-guide');
    expect(partAt(body.querySelector('figcaption'), body)?.tagName).toBe('FIGURE');
    expect(partAt(body.querySelector('td'), body)?.tagName).toBe('TABLE');
    expect(partAt(body.firstElementChild, body)).toBeNull();
    expect(partAt(body, body)).toBeNull();
  });

  it('blocks removed in the copy are found again in the stored HTML and removed there, nothing else', () => {
    const body = shown();
    const refs = blockRefs(body);
    const picked = [partAt(body.querySelector('[data-folio-step=".quay-guide"] p'), body)!, partAt(body.querySelector('figcaption'), body)!, partAt(body.querySelector('td'), body)!];
    const raw = stored();
    expect(removeByRefs(raw, picked.map((el) => refs.get(el)!))).toBe(true);
    expect(raw.textContent).not.toContain('Quayside');
    expect(raw.textContent).not.toContain('1952');
    expect(raw.textContent).not.toContain('High water');
    expect(raw.textContent).toContain('board voted');
    expect(raw.querySelectorAll('p')).toHaveLength(4);
  });

  it('a block whose text differs in the copy (an image shown as "not saved") is found by its position', () => {
    const body = shown();
    const refs = blockRefs(body);
    const figure = body.querySelector('figure')!;
    const ref = { ...refs.get(figure)!, text: 'Image not saved: The wall The wall in 1952.' };
    const raw = stored();
    expect(removeByRefs(raw, [ref])).toBe(true);
    expect(raw.querySelector('figure')).toBeNull();
  });

  it('changes nothing when a block cannot be found', () => {
    const raw = stored();
    const before = raw.innerHTML;
    expect(removeByRefs(raw, [{ tag: 'p', index: 0, text: 'x' }, { tag: 'blockquote', index: 0, text: 'gone' }])).toBe(false);
    expect(raw.innerHTML).toBe(before);
  });

  it('a removal becomes part of the site rule only when its step names exactly what was removed here', () => {
    const body = shown();
    const all = [...blockRefs(body).keys()];
    const guide = body.querySelector('[data-folio-step=".quay-guide"]')!;
    const [note] = body.querySelectorAll('[data-folio-step=".note"]');
    const plain = body.querySelector('p')!;
    // ".note" also names a paragraph the user kept: this page only. A block without a mark: this page only.
    expect(ruleSteps([guide, note!, plain], all)).toEqual({ steps: ['.quay-guide'], pageOnly: 2 });
    expect(ruleSteps([...body.querySelectorAll('[data-folio-step=".note"]')], all)).toEqual({ steps: ['.note'], pageOnly: 0 });
  });
});
