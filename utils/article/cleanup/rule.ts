/** The shape every cleanup rule shares: one file, one kind of clutter. */
import type { LineRule } from './lines';

export interface CleanupContext {
  doc: Document;
  /** Absolute base for relative URLs (the page's <base href>, else its URL). */
  baseUrl: string;
  /** The article title, so a repeated title line inside the body can be recognised. */
  title: string;
  /** The article's byline (people), so the author's own bio paragraph can be recognised. */
  byline?: string | null;
  /** Elements of the article with a class or id, listed once for all name-based rules. */
  named: Element[];
}

export interface CleanupRule {
  /** Short id used in logs and in the golden-fixture names. */
  name: string;
  /** Structural work on `root` (Readability's article element); returns how many nodes it removed or changed. */
  run?(root: Element, ctx: CleanupContext): number;
  /**
   * Text lines this rule removes. All rules' lines are matched in one walk over
   * the article (runCleanup), so each rule adds patterns, not passes.
   */
  lines?: readonly LineRule[];
}
