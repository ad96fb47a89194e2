/**
 * Schemas for everything that arrives by message or from a page. A payload is
 * data from another context (a content script runs beside hostile page code;
 * an extraction result is whatever the page's realm handed back), so each field
 * is checked for type, range and size before a handler uses it.
 *
 * One schema per payload (valibot): utils/messaging.ts takes its payload types
 * from these (`InferInput`/`InferOutput`), so a message's type and its validator
 * are one thing. Objects are allow-lists: a key not named here is dropped from
 * the output (an extracted article carrying `id`, `savedAt`, `tags` or `origin`
 * loses them before anything stores it).
 *
 * Handlers use the `parse*` functions below, which throw ValidationError.
 */
import * as s from 'valibot';
import type { ExtractedArticle } from './article/types';
import { HIGHLIGHT_COLORS } from './highlights/types';
import { MAX_REMOVALS } from './site-rules/edit';
import { SiteKeySchema, SiteRuleSchema } from './site-rules/schema';
import { MAX_OTHER_PAGES } from './site-rules/other-pages';
import { isExactPath, isRemovalStep, isStableSelector } from './site-rules/selector';
import { parseHttpUrl } from './url';

export class ValidationError extends Error {
  override name = 'ValidationError';
}

const MAX_TITLE = 2_000;
/** Longest reading time worth showing; anything above is a miscount. */
const MAX_READING_MINUTES = 600;
/** Larger results are not articles anyone reads; refusing them protects the database. */
export const MAX_CONTENT_CHARS = 20_000_000;
/** HTML fetched by the background for the offscreen parse; the fetcher caps it at 10 MB already. */
const MAX_HTML_CHARS = 12 * 1024 * 1024;

// ── building blocks ──────────────────────────────────────────────────────────

/** An absolute http(s) URL, normalised to its href. */
export const HttpUrl = s.pipe(
  s.string(),
  s.check((value) => parseHttpUrl(value) !== null, 'expected an http(s) URL'),
  s.transform((value) => parseHttpUrl(value)!.href),
);

/** Text cut to `max` characters (a long title is trimmed, not refused). */
const Text = (max: number) => s.pipe(s.string(), s.transform((value) => (value.length > max ? value.slice(0, max) : value)));

const cut = (max: number) => (value: string | null): string | null => (value === null || value.length <= max ? value : value.slice(0, max));

/** Text or null (the key must be there), cut to `max`. */
const NullableText = (max: number) => s.pipe(s.nullable(s.string()), s.transform(cut(max)));

/** Text or nothing: a missing key, undefined and null all give null. */
const OptionalText = (max: number) => s.pipe(s.optional(s.nullable(s.string()), null), s.transform((value) => cut(max)(value ?? null)));

/** A cosmetic extra: whatever arrives, a bad value is dropped rather than failing the whole payload. */
const Droppable = <T extends s.GenericSchema>(schema: T) =>
  s.optional(
    s.pipe(
      s.unknown(),
      s.transform((value): s.InferOutput<T> | undefined => {
        const parsed = s.safeParse(schema, value);
        return parsed.success ? parsed.output : undefined;
      }),
    ),
  );

const TabId = s.pipe(s.number('bad tab id'), s.integer('bad tab id'), s.minValue(0, 'bad tab id'));

/** Ids are UUIDs we made; anything else is refused rather than used as a key. */
const Id = s.pipe(s.string('bad id'), s.regex(/^[A-Za-z0-9-]{1,64}$/, 'bad id'));

/** A number in [min, max], floored. */
const WholeInRange = (min: number, max: number) =>
  s.pipe(s.number(), s.finite('number out of range'), s.minValue(min, 'number out of range'), s.maxValue(max, 'number out of range'), s.transform(Math.floor));

/** A host name as the URL parser writes it (lowercase, punycode, no port or credentials). */
const HostName = s.pipe(
  s.string('bad host'),
  s.minLength(1, 'bad host'),
  s.maxLength(253, 'bad host'),
  s.check((value) => {
    try {
      const parsed = new URL(`http://${value}/`);
      return parsed.hostname === value.toLowerCase() && !parsed.port && !parsed.username;
    } catch {
      return false;
    }
  }, 'bad host'),
  s.transform((value) => value.toLowerCase()),
);

/** Drops keys whose value is undefined, so stored records stay minimal. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

// ── payloads ────────────────────────────────────────────────────────────────

/** content script → background: this page is (not) an article. */
export const PageReportSchema = s.pipe(
  s.object({
    url: HttpUrl,
    isArticle: s.boolean('isArticle must be boolean'),
    title: s.optional(Text(MAX_TITLE), ''),
    siteName: OptionalText(MAX_TITLE),
    /** Absolute http(s) URL of the page's declared share image (og:image, twitter:image). */
    leadImage: Droppable(HttpUrl),
    /** The page's declared canonical URL (http(s)), shared instead of the address bar's. */
    canonicalUrl: Droppable(HttpUrl),
  }),
  s.transform(compact),
);

/**
 * content script → background (asked for by the popup): rough reading time of the
 * page's main text, whole minutes (≥ 1), or null when the page has no main text.
 * Counted only when asked: on every page load it cost up to 17 ms of the page's
 * main thread (a 1 MB page), for a label only the popup shows.
 */
export const ReadingMinutesSchema = s.nullable(s.pipe(s.number(), s.integer(), s.minValue(1), s.maxValue(MAX_READING_MINUTES)));

export const TabRequestSchema = s.object({
  tabId: TabId,
  force: s.fallback(s.optional(s.boolean(), false), false),
});

export const IdRequestSchema = s.object({ id: Id });
export const ViewRequestSchema = s.object({ viewId: Id });

/** What the reader page shows: a fresh extraction (view) or a saved article. */
export const ReaderSourceSchema = s.variant('kind', [
  s.object({ kind: s.literal('view'), id: Id }),
  s.object({ kind: s.literal('article'), id: Id }),
], 'bad reader source');

export const HtmlRequestSchema = s.object({
  html: s.pipe(s.string('bad html'), s.maxLength(MAX_HTML_CHARS, 'bad html')),
  url: HttpUrl,
  /** The site's "Fix this page" rule, read by the background (the offscreen document never opens IndexedDB). */
  rule: s.optional(SiteRuleSchema),
});

export const SiteQuerySchema = s.object({ host: HostName });
export const SiteScaleRequestSchema = s.object({ host: HostName, scale: s.pipe(s.number('bad scale'), s.finite('bad scale')) });
export const SiteScaleApplySchema = s.object({ scale: s.pipe(s.number(), s.finite()) });

// ── live-page highlights (utils/content/highlighter.ts, utils/background/live-highlights.ts) ──

/** Longest quote a highlight may hold (a long selection is a few paragraphs, not a book). */
export const MAX_QUOTE_CHARS = 20_000;
/** Most highlights one page is painted with in one message. */
export const MAX_PAINTED = 5_000;
/** Context either side of a quote: CONTEXT_CHARS (32) plus room for a surrogate pair. */
const MAX_CONTEXT_CHARS = 64;

const Offset = s.pipe(s.number('bad offset'), s.integer('bad offset'), s.minValue(0, 'bad offset'));

/** W3C TextQuote + TextPosition selectors (utils/highlights/types.ts), as a page or the background sends them. */
export const SelectorsSchema = s.object({
  quote: s.object({
    type: s.literal('TextQuoteSelector'),
    exact: s.pipe(s.string('bad quote'), s.minLength(1, 'bad quote'), s.maxLength(MAX_QUOTE_CHARS, 'quote too long'), s.check((q) => q.trim() !== '', 'empty quote')),
    prefix: s.pipe(s.string('bad prefix'), s.maxLength(MAX_CONTEXT_CHARS, 'bad prefix')),
    suffix: s.pipe(s.string('bad suffix'), s.maxLength(MAX_CONTEXT_CHARS, 'bad suffix')),
  }),
  position: s.pipe(
    s.object({ type: s.literal('TextPositionSelector'), start: Offset, end: Offset }),
    s.check((p) => p.end > p.start, 'bad position'),
  ),
});

const Color = s.picklist(HIGHLIGHT_COLORS, 'bad colour');

/** highlighter → background, the answer to `highlighter.describe`: the selection on the live page, or null (nothing selected). */
export const LiveSelectionSchema = s.nullable(s.object({ selectors: SelectorsSchema }));

/** background → highlighter: what to paint (only what the page needs: no note, no article, no dates). */
export const LivePaintSchema = s.object({
  /** The page these belong to: a highlighter that finds itself elsewhere (SPA route changed meanwhile) paints nothing. */
  url: HttpUrl,
  /** replace: these are all of the page's highlights; add: one more. */
  mode: s.picklist(['replace', 'add'], 'bad mode'),
  highlights: s.pipe(
    s.array(s.object({ id: Id, color: Color, selectors: SelectorsSchema })),
    s.maxLength(MAX_PAINTED, 'too many highlights'),
  ),
});

/** highlighter → background: the user chose another colour for a highlight painted on this page. */
export const HighlightColorRequestSchema = s.object({ id: Id, color: Color });
/** highlighter → background: the user removed a highlight painted on this page (after its Undo window). */
export const HighlightIdRequestSchema = s.object({ id: Id });

/** highlighter → background, the answer to `highlighter.paint`. */
export const PaintOutcomeSchema = s.object({
  painted: s.pipe(s.number(), s.integer(), s.minValue(0)),
  /** Ids that could not be placed on this page (kept as they are: the page may be a teaser). */
  missing: s.pipe(s.array(Id), s.maxLength(MAX_PAINTED)),
});

// ── import: the background download of imported links (utils/background/fetch-queue.ts) ──

/** library page → background: start (after an import), pause, resume or cancel the download of imported links. */
export const FetchQueueControlSchema = s.object({ action: s.picklist(['start', 'pause', 'resume', 'cancel'], 'bad queue action') });

/** Most quotes one article's highlights may send to the offscreen document at once. */
const MAX_QUOTES = 2_000;

/** background → Chrome's offscreen document: find imported highlights' quotes in extracted content. */
export const AnchorQuotesRequestSchema = s.object({
  html: s.pipe(s.string('bad html'), s.maxLength(MAX_CONTENT_CHARS, 'bad html')),
  url: HttpUrl,
  quotes: s.pipe(s.array(s.pipe(s.string(), s.maxLength(10_000))), s.maxLength(MAX_QUOTES, 'too many quotes')),
});

// ── "Fix this page" (utils/background/fix-page.ts, utils/content/picker.ts, the reader) ──

const StableSelector = s.pipe(s.string('bad selector'), s.check(isStableSelector, 'not a stable selector'));

/** picker → background: "Use this as the article". The site comes from the sender, never from here. */
export const FixUseSchema = s.object({
  /** The block's stable selector, stored as the site's rule; null when none picks it out alone. */
  selector: s.nullable(StableSelector),
  /** The block's exact path on this page, for this one extraction (never stored). */
  exact: s.pipe(s.string('bad path'), s.check(isExactPath, 'not an exact path')),
  /** Other articles of the site this page links to, where the selector is tried before it is kept. */
  others: s.optional(s.pipe(s.array(HttpUrl), s.maxLength(MAX_OTHER_PAGES, 'too many pages')), []),
});

/** background → offscreen document: does a rule's article selector fit this fetched page? */
export const ArticleFitsRequestSchema = s.object({
  html: s.pipe(s.string('bad html'), s.maxLength(MAX_HTML_CHARS, 'bad html')),
  url: HttpUrl,
  selector: StableSelector,
});

/** reader → background: go back to the page this reader shows and pick its article there. */
export const FixPickOriginalSchema = s.object({ source: ReaderSourceSchema });

/** reader → background: "Remove parts" is done: the article without those parts, and the kinds of block the site's rule should remove. */
export const RemovePartsSchema = s.object({
  source: ReaderSourceSchema,
  content: s.pipe(s.string('bad content'), s.maxLength(MAX_CONTENT_CHARS, 'content too long')),
  textContent: s.pipe(s.string('bad text'), s.maxLength(MAX_CONTENT_CHARS, 'text too long')),
  remove: s.pipe(
    s.array(s.pipe(s.string(), s.check(isRemovalStep, 'not a stable removal'))),
    s.maxLength(MAX_REMOVALS, 'too many removals'),
  ),
});

export const SiteRequestSchema = s.object({ site: SiteKeySchema });
/** reader → background: Undo "Forget the fix for this site". */
export const RuleRestoreSchema = s.object({ rule: SiteRuleSchema });

// ── results that come back from a page ──────────────────────────────────────

/**
 * An extraction result from a page's realm or the offscreen document, field
 * by field. Library fields (`id`, `savedAt`, `tags`, `origin`…) are not in the
 * list, so a page cannot choose them.
 */
export const ExtractedArticleSchema = s.pipe(
  s.object({
    url: HttpUrl,
    canonicalUrl: HttpUrl,
    title: Text(MAX_TITLE),
    byline: NullableText(MAX_TITLE),
    siteName: NullableText(MAX_TITLE),
    publishedTime: NullableText(100),
    modifiedTime: NullableText(100),
    lang: NullableText(35),
    dir: s.fallback(s.nullable(s.picklist(['ltr', 'rtl'])), null),
    leadImage: s.fallback(s.nullable(HttpUrl), null),
    leadImageAlt: s.optional(NullableText(MAX_TITLE)),
    leadImageCaption: s.optional(NullableText(MAX_TITLE)),
    excerpt: NullableText(MAX_TITLE),
    content: s.pipe(s.string(), s.maxLength(MAX_CONTENT_CHARS)),
    textContent: s.pipe(s.string(), s.maxLength(MAX_CONTENT_CHARS)),
    wordCount: WholeInRange(0, Number.MAX_SAFE_INTEGER),
    readingTimeMinutes: WholeInRange(0, Number.MAX_SAFE_INTEGER),
  }),
  s.transform(compact),
);

/** What a site's rule did to an extraction (utils/article/extract-in-page.ts). */
const RuleOutcomeSchema = s.object({
  used: s.boolean(),
  narrowed: s.boolean(),
  removed: WholeInRange(0, 1_000_000),
});

export const ExtractionResultSchema = s.variant('ok', [
  s.object({ ok: s.literal(true), article: ExtractedArticleSchema, rule: s.optional(RuleOutcomeSchema) }),
  s.object({
    ok: s.literal(false),
    reason: s.fallback(s.picklist(['not-an-article', 'error']), 'error'),
    detail: s.fallback(Text(2_000), ''),
  }),
]);

// The article type is the extraction's domain type (utils/article/types.ts); this
// line fails to compile if the schema and the type drift apart in either direction.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _articleSchemaMatchesType: Same<s.InferOutput<typeof ExtractedArticleSchema>, ExtractedArticle> = true;
void _articleSchemaMatchesType;

// ── parsing ─────────────────────────────────────────────────────────────────

function parser<T extends s.GenericSchema>(schema: T): (value: unknown) => s.InferOutput<T> {
  return (value) => {
    const result = s.safeParse(schema, value);
    if (!result.success) {
      const issue = result.issues[0];
      const path = issue.path?.map((p) => String(p.key)).join('.');
      throw new ValidationError(path ? `${path}: ${issue.message}` : issue.message);
    }
    return result.output;
  };
}

/** Parses an object payload; anything that is not a plain object is refused first. */
function objectParser<T extends s.GenericSchema>(schema: T): (value: unknown) => s.InferOutput<T> {
  const parse = parser(schema);
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ValidationError('expected an object');
    return parse(value);
  };
}

export const pageReport = objectParser(PageReportSchema);
/** A reply from a page's realm: anything but a sound count reads as "not known". */
export const readingMinutes = (value: unknown): number | null => {
  const result = s.safeParse(ReadingMinutesSchema, value);
  return result.success ? result.output : null;
};
export const tabRequest = objectParser(TabRequestSchema);
export const idRequest = objectParser(IdRequestSchema);
export const viewRequest = objectParser(ViewRequestSchema);
export const readerSource = objectParser(ReaderSourceSchema);
export const htmlRequest = objectParser(HtmlRequestSchema);
export const siteQuery = objectParser(SiteQuerySchema);
export const siteScaleRequest = objectParser(SiteScaleRequestSchema);
export const siteScaleApply = objectParser(SiteScaleApplySchema);
// Live-page highlights: the selection comes back from a page's realm, a paint request is checked where it lands.
export const liveSelection = parser(LiveSelectionSchema);
export const livePaint = objectParser(LivePaintSchema);
export const paintOutcome = objectParser(PaintOutcomeSchema);
export const highlightColorRequest = objectParser(HighlightColorRequestSchema);
export const highlightIdRequest = objectParser(HighlightIdRequestSchema);
export const fetchQueueControl = objectParser(FetchQueueControlSchema);
export const anchorQuotesRequest = objectParser(AnchorQuotesRequestSchema);
export const fixUse = objectParser(FixUseSchema);
export const articleFitsRequest = objectParser(ArticleFitsRequestSchema);
export const fixPickOriginal = objectParser(FixPickOriginalSchema);
export const removeParts = objectParser(RemovePartsSchema);
export const siteRequest = objectParser(SiteRequestSchema);
export const ruleRestore = objectParser(RuleRestoreSchema);
/** A message that carries nothing: anything else is refused. */
export const noPayload = (value: unknown): undefined => {
  if (value !== undefined && value !== null) throw new ValidationError('expected no payload');
  return undefined;
};
/** Returns the issue instead of throwing: results are mapped to a Failure by the caller. */
export const safeExtractionResult = (value: unknown) => s.safeParse(ExtractionResultSchema, value);

// ── senders ─────────────────────────────────────────────────────────────────

/** Minimal view of a message sender, as both browsers give it. */
export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number };
  /** 0 for a tab's top frame. */
  frameId?: number;
  /** Chrome: "active", "prerender" or "cached" (back/forward cache). Firefox does not send it. */
  documentLifecycle?: string;
}

/** True when the message comes from one of Folio's own pages (popup, reader, library). */
export function isExtensionPage(sender: SenderLike, runtimeId: string, extensionOrigin: string): boolean {
  return sender.id === runtimeId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

/** True when the message comes from Folio's content script in a web tab. */
export function isContentScript(sender: SenderLike, runtimeId: string): boolean {
  return sender.id === runtimeId && typeof sender.tab?.id === 'number' && typeof sender.url === 'string' && /^https?:/.test(sender.url);
}

/**
 * True for the top frame of a tab, showing its document now: not an iframe
 * (frameId 0), not a prerendered page or one kept in the back/forward cache
 * (Chrome's documentLifecycle; Firefox sends none and does not run content
 * scripts' messages from cached pages).
 */
export function isActiveTopFrame(sender: SenderLike): boolean {
  return sender.frameId === 0 && (sender.documentLifecycle === undefined || sender.documentLifecycle === 'active');
}

/** `url` without its fragment: the page's identity as a report compares it. */
export function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}
