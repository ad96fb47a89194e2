/**
 * Folio's message protocol: the only place message names exist. Payload types
 * come from the schemas in utils/validate.ts (`import type` only: no validator
 * code reaches the content script), and every handler in utils/handlers/
 * parses its payload with the same schema, so the two cannot drift.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { InferInput, InferOutput } from 'valibot';
import type { ExtractionResult } from './article/extract';
import type { ReaderView } from './article/types';
import type { Result } from './result';
import type { TabState } from './tab-state';
import type { HighlightSelectors } from './highlights/types';
import type { FixNote, SiteRule } from './site-rules/types';
import type {
  HighlightColorRequestSchema,
  HighlightIdRequestSchema,
  AnchorQuotesRequestSchema,
  ArticleFitsRequestSchema,
  FetchQueueControlSchema,
  FixPickOriginalSchema,
  FixUseSchema,
  RemovePartsSchema,
  RuleRestoreSchema,
  SiteRequestSchema,
  HtmlRequestSchema,
  IdRequestSchema,
  LivePaintSchema,
  LiveSelectionSchema,
  PaintOutcomeSchema,
  PageReportSchema,
  ReadingMinutesSchema,
  ReaderSourceSchema,
  SiteQuerySchema,
  SiteScaleApplySchema,
  SiteScaleRequestSchema,
  TabRequestSchema,
  ViewRequestSchema,
} from './validate';

/** Sent by the always-on content script after it looked at a page (as validated and stored). */
export type PageReport = InferOutput<typeof PageReportSchema>;

/** What the reader page shows: a fresh extraction (view) or a saved article. */
export type ReaderSource = InferOutput<typeof ReaderSourceSchema>;

export interface ReaderDocument {
  source: ReaderSource;
  /** Without `textContent`: the reader renders `content`, and the plain copy would double the message. */
  article: Omit<ReaderView['article'], 'textContent'>;
  /** Library id when this URL is saved. */
  savedId: string | null;
  /** The site's "Fix this page" rule shaped this view (absent for saved articles: their content is the fix). */
  fix?: FixNote | null;
}

type TabRequest = InferInput<typeof TabRequestSchema>;

export interface ProtocolMap {
  /** content script → background: this page is (not) an article. */
  'page.report'(data: InferInput<typeof PageReportSchema>): void;
  /** popup → background: what Folio knows of a tab. */
  'tab.getState'(data: TabRequest): TabState;
  /** popup → background: the reading time of the tab's article, counted by its content script now (null when unknown). */
  'tab.readingTime'(data: TabRequest): number | null;
  /** background → the content script of a tab's top frame: count the main text's reading time. */
  'page.readingTime'(data: undefined): InferInput<typeof ReadingMinutesSchema>;
  /** popup → background: the popup is open on this tab; extract its article now if it is one, ahead of a click. */
  'reader.prepare'(data: TabRequest): void;
  /** popup → background: extract the tab's article and turn the tab into the reader. */
  'reader.open'(data: TabRequest): Result<{ viewId: string }>;
  /** reader page → background: the article to show. */
  'reader.load'(data: InferInput<typeof ReaderSourceSchema>): Result<ReaderDocument>;
  /** popup → background: extract and save the tab's article. */
  'article.saveTab'(data: TabRequest): Result<{ id: string; created: boolean }>;
  /** reader → background: save what the reader shows. */
  'article.saveView'(data: InferInput<typeof ViewRequestSchema>): Result<{ id: string; created: boolean }>;
  'article.remove'(data: InferInput<typeof IdRequestSchema>): Result<{ removed: boolean }>;
  /** content script → background: the text scale for the sender's own site (never another's: utils/site-font-store.ts). */
  'siteFont.get'(data: undefined): number;
  /** popup → background: the text scale stored for a site. */
  'siteFont.query'(data: InferInput<typeof SiteQuerySchema>): number;
  /** popup → background: store a site's text scale; the tabs showing that site (only those) apply it. Returns the stored step. */
  'siteFont.set'(data: InferInput<typeof SiteScaleRequestSchema>): number;
  /** background → the content script in a tab showing that site: apply this scale now. */
  'siteFont.apply'(data: InferInput<typeof SiteScaleApplySchema>): void;
  /** background → Chrome's offscreen document: extract an article from fetched HTML (no DOM in the worker). */
  'offscreen.extract'(data: InferInput<typeof HtmlRequestSchema>): ExtractionResult;

  // ── Live-page highlights (branch hl-live): the background talks to the highlighter it injected
  // (entrypoints/highlighter.ts) in a tab's top frame; the highlighter never opens IndexedDB.
  /** background → highlighter: the selection on the page as selectors over the live text model, or null. */
  'highlighter.describe'(data: undefined): InferInput<typeof LiveSelectionSchema>;
  /** background → highlighter: paint these highlights (all of the page's, or one more). */
  'highlighter.paint'(data: InferInput<typeof LivePaintSchema>): InferInput<typeof PaintOutcomeSchema>;
  /** highlighter → background: recolour a highlight of the sender's own page; false when it is not one. */
  'highlight.recolor'(data: InferInput<typeof HighlightColorRequestSchema>): boolean;
  /** highlighter → background: remove a highlight of the sender's own page (its Undo window has passed); false when it is not one. */
  'highlight.remove'(data: InferInput<typeof HighlightIdRequestSchema>): boolean;
  // ── import (utils/transfer/import/, utils/background/fetch-queue.ts) ──
  // The library page parses and writes imports itself (utils/db/imports.ts); only the
  // download of imported links, which must outlive the page, runs in the background.
  /** library page → background: start (after an import queued links), pause, resume or cancel the downloads. */
  'fetchQueue.control'(data: InferInput<typeof FetchQueueControlSchema>): Result<{ paused: boolean }>;
  /** background → Chrome's offscreen document: where imported highlights' quotes fall in a fetched article (a DOM is needed). */
  'offscreen.anchorQuotes'(data: InferInput<typeof AnchorQuotesRequestSchema>): (HighlightSelectors | null)[];
  /** Chrome's offscreen document: whether a new site rule's article selector fits another fetched page of the site. */
  'offscreen.articleFits'(data: InferInput<typeof ArticleFitsRequestSchema>): boolean;

  // ── "Fix this page" (utils/background/fix-page.ts): the picker is injected into the page on
  // demand; rules live in IndexedDB, read and written by the background (and the library page).
  /** popup → background: show the picker on this tab's page. */
  'fix.pickTab'(data: TabRequest): Result<void>;
  /** reader → background: take the reader's tab back to its original page and show the picker there once it has loaded. */
  'fix.pickOriginal'(data: InferInput<typeof FixPickOriginalSchema>): Result<void>;
  /** picker → background: "Use this as the article"; on success the tab becomes the reader. */
  'fix.use'(data: InferInput<typeof FixUseSchema>): Result<void>;
  /** picker → background: the picker was closed without a choice. */
  'fix.cancel'(data: undefined): void;
  /** reader → background: "Remove parts" is done: store the article without them, and what the site's rule should remove. */
  'fix.removeParts'(data: InferInput<typeof RemovePartsSchema>): Result<{ fix: FixNote | null; rule: SiteRule | null }>;
  /** reader → background: "Forget the fix for this site"; returns the rule that was forgotten (for Undo). */
  'fix.forget'(data: InferInput<typeof SiteRequestSchema>): Result<{ rule: SiteRule | null }>;
  /** reader → background: Undo a forget. */
  'fix.restore'(data: InferInput<typeof RuleRestoreSchema>): Result<void>;
}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
