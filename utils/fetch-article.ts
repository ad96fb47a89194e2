/**
 * "Save link to Folio": fetch a page in the background and extract it without
 * opening it. Chrome's service worker has no DOM, so parsing happens in an
 * offscreen document there; Firefox's event page parses itself.
 */
import { browser, type Browser } from 'wxt/browser';
import type { ExtractedArticle } from './article/types';
import { checkResult, storedRule } from './extract-in-tab';
import { sendMessage } from './messaging';
import { safeFetch, type SafeFetchFailureReason } from './net/safe-fetch';
import { describe, fail, ok, type ErrorCode, type Result } from './result';
import { parseHttpUrl } from './url';

const FETCH_TIMEOUT_MS = 20_000;
/** Pages past this size are not articles; the cap keeps a hostile link from exhausting memory. */
export const MAX_HTML_BYTES = 10 * 1024 * 1024;
const OFFSCREEN_PATH = '/offscreen.html';

/** HTML and its XML spellings; no type at all is read too (the parser decides, as a browser would sniff). */
export function acceptsHtml(contentType: string): boolean {
  return contentType === '' || contentType === 'text/html' || contentType === 'application/xhtml+xml' || /^(?:text|application)\/xml$/.test(contentType);
}

/** The charset from the header, else a <meta charset> in the first 1024 bytes (HTML's prescan, simplified), else UTF-8. */
export function decodeHtml(bytes: Uint8Array, charset: string | null): string {
  const sniffed = charset ?? /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(new TextDecoder('latin1').decode(bytes.subarray(0, 1024)))?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(sniffed).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

const FETCH_FAILURE_CODES: Record<SafeFetchFailureReason, ErrorCode> = {
  'invalid-url': 'restricted-page',
  'blocked-address': 'blocked-address',
  'http-status': 'extraction-failed',
  'unsupported-type': 'not-an-article',
  'too-large': 'not-an-article',
  timeout: 'extraction-failed',
  network: 'extraction-failed',
};

export interface FetchedHtml {
  html: string;
  /** Where the page was read from after redirects: the base of its relative URLs. */
  url: string;
}

/**
 * Fetches a link with the user's cookies (a saved link behind a login must read
 * as the user sees it), through utils/net/safe-fetch.ts. `initiator` is the
 * page the link was on: it bounds which address spaces the link may reach.
 */
export async function fetchArticleHtml(url: string, initiator?: string): Promise<Result<FetchedHtml>> {
  if (!parseHttpUrl(url)) return fail('restricted-page', url);
  const fetched = await safeFetch(url, {
    maxBytes: MAX_HTML_BYTES,
    timeoutMs: FETCH_TIMEOUT_MS,
    accept: acceptsHtml,
    credentials: 'include',
    ...(initiator ? { initiator } : {}),
  });
  if (!fetched.ok) return fail(FETCH_FAILURE_CODES[fetched.reason], `${fetched.reason}: ${fetched.detail} (${fetched.url})`);
  return ok({ html: decodeHtml(fetched.body, fetched.charset), url: fetched.finalUrl });
}

export async function ensureOffscreenDocument(): Promise<void> {
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

export async function fetchAndExtract(url: string, initiator?: string): Promise<Result<ExtractedArticle>> {
  const fetched = await fetchArticleHtml(url, initiator);
  if (!fetched.ok) return fetched;
  const { html, url: finalUrl } = fetched.value;
  // The site's "Fix this page" rule applies to links saved or imported from that site as to opened pages.
  const rule = await storedRule(finalUrl);
  try {
    if (import.meta.env.FIREFOX) {
      // Imported lazily so Chrome's worker bundle, where this branch is dead code, never carries Readability.
      const { extractFromHtml } = await import('./article/parse-html');
      return checkResult(extractFromHtml(html, finalUrl, rule ? { rule } : {}));
    }
    await ensureOffscreenDocument();
    return checkResult(await sendMessage('offscreen.extract', { html, url: finalUrl, ...(rule ? { rule } : {}) }));
  } catch (error) {
    return fail('extraction-failed', describe(error));
  }
}

/** Whether a site rule's article selector picks one story out of a fetched page (utils/background/rule-trial.ts). */
export async function articleFits(html: string, url: string, selector: string): Promise<boolean> {
  if (import.meta.env.FIREFOX) {
    const { articleFitsHtml } = await import('./article/parse-html');
    return articleFitsHtml(html, url, selector);
  }
  await ensureOffscreenDocument();
  return sendMessage('offscreen.articleFits', { html, url, selector });
}
