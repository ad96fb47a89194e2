/**
 * Runs extraction inside a tab. The worker has no DOM, and the page's DOM is the
 * article as the user sees it (after scripts, logins and consent), so the
 * extractor is injected into the page on demand: Readability is never part of
 * the always-on content script.
 */
import { browser } from 'wxt/browser';
import type { ExtractedArticle } from './article/types';
import { pageAccess } from './page-access';
import { describe, fail, ok, type Result } from './result';
import { safeExtractionResult } from './validate';

/** Built from entrypoints/extractor.ts. */
const EXTRACTOR_FILE = '/extractor.js';

export async function extractFromTab(tabId: number, force = false): Promise<Result<ExtractedArticle>> {
  let tab;
  try {
    tab = await browser.tabs.get(tabId);
  } catch (error) {
    return fail('extraction-failed', describe(error));
  }
  if (pageAccess(tab.url) !== 'ok') return fail('restricted-page', tab.url ?? '');
  try {
    if (force) {
      await browser.scripting.executeScript({ target: { tabId }, func: () => {
        (globalThis as { __folioForce?: boolean }).__folioForce = true;
      } });
    }
    const [injection] = await browser.scripting.executeScript({ target: { tabId }, files: [EXTRACTOR_FILE] });
    return checkResult(injection?.result);
  } catch (error) {
    return fail('extraction-failed', describe(error));
  }
}

/**
 * The result crossed from a page context: parse it by the allow-list schema
 * (utils/validate.ts) before anything stores it. Only the article's own fields
 * survive; anything else the page added (`id`, `savedAt`, `tags`, `origin`…) is dropped.
 */
export function checkResult(value: unknown): Result<ExtractedArticle> {
  if (!value || typeof value !== 'object') return fail('extraction-failed', 'no result from the page');
  const parsed = safeExtractionResult(value);
  if (!parsed.success) return fail('extraction-failed', `malformed article from the page: ${parsed.issues[0].message}`);
  const result = parsed.output;
  if (!result.ok) return fail(result.reason === 'not-an-article' ? 'not-an-article' : 'extraction-failed', result.detail);
  return ok(result.article);
}
