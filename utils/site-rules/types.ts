/**
 * A site rule: what "Fix this page" remembers for one site. Applied to the
 * site's next articles before and after Readability (utils/site-rules/apply.ts);
 * a rule that no longer matches the page changes nothing.
 */
export interface SiteRule {
  /** The site's host without `www.` (the rule's key). */
  site: string;
  /** The story's container, from "Use this as the article"; null when the rule only removes. */
  article: string | null;
  /** Blocks to drop, from "Remove parts". */
  remove: string[];
  createdAt: number;
  updatedAt: number;
}

/** What a rule did to one page: shown by the reader ("a fix for this site was used"). */
export interface RuleOutcome {
  used: boolean;
  /** The article container matched and the page was narrowed to it. */
  narrowed: boolean;
  /** Blocks removed, before and after Readability. */
  removed: number;
}

/** What the reader says about a site's fix on the article it shows ("Read with your fix for …"). */
export interface FixNote {
  site: string;
  /** The page was read from the rule's article container. */
  narrowed: boolean;
  /** Blocks the rule removed. */
  removed: number;
  /**
   * The page was read from the block the user chose, but no rule was kept: the
   * block is not on another article of the site (utils/background/rule-trial.ts).
   */
  pageOnly?: boolean;
}
