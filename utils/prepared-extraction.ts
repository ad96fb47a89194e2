/**
 * Extraction started before it is asked for. The popup opens on an article and
 * the user's click on "Open reader view" or "Save for later" follows a moment
 * later; running the extraction in that moment takes it off the click's
 * critical path (on a 1 MB page it is most of the wait).
 *
 * A cache, not state: it lives in the worker's memory only, so a worker that
 * dies takes it along and the click simply extracts again. An entry is used
 * only for the same tab, the same URL and while fresh, because the page can
 * change under it.
 */
import { extractFromTab, type TabExtraction } from './extract-in-tab';
import { describe, fail, type Result } from './result';
import { urlKey } from './url';

/** Older extractions are redone: live pages (blogs, tickers) change. */
export const PREPARED_FRESH_MS = 30_000;
/** A bound on memory: a prepared 1 MB article is dropped when two newer ones exist. */
const MAX_ENTRIES = 2;

interface Entry {
  url: string;
  startedAt: number;
  result: Promise<Result<TabExtraction>>;
}

type Extract = (tabId: number, force: boolean) => Promise<Result<TabExtraction>>;

export function createPreparedExtractions(extract: Extract = (tabId, force) => extractFromTab(tabId, { force }), now: () => number = Date.now) {
  const entries = new Map<number, Entry>();

  function fresh(entry: Entry | undefined, url: string): entry is Entry {
    return !!entry && urlKey(entry.url) === urlKey(url) && now() - entry.startedAt < PREPARED_FRESH_MS;
  }

  /** Starts extracting the tab's page unless a fresh extraction of the same page exists. */
  function prepare(tabId: number, url: string): void {
    if (fresh(entries.get(tabId), url)) return;
    entries.delete(tabId);
    // extractFromTab reports failures as Results; a throw would be a bug, and the click must still work.
    const result = extract(tabId, false).catch((error: unknown) => fail('extraction-failed', describe(error)));
    entries.set(tabId, { url, startedAt: now(), result });
    while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  }

  /**
   * The tab's article: the prepared one when it is fresh, of the page the tab
   * shows now, and succeeded; otherwise a new extraction. A prepared failure is
   * never reused: "Try anyway" (force) must get Readability's best effort, and a
   * transient failure deserves a second chance.
   */
  async function take(tabId: number, url: string | undefined, force: boolean): Promise<Result<TabExtraction>> {
    const entry = entries.get(tabId);
    if (url && fresh(entry, url)) {
      const prepared = await entry.result;
      if (prepared.ok && urlKey(prepared.value.article.url) === urlKey(url)) return prepared;
      entries.delete(tabId);
    }
    return extract(tabId, force);
  }

  function forget(tabId: number): void {
    entries.delete(tabId);
  }

  /** A site's rule changed: extractions made under the old one are not the page any more. */
  function forgetAll(): void {
    entries.clear();
  }

  return { prepare, take, forget, forgetAll };
}

/** The worker's one instance. */
export const preparedExtractions = createPreparedExtractions();
