/**
 * Ad slots: "Advertisement" labels, "Story continues below" markers and the
 * empty boxes ad scripts would have filled.
 */
import { hasMedia, isInside, namesOf, removeWithEmptyParents, textOf } from './dom';
import type { CleanupRule } from './rule';

const AD_LABEL = /^(?:advertisement|advertising|advert|ad|ads|sponsored(?: content)?|promoted|paid (?:post|content)|(?:story|article) continues below(?: advertisement)?|continue reading below|scroll to continue(?: with content)?|advertiser disclosure|advertising policy)$/i;
const AD_NAMES = /(?:^|[\s_-])(?:ad|ads|advert|adslot|ad-?slot|ad-?container|ad-?wrapper|ad-?unit|dfp|gpt-ad|advertisement|sponsor(?:ed)?)(?:$|[\s_-])/;

export const adPlaceholders: CleanupRule = {
  name: 'ad-placeholders',
  lines: [{ pattern: AD_LABEL, maxChars: 60 }],
  run(root, ctx) {
    let removed = 0;
    for (const el of ctx.named) {
      if (!AD_NAMES.test(namesOf(el)) || !isInside(el, root)) continue;
      const text = textOf(el);
      if (text && !AD_LABEL.test(text)) continue;
      if (!text && hasMedia(el) && !el.querySelector('iframe')) continue;
      removeWithEmptyParents(el, root);
      removed++;
    }
    return removed;
  },
};
