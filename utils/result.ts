/**
 * Outcomes that cross the message boundary. Failures the user must understand
 * carry a code the UI turns into a localised sentence; programming errors still throw.
 */
export type ErrorCode =
  | 'restricted-page' // a page extensions may not touch (browser pages, stores, PDF viewer)
  | 'not-an-article' // extraction found no readable article
  | 'extraction-failed' // the page could not be read (script blocked, tab gone, crashed)
  | 'not-found' // the article or view no longer exists
  | 'blocked-address' // a link on a public page to the user's own network or machine (utils/net/safe-fetch.ts)
  | 'quota' // storage is full
  | 'storage' // IndexedDB failed for another reason
  | 'invalid' // a request that did not pass validation
  | 'no-selection'; // "Highlight selection" with no text selected on the page (hl-live)

export interface Failure {
  ok: false;
  code: ErrorCode;
  /** Developer detail for logs; the UI shows the localised text for `code`. */
  detail: string;
}
export type Result<T> = { ok: true; value: T } | Failure;

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, detail = ''): Failure => ({ ok: false, code, detail });

export function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED');
}

export function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
