/**
 * Where a new site rule is tried before it is kept: other articles of the same
 * site that the page itself links to ("More from…", "Related", the next story).
 * A rule built on one page must survive the next article of the template; the
 * surest test is a page of the template, and the page at hand names some.
 *
 * Only links that read like another article: same site, same depth of path and
 * the same first section as this page (a story under /news/2026/… is tried on
 * another under /news/…), a slug-like last segment (words joined by hyphens or
 * an id), never the home page, a section index, navigation, header or footer
 * links. Nearer relatives (more leading path segments in common) come first.
 */
import { siteOf } from './apply';

/** How many the picker names at most (the background tries fewer: rule-trial.ts). */
export const MAX_OTHER_PAGES = 3;

/** Links in page chrome point at sections and services, not at stories. */
const CHROME = 'nav, header, footer, [role="navigation"], [role="banner"], [role="contentinfo"]';
const INDEX_NAMES = /^(?:index|home|default|main)(?:\.\w+)?$/i;
/** A story's slug: words joined by - or _, or a number of four digits or more (an id). */
const SLUG = /[a-z0-9][-_][a-z0-9]|\d{4,}/i;

function segments(pathname: string): string[] {
  return pathname.split('/').filter(Boolean);
}

/** Up to `max` addresses of other articles of this page's site, best first (pure DOM reading; no request). */
export function otherArticleLinks(doc: Document, pageUrl: string, max = MAX_OTHER_PAGES): string[] {
  let page: URL;
  try {
    page = new URL(pageUrl);
  } catch {
    return [];
  }
  const site = siteOf(page.href);
  const own = segments(page.pathname);
  if (!site || own.length === 0) return [];
  const scored = new Map<string, number>();
  for (const a of doc.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    if (a.closest(CHROME)) continue;
    let url: URL;
    try {
      url = new URL(a.getAttribute('href')!, doc.baseURI);
    } catch {
      continue;
    }
    url.hash = '';
    if (siteOf(url.href) !== site || url.pathname === page.pathname) continue;
    const path = segments(url.pathname);
    const last = path[path.length - 1] ?? '';
    if (path.length !== own.length || (own.length > 1 && path[0] !== own[0]) || INDEX_NAMES.test(last) || !SLUG.test(last)) continue;
    let shared = 0;
    while (shared < path.length - 1 && path[shared] === own[shared]) shared++;
    const href = url.href;
    if (!scored.has(href)) scored.set(href, shared);
  }
  // A stable sort: equal relatives keep the page's order (the first related link is usually the closest).
  return [...scored].sort((a, b) => b[1] - a[1]).slice(0, max).map(([href]) => href);
}
