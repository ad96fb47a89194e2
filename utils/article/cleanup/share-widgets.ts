/**
 * Share bars, font resizers and "scroll to top" buttons. Readability keeps them
 * when they sit inside the story's container (the seed page's "Share to
 * Whatsapp / Font Resizer" row does).
 */
import { isInside, namesOf, removeWithEmptyParents, textOf } from './dom';
import type { CleanupRule } from './rule';

// Not "font-size": that is a typography utility class (WordPress's has-large-font-size), not a resizer.
const WIDGET_NAMES = /(?:^|[\s_-])(?:share|sharing|social|sharebar|share-?buttons|font-?resiz\w*|text-?resiz\w*|print-?button|scroll-?(?:to-?)?top|back-?to-?top|toolbar)(?:$|[\s_-])/;
const WIDGET_TEXT = /^(?:(?:share|post|send)(?: (?:to|on|via) [\w .+]+| this(?: article| story| page)?)?|tweet|e-?mail|print|copy(?: the)? link|link copied|font (?:resizer|size)|text size|a\s?a|a- a\+|scroll to top|back to top|whatsapp|facebook|linkedin|twitter|x|telegram|reddit|pinterest|flipboard|comments?|save|bookmark|listen(?: to this article)?)(?:\s+(?:share|tweet|e-?mail|print|whatsapp|facebook|linkedin|twitter|x|telegram|reddit|pinterest|save|copy link))*$/i;

export const shareWidgets: CleanupRule = {
  name: 'share-widgets',
  lines: [{ pattern: WIDGET_TEXT, maxChars: 80 }],
  run(root, ctx) {
    let removed = 0;
    for (const el of ctx.named) {
      if (!WIDGET_NAMES.test(namesOf(el)) || !isInside(el, root)) continue;
      // Names lie ("social-impact" sections): only short, link-like blocks go.
      if (textOf(el).length > 160 || el.querySelector('p')?.textContent && textOf(el).length > 80) continue;
      removeWithEmptyParents(el, root);
      removed++;
    }
    return removed;
  },
};
