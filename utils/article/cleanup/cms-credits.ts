/**
 * CMS bookkeeping printed at the end of a story ("Uploaded by Tham Yek Lee",
 * "Posted in News | Tagged …"): about the publishing workflow, not the story.
 */
import type { CleanupRule } from './rule';

const CREDIT = /^(?:uploaded by|posted in|filed under|tagged(?: with| as)?|tags|categories|category)\s*:?\s+\S.{0,100}$/i;
/** A credit label left without its name ("Reviewed by,"), once the author box that held the name is gone. */
const BARE_CREDIT_LABEL = /^(?:(?:medically |expert[- ])?reviewed|fact[- ]checked|edited|written|posted) by\s*[,:]?$/i;

export const cmsCredits: CleanupRule = {
  name: 'cms-credits',
  lines: [{ pattern: CREDIT, maxChars: 120 }, { pattern: BARE_CREDIT_LABEL, maxChars: 30 }],
};
