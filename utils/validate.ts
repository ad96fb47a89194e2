/**
 * Guards for everything that arrives by message. A payload is data from another
 * context (a content script runs beside hostile page code), so each field is
 * checked for type, range and size before a handler uses it.
 */
import type { ListQuery, PageReport, ReaderSource } from './messaging';
import { parseHttpUrl } from './url';

export class ValidationError extends Error {
  override name = 'ValidationError';
}

const MAX_TITLE = 2_000;
const MAX_QUERY = 500;

export function record(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ValidationError('expected an object');
  return value as Record<string, unknown>;
}

export function tabId(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new ValidationError('bad tab id');
  return value;
}

/** Ids are UUIDs we made; anything else is refused rather than used as a key. */
export function id(value: unknown): string {
  if (typeof value !== 'string' || !/^[A-Za-z0-9-]{1,64}$/.test(value)) throw new ValidationError('bad id');
  return value;
}

export function httpUrl(value: unknown): string {
  const parsed = typeof value === 'string' ? parseHttpUrl(value) : null;
  if (!parsed) throw new ValidationError('expected an http(s) URL');
  return parsed.href;
}

export function text(value: unknown, max: number): string {
  if (typeof value !== 'string') throw new ValidationError('expected text');
  return value.length > max ? value.slice(0, max) : value;
}

function optionalText(value: unknown, max: number): string | null {
  return value === null || value === undefined ? null : text(value, max);
}

function optionalInt(value: unknown, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) throw new ValidationError('number out of range');
  return Math.floor(value);
}

export function pageReport(value: unknown): PageReport {
  const v = record(value);
  if (typeof v.isArticle !== 'boolean') throw new ValidationError('isArticle must be boolean');
  return {
    url: httpUrl(v.url),
    isArticle: v.isArticle,
    title: text(v.title ?? '', MAX_TITLE),
    siteName: optionalText(v.siteName, MAX_TITLE),
    ...reportExtras(v),
  };
}

/** Longest reading time worth showing; anything above is a miscount. */
const MAX_READING_MINUTES = 600;

/**
 * The report's cosmetic extras. A bad value is dropped rather than failing the
 * whole report: detection still matters when a page declares a junk og:image.
 */
function reportExtras(v: Record<string, unknown>): Pick<PageReport, 'leadImage' | 'canonicalUrl' | 'readingTimeMinutes'> {
  const image = typeof v.leadImage === 'string' ? parseHttpUrl(v.leadImage) : null;
  const canonical = typeof v.canonicalUrl === 'string' ? parseHttpUrl(v.canonicalUrl) : null;
  const minutes = v.readingTimeMinutes;
  const validMinutes =
    typeof minutes === 'number' && Number.isInteger(minutes) && minutes >= 1 && minutes <= MAX_READING_MINUTES;
  return {
    ...(image ? { leadImage: image.href } : {}),
    ...(canonical ? { canonicalUrl: canonical.href } : {}),
    ...(validMinutes ? { readingTimeMinutes: minutes } : {}),
  };
}

export function tabRequest(value: unknown): { tabId: number; force: boolean } {
  const v = record(value);
  return { tabId: tabId(v.tabId), force: v.force === true };
}

export function idRequest(value: unknown): { id: string } {
  return { id: id(record(value).id) };
}

export function viewRequest(value: unknown): { viewId: string } {
  return { viewId: id(record(value).viewId) };
}

export function readerSource(value: unknown): ReaderSource {
  const v = record(value);
  if (v.kind !== 'view' && v.kind !== 'article') throw new ValidationError('bad reader source');
  return { kind: v.kind, id: id(v.id) };
}

/** A host name as the URL parser writes it (lowercase, punycode); anything else is refused. */
export function hostName(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 253) throw new ValidationError('bad host');
  let parsed: URL;
  try {
    parsed = new URL(`http://${value}/`);
  } catch {
    throw new ValidationError('bad host');
  }
  if (parsed.hostname !== value.toLowerCase() || parsed.port || parsed.username) throw new ValidationError('bad host');
  return parsed.hostname;
}

export function siteQuery(value: unknown): { host: string } {
  return { host: hostName(record(value).host) };
}

export function siteScaleRequest(value: unknown): { host: string; scale: number } {
  const v = record(value);
  if (typeof v.scale !== 'number' || !Number.isFinite(v.scale)) throw new ValidationError('bad scale');
  return { host: hostName(v.host), scale: v.scale };
}

/** HTML fetched by the background for extraction; size-capped by the fetcher already. */
export function htmlRequest(value: unknown): { html: string; url: string } {
  const v = record(value);
  if (typeof v.html !== 'string' || v.html.length > 12 * 1024 * 1024) throw new ValidationError('bad html');
  return { html: v.html, url: httpUrl(v.url) };
}

export function listQuery(value: unknown): Required<Pick<ListQuery, 'limit'>> & ListQuery {
  const v = value === undefined ? {} : record(value);
  const query = v.query === undefined ? undefined : text(v.query, MAX_QUERY);
  return {
    ...(query ? { query } : {}),
    limit: optionalInt(v.limit, 1, 500) ?? 100,
    ...(v.before !== undefined ? { before: optionalInt(v.before, 0, Number.MAX_SAFE_INTEGER) } : {}),
  };
}

/** Minimal view of a message sender, as both browsers give it. */
export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/** True when the message comes from one of Folio's own pages (popup, reader, library). */
export function isExtensionPage(sender: SenderLike, runtimeId: string, extensionOrigin: string): boolean {
  return sender.id === runtimeId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

/** True when the message comes from Folio's content script in a web tab. */
export function isContentScript(sender: SenderLike, runtimeId: string): boolean {
  return sender.id === runtimeId && typeof sender.tab?.id === 'number' && typeof sender.url === 'string' && /^https?:/.test(sender.url);
}
