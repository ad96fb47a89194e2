/**
 * The one way the background fetches a URL it was handed (a link to save, a
 * saved article's images): Private Network Access checks before and after
 * redirects, a byte cap enforced while streaming, a content-type check and a
 * time limit. It never throws: every outcome is a value a UI can explain.
 *
 * Redirects. Extension fetch in both browsers answers `redirect: 'manual'`
 * with an opaque-redirect response (type "opaqueredirect", status 0, no
 * Location header readable: checked in Chromium 156 and Firefox ESR 153 from
 * the extension's own context), so hops cannot be walked one by one. Folio
 * therefore lets the browser follow them (its own limit: 20 hops) and judges
 * the final `response.url` — its address space, its scheme — before reading a
 * byte of the body. The trade-off: an intermediate hop is not checked, so a
 * public page can still make the browser *send* one GET to a private address
 * on the way (the request goes out; a blind GET is what a plain <img> on that
 * page could do anyway), but nothing from a refused address is ever read,
 * stored or parsed. The hostname caveat of utils/net/address-space.ts applies
 * too: a name that resolves to a private address is not caught.
 */
import { addressSpaceOf, mayRequest, type AddressSpace } from './address-space';

export type SafeFetchFailureReason =
  /** Not an absolute http(s) URL (before or after redirects). */
  | 'invalid-url'
  /** The URL, or where it redirected, is more private than the page that asked (PNA). */
  | 'blocked-address'
  /** The server answered with a non-2xx status. */
  | 'http-status'
  /** `accept` refused the response's content type. */
  | 'unsupported-type'
  /** More than `maxBytes`, declared or streamed. */
  | 'too-large'
  /** `timeoutMs` passed (connecting, redirecting or reading the body). */
  | 'timeout'
  /** Network error, refused connection, DNS failure, CORS, or `signal` aborted. */
  | 'network';

export interface SafeFetchFailure {
  ok: false;
  reason: SafeFetchFailureReason;
  /** Developer detail for logs (status, content type, byte count…). */
  detail: string;
  /** The URL the failure is about: the request, or the redirect target that was refused. */
  url: string;
}

export interface SafeFetchSuccess<Body> {
  ok: true;
  /** After redirects: the base for the document's relative URLs. */
  finalUrl: string;
  /** MIME essence, lowercased ("text/html"); "" when the server sent none. */
  contentType: string;
  /** The `charset` parameter of Content-Type, lowercased, or null. */
  charset: string | null;
  status: number;
  body: Body;
}

export type SafeFetchResult<Body> = SafeFetchSuccess<Body> | SafeFetchFailure;

export interface SafeFetchOptions {
  /** Hard cap on the body, enforced while streaming whatever Content-Length says. */
  maxBytes: number;
  /** For the whole exchange: connection, redirects and body. */
  timeoutMs: number;
  /** Given the MIME essence (lowercased, "" when absent): true to read the body. */
  accept: (contentType: string) => boolean;
  /**
   * URL of the page that asked (the page a link was clicked on, the article an
   * image belongs to). Its address space bounds where the request may go;
   * without it the request is treated as coming from a public page.
   */
  initiator?: string;
  /** "include" sends the user's cookies (a link behind a login). Default "omit". */
  credentials?: RequestCredentials;
  /** Cancels the fetch (reported as `network`). */
  signal?: AbortSignal;
}

export interface SafeFetchBlobOptions extends SafeFetchOptions {
  /** Return a Blob typed with the response's content type (images for object URLs or IndexedDB). */
  as: 'blob';
}

/** Injected in unit tests; the global fetch otherwise. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

const failure = (reason: SafeFetchFailureReason, url: string, detail = ''): SafeFetchFailure => ({ ok: false, reason, url, detail });

function httpUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** Why `url` may not be requested on behalf of `initiator`, or null when it may. */
export function refusal(url: string, initiator: AddressSpace): SafeFetchFailure | null {
  const parsed = httpUrl(url);
  if (!parsed) return failure('invalid-url', url, 'not an absolute http(s) URL');
  const target = addressSpaceOf(parsed);
  if (!mayRequest(target, initiator)) return failure('blocked-address', url, `${target} address requested from a ${initiator} page`);
  return null;
}

function initiatorSpace(initiator: string | undefined): AddressSpace {
  const parsed = initiator === undefined ? null : httpUrl(initiator);
  return parsed ? addressSpaceOf(parsed) : 'public';
}

function parseContentType(header: string | null): { essence: string; charset: string | null } {
  if (!header) return { essence: '', charset: null };
  const [essence = '', ...params] = header.split(';');
  const charset = params.map((p) => /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(p)?.[1]).find(Boolean);
  return { essence: essence.trim().toLowerCase(), charset: charset ? charset.toLowerCase() : null };
}

function abortReason(error: unknown, url: string, timeout: AbortSignal): SafeFetchFailure {
  if (timeout.aborted) return failure('timeout', url, 'time limit reached');
  const name = error instanceof Error || error instanceof DOMException ? `${error.name}: ${error.message}` : String(error);
  return failure('network', url, name);
}

/** Reads at most `maxBytes`; stops (and cancels the stream) the moment the cap is passed. */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  if (!response.body) {
    const whole = new Uint8Array(await response.arrayBuffer());
    return whole.byteLength > maxBytes ? null : whole;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

export function safeFetch(url: string, options: SafeFetchBlobOptions, fetchImpl?: FetchLike): Promise<SafeFetchResult<Blob>>;
export function safeFetch(url: string, options: SafeFetchOptions, fetchImpl?: FetchLike): Promise<SafeFetchResult<Uint8Array>>;
export async function safeFetch(
  url: string,
  options: SafeFetchOptions | SafeFetchBlobOptions,
  fetchImpl: FetchLike = (input, init) => fetch(input, init),
): Promise<SafeFetchResult<Uint8Array | Blob>> {
  const from = initiatorSpace(options.initiator);
  const before = refusal(url, from);
  if (before) return before;

  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  let response: Response;
  try {
    response = await fetchImpl(url, {
      credentials: options.credentials ?? 'omit',
      // 'manual' is opaque to extensions in both browsers (see the header comment): check where it ended instead.
      redirect: 'follow',
      signal,
    });
  } catch (error) {
    return abortReason(error, url, timeout);
  }

  const cancel = () => void response.body?.cancel().catch(() => undefined);
  // A response without a URL (synthetic, as in tests) ended where it started.
  const finalUrl = response.url || url;
  const after = refusal(finalUrl, from);
  if (after) {
    cancel();
    return { ...after, detail: `redirected to a refused address: ${after.detail}` };
  }
  if (!response.ok) {
    cancel();
    return failure('http-status', finalUrl, `HTTP ${response.status}`);
  }
  const { essence, charset } = parseContentType(response.headers.get('content-type'));
  if (!options.accept(essence)) {
    cancel();
    return failure('unsupported-type', finalUrl, `content-type ${essence || '(none)'}`);
  }
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    cancel();
    return failure('too-large', finalUrl, `Content-Length ${declared} > ${options.maxBytes}`);
  }

  let bytes: Uint8Array | null;
  try {
    bytes = await readCapped(response, options.maxBytes);
  } catch (error) {
    return abortReason(error, finalUrl, timeout);
  }
  if (!bytes) return failure('too-large', finalUrl, `more than ${options.maxBytes} bytes`);
  const body = 'as' in options && options.as === 'blob' ? new Blob([bytes as Uint8Array<ArrayBuffer>], { type: essence }) : bytes;
  return { ok: true, finalUrl, contentType: essence, charset, status: response.status, body };
}
