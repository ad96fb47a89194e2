/** Cookie banners and paywall prompts that end up inside the extracted body. */
import type { CleanupRule } from './rule';

const NOTICE = new RegExp(
  [
    '\\bwe use cookies\\b', '\\bthis (?:web)?site uses cookies\\b', '\\baccept (?:all )?cookies\\b', '\\bcookie (?:policy|settings|preferences)\\b',
    '\\balready (?:a subscriber|have an account)\\b', '\\bsubscribe (?:now )?to (?:continue|keep) reading\\b',
    '\\bthis (?:article|story|content) is (?:only )?(?:available )?(?:for|to) (?:subscribers|members)\\b',
    '\\byou have (?:reached|read) (?:your|\\d+) (?:free|of your)\\b', '\\bcreate a free account to (?:continue|read)\\b',
  ].join('|'),
  'i',
);

export const notices: CleanupRule = {
  name: 'notices',
  lines: [{ pattern: NOTICE, maxChars: 300 }],
};
