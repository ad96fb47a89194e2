/**
 * CSS selectors for "Fix this page" rules that survive the next article of the
 * same site: built from what a template keeps between pages — ids and class
 * names a person wrote, tag names, structure — and never from what changes —
 * `nth-child` positions, ids with the article's number in them, class names a
 * build tool generated (CSS modules, styled-components, Tailwind arbitrary
 * values, hashes). Pure DOM reading; works on any Document (browser, jsdom,
 * linkedom).
 */

/** Tokens a build tool or a CMS generated: they differ between pages or deployments. */
export function isGeneratedToken(token: string): boolean {
  if (token.length > 40) return true;
  // Runs of digits: "post-48213", "c1234567", and any number an article carries.
  if (/\d{3,}/.test(token)) return true;
  // Hashes: "a3f9c2", "x7Gh2KpQ", css-modules' "title__3kx9a", emotion's "css-1q2w3e".
  if (/(^|[-_])[a-z0-9]*\d[a-z0-9]*$/i.test(token) && /[a-z]\d|\d[a-z]/i.test(token) && !/^h[1-6]$/i.test(token)) return true;
  if (/^(css|sc|jsx|emotion|svelte|astro)-/i.test(token)) return true;
  // styled-components' short mixed-case hashes ("bdVaJa", "kRqXzB").
  if (token.length <= 8 && /^[a-z]*[A-Z][a-z]*[A-Z]/.test(token)) return true;
  if (/__[a-z0-9]{4,}$/i.test(token) && /\d/.test(token)) return true;
  // Tailwind arbitrary values and state variants: "w-[37rem]", "hover:underline".
  if (/[[\]:/]/.test(token)) return true;
  return false;
}

function escapeIdent(value: string): string {
  // CSS.escape where there is one (browsers); a conservative fallback for Node DOMs.
  const css = (globalThis as { CSS?: { escape?: (v: string) => string } }).CSS;
  if (css?.escape) return css.escape(value);
  return value.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`).replace(/^(\d)/, '\\3$1 ');
}

/** The stable part of one element: its id when stable, else its tag with its stable classes. */
export function stepOf(el: Element): string {
  const id = el.getAttribute('id');
  // Ids are stricter than classes: an id is unique to its page, and a digit in
  // one is usually the article's number ("story-7", "post-48213").
  if (id && !/\d/.test(id) && !isGeneratedToken(id)) return `#${escapeIdent(id)}`;
  const tag = el.tagName.toLowerCase();
  const classes = [...el.classList].filter((c) => !isGeneratedToken(c)).sort();
  return tag + classes.map((c) => `.${escapeIdent(c)}`).join('');
}

function matchesOnly(doc: ParentNode, selector: string, el: Element): boolean {
  try {
    const found = doc.querySelectorAll(selector);
    return found.length === 1 && found[0] === el;
  } catch {
    return false;
  }
}

/** Ancestors this far up are enough: a deeper chain is structure that changes. */
const MAX_STEPS = 5;

/**
 * A selector that matches `el` and nothing else in its document, built from
 * stable steps joined by descendant combinators (the shortest found, walking
 * up from the element), or null when no stable selector picks it out alone —
 * better no rule than one that breaks on the next page.
 */
export function stableSelector(el: Element): string | null {
  const doc = el.ownerDocument;
  if (!doc) return null;
  const own = stepOf(el);
  if (matchesOnly(doc, own, el)) return own;
  const steps = [own];
  for (let up = el.parentElement; up && up !== doc.documentElement && steps.length < MAX_STEPS; up = up.parentElement) {
    const step = stepOf(up);
    // A bare tag (div, section) says little; keep it only as a last resort.
    if (step.includes('#') || step.includes('.') || up === doc.body) {
      steps.unshift(step);
      const selector = steps.join(' ');
      if (matchesOnly(doc, selector, el)) return selector;
      if (step.startsWith('#')) break;
    }
  }
  return null;
}

/**
 * A selector for blocks to remove: it may match several (every promo box of a
 * template), but only elements like `el` (same stable step), so it is the
 * element's own stable step when that has a class or id, else its stable
 * selector.
 */
export function removalSelector(el: Element): string | null {
  const own = stepOf(el);
  if (own.includes('.') || own.startsWith('#')) return own;
  return stableSelector(el);
}

/** How a selector fares on another page of the same site. */
export function matchCount(doc: ParentNode, selector: string): number {
  try {
    return doc.querySelectorAll(selector).length;
  } catch {
    return 0;
  }
}
