/**
 * The author box after the story ("Jane is a content writer at …", "Read more
 * from Jane"): about the writer, not the story; the byline already names them.
 */
import { namesOf, removeWithEmptyParents, textOf } from './dom';
import type { CleanupRule } from './rule';

const BIO_NAMES = /(?:author-?(?:bio|box|info|card|profile|details|description)|about-?(?:the-?)?author|bio-?box|contributor-?bio)/;
const BIO_LINE = /^(?:about the author|read more (?:from|by|articles by) [\p{L} .'’-]{2,60}|more (?:from|by|articles by) [\p{L} .'’-]{2,60}|view all posts by .{2,60}|see (?:all|more) (?:articles|posts|stories) by .{2,60})$/iu;

export const authorBio: CleanupRule = {
  name: 'author-bio',
  lines: [{ pattern: BIO_LINE, maxChars: 100 }],
  run(root, ctx) {
    let removed = 0;
    for (const el of ctx.named) {
      if (!root.contains(el) || !BIO_NAMES.test(namesOf(el)) || textOf(el).length > 1200) continue;
      removeWithEmptyParents(el, root);
      removed++;
    }
    // "About the author" heading: the short block under it goes too.
    for (const h of Array.from(root.querySelectorAll('h2, h3, h4, h5, h6'))) {
      if (!root.contains(h) || !/^about the author$/i.test(textOf(h))) continue;
      const next = h.nextElementSibling;
      if (next && textOf(next).length < 800 && !/^H[1-6]$/.test(next.tagName)) next.remove();
      removeWithEmptyParents(h, root);
      removed++;
    }
    return removed;
  },
};
