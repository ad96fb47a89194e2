/**
 * Newsletter sign-ups, app-download boxes, "follow us" lines and notification
 * prompts that sites drop into the article body; the site's cross-sell cards
 * and newsletter boxes, recognised by their class names.
 */
import { hasMedia, isInside, removeWithEmptyParents, textOf } from './dom';
import type { CleanupRule } from './rule';

const PROMO = new RegExp(
  [
    '^(?:newsletter|subscribe|sign up|join (?:us|now))$',
    'get (?:the|our) (?:latest|best|top)\\b.{0,60}(?:in|to|straight to) your inbox',
    'delivered (?:straight )?to your inbox',
    '^subscribe to (?:get access|continue|read|unlock)',
    'get (?:it|the app) on (?:google play|the app store)',
    '^(?:google play|app store|apple store)\\b',
    'follow (?:us|our \\w+(?: \\w+)?) (?:on|at)\\b',
    '^follow (?:us|our social media)$',
    '^keep updated$',
    'would you like to receive notifications',
    'like (?:us|our page) on facebook',
  ].join('|'),
  'i',
);

/**
 * Calls to sign up, download or join: only where the imperative opens the line,
 * a sentence or a clause ("Want more? Sign up for…", "Click here to subscribe
 * to…"). "Readers who sign up for the newsletter get…" is a story about a
 * newsletter, and "users who download the bank's app" one about an app.
 */
const CALL_START = '(?:^|[.!?:;…]["”’)]?\\s+|\\s[—–-]\\s|(?:\uD83D\uDC49|[\u27A1\u2192\u25BA\u25B6])\\s*|\\b(?:click|tap) here to |\\bplease )';
const CALL = new RegExp(
  `${CALL_START}(?:` +
    [
      '(?:sign(?:ing)? up|subscrib(?:e|ing)) (?:for|to) (?:our|the|my)\\b.{0,40}(?:newsletter|emails?|updates|list|channel|podcast)',
      'download (?:the|our) .{0,40}\\bapp\\b',
      'join (?:us on|our) .{0,40}(?:telegram|whatsapp|discord|channel|community|group)',
      '(?:turn on|enable) (?:push )?notifications',
    ].join('|') +
    ')',
  'i',
);
/** The verbs CALL starts with: a literal test first, because CALL's opening alternation makes it slow on every line. */
const CALL_VERB = /sign|subscrib|download|join|turn on|enable/i;
const PROMO_CALL = { test: (text: string): boolean => CALL_VERB.test(text) && CALL.test(text) };

/**
 * A short paragraph that *ends* on an imperative sign-up sentence ("… Sign up
 * for Morning Brief and other Gazette newsletters.", "Subscribe to receive
 * monthly updates about the latest news."): the tagline sites append after the
 * story. The sentence must open with the imperative, so "Readers can sign up
 * for the newsletter…" in a story is not one; and a long paragraph is prose
 * whatever its last sentence says.
 */
const SIGNUP_TAIL = /(?:^|[.!?…]["”’)]?\s+)(?:please )?(?:sign up|subscribe)(?: now| today| here| free)? (?:for|to)\b[^.!?]{0,100}\b(?:newsletters?|e-?mails?|updates|alerts|digest)\b[^.!?]{0,40}[.!?]?$/i;

/**
 * Boxes named for what they sell: "cross-sell" / "upsell" cards for the site's
 * other products, and newsletter or sign-up boxes (`c-newsletter`,
 * `newsletter-signup`, `optin-form`). Class names only: ids are often slugs of
 * a heading's text ("…-without-a-subscription"). CamelCase names count
 * (`CrossSellCards-column`). Substack-like platforms name
 * the whole post `newsletter-post`, hence the length cap.
 */
const PROMO_BOX_NAMES = /(?:^|[\s_-])(?:cross-?sell\w*|up-?sell\w*|newsletter(?:-?(?:signup|sign-up|box|form|promo|cta|wrapper|container|block))?|subscribe-?(?:box|form|cta|block)|optin|opt-in(?:-form)?)(?:$|[\s_-])/i;
const MAX_BOX_CHARS = 400;
/** Once a box is gone, the line left alone in its container is the box's title ("Discover our other services"). */
const MAX_ORPHAN_TITLE_CHARS = 80;

export const promos: CleanupRule = {
  name: 'promos',
  lines: [{ pattern: PROMO, maxChars: 220 }, { pattern: PROMO_CALL, maxChars: 220 }, { pattern: SIGNUP_TAIL, maxChars: 300 }],
  run(root, ctx) {
    let removed = 0;
    for (const el of ctx.named) {
      if (!PROMO_BOX_NAMES.test(el.getAttribute('class') ?? '') || !isInside(el, root)) continue;
      if (/^H[1-6]$/.test(el.tagName) || textOf(el).length > MAX_BOX_CHARS) continue;
      let holder = removeWithEmptyParents(el, root);
      removed++;
      // A container left holding only a short title line ("Explore our other services"): the title introduced the box.
      while (holder && holder !== root && holder.children.length <= 1 && !hasMedia(holder)) {
        const left = textOf(holder);
        if (!left || left.length > MAX_ORPHAN_TITLE_CHARS) break;
        holder = removeWithEmptyParents(holder, root);
        removed++;
      }
    }
    return removed;
  },
};
