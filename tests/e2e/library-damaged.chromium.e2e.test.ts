/**
 * Damaged records never take the library down (Chromium, the real IndexedDB):
 * records written past Folio's code — a `tags` that is not an array, no saved
 * date, a number for a title — sit beside a sound one. The page lists all
 * three (before the fix it stayed at "Loading your library…" with a TypeError),
 * marks the damaged ones, and "Repair" writes them back clean. Control: the
 * sound record shows no damage.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { useSiteAndChromium } from './harness/suite';
import type { ChromiumSession } from './harness/chromium';
import { clickInRow, waitForTitles } from './harness/library';
import { waitForStill } from './harness/reader';
import { waitForElement, waitInPage } from './harness/wait';

const SOUND = {
  id: 'sound', urlKey: 'news.example/sound', url: 'https://news.example/sound', canonicalUrl: 'https://news.example/sound', title: 'A sound record',
  titleKey: 'a sound record', byline: null, siteName: 'News', siteKey: 'news.example', publishedTime: null, modifiedTime: null, lang: 'en', dir: 'ltr',
  leadImage: null, leadImageAlt: null, leadImageCaption: null, excerpt: 'Nothing wrong here.', wordCount: 300, readingTimeMinutes: 2,
  savedAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000, tags: [], origin: 'web', images: { stored: 0, skipped: 0, bytes: 0 },
};

async function writeRaw(page: Page, records: unknown[]): Promise<void> {
  await page.evaluate(async (list: unknown[]) => {
    const conn: IDBDatabase = await new Promise((resolve, reject) => {
      const r = indexedDB.open('folio');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const tx = conn.transaction('articles', 'readwrite');
    for (const record of list) tx.objectStore('articles').put(record);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    conn.close();
  }, records);
}

/** Per row: its id, the damage notice and the damaged fields it names (the notice's tooltip). */
const damageText = (page: Page) =>
  page.$$eval('[data-row-id]', (rows) =>
    rows.map((r) => {
      const notice = r.querySelector('[role=status]');
      return `${r.getAttribute('data-row-id')}: ${notice?.textContent ?? ''}${notice ? ` [${notice.querySelector('[title]')?.getAttribute('title')}]` : ''}`;
    }),
  );

describe('damaged records (Chromium)', () => {
  let chromium: ChromiumSession;
  useSiteAndChromium((_s, c) => {
    chromium = c;
  });

  it('lists sound and damaged records, marks the damaged ones, and repairs them', async () => {
    const page = await chromium.openTab(chromium.extensionUrl('library.html'));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await waitForElement(page, 'text/Your library');
    await writeRaw(page, [
      SOUND,
      { id: 'bad-tags', urlKey: 'news.example/bad-tags', url: 'https://news.example/bad-tags', title: 'Tags gone wrong', savedAt: 1_700_000_100_000, tags: 'economy' },
      { id: 'no-date', urlKey: 'news.example/no-date', url: 'https://news.example/no-date', title: 1234, tags: [] },
    ]);
    await page.reload();
    await waitForTitles(page, (t) => t.length === 3, 'three rows');
    const marked = await damageText(page);
    expect(marked.find((x) => x.startsWith('sound:'))).toBe('sound: ');
    expect(marked.find((x) => x.startsWith('bad-tags:'))).toMatch(/Damaged record.*\[.*tags.*\]/);
    expect(marked.find((x) => x.startsWith('no-date:'))).toMatch(/Damaged record.*\[title, savedAt.*\]/);
    await waitForStill(page);
    await page.screenshot({ path: '/tmp/folio-library-damaged.png' });

    await clickInRow(page, 'Tags gone wrong', 'Repair');
    await waitInPage(page, () => !document.querySelector('[data-row-id="bad-tags"] [role=status]'), { timeout: 10_000, what: 'the repaired row' });
    // Stays repaired in a fresh page: it was written back, not hidden.
    await page.reload();
    await waitForTitles(page, (t) => t.length === 3, 'three rows after reload');
    const after = await damageText(page);
    expect(after.find((x) => x.startsWith('bad-tags:'))).toBe('bad-tags: ');
    expect(after.find((x) => x.startsWith('no-date:'))).toMatch(/Damaged record/);
    expect(errors).toEqual([]);
  });
});
