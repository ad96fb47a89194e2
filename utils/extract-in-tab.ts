/**
 * Runs extraction inside a tab. The worker has no DOM, and the page's DOM is the
 * article as the user sees it (after scripts, logins and consent), so the
 * extractor is injected into the page on demand: Readability is never part of
 * the always-on content script.
 *
 * The site's "Fix this page" rule is read here, in the background, and handed
 * to the extractor by a preceding injection (like "Try anyway"): the page's
 * side never opens IndexedDB.
 */
import { browser } from 'wxt/browser';
import type { ExtractedArticle } from './article/types';
import { getSiteRule } from './db/site-rules';
import { pageAccess } from './page-access';
import { describe, fail, ok, type Result } from './result';
import { siteOf } from './site-rules/apply';
import type { FixNote, RuleOutcome, SiteRule } from './site-rules/types';
import { safeExtractionResult } from './validate';

/** Built from entrypoints/extractor.ts. */
const EXTRACTOR_FILE = '/extractor.js';

/** A tab's article, and what the site's rule did to it (null when there was none, or it changed nothing). */
export interface TabExtraction {
  article: ExtractedArticle;
  fix: FixNote | null;
}

export interface TabExtractOptions {
  /** "Try anyway": Readability's best effort even where detection says no. */
  force?: boolean;
  /** This rule instead of the stored one (the picker tries a new rule on its page); null for none. */
  rule?: SiteRule | null;
}

/** The stored rule for the page's site; a store that cannot be read means no rule (the page is read as usual). */
export async function storedRule(url: string | undefined): Promise<SiteRule | null> {
  const site = siteOf(url ?? '');
  if (!site) return null;
  return getSiteRule(site).catch((error: unknown) => {
    console.warn('[folio] site rules could not be read', error);
    return null;
  });
}

export async function extractFromTab(tabId: number, options: TabExtractOptions = {}): Promise<Result<TabExtraction>> {
  let tab;
  try {
    tab = await browser.tabs.get(tabId);
  } catch (error) {
    return fail('extraction-failed', describe(error));
  }
  if (pageAccess(tab.url) !== 'ok') return fail('restricted-page', tab.url ?? '');
  const rule = options.rule === undefined ? await storedRule(tab.url) : options.rule;
  try {
    if (options.force || rule) {
      await browser.scripting.executeScript({
        target: { tabId },
        func: (force: boolean, handed: SiteRule | null) => {
          const scope = globalThis as { __folioForce?: boolean; __folioRule?: SiteRule };
          if (force) scope.__folioForce = true;
          if (handed) scope.__folioRule = handed;
        },
        args: [options.force === true, rule],
      });
    }
    const [injection] = await browser.scripting.executeScript({ target: { tabId }, files: [EXTRACTOR_FILE] });
    return checkTabResult(injection?.result, rule?.site ?? null);
  } catch (error) {
    return fail('extraction-failed', describe(error));
  }
}

/**
 * The result crossed from a page context: parse it by the allow-list schema
 * (utils/validate.ts) before anything stores it. Only the article's own fields
 * survive; anything else the page added (`id`, `savedAt`, `tags`, `origin`…) is dropped.
 */
function parseResult(value: unknown): Result<{ article: ExtractedArticle; rule: RuleOutcome | null }> {
  if (!value || typeof value !== 'object') return fail('extraction-failed', 'no result from the page');
  const parsed = safeExtractionResult(value);
  if (!parsed.success) return fail('extraction-failed', `malformed article from the page: ${parsed.issues[0].message}`);
  const result = parsed.output;
  if (!result.ok) return fail(result.reason === 'not-an-article' ? 'not-an-article' : 'extraction-failed', result.detail);
  return ok({ article: result.article, rule: result.rule ?? null });
}

export function checkResult(value: unknown): Result<ExtractedArticle> {
  const parsed = parseResult(value);
  return parsed.ok ? ok(parsed.value.article) : parsed;
}

/** checkResult plus what `site`'s rule did, when it did anything. */
export function checkTabResult(value: unknown, site: string | null): Result<TabExtraction> {
  const parsed = parseResult(value);
  if (!parsed.ok) return parsed;
  const { article, rule } = parsed.value;
  const fix = site && rule?.used ? { site, narrowed: rule.narrowed, removed: rule.removed } : null;
  return ok({ article, fix });
}
