/**
 * The hostile corpus (tests/fixtures/hostile/) in the real reader, batch by batch,
 * for tests/e2e/hostile-corpus.*.e2e.test.ts.
 *
 * How a batch reaches the reader: the reader is first opened on the sample article
 * the way a user opens it (toolbar popup), which stores a reader view in Folio's
 * IndexedDB. The test then copies that record, per batch, under a new id with the
 * batch's markup as the article content, and sends the reader tab to
 * reader.html?view=<new id>. The background reads the copy back from IndexedDB and
 * the reader renders it exactly as it renders any stored article: through the
 * sanitiser, with the extension's CSP. (Readability is not in the way: what is
 * stored is untrusted forever, so the reader must hold against any markup, not
 * only what extraction lets through; hostile.*.e2e.test.ts covers the extraction path.)
 *
 * What a batch must show:
 *  - no script ran: no dialog, no `window.folioPwned`, no /pwned/ request;
 *  - no request left for any URL a payload names (/leak/…, counted on the local
 *    server), while the batch's canary, a plain <img> on the same server in the same
 *    unsaved article, was requested: the positive control that the counter sees
 *    what the reader loads;
 *  - no navigation: the reader stays at its URL;
 *  - Folio's masthead and toolbar stay visible and on top (elementFromPoint), its
 *    ids stay unique, the text panel still opens, article labels cannot open it,
 *    no id reference in the article reaches outside it, Tab reaches Folio first.
 */
import { expect } from 'vitest';
import type { Page } from 'puppeteer';
import type { SiteServer } from './server';
import { UI } from './folio';
import { waitForValue } from './pages';
import { READER_UI, waitForArticle } from './reader';
import { batchArticle, batches, loadHostileCorpus, LEAK_PREFIX, PWNED_PREFIX, type HostilePayload } from '../../support/hostile-corpus';
import { waitForElement } from './wait';

/** Enough batches that each reader page holds ~50 payloads: a few pages, not one per payload. */
export const BATCH_COUNT = 5;

export interface HostileBatch {
  index: number;
  viewId: string;
  title: string;
  payloads: HostilePayload[];
  canaryPath: string;
}

export function corpusBatches(browserName: string): HostileBatch[] {
  return batches(loadHostileCorpus(), BATCH_COUNT).map((payloads, index) => ({
    index,
    viewId: `hostile-${browserName}-${index + 1}`,
    title: `Hostile batch ${index + 1} of ${BATCH_COUNT}`,
    payloads,
    canaryPath: `/canary/${browserName}-${index + 1}.svg`,
  }));
}

/** The reader view id in the reader tab's URL. */
export async function currentViewId(reader: Page): Promise<string> {
  const href = await reader.evaluate(() => location.href);
  const id = new URL(href).searchParams.get('view');
  if (!id) throw new Error(`The reader is not showing a fresh view: ${href}`);
  return id;
}

/**
 * Stores each batch as a copy of the reader view `templateId` (Folio's `readerViews`
 * store), from the reader page itself (the extension's origin, Folio's database).
 */
export async function storeBatches(reader: Page, templateId: string, server: SiteServer, list: HostileBatch[]): Promise<void> {
  const records = list.map((b) => ({
    id: b.viewId,
    title: b.title,
    url: server.url(`/hostile/batch-${b.index + 1}.html`),
    content: batchArticle(b.payloads, server.origin, b.canaryPath),
  }));
  const error = await reader.evaluate(
    async (template, batchRecords) => {
      const request = indexedDB.open('folio');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        if (!db.objectStoreNames.contains('readerViews')) return `no readerViews store in ${Array.from(db.objectStoreNames).join(', ')}`;
        const tx = db.transaction('readerViews', 'readwrite');
        const store = tx.objectStore('readerViews');
        const original = await new Promise<{ article: Record<string, unknown> } | undefined>((resolve, reject) => {
          const get = store.get(template);
          get.onsuccess = () => resolve(get.result as { article: Record<string, unknown> } | undefined);
          get.onerror = () => reject(get.error);
        });
        if (!original) return `no reader view ${template}`;
        for (const r of batchRecords) {
          store.put({
            ...original,
            id: r.id,
            createdAt: Date.now(),
            article: { ...original.article, title: r.title, url: r.url, canonicalUrl: r.url, content: r.content, excerpt: '', leadImage: null },
          });
        }
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        return null;
      } finally {
        db.close();
      }
    },
    templateId,
    records,
  );
  if (error) throw new Error(`Could not store the hostile batches: ${error}`);
}

/** Sends the reader tab to the batch's view and waits until it shows that batch. */
export async function showBatch(reader: Page, extensionUrl: (path: string) => string, batch: HostileBatch): Promise<string> {
  const url = extensionUrl(`reader.html?view=${batch.viewId}`);
  // location.assign from the page, not awaited: Firefox's goto() never settles on moz-extension://
  // pages, and an evaluate that navigates its own realm away may not settle either.
  void reader.evaluate((u) => location.assign(u), url).catch(() => undefined);
  await waitForValue(
    () => reader.evaluate(() => [location.href, document.getElementById('reader-title')?.textContent ?? ''] as const).catch(() => ['', ''] as const),
    ([href, title]) => href === url && title === batch.title,
    `the reader to show ${batch.title}`,
    30_000,
  );
  await waitForArticle(reader);
  return url;
}

/** Requests on the server for any URL a payload names. */
export const leaks = (server: SiteServer, from = 0) =>
  server.requests.slice(from).filter((r) => r.startsWith(LEAK_PREFIX) || r.startsWith(PWNED_PREFIX));

/** Resolves once the server has seen no new request for `quietMs`: whatever the page started has arrived. */
export async function serverQuiet(server: SiteServer, quietMs = 500): Promise<void> {
  let count = -1;
  let since = Date.now();
  await waitForValue(
    async () => {
      if (server.requests.length !== count) {
        count = server.requests.length;
        since = Date.now();
      }
      return Date.now() - since;
    },
    (quiet) => quiet >= quietMs,
    'the test server to go quiet',
  );
}

/** Scrolls through the whole article (lazy images, content-visibility) and back to the top. */
export async function scrollThrough(reader: Page): Promise<void> {
  // A background tab gets no animation frames (Firefox): the reader must be the tab in front.
  await reader.bringToFront();
  await reader.evaluate(async () => {
    // A frame, or 100 ms should the browser hold frames back anyway.
    const frame = () => new Promise((r) => {
      requestAnimationFrame(() => r(null));
      setTimeout(r, 100);
    });
    for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight * 0.8) {
      window.scrollTo(0, y);
      await frame();
      await frame();
    }
    window.scrollTo(0, 0);
    await frame();
  });
}

/** Folio's own page, after a batch rendered: visible, on top, usable, and the article kept inside its box. */
export async function expectFolioIntact(reader: Page, batch: HostileBatch): Promise<void> {
  const state = await reader.evaluate((ids: string[]) => {
    const body = document.querySelector('article .reader-body')!;
    const hit = (el: Element | null) => {
      if (!el) return 'missing';
      const box = el.getBoundingClientRect();
      if (box.width < 2 || box.height < 2) return 'no size';
      const at = document.elementFromPoint(box.x + Math.min(box.width / 2, 40), box.y + box.height / 2);
      return at && el.contains(at) ? 'on top' : `covered by <${at?.localName ?? 'nothing'}> ${at?.closest('.reader-body') ? 'from the article' : ''}`;
    };
    const refAttrs = ['for', 'headers', 'form', 'list', 'itemref', 'anchor', 'aria-activedescendant', 'aria-controls', 'aria-describedby',
      'aria-details', 'aria-errormessage', 'aria-flowto', 'aria-labelledby', 'aria-owns', 'popovertarget', 'commandfor', 'interesttarget'];
    const escapes: string[] = [];
    for (const el of Array.from(body.querySelectorAll('*'))) {
      for (const name of refAttrs) {
        for (const id of (el.getAttribute(name) ?? '').split(/\s+/).filter(Boolean)) {
          const target = document.getElementById(id);
          if (target && !body.contains(target)) escapes.push(`${el.localName}[${name}=${id}]`);
        }
      }
    }
    const header = document.querySelector('article > header')!;
    return {
      title: hit(document.getElementById('reader-title')),
      masthead: hit(header.querySelector('p')),
      headerPaint: hit(header),
      duplicateIds: ids.filter((id) => document.querySelectorAll(`[id="${id}"]`).length !== 1),
      escapes,
      bodyRed: getComputedStyle(document.body).backgroundColor === 'rgb(255, 0, 0)',
      headings: Array.from(body.querySelectorAll('h2'), (h) => h.textContent ?? ''),
    };
  }, ['reader-title', 'app', 'main', 'reader-text-button']);
  expect(state.title, 'the title').toBe('on top');
  expect(state.masthead, 'the masthead').toBe('on top');
  expect(state.headerPaint, 'the header').toBe('on top');
  expect(state.duplicateIds).toEqual([]);
  expect(state.escapes).toEqual([]);
  expect(state.bodyRed).toBe(false);
  // Every payload was rendered (none swallowed the rest of the batch).
  for (const p of batch.payloads) expect(state.headings, p.slug).toContain(`Payload ${p.slug}`);

  // Every control of Folio's toolbar is visible and on top (found by CSS: ARIA queries are slow in Firefox).
  const controls = await reader.evaluate(() =>
    Array.from(document.querySelectorAll('header.reader-toolbar :is(button, a[href])'), (el) => {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      const at = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      const shown = box.width > 0 && style.visibility === 'visible' && style.display !== 'none' && Number(style.opacity) > 0.4;
      return { name: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '', shown, onTop: !shown || (!!at && el.contains(at)) };
    }),
  );
  expect(controls.length, 'toolbar controls').toBeGreaterThanOrEqual(4);
  for (const c of controls) expect(c, c.name).toEqual({ name: c.name, shown: c.shown, onTop: true });
  expect(controls.filter((c) => c.shown).map((c) => c.name)).toEqual(expect.arrayContaining([UI.backToOriginal, UI.increaseFont, READER_UI.textSettings]));

  // Tab from the top reaches Folio's toolbar before anything in the article. First, before any
  // click: a click moves the browser's sequential focus starting point to where it landed.
  await reader.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  await reader.keyboard.press('Tab');
  const first = await reader.evaluate(() => {
    const el = document.activeElement;
    return { inArticle: !!el?.closest('.reader-body'), tag: el?.localName ?? null };
  });
  expect(first.inArticle, `first Tab stop is <${first.tag}> in the article`).toBe(false);

  // Article labels (some point at Folio's button) open nothing of Folio's when activated.
  await reader.evaluate(() => {
    for (const label of Array.from(document.querySelectorAll<HTMLElement>('article .reader-body label'))) label.click();
  });
  expect(await reader.$('#reader-text-panel'), 'an article label opened the text panel').toBeNull();

  // The text panel still opens from its button, and closes with Escape.
  const button = (await reader.$('#reader-text-button'))!;
  await button.click();
  await button.dispose();
  await waitForElement(reader, '#reader-text-panel', { visible: true, timeout: 10_000 });
  await reader.keyboard.press('Escape');
  await waitForElement(reader, '#reader-text-panel', { hidden: true, timeout: 10_000 });
}
