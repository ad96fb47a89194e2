/**
 * Runs extraction inside a tab. The worker has no DOM, and the page's DOM is the
 * article as the user sees it (after scripts, logins and consent), so the
 * extractor is injected into the page on demand: Readability is never part of
 * the always-on content script.
 */
import { browser } from 'wxt/browser';
import type { ExtractedArticle } from './article/types';
import type { ExtractionResult } from './article/extract';
import { pageAccess } from './page-access';
import { describe, fail, ok, type Result } from './result';
import { parseHttpUrl } from './url';

/** Built from entrypoints/extractor.ts. */
const EXTRACTOR_FILE = '/extractor.js';
/** Larger results are not articles anyone reads; refusing them protects the database. */
const MAX_CONTENT_CHARS = 20_000_000;

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

/** The result crossed from a page context: check its shape before anything stores it. */
export function checkResult(value: unknown): Result<ExtractedArticle> {
  const result = value as ExtractionResult | undefined;
  if (!result || typeof result !== 'object') return fail('extraction-failed', 'no result from the page');
  if (!result.ok) return fail(result.reason === 'not-an-article' ? 'not-an-article' : 'extraction-failed', result.detail);
  const a = result.article;
  const valid =
    a && typeof a.title === 'string' && typeof a.content === 'string' && typeof a.textContent === 'string' &&
    parseHttpUrl(a.url) !== null && a.content.length <= MAX_CONTENT_CHARS;
  return valid ? ok(a) : fail('extraction-failed', 'malformed article from the page');
}
