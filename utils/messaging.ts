/**
 * Folio's message protocol: the only place message names and payload types exist.
 * Handlers live in utils/handlers/ (one per message) and validate every payload
 * with utils/validate.ts before acting on it.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ExtractionResult } from './article/extract';
import type { ArticleSummary, ReaderView } from './article/types';
import type { Result } from './result';
import type { TabState } from './tab-state';

/** Sent by the always-on content script after it looked at a page. */
export interface PageReport {
  url: string;
  isArticle: boolean;
  title: string;
  siteName: string | null;
  /** Absolute http(s) URL of the page's declared share image (og:image, twitter:image). */
  leadImage?: string | null;
  /** The page's declared canonical URL (http(s)), shared instead of the address bar's. */
  canonicalUrl?: string | null;
  /** Rough reading time of the main text, whole minutes (≥ 1). */
  readingTimeMinutes?: number;
}

/** What the reader page shows: a fresh extraction (view) or a saved article. */
export type ReaderSource = { kind: 'view'; id: string } | { kind: 'article'; id: string };

export interface ReaderDocument {
  source: ReaderSource;
  /** Without `textContent`: the reader renders `content`, and the plain copy would double the message. */
  article: Omit<ReaderView['article'], 'textContent'>;
  /** Library id when this URL is saved. */
  savedId: string | null;
}

export interface ListQuery {
  /** Case-insensitive words that must all appear in title, site or byline. */
  query?: string;
  limit?: number;
  /** Return articles saved strictly before this epoch ms (paging, newest first). */
  before?: number;
}

export interface ProtocolMap {
  /** content script → background: this page is (not) an article. */
  'page.report'(data: PageReport): void;
  /** popup → background: what Folio knows of a tab. */
  'tab.getState'(data: { tabId: number }): TabState;
  /** popup → background: the popup is open on this tab; extract its article now if it is one, ahead of a click. */
  'reader.prepare'(data: { tabId: number }): void;
  /** popup → background: extract the tab's article and turn the tab into the reader. */
  'reader.open'(data: { tabId: number; force?: boolean }): Result<{ viewId: string }>;
  /** reader page → background: the article to show. */
  'reader.load'(data: ReaderSource): Result<ReaderDocument>;
  /** popup → background: extract and save the tab's article. */
  'article.saveTab'(data: { tabId: number }): Result<{ id: string; created: boolean }>;
  /** reader → background: save what the reader shows. */
  'article.saveView'(data: { viewId: string }): Result<{ id: string; created: boolean }>;
  'article.remove'(data: { id: string }): Result<{ removed: boolean }>;
  'article.list'(data: ListQuery): Result<{ items: ArticleSummary[]; total: number }>;
  /** background → Chrome's offscreen document: extract an article from fetched HTML (no DOM in the worker). */
  'offscreen.extract'(data: { html: string; url: string }): ExtractionResult;
}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
