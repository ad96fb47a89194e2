/**
 * The author box after the story ("Jane is a content writer at …", "Read more
 * from Jane"): about the writer, not the story; the byline already names them.
 */
import { normalizeSpace } from '../text';
import { isInside, namesOf, removeWithEmptyParents, textOf } from './dom';
import type { CleanupRule } from './rule';

// Separators as CMSs and BEM write them: author-bio, author_bio, hero-author--bio, author__box.
const BIO_NAMES = /(?:author[-_]*(?:bio|box|info|card|profile|details|description)|about[-_]*(?:the[-_]*)?author|bio[-_]*box|contributor[-_]*bio)/;
const BIO_LINE = /^(?:about the author|read more (?:from|by|articles by) [\p{L} .'’-]{2,60}|more (?:from|by|articles by) [\p{L} .'’-]{2,60}|view all posts by .{2,60}|see (?:all|more) (?:articles|posts|stories) by .{2,60})$/iu;

export const authorBio: CleanupRule = {
  name: 'author-bio',
  lines: [{ pattern: BIO_LINE, maxChars: 100 }],
  run(root, ctx) {
    let removed = 0;
    for (const el of ctx.named) {
      if (!BIO_NAMES.test(namesOf(el)) || !isInside(el, root) || textOf(el).length > 1200) continue;
      removeWithEmptyParents(el, root);
      removed++;
    }
    // "About the author" heading: the short block under it goes too.
    for (const h of Array.from(root.querySelectorAll('h2, h3, h4, h5, h6'))) {
      if (!isInside(h, root) || !/^about the author$/i.test(textOf(h))) continue;
      const next = h.nextElementSibling;
      if (next && textOf(next).length < 800 && !/^H[1-6]$/.test(next.tagName)) next.remove();
      removeWithEmptyParents(h, root);
      removed++;
    }
    // The bio paragraph itself, when Readability has turned the box into a plain
    // <p> (its class is gone): short, and it opens with the byline's name and "is a…".
    const name = ctx.byline?.split(/,| and /)[0]?.trim();
    if (name && name.length >= 5) {
      const opener = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+(?:is|was|writes|covers|has been|joined)\\b`, 'i');
      // The name's first letter must open the paragraph: checked on the raw text
      // first, so the story's paragraphs are not each normalised for nothing.
      // (Upper case: the case-insensitive regex compares characters the same way.)
      const initial = name[0]!.toUpperCase();
      for (const p of Array.from(root.querySelectorAll('p'))) {
        const raw = p.textContent ?? '';
        if (raw[raw.search(/[^\s\u00a0\u200b]/)]?.toUpperCase() !== initial) continue;
        const text = normalizeSpace(raw);
        if (text.length > 400 || !opener.test(text)) continue;
        removeWithEmptyParents(p, root);
        removed++;
      }
    }
    return removed;
  },
};
