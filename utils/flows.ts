/**
 * User actions that several triggers share (popup messages, context menus,
 * keyboard commands): one implementation each, so they cannot drift apart.
 */
import { browser } from 'wxt/browser';
import { saveWithImages } from './background/save-article';
import { getMeta } from './db/article-records';
import { getReaderView, startReaderView } from './db/reader-views';
import { preparedExtractions } from './prepared-extraction';
import { describe, fail, isQuotaError, ok, type Failure, type Result } from './result';
import type { TabExtraction } from './extract-in-tab';
import type { ReaderSource } from './messaging';

export function readerUrl(source: ReaderSource): string {
  return `${browser.runtime.getURL('/reader.html')}?${source.kind}=${encodeURIComponent(source.id)}`;
}

export function libraryUrl(): string {
  return browser.runtime.getURL('/library.html');
}

/** Maps a storage exception to the Result the UI explains. */
export function storageFailure(error: unknown): Failure {
  return fail(isQuotaError(error) ? 'quota' : 'storage', describe(error));
}

/** The tab's article, from an extraction the popup prepared when there is a usable one. */
async function extractTab(tabId: number, force: boolean): Promise<Result<TabExtraction>> {
  const tab = await browser.tabs.get(tabId).catch(() => null);
  return preparedExtractions.take(tabId, tab?.url, force);
}

/** Extracts the tab's article and turns the same tab into the reader. */
export async function openReaderInTab(tabId: number, force = false): Promise<Result<{ viewId: string }>> {
  const extracted = await extractTab(tabId, force);
  if (!extracted.ok) return extracted;
  return showInReader(tabId, extracted.value);
}

/** Turns the tab into the reader showing `extraction` (a fresh view of it). */
export async function showInReader(tabId: number, { article, fix }: TabExtraction): Promise<Result<{ viewId: string }>> {
  try {
    // The tab navigates while IndexedDB writes: the reader reads the view from memory.
    const { view, stored } = startReaderView(article, { fix });
    await Promise.all([stored, browser.tabs.update(tabId, { url: readerUrl({ kind: 'view', id: view.id }) })]);
    return ok({ viewId: view.id });
  } catch (error) {
    return storageFailure(error);
  }
}

/** Extracts the tab's article and saves it to the library. */
export async function saveTabArticle(tabId: number): Promise<Result<{ id: string; created: boolean }>> {
  // Saving is an explicit request: keep Readability's best effort even where detection doubts.
  const extracted = await extractTab(tabId, true);
  if (!extracted.ok) return extracted;
  try {
    const { meta, created } = await saveWithImages(extracted.value.article);
    return ok({ id: meta.id, created });
  } catch (error) {
    return storageFailure(error);
  }
}

/** Opens the library, reusing a library tab that is already open. */
export async function openLibrary(): Promise<void> {
  const url = libraryUrl();
  const [existing] = await browser.tabs.query({ url: `${url}*` });
  if (existing?.id !== undefined) {
    await browser.tabs.update(existing.id, { active: true });
    if (existing.windowId !== undefined) await browser.windows.update(existing.windowId, { focused: true });
  } else {
    await browser.tabs.create({ url });
  }
}

/** The page a reader tab shows an article of, or null when `url` is not a Folio reader. */
export async function originalOfReader(url: string | undefined): Promise<string | null> {
  if (!url?.startsWith(browser.runtime.getURL('/reader.html'))) return null;
  const params = new URL(url).searchParams;
  const viewId = params.get('view');
  const articleId = params.get('article');
  if (viewId) return (await getReaderView(viewId))?.article.url ?? null;
  if (articleId) return (await getMeta(articleId))?.url ?? null;
  return null;
}
