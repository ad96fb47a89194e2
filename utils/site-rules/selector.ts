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

/**
 * A name a selector can carry as it is: letters, digits, `-` and `_`, not
 * starting with a digit. Anything else ("2col", "a.b", emoji) would need CSS
 * escapes, and a rule must read back as exactly what isStableStep accepts.
 */
const PLAIN_IDENT = /^-?[_a-zA-Z][_a-zA-Z0-9-]*$/;
const TAG = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Ids are stricter than classes: an id is unique to its page, and a digit in one is usually the article's number ("story-7", "post-48213"). */
function isStableId(id: string): boolean {
  return PLAIN_IDENT.test(id) && !/\d/.test(id) && !isGeneratedToken(id);
}

function isStableClass(name: string): boolean {
  return PLAIN_IDENT.test(name) && !isGeneratedToken(name);
}

/** The stable part of one element: its id when stable, else its tag with its stable classes. */
export function stepOf(el: Element): string {
  const id = el.getAttribute('id');
  if (id && isStableId(id)) return `#${id}`;
  const tag = el.tagName.toLowerCase();
  const classes = [...el.classList].filter(isStableClass).sort();
  // Plain names only (PLAIN_IDENT): they need no CSS escaping, so the step reads back as isStableStep expects.
  return tag + classes.map((c) => `.${c}`).join('');
}

/**
 * Whether `step` is one step as stepOf writes it from stable tokens only: `#id`,
 * `tag.class.class` or `.class.class`. Selectors that arrive from elsewhere (the injected
 * picker, the reader, a backup file) are held to this grammar before they are
 * stored, so a stored rule never holds an nth-child, an attribute test, a
 * combinator other than the descendant space, or a generated name.
 */
export function isStableStep(step: string): boolean {
  if (step.startsWith('#')) return isStableId(step.slice(1));
  const [tag, ...classes] = step.split('.');
  // No tag (".promo-box") is classStep's form; a tag alone must be a real one.
  return (tag === '' ? classes.length > 0 : TAG.test(tag!)) && classes.every(isStableClass);
}

/**
 * A block's step without its tag (`.promo-box`, or `#id`), or null when it has
 * no stable class or id. What the extractor marks blocks with for "Remove
 * parts": Readability turns a `<div>` holding only text into a `<p>` (same
 * attributes), so the tag in its output is not always the page's, while the
 * classes are.
 */
export function classStep(el: Element): string | null {
  const step = stepOf(el);
  if (step.startsWith('#')) return step;
  const dot = step.indexOf('.');
  return dot < 0 ? null : step.slice(dot);
}

/** A step that names a kind of block by more than its tag (a removal rule must never be "every p"). */
export function isRemovalStep(step: string): boolean {
  return isStableStep(step) && (step.startsWith('#') || step.includes('.'));
}

/** Ancestors this far up are enough: a deeper chain is structure that changes. */
const MAX_STEPS = 5;

/** Longest selector a rule may hold: MAX_STEPS steps of reasonable names. */
export const MAX_SELECTOR_CHARS = 512;

/** Whether `selector` is what stableSelector builds: 1 to MAX_STEPS stable steps joined by single spaces. */
export function isStableSelector(selector: string): boolean {
  if (!selector || selector.length > MAX_SELECTOR_CHARS) return false;
  const steps = selector.split(' ');
  return steps.length <= MAX_STEPS && steps.every(isStableStep);
}

function matchesOnly(doc: ParentNode, selector: string, el: Element): boolean {
  try {
    const found = doc.querySelectorAll(selector);
    return found.length === 1 && found[0] === el;
  } catch {
    return false;
  }
}

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

/**
 * The exact path to `el` on this page (`body > div:nth-child(2) > …`): what
 * "Use this as the article" reads when no stable selector picks the block out.
 * nth-child positions are exactly what changes on the site's next page, so a
 * path like this is used for this one extraction and never stored as a rule.
 */
export function exactPath(el: Element): string | null {
  const doc = el.ownerDocument;
  if (!doc?.body || !doc.body.contains(el) || el === doc.body) return null;
  const steps: string[] = [];
  for (let at: Element = el; at !== doc.body; at = at.parentElement!) {
    const parent = at.parentElement;
    if (!parent) return null;
    steps.unshift(`${at.tagName.toLowerCase()}:nth-child(${Array.prototype.indexOf.call(parent.children, at) + 1})`);
  }
  return ['body', ...steps].join(' > ');
}

/** Whether `selector` has exactPath's shape (checked where it arrives from a page). */
export function isExactPath(selector: string): boolean {
  return selector.length <= 4_000 && /^body(?: > [a-z][a-z0-9-]*:nth-child\(\d{1,5}\))+$/.test(selector);
}

/** How a selector fares on another page of the same site. */
export function matchCount(doc: ParentNode, selector: string): number {
  try {
    return doc.querySelectorAll(selector).length;
  } catch {
    return 0;
  }
}
