/**
 * Waiting for a page to reach a state, polled from Node.
 *
 * Not puppeteer's `waitForFunction` with its default polling: that polls on
 * requestAnimationFrame, and a page that is not in front (the first of two
 * popups, a reader behind a newer tab) paints no frames. The predicate is then
 * checked once and the wait runs into its timeout while the page already shows
 * what it waited for: every e2e "flake" of late 2026 failed that way (each
 * error message quoted the awaited text). Evaluating from Node works on hidden
 * pages, in both browsers, and across the navigations a wait often spans (the
 * tab becoming the reader), where a page-side wait task can be lost.
 */
import type { ElementHandle, Frame, Page } from 'puppeteer';

export const POLL_MS = 100;

type Falsy = null | undefined | false | 0 | '';

export interface WaitOptions {
  timeout?: number;
  /** What is awaited, for the error message; the predicate's source otherwise. */
  what?: string;
}

/**
 * Resolves with the predicate's first truthy result (serialised as `evaluate`
 * returns it). Evaluation errors (a page mid-navigation) count as "not yet".
 */
export async function waitInPage<A extends unknown[], R>(
  page: Page | Frame,
  predicate: (...args: A) => R,
  options: WaitOptions = {},
  ...args: A
): Promise<Exclude<Awaited<R>, Falsy>> {
  const { timeout = 15_000, what } = options;
  const deadline = Date.now() + timeout;
  return poll(
    async () => {
      const evaluated = (page.evaluate as (fn: unknown, ...rest: unknown[]) => Promise<unknown>).call(page, predicate, ...args);
      // One evaluation can hang too (a renderer swapped mid-navigation): it gets what is left of the wait.
      const value = (await Promise.race([evaluated, expiry(deadline - Date.now() + POLL_MS)])) as Awaited<R>;
      return value ? { value: value as Exclude<Awaited<R>, Falsy> } : null;
    },
    deadline,
    () => `Timed out after ${timeout} ms waiting for ${what ?? predicate.toString().replace(/\s+/g, ' ').slice(0, 160)} on ${page.url()}`,
  );
}

/**
 * The one polling loop: `attempt` every POLL_MS until it returns `{ value }` or
 * the deadline passes. A throw counts as "not yet"; the last one becomes the
 * timeout's cause.
 */
async function poll<T>(attempt: () => Promise<{ value: T } | null>, deadline: number, timedOut: () => string): Promise<T> {
  let lastError: unknown = null;
  for (;;) {
    try {
      const done = await attempt();
      if (done) return done.value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(timedOut(), { cause: lastError ?? undefined });
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function expiry(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error('the page did not answer')), Math.max(ms, POLL_MS)).unref());
}

type Scope = Page | Frame | ElementHandle<Element>;

export interface ElementWaitOptions {
  timeout?: number;
  /** Wait until the element is rendered (not display:none, visibility:hidden or empty). */
  visible?: boolean;
  /** Wait until no such element is rendered (absent or hidden). */
  hidden?: boolean;
}

/**
 * `waitForSelector`, queried from Node on a timer: with ARIA or `::-p-` selectors,
 * pseudo-classes, `visible` or `hidden`, puppeteer polls on requestAnimationFrame.
 */
export async function waitForElement(scope: Scope, selector: string, options: ElementWaitOptions & { hidden: true }): Promise<null>;
export async function waitForElement(scope: Scope, selector: string, options?: ElementWaitOptions): Promise<ElementHandle<Element>>;
export async function waitForElement(scope: Scope, selector: string, options: ElementWaitOptions = {}): Promise<ElementHandle<Element> | null> {
  const { timeout = 15_000, visible = false, hidden = false } = options;
  return poll(
    async () => {
      const handle = await scope.$(selector);
      const shown = handle !== null && (visible || hidden ? await handle.isVisible() : true);
      if (hidden && !shown) {
        await handle?.dispose();
        return { value: null };
      }
      if (!hidden && shown) return { value: handle };
      await handle?.dispose();
      return null;
    },
    Date.now() + timeout,
    () => `Timed out after ${timeout} ms waiting for ${selector} to be ${hidden ? 'hidden' : visible ? 'visible' : 'there'}${'url' in scope ? ` on ${scope.url()}` : ''}`,
  );
}
