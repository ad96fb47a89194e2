/**
 * "Save link to Folio": fetch a page in the background and extract it without
 * opening it. Chrome's service worker has no DOM, so parsing happens in an
 * offscreen document there; Firefox's event page parses itself.
 */
import { browser, type Browser } from 'wxt/browser';
import type { ExtractedArticle } from './article/types';
import { checkResult } from './extract-in-tab';
import { sendMessage } from './messaging';
import { describe, fail, type Result } from './result';
import { parseHttpUrl } from './url';

const FETCH_TIMEOUT_MS = 20_000;
/** Pages past this size are not articles; the cap keeps a hostile link from exhausting memory. */
const MAX_HTML_BYTES = 10 * 1024 * 1024;
const OFFSCREEN_PATH = '/offscreen.html';

export async function fetchArticleHtml(url: string): Promise<Result<string>> {
  if (!parseHttpUrl(url)) return fail('restricted-page', url);
  try {
    const response = await fetch(url, { credentials: 'include', redirect: 'follow', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    if (!response.ok) return fail('extraction-failed', `HTTP ${response.status}`);
    const type = response.headers.get('content-type') ?? '';
    if (type && !/html|xml/i.test(type)) return fail('not-an-article', `content-type ${type}`);
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > MAX_HTML_BYTES) return fail('not-an-article', 'page too large');
    const html = await response.text();
    if (html.length > MAX_HTML_BYTES) return fail('not-an-article', 'page too large');
    return { ok: true, value: html };
  } catch (error) {
    return fail('extraction-failed', describe(error));
  }
}

async function ensureOffscreenDocument(): Promise<void> {
  const offscreen = browser.offscreen;
  const existing = await browser.runtime.getContexts({
    contextTypes: ['OFFSCREEN_DOCUMENT' as Browser.runtime.ContextType],
    documentUrls: [browser.runtime.getURL(OFFSCREEN_PATH)],
  });
  if (existing.length > 0) return;
  try {
    await offscreen.createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['DOM_PARSER' as Browser.offscreen.Reason],
      justification: 'Parse a saved link to extract its article without opening the page',
    });
  } catch (error) {
    // Two saves racing to create it: the loser's error is harmless.
    if (!/single offscreen|already/i.test(describe(error))) throw error;
  }
}

export async function fetchAndExtract(url: string): Promise<Result<ExtractedArticle>> {
  const html = await fetchArticleHtml(url);
  if (!html.ok) return html;
  try {
    if (import.meta.env.FIREFOX) {
      // Imported lazily so Chrome's worker bundle, where this branch is dead code, never carries Readability.
      const { extractFromHtml } = await import('./article/parse-html');
      return checkResult(extractFromHtml(html.value, url));
    }
    await ensureOffscreenDocument();
    return checkResult(await sendMessage('offscreen.extract', { html: html.value, url }));
  } catch (error) {
    return fail('extraction-failed', describe(error));
  }
}
