/**
 * The shared mechanism of the text-pattern rules: find short "lines" whose
 * whole text matches a pattern and remove them, with the wrappers they leave
 * empty. Only short lines go: a story paragraph that merely mentions
 * "newsletter" is longer than any widget.
 */
import { normalizeSpace } from '../text';
import { LINE_SELECTOR, isInside, removeWithEmptyParents, textOf, textUpTo } from './dom';

export interface LineRule {
  /**
   * Tested against the line's whitespace-normalised text: a RegExp, or any
   * object with a `test` (for rules that count several phrases, which one
   * pattern cannot say). No `g` flag: `test` must not keep state.
   */
  pattern: { test(text: string): boolean };
  /** Lines longer than this are prose, not widgets. */
  maxChars: number;
}

export function removeMatchingLines(root: Element, rules: readonly LineRule[]): number {
  let removed = 0;
  // Raw text may carry indentation whitespace; allow for it before the exact test.
  const maxRaw = Math.max(0, ...rules.map((r) => r.maxChars)) * 3 + 200;
  // Innermost first (reverse document order) so a wrapper is judged after its content is gone.
  const candidates = Array.from(root.querySelectorAll(LINE_SELECTOR)).reverse();
  for (const el of candidates) {
    if (!rules.length) break;
    if (!isInside(el, root)) continue;
    // Cheap length test on the raw text before normalising it; most elements are
    // prose. textUpTo stops reading a container once it is longer than any line could be.
    const raw = textUpTo(el, maxRaw);
    if (!raw) continue;
    const text = normalizeSpace(raw);
    if (!text) continue;
    if (!rules.some((r) => text.length <= r.maxChars && r.pattern.test(text))) continue;
    // Climb while the parent holds nothing more than this line (a wrapper div around a <p>).
    let target: Element = el;
    // (Only single-child wrappers are compared, so a big container is never re-read per line.)
    while (target.parentElement && target.parentElement !== root && !target.previousElementSibling && !target.nextElementSibling && textOf(target.parentElement) === text) {
      target = target.parentElement;
    }
    removeWithEmptyParents(target, root);
    removed++;
  }
  return removed;
}
