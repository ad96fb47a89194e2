/**
 * The article as Folio knows it. One shape for the reader, saving, the library
 * and exports, so none of them re-derives metadata on its own.
 *
 * `content` is untrusted HTML forever: it is sanitised at every render
 * (utils/sanitize.ts), never trusted because it was "already cleaned".
 */
import type { FixNote } from '../site-rules/types';

export type TextDirection = 'ltr' | 'rtl';

/** What extraction produces from one page. */
export interface ExtractedArticle {
  /** The address the page was read from. */
  url: string;
  /** The page's canonical URL, tracking parameters removed; `url` when it declares none. */
  canonicalUrl: string;
  title: string;
  /** People, not "By …" prefixes; null when the page names nobody. */
  byline: string | null;
  siteName: string | null;
  /** ISO 8601, or null when the page does not say. */
  publishedTime: string | null;
  modifiedTime: string | null;
  /** BCP 47 language tag of the article, e.g. "en" or "pt-BR". */
  lang: string | null;
  dir: TextDirection | null;
  /** Absolute URL of the lead image. */
  leadImage: string | null;
  /**
   * What the page says about the lead image (utils/article/lead-image.ts), for
   * the reader's header. Absent on articles saved before these fields existed.
   */
  leadImageAlt?: string | null;
  leadImageCaption?: string | null;
  excerpt: string | null;
  /** Untrusted article HTML with absolute URLs. */
  content: string;
  textContent: string;
  wordCount: number;
  readingTimeMinutes: number;
}

/** Where a library entry came from; importers add their own values. */
export type ArticleOrigin = 'web' | 'import';

/** An article in the library (IndexedDB store `articles`). */
export interface LibraryArticle extends ExtractedArticle {
  /** Random UUID, stable across re-saves of the same URL. */
  id: string;
  /** Identity key derived from the canonical URL (utils/url.ts `urlKey`); unique in the library. */
  urlKey: string;
  /** Epoch ms of the first save; re-saving keeps it. */
  savedAt: number;
  /** Epoch ms of the last change to content or metadata. */
  updatedAt: number;
  tags: string[];
  archived: boolean;
  favorite: boolean;
  origin: ArticleOrigin;
}

/** An article opened in the reader but not (necessarily) saved: store `readerViews`. */
export interface ReaderView {
  id: string;
  article: ExtractedArticle;
  createdAt: number;
  /** Set when the site's "Fix this page" rule shaped this extraction (the reader says so and offers to forget it). */
  fix?: FixNote;
}

/** Words per minute used for reading time: a common estimate for adult silent reading of non-fiction. */
export const WORDS_PER_MINUTE = 230;

export function readingTimeMinutes(wordCount: number): number {
  return wordCount <= 0 ? 0 : Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}

/**
 * Version of the extraction rules that produced an article's content. Bump it
 * when extraction changes what it keeps: highlights on articles extracted by an
 * older version re-anchor by quote instead of trusting their offsets.
 */
export const EXTRACTOR_VERSION = 1;
