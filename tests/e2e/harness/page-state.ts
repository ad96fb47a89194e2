/**
 * Shared pieces of the "detection state follows the page" tests
 * (tests/e2e/page-state.*.e2e.test.ts): the single-page sample site, and a
 * marker that tells a back/forward-cache restore from a reload.
 */
import type { Page } from 'puppeteer';
import type { StoredReport } from './folio';
import { waitForValue } from './pages';
import { waitInPage } from './wait';

/** tests/fixtures/site/spa.html: a teaser list that pushState-routes to one story. */
export const SPA_PATH = 'spa.html';
export const SPA_STORY_TITLE = 'Asean ministers weigh a regional chip fund';

/** Leaves a value in the page's window: it survives only if the page is restored, not reloaded. */
export async function leaveMarker(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { folioTestMarker?: string }).folioTestMarker = 'before-leaving';
  });
}

export async function markerSurvived(page: Page): Promise<boolean> {
  await waitInPage(page, () => document.readyState === 'complete', { what: 'the page to load' });
  return page.evaluate(() => (window as unknown as { folioTestMarker?: string }).folioTestMarker === 'before-leaving');
}

/** Polls the background's stored report for a tab until `predicate` holds. */
export async function waitForReport(
  read: () => Promise<StoredReport | null>,
  predicate: (report: StoredReport | null) => boolean,
  what: string,
): Promise<StoredReport | null> {
  return waitForValue(read, predicate, what, 15_000);
}
