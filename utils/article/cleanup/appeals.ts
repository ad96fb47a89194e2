/**
 * Donation and membership appeals at the end of a story ("Since you made it to
 * the bottom of this article, we have a small favor to ask…", "If you value
 * stories like this one, please consider donating."). Non-profit newsrooms
 * append them to every story; they ask about the reader's wallet, not the story.
 *
 * The patterns are in the newsroom's own voice and open the line: "Please
 * support our journalism", "Become a member". A story *about* donations says
 * "the charity asked residents to donate" mid-sentence, which none of them match.
 */
import type { CleanupRule } from './rule';

const APPEAL = new RegExp(
  [
    '^(?:please )?(?:consider )?(?:donate|make a (?:tax[- ]deductible |one[- ]time |monthly )?(?:donation|gift|contribution))\\b',
    '^(?:please )?(?:consider )?support(?:ing)? (?:us|our (?:work|journalism|reporting|newsroom|mission)|independent (?:journalism|media|news|reporting)|(?:non-?profit|local|public[- ]service) (?:journalism|news|reporting))\\b',
    '^(?:become|join us as) an? (?:member|supporter|patron|sustaining member|sustainer)\\b',
    '\\bwe have a small favou?r to ask\\b',
    '^if you (?:value|believe|enjoyed|appreciate|like|found)\\b.{0,120}\\b(?:please )?(?:consider )?(?:donat\\w*|support(?:ing)? (?:us|our)|pitch(?:ing)? in|contribut\\w*|chip(?:ping)? in|becom(?:e|ing) an? (?:member|supporter|patron))\\b',
  ].join('|'),
  'i',
);

export const appeals: CleanupRule = {
  name: 'appeals',
  lines: [{ pattern: APPEAL, maxChars: 300 }],
};
