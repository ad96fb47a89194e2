/**
 * Newsletter sign-ups, app-download boxes, "follow us" lines and notification
 * prompts that sites drop into the article body.
 */
import type { CleanupRule } from './rule';

const PROMO = new RegExp(
  [
    'sign(?:ing)? up (?:for|to) (?:our|the|my)\\b.{0,40}(?:newsletter|emails?|updates|list)',
    '(?:subscribe|sign up) (?:to|for) (?:our|the|my) (?:\\w+ )?(?:newsletter|channel|podcast|list|emails?)',
    '^(?:newsletter|subscribe|sign up|join (?:us|now))$',
    'get (?:the|our) (?:latest|best|top)\\b.{0,60}(?:in|to|straight to) your inbox',
    'delivered (?:straight )?to your inbox',
    '^subscribe to (?:get access|continue|read|unlock)',
    'download (?:the|our) .{0,40}\\bapp\\b',
    'get (?:it|the app) on (?:google play|the app store)',
    '^(?:google play|app store|apple store)\\b',
    'follow (?:us|our \\w+(?: \\w+)?) (?:on|at)\\b',
    '^follow (?:us|our social media)$',
    '^keep updated$',
    'join (?:us on|our) .{0,40}(?:telegram|whatsapp|discord|channel|community|group)',
    'would you like to receive notifications',
    '(?:turn on|enable) (?:push )?notifications',
    'like (?:us|our page) on facebook',
  ].join('|'),
  'i',
);

export const promos: CleanupRule = {
  name: 'promos',
  lines: [{ pattern: PROMO, maxChars: 220 }],
};
