/**
 * Figures left without an image (the lazy image was dropped, only the caption
 * or credit is left) and blocks that other passes emptied.
 */
import { hasMedia, hasText, isInside } from './dom';
import type { CleanupRule } from './rule';

export const emptyBlocks: CleanupRule = {
  name: 'empty-blocks',
  run(root) {
    let removed = 0;
    for (const figure of Array.from(root.querySelectorAll('figure'))) {
      if (!figure.querySelector('img, picture, video, audio, iframe, svg, canvas, object, embed, table, pre, code, blockquote, math')) {
        figure.remove();
        removed++;
      }
    }
    for (const el of Array.from(root.querySelectorAll('p, div, section, span, li, ul, ol, blockquote, h1, h2, h3, h4, h5, h6')).reverse()) {
      if (isInside(el, root) && !hasText(el) && !hasMedia(el) && !el.querySelector('br, hr')) {
        el.remove();
        removed++;
      }
    }
    return removed;
  },
};
