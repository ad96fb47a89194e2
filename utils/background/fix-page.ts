/**
 * "Fix this page", the background's side. The background owns the flow and
 * the rules: it injects the picker into the page (utils/content/picker.ts),
 * which only reports the block the user chose; it tries that block as the
 * article on the page itself, keeps the rule when the block reads as one, and
 * turns the tab into the reader. The reader's "Remove parts" and "Forget the
 * fix for this site" land here too.
 *
 * Which page a picker may fix is kept in storage.session per tab (a "pick"):
 * set when the user asks (popup or reader), checked when the picker answers,
 * so only a picker the user opened on that site can set its rule, and a
 * worker stopped between the reader's request and the page's load still
 * shows the picker when the page arrives (tabs.onUpdated wakes it).
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { countWords } from '../article/text';
import { readingTimeMinutes, type ExtractedArticle } from '../article/types';
import { getArticle } from '../db/article-records';
import { findSavedId, saveArticle } from '../db/articles';
import { getReaderView, replaceReaderView } from '../db/reader-views';
import { deleteSiteRule, getSiteRule, putSiteRule } from '../db/site-rules';
import { extractFromTab } from '../extract-in-tab';
import { articleFits, fetchArticleHtml } from '../fetch-article';
import { showInReader, storageFailure } from '../flows';
import type { ReaderSource } from '../messaging';
import { pageAccess } from '../page-access';
import { preparedExtractions } from '../prepared-extraction';
import { describe, fail, ok, type Result } from '../result';
import { siteOf } from '../site-rules/apply';
import { withArticle, withRemovals } from '../site-rules/edit';
import type { FixNote, SiteRule } from '../site-rules/types';
import { urlKey } from '../url';
import { tryOnOtherPages, type Trial } from './rule-trial';
import { saveWithImages } from './save-article';

/** Built from entrypoints/picker.ts. */
const PICKER_FILE = '/picker.js';
/** A pick nobody finished in this long is stale (the user went elsewhere). */
export const PICK_TTL_MS = 10 * 60_000;

/** A pick in progress in one tab: `loading` until its page has loaded, then `picking` while the picker is up. */
export interface Pick {
  url: string;
  phase: 'loading' | 'picking';
  at: number;
}

const pickKey = (tabId: number) => `session:fixPick:${tabId}` as const;

async function getPick(tabId: number, now = Date.now()): Promise<Pick | null> {
  const pick = await storage.getItem<Pick>(pickKey(tabId));
  return pick && now - pick.at < PICK_TTL_MS ? pick : null;
}

const setPick = (tabId: number, pick: Pick) => storage.setItem(pickKey(tabId), pick);
const clearPick = (tabId: number) => storage.removeItem(pickKey(tabId));

/** The top frame only: the article is the page's, not an embed's. */
async function injectPicker(tabId: number): Promise<Result<void>> {
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [PICKER_FILE] });
    return ok(undefined);
  } catch (error) {
    return fail('extraction-failed', describe(error));
  }
}

/** Popup: show the picker on the tab's page now. */
export async function pickInTab(tabId: number): Promise<Result<void>> {
  const tab = await browser.tabs.get(tabId).catch(() => null);
  const url = tab?.url;
  if (!url || pageAccess(url) !== 'ok' || !siteOf(url)) return fail('restricted-page', url ?? '');
  await setPick(tabId, { url, phase: 'picking', at: Date.now() });
  return injectPicker(tabId);
}

/** The page a reader source shows an article of. */
async function originalUrl(source: ReaderSource): Promise<string | null> {
  if (source.kind === 'view') return (await getReaderView(source.id))?.article.url ?? null;
  return (await getArticle(source.id))?.url ?? null;
}

/** Reader: take its tab back to the original page; the picker comes up when the page has loaded (onTabLoaded). */
export async function pickOnOriginal(tabId: number, source: ReaderSource): Promise<Result<void>> {
  const url = await originalUrl(source).catch(() => null);
  if (!url) return fail('not-found');
  if (pageAccess(url) !== 'ok' || !siteOf(url)) return fail('restricted-page', url);
  await setPick(tabId, { url, phase: 'loading', at: Date.now() });
  try {
    await browser.tabs.update(tabId, { url });
    return ok(undefined);
  } catch (error) {
    await clearPick(tabId);
    return fail('extraction-failed', describe(error));
  }
}

/** A tab finished loading: if a pick waits for this page, show the picker. */
export async function onTabLoaded(tabId: number, url: string | undefined): Promise<void> {
  const pick = await getPick(tabId);
  if (!pick || pick.phase !== 'loading' || !url) return;
  // Another page (the user went elsewhere meanwhile): the pick is over.
  if (urlKey(url) !== urlKey(pick.url)) {
    await clearPick(tabId);
    return;
  }
  await setPick(tabId, { ...pick, phase: 'picking' });
  const injected = await injectPicker(tabId);
  if (!injected.ok) console.warn('[folio] the picker could not be shown', injected.detail);
}

/** The picker was closed without a choice. */
export async function cancelPick(tabId: number): Promise<void> {
  await clearPick(tabId);
}

/**
 * "Use this as the article": read the page with the chosen block as its
 * container (and the site's removals), on the page itself, before anything is
 * kept. The rule is stored only when the block read as the article, it has
 * a stable selector, and that selector did not fail on another article of the
 * site (rule-trial.ts); an exact path (no stable selector picks the block out)
 * or a selector another article lacks fixes this page only. Either way the tab becomes the reader on that block,
 * and a saved copy of the article takes the fixed content.
 */
export async function usePick(tabId: number, pageUrl: string, choice: { selector: string | null; exact: string; others?: readonly string[] }, now = Date.now()): Promise<Result<void>> {
  const pick = await getPick(tabId, now);
  const site = siteOf(pageUrl);
  if (!pick || pick.phase !== 'picking' || !site || siteOf(pick.url) !== site) return fail('invalid', 'no pick in progress on this page');
  let existing: SiteRule | null;
  try {
    existing = await getSiteRule(site);
  } catch (error) {
    return storageFailure(error);
  }
  // The trial reads exactly the chosen block (its path on this page) with the site's removals.
  const trial: SiteRule = { site, article: choice.exact, remove: existing?.remove ?? [], createdAt: now, updatedAt: now };
  // Meanwhile the selector is tried on another article of the site (rule-trial.ts).
  const [read, other] = await Promise.all([
    extractFromTab(tabId, { rule: trial, force: true }),
    choice.selector ? tryOnOtherPages(choice.selector, choice.others ?? [], pageUrl, { fetchHtml: fetchArticleHtml, fits: articleFits }) : Promise.resolve<Trial>('untested'),
  ]);
  if (!read.ok) return read;
  if (!read.value.fix?.narrowed) return fail('not-an-article', 'the chosen block did not read as an article');
  let fix: FixNote | null = null;
  try {
    if (choice.selector && other === 'misfits') {
      // Read from the chosen block here; the site keeps no rule that would read its next article wrong.
      fix = { site, narrowed: true, removed: read.value.fix.removed, pageOnly: true };
    } else if (choice.selector) {
      await putSiteRule(withArticle(existing, site, choice.selector, now));
      preparedExtractions.forgetAll();
      fix = { site, narrowed: true, removed: read.value.fix.removed };
    }
    await resaveIfSaved(read.value.article, true);
  } catch (error) {
    return storageFailure(error);
  }
  await clearPick(tabId);
  const shown = await showInReader(tabId, { article: read.value.article, fix });
  return shown.ok ? ok(undefined) : shown;
}

/**
 * A saved article follows the user's fix: its record takes the fixed content
 * (same id, tags and state; its highlights re-anchor by quote). `fetchImages`:
 * a fresh page's images are fetched as on any save; removing parts keeps the
 * images already stored.
 */
async function resaveIfSaved(article: ExtractedArticle, fetchImages: boolean, savedId?: string | null): Promise<void> {
  const id = savedId ?? (await findSavedId(article.url, article.canonicalUrl));
  if (!id) return;
  if (fetchImages) await saveWithImages(article, { intoId: id });
  else await saveArticle(article, { intoId: id });
}

/**
 * "Remove parts" is done: the reader sends the article's HTML without the
 * parts and the kinds of block the site's rule should remove from now on
 * (checked in the reader against this page: utils/site-rules/blocks.ts). The
 * view (or the saved article) takes the new content; the rule, the new steps.
 */
export async function removeParts(
  source: ReaderSource,
  edit: { content: string; textContent: string; remove: readonly string[] },
  now = Date.now(),
): Promise<Result<{ fix: FixNote | null; rule: SiteRule | null }>> {
  try {
    const view = source.kind === 'view' ? await getReaderView(source.id) : null;
    const saved = source.kind === 'article' ? await getArticle(source.id) : null;
    const base: ExtractedArticle | null = view?.article ?? saved ?? null;
    if (!base) return fail('not-found');
    const site = siteOf(base.url);
    const wordCount = countWords(edit.textContent);
    const article: ExtractedArticle = { ...pickExtracted(base), content: edit.content, textContent: edit.textContent, wordCount, readingTimeMinutes: readingTimeMinutes(wordCount) };
    let rule: SiteRule | null = null;
    if (site && edit.remove.length) {
      rule = withRemovals(await getSiteRule(site), site, edit.remove, now);
      await putSiteRule(rule);
      preparedExtractions.forgetAll();
    }
    const before = view?.fix ?? null;
    const fix = rule && site ? { site, narrowed: before?.narrowed ?? false, removed: (before?.removed ?? 0) + edit.remove.length } : before;
    if (view) {
      await replaceReaderView(view.id, article, fix);
      await resaveIfSaved(article, false);
    } else {
      await resaveIfSaved(article, false, source.id);
    }
    return ok({ fix, rule });
  } catch (error) {
    return storageFailure(error);
  }
}

/** The article's own fields of a saved record (which carries library state besides). */
function pickExtracted(a: ExtractedArticle): ExtractedArticle {
  return {
    url: a.url, canonicalUrl: a.canonicalUrl, title: a.title, byline: a.byline, siteName: a.siteName,
    publishedTime: a.publishedTime, modifiedTime: a.modifiedTime, lang: a.lang, dir: a.dir,
    leadImage: a.leadImage, leadImageAlt: a.leadImageAlt ?? null, leadImageCaption: a.leadImageCaption ?? null,
    excerpt: a.excerpt, content: a.content, textContent: a.textContent, wordCount: a.wordCount, readingTimeMinutes: a.readingTimeMinutes,
  };
}

/** "Forget the fix for this site": the rule goes; the next page of the site is read as if there never was one. */
export async function forgetRule(site: string): Promise<Result<{ rule: SiteRule | null }>> {
  try {
    const rule = await deleteSiteRule(site);
    preparedExtractions.forgetAll();
    return ok({ rule });
  } catch (error) {
    return storageFailure(error);
  }
}

/** Undo of a forget: the rule as it was. */
export async function restoreRule(rule: SiteRule): Promise<Result<void>> {
  try {
    await putSiteRule(rule);
    preparedExtractions.forgetAll();
    return ok(undefined);
  } catch (error) {
    return storageFailure(error);
  }
}
