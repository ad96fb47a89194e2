/**
 * The reader's "Remove parts" mode on the page: the article's parts become
 * targets (outlined under the pointer, focusable with Tab), a click or Enter
 * takes one out of the page, Undo puts the last one back. Nothing is stored
 * until "Done" (components/reader/RemoveParts.tsx hands the result to the
 * model). Plain DOM on the reader's own copy of the article; which element a
 * pointer means is utils/site-rules/blocks.ts's.
 */
import { blockRefs, partAt, type BlockRef } from '../../utils/site-rules/blocks';

/** Set on the body while the mode is on, on the part under the pointer, and on every part (the reader CSS draws them). */
export const REMOVING_ATTR = 'data-removing';
export const TARGET_ATTR = 'data-remove-target';
export const PART_ATTR = 'data-remove-part';

interface Taken {
  part: Element;
  /** What left the page: the part, or the reader's own wrapper around it (a table's scroll box). */
  node: Element;
  parent: Node;
  next: Node | null;
}

export interface RemoveSession {
  /** The parts removed so far, in the order they were removed. */
  removed(): Element[];
  /** The refs of every block of the article as it was when the mode started. */
  refs: Map<Element, BlockRef>;
  undo(): void;
  stop(): void;
}

export function startRemoving(body: HTMLElement, { onChange, describedBy, afterLast }: {
  onChange: (count: number) => void;
  /** Id of the text a focused part is described by ("press Enter to remove it"). */
  describedBy: string;
  /** Where focus goes when the last part is removed. */
  afterLast: () => void;
}): RemoveSession {
  const refs = blockRefs(body);
  const parts = [...refs.keys()].filter((el) => partAt(el, body) === el);
  const taken: Taken[] = [];
  let target: Element | null = null;

  // The article's own values, put back when the mode ends.
  const before = new Map(parts.map((el) => [el, { tabindex: el.getAttribute('tabindex'), describedby: el.getAttribute('aria-describedby') }]));
  body.setAttribute(REMOVING_ATTR, '');
  for (const el of parts) {
    el.setAttribute(PART_ATTR, '');
    el.setAttribute('tabindex', '0');
    el.setAttribute('aria-describedby', describedBy);
  }

  const mark = (el: Element | null) => {
    if (el === target) return;
    target?.removeAttribute(TARGET_ATTR);
    target = el;
    target?.setAttribute(TARGET_ATTR, '');
  };

  const take = (part: Element) => {
    const wrapper = part.parentElement?.classList.contains('table-scroll') ? part.parentElement : null;
    const node = wrapper ?? part;
    if (!node.parentNode) return;
    // Focus moves on to the next part still on the page, so the keyboard stays in the article.
    const nextPart = parts.slice(parts.indexOf(part) + 1).find((el) => el.isConnected && !node.contains(el));
    taken.push({ part, node, parent: node.parentNode, next: node.nextSibling });
    mark(null);
    node.remove();
    onChange(taken.length);
    if (nextPart instanceof HTMLElement) nextPart.focus();
    else afterLast();
  };

  const onOver = (event: Event) => mark(partAt(event.target as Element, body));
  const onLeave = () => mark(null);
  const onClick = (event: MouseEvent) => {
    // A click removes; it never follows a link or opens a highlight.
    event.preventDefault();
    event.stopPropagation();
    const part = partAt(event.target as Element, body);
    if (part) take(part);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== 'Delete' && event.key !== 'Backspace') return;
    const el = event.target as Element;
    if (!el.hasAttribute(PART_ATTR)) return;
    event.preventDefault();
    event.stopPropagation();
    take(el);
  };
  body.addEventListener('pointerover', onOver);
  body.addEventListener('pointerleave', onLeave);
  body.addEventListener('click', onClick, true);
  body.addEventListener('keydown', onKey, true);

  return {
    refs,
    removed: () => taken.map((t) => t.part),
    undo() {
      const last = taken.pop();
      if (!last) return;
      last.parent.insertBefore(last.node, last.next && last.next.parentNode === last.parent ? last.next : null);
      onChange(taken.length);
      if (last.part instanceof HTMLElement) last.part.focus();
    },
    stop() {
      body.removeEventListener('pointerover', onOver);
      body.removeEventListener('pointerleave', onLeave);
      body.removeEventListener('click', onClick, true);
      body.removeEventListener('keydown', onKey, true);
      mark(null);
      body.removeAttribute(REMOVING_ATTR);
      for (const [el, was] of before) {
        el.removeAttribute(PART_ATTR);
        for (const [name, value] of [['tabindex', was.tabindex], ['aria-describedby', was.describedby]] as const) {
          if (value === null) el.removeAttribute(name);
          else el.setAttribute(name, value);
        }
      }
    },
  };
}
