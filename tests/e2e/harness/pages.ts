/**
 * Page-object helpers: find Folio's controls the way a person (or a screen reader)
 * does, by accessible name, through puppeteer's ARIA selector.
 */
import type { ElementHandle, Page } from 'puppeteer';
import { waitForElement, waitInPage } from './wait';

/** `::-p-aria([name="…"][role="…"])` with the name escaped. */
export function aria(name: string, role?: string): string {
  const quoted = JSON.stringify(name);
  return `::-p-aria([name=${quoted}]${role ? `[role="${role}"]` : ''})`;
}

/**
 * Wait for the control named `name` (optionally with `role`) and return it.
 * Queried from Node on a timer (waitForElement), not by waitForSelector: ARIA selectors
 * poll on requestAnimationFrame there, which a page that is not in front never runs.
 */
export async function byName(page: Page, name: string, role?: string, timeout = 15_000): Promise<ElementHandle<Element>> {
  return waitForElement(page, aria(name, role), { timeout }).catch(async (error: unknown) => {
    // Say what the page showed instead: that is what a failure report needs.
    const shown = await pageText(page).catch(() => '(page text unavailable)');
    throw new Error(`No ${role ?? 'element'} named ${JSON.stringify(name)} on ${page.url()}; the page shows: ${shown.slice(0, 600)}`, {
      cause: error,
    });
  });
}

export async function clickByName(page: Page, name: string, role?: string): Promise<void> {
  await clickFound(() => byName(page, name, role));
}

/** A handle the page re-rendered away: the click never reached it, so finding it again is safe. */
function isStaleHandle(error: unknown): boolean {
  return /no such (handle|node)|detached|not attached|stale/i.test(String((error as Error | undefined)?.message ?? error));
}

/**
 * Click what `find` returns. A control re-rendered while it is found or before it is clicked leaves
 * a stale handle (Firefox BiDi: "no such handle"); only then is it found again, at most three times.
 */
export async function clickFound(find: () => Promise<ElementHandle<Element>>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    let control: ElementHandle<Element> | undefined;
    try {
      // Finding can go stale too: Firefox finds `aria/` matches in an isolated realm and hands
      // the node to the page's realm, and a re-render in between loses it ("no such handle").
      control = await find();
      await control.click();
      return;
    } catch (error) {
      if (attempt >= 3 || !isStaleHandle(error)) throw error;
    } finally {
      await control?.dispose().catch(() => undefined);
    }
  }
}

/** True when a control with that accessible name is on the page right now. */
export async function hasName(page: Page, name: string, role?: string): Promise<boolean> {
  const handle = await page.$(aria(name, role));
  await handle?.dispose();
  return handle !== null;
}

export async function attribute(handle: ElementHandle<Element>, name: string): Promise<string | null> {
  return handle.evaluate((el, attr) => el.getAttribute(attr), name);
}

/** Wait until the page's visible text contains `text`. */
export async function waitForText(page: Page, text: string, timeout = 15_000): Promise<void> {
  // Case-insensitive: innerText applies CSS text-transform (uppercase eyebrows).
  await waitInPage(
    page,
    (t: string) => (document.body?.innerText ?? '').replace(/\s+/g, ' ').toLowerCase().includes(t.toLowerCase()),
    { timeout, what: JSON.stringify(text) },
    text,
  ).catch(async (error: unknown) => {
    const shown = await pageText(page).catch(() => '(page text unavailable)');
    throw new Error(`${page.url()} never showed ${JSON.stringify(text)}; it shows: ${shown.slice(0, 600)}`, { cause: error });
  });
}

/** The page's whole visible text, whitespace-collapsed. */
export async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => (document.body?.innerText ?? '').replace(/\s+/g, ' ').trim());
}

/** Poll `read` until `predicate` holds; returns the last value (throws on timeout). */
export async function waitForValue<T>(read: () => Promise<T>, predicate: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: { value: T } | { error: unknown };
  for (;;) {
    // A read that throws (the page mid-navigation, a handle gone with its document) is "not yet".
    try {
      const value = await read();
      if (predicate(value)) return value;
      last = { value };
    } catch (error) {
      last = { error };
    }
    if (Date.now() > deadline) {
      const shown = 'value' in last ? `last value ${JSON.stringify(last.value)}` : `last read failed: ${String(last.error)}`;
      throw new Error(`Timed out waiting for ${what}; ${shown}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
