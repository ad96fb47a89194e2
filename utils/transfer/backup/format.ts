/**
 * The Folio backup format, version 1 (docs/export.md is the spec): a zip with
 *
 *   manifest.json                  { format: "folio-backup", version: 1, exportedAt, articles }
 *   articles/000001.json           one article: { meta, body, highlights, assets: [{ url, type, bytes, path }], position }
 *   assets/000001/1.jpg            the article's stored images, as stored
 *   site-rules.json                { rules: [SiteRule] }: "Fix this page" rules, when the library has any
 *
 * Each record is checked here with valibot before anything is written: an
 * allow-list (unknown keys are dropped), types, ranges and sizes, and every
 * asset path must be one of this article's own entries. The schema is what a
 * v1 backup may contain; a later version adds a reader step, never a change here.
 */
import * as s from 'valibot';
import { HIGHLIGHT_COLORS } from '../../highlights/types';
import { SiteRuleSchema } from '../../site-rules/schema';
import { MAX_CONTENT_CHARS } from '../../validate';
import { imageExtension } from '../image-types';

export const BACKUP_FORMAT = 'folio-backup';
export const BACKUP_VERSION = 1;
export const MANIFEST_PATH = 'manifest.json';

/** Per-entry caps: larger entries are refused before they are inflated. */
export const MAX_ARTICLE_JSON_BYTES = 64 * 1024 * 1024;
export const MAX_ASSET_BYTES = 50 * 1024 * 1024;
export const MAX_MANIFEST_BYTES = 64 * 1024;
export const MAX_ASSETS_PER_ARTICLE = 500;
export const MAX_HIGHLIGHTS_PER_ARTICLE = 5_000;

export function articlePath(n: number): string {
  return `articles/${String(n).padStart(6, '0')}.json`;
}

export const ARTICLE_PATH = /^articles\/\d{6,9}\.json$/;
export const ASSET_PATH = /^assets\/\d{6,9}\/\d{1,4}\.[a-z0-9]{1,5}$/;


/** "Fix this page" rules, one entry for all sites (rules are per site, not per article). */
export const SITE_RULES_PATH = 'site-rules.json';
export const MAX_SITE_RULES_BYTES = 8 * 1024 * 1024;
/** More sites than anyone fixes by hand; the cap keeps a hostile file's list bounded. */
export const MAX_SITE_RULES = 10_000;

export function assetPath(n: number, k: number, type: string): string {
  return `assets/${String(n).padStart(6, '0')}/${k}.${imageExtension(type)}`;
}

const Str = (max: number) => s.pipe(s.string(), s.maxLength(max));
const NullStr = (max: number) => s.nullable(Str(max));
const Time = s.pipe(s.number(), s.finite(), s.minValue(0), s.maxValue(8.64e15));
const Count = s.pipe(s.number(), s.integer(), s.minValue(0), s.maxValue(Number.MAX_SAFE_INTEGER));
const Id = s.pipe(s.string(), s.regex(/^[A-Za-z0-9_-]{1,100}$/, 'bad id'));
const Url = s.pipe(Str(8_192), s.regex(/^https?:\/\//i, 'expected an http(s) URL'));
const Fraction = s.pipe(s.number(), s.finite(), s.minValue(0), s.maxValue(1));

export const BackupManifestSchema = s.object({
  format: s.literal(BACKUP_FORMAT),
  version: s.number(),
  exportedAt: s.optional(Str(64)),
  articles: s.optional(Count),
});

const MetaSchema = s.object({
  id: Id,
  urlKey: Str(8_192),
  url: Url,
  canonicalUrl: Url,
  title: Str(2_000),
  titleKey: Str(2_000),
  byline: NullStr(2_000),
  siteName: NullStr(2_000),
  siteKey: Str(1_000),
  publishedTime: NullStr(100),
  modifiedTime: NullStr(100),
  lang: NullStr(100),
  dir: s.nullable(s.picklist(['ltr', 'rtl'])),
  leadImage: s.nullable(Str(8_192)),
  leadImageAlt: NullStr(4_000),
  leadImageCaption: NullStr(4_000),
  excerpt: NullStr(10_000),
  wordCount: Count,
  readingTimeMinutes: Count,
  savedAt: Time,
  updatedAt: Time,
  readAt: s.optional(Time),
  archivedAt: s.optional(Time),
  favoritedAt: s.optional(Time),
  tags: s.pipe(s.array(Str(64)), s.maxLength(1_000)),
  progress: s.optional(Fraction),
  progressAt: s.optional(Time),
  origin: s.picklist(['web', 'import']),
  // An imported link whose article had not downloaded yet (or could not be): restored as it was.
  fetchState: s.optional(s.object({ status: s.picklist(['queued', 'fetching', 'failed']), reason: s.optional(Str(2_000)), at: Time })),
  images: s.object({ stored: Count, skipped: Count, bytes: Count }),
});

const BodySchema = s.object({
  id: Id,
  content: Str(MAX_CONTENT_CHARS),
  textContent: Str(MAX_CONTENT_CHARS),
  contentHash: Str(64),
  extractorVersion: Count,
});

const HighlightSchema = s.object({
  id: Id,
  articleId: Id,
  selectors: s.object({
    quote: s.object({ type: s.literal('TextQuoteSelector'), exact: Str(100_000), prefix: Str(1_000), suffix: Str(1_000) }),
    position: s.object({ type: s.literal('TextPositionSelector'), start: Count, end: Count }),
  }),
  basis: s.object({ contentHash: Str(64), extractorVersion: Count, textModel: Count }),
  color: s.picklist(HIGHLIGHT_COLORS),
  note: Str(100_000),
  createdAt: Time,
  updatedAt: Time,
  orphaned: s.boolean(),
  orphanedAt: s.optional(Time),
});

const AssetRefSchema = s.object({
  url: Str(8_192),
  // The saver stores whatever image/* a site sent (utils/background/offline-images.ts).
  type: s.pipe(s.string(), s.regex(/^image\/[a-z0-9.+-]{1,60}$/, 'not an image type')),
  bytes: s.pipe(Count, s.maxValue(MAX_ASSET_BYTES)),
  path: s.pipe(s.string(), s.regex(ASSET_PATH, 'bad asset path')),
});

export const BackupArticleSchema = s.pipe(
  s.object({
    meta: MetaSchema,
    body: s.nullable(BodySchema),
    highlights: s.pipe(s.array(HighlightSchema), s.maxLength(MAX_HIGHLIGHTS_PER_ARTICLE)),
    assets: s.pipe(s.array(AssetRefSchema), s.maxLength(MAX_ASSETS_PER_ARTICLE)),
    position: s.nullable(s.object({ fraction: Fraction, at: Time })),
  }),
  s.check((a) => a.body === null || a.body.id === a.meta.id, 'the body belongs to another article'),
  s.check((a) => a.highlights.every((h) => h.articleId === a.meta.id), 'a highlight belongs to another article'),
  s.check((a) => a.highlights.every((h) => h.selectors.position.end > h.selectors.position.start), 'a highlight has an empty position'),
  s.check((a) => new Set(a.assets.map((x) => x.path)).size === a.assets.length, 'two images share one file'),
  s.check((a) => new Set(a.assets.map((x) => x.url)).size === a.assets.length, 'two images share one URL'),
);

/** `site-rules.json`: each rule held to the stable-selector grammar (utils/site-rules/schema.ts), one per site. */
export const BackupSiteRulesSchema = s.pipe(
  s.object({ rules: s.pipe(s.array(SiteRuleSchema), s.maxLength(MAX_SITE_RULES, 'too many site rules')) }),
  s.check((entry) => new Set(entry.rules.map((r) => r.site)).size === entry.rules.length, 'two rules for one site'),
);

export type BackupManifest = s.InferOutput<typeof BackupManifestSchema>;
export type BackupArticle = s.InferOutput<typeof BackupArticleSchema>;

/** A validation failure as one readable line: where and what. */
export function issueText(issues: readonly s.BaseIssue<unknown>[]): string {
  const first = issues[0];
  if (!first) return 'invalid';
  const path = first.path?.map((p) => String(p.key)).join('.') ?? '';
  return path ? `${path}: ${first.message}` : first.message;
}
