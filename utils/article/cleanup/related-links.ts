/**
 * "See also:", "Read more:", "Related" lines and blocks inside the body: links
 * to other stories, not part of this one. A heading like "Related articles" takes
 * the link list under it along.
 */
import { isInside, linkDensity, removeWithEmptyParents, textOf } from './dom';
import type { CleanupRule } from './rule';

/** A line that points elsewhere: "See also: Trump not planning to meet…". */
const POINTER_LINE = /^(?:see also|read more|read also|also read|related(?: story| article| reading| content| coverage)?|more(?: on| from)? this(?: story| topic)?|recommended(?: reading)?|further reading|don['’]t miss|must read|watch|listen|explore more|keep reading|continue reading)\s*[:>»|\-–—]/i;
/** A heading that introduces a list of other stories. */
const RELATED_HEADING = /^(?:related(?: articles| stories| posts| content| reading| links| coverage)?|see also|read (?:more|next)|more (?:stories|articles|posts|news|reading|from [\w .'’&-]{1,40}|["“]?[\w .'’&-]{1,40}["”]? posts)|other (?:posts|articles|stories)(?: you may (?:enjoy|like))?|you (?:may|might) also (?:like|enjoy|be interested in)|recommended(?: for you| reading| articles| stories)?|popular(?: posts| stories| articles)?|trending(?: now| stories)?|most (?:read|popular|viewed)|latest (?:news|stories|posts|articles)|further reading|up next|what to read next|keep reading)\s*:?$/i;

export const relatedLinks: CleanupRule = {
  name: 'related-links',
  // The heading pattern is also a line rule: themes print "More from X" in a
  // <span> or <div>, not only in <h2>; the line goes even where its list is not recognised.
  lines: [{ pattern: POINTER_LINE, maxChars: 250 }, { pattern: RELATED_HEADING, maxChars: 80 }],
  run(root) {
    let removed = 0;
    for (const heading of Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6, p > strong:only-child, p > b:only-child'))) {
      if (!isInside(heading, root) || !RELATED_HEADING.test(textOf(heading))) continue;
      const line = heading.tagName === 'STRONG' || heading.tagName === 'B' ? (heading.parentElement ?? heading) : heading;
      // Take the link list(s) that follow, while they are mostly links.
      let next = line.nextElementSibling;
      while (next && !/^H[1-6]$/.test(next.tagName) && (linkDensity(next) > 0.5 || !textOf(next))) {
        const after = next.nextElementSibling;
        next.remove();
        removed++;
        next = after;
      }
      removeWithEmptyParents(line, root);
      removed++;
    }
    return removed;
  },
};
