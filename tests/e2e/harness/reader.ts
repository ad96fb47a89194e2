/**
 * Reader-view helpers shared by the reader, a11y and hostile suites: open the
 * reader through the popup (as a user does), read the computed typography, pick
 * a choice in the "Text and theme" panel, and inject axe-core.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer';
import type { ChromiumSession } from './chromium';
import type { FirefoxSession } from './firefox';
import { UI } from './folio';
import { aria, byName, clickByName, pageText, waitForValue } from './pages';
import { waitForElement, waitInPage } from './wait';

export const READER_UI = {
  textSettings: 'Text and theme',
  font: 'Font',
  lineSpacing: 'Line spacing',
  width: 'Width',
  theme: 'Theme',
  backToTop: 'Back to top',
  shortcuts: 'Keyboard shortcuts',
  progress: 'Reading progress',
  close: 'Close',
} as const;

/** Background colours of the themes' paper (assets/reader-themes.css), as getComputedStyle reports them. */
export const PAPER = {
  light: 'rgb(248, 245, 239)',
  sepia: 'rgb(243, 233, 210)',
  dark: 'rgb(23, 21, 15)',
} as const;

/** Wait until the tab at `page` shows the reader with an article in it. */
export async function waitForArticle(page: Page, timeout = 30_000): Promise<void> {
  await waitInPage(page, () => (document.querySelector('article .reader-body')?.textContent ?? '').length > 200, { timeout, what: 'the article' }).catch(
    async (error: unknown) => {
      const shown = await pageText(page).catch(() => '');
      throw new Error(`The reader never showed an article; it shows: ${shown.slice(0, 400)}`, { cause: error });
    },
  );
}

/** Chromium: open `url` in a tab, open the real popup, click "Open reader view"; returns the reader page. */
export async function openReaderChromium(chromium: ChromiumSession, url: string): Promise<Page> {
  const tab = await chromium.openTab(url);
  const tabId = await chromium.tabIdOf(tab);
  // The content script's report must be in before the popup asks about the tab.
  await chromium.waitForActionTitle(tabId, (t) => t.startsWith('Folio: article detected'));
  const popup = await chromium.openPopup(tab);
  // The reader replaces the article in the same tab: wait for that tab's target, not an older reader.
  const prefix = chromium.extensionUrl('reader.html?view=');
  const before = new Set(chromium.browser.targets().filter((t) => t.url().startsWith(prefix)));
  const appears = chromium.browser.waitForTarget((t) => t.url().startsWith(prefix) && !before.has(t), { timeout: 30_000 });
  await clickByName(popup, UI.openReader, 'button');
  const reader = (await (await appears).asPage())!;
  await waitForArticle(reader);
  return reader;
}

/** Firefox: the popup as a tab (?tabId=) drives the article tab into the reader; returns that tab. */
export async function openReaderFirefox(firefox: FirefoxSession, url: string): Promise<Page> {
  const tab = await firefox.openTab(url);
  const tabId = await firefox.tabIdOf(tab);
  await firefox.waitForActionTitle(tabId, (t) => t.startsWith('Folio: article detected'));
  const popup = await firefox.openPopupTab(tabId);
  await clickByName(popup, UI.openReader, 'button');
  await waitForValue(
    () => tab.evaluate(() => location.href).catch(() => ''),
    (u) => u.startsWith(firefox.extensionUrl('reader.html?view=')),
    'the tab to become the reader',
    30_000,
  );
  if (!popup.isClosed()) await popup.close();
  await waitForArticle(tab);
  return tab;
}

export interface ReaderStyle {
  fontSize: number;
  fontFamily: string;
  lineHeight: number;
  /** The column's laid-out width in px (its max-width resolves to min(100%, N em)). */
  width: number;
  theme: string | null;
  background: string;
  color: string;
}

/** The article's computed typography and the page's theme. */
export async function readerStyle(page: Page): Promise<ReaderStyle> {
  return page.evaluate(() => {
    const article = document.querySelector('article')!;
    const s = getComputedStyle(article);
    const body = getComputedStyle(document.querySelector('main')!.parentElement!);
    return {
      fontSize: parseFloat(s.fontSize),
      fontFamily: s.fontFamily,
      lineHeight: parseFloat(s.lineHeight),
      width: article.getBoundingClientRect().width,
      theme: document.documentElement.dataset.theme ?? null,
      background: body.backgroundColor,
      color: s.color,
    };
  });
}

/** Open the "Text and theme" panel unless it is open. */
export async function openTextPanel(page: Page): Promise<void> {
  const button = await byName(page, READER_UI.textSettings, 'button');
  const expanded = await button.evaluate((b) => b.getAttribute('aria-expanded'));
  if (expanded !== 'true') await button.click();
  await button.dispose();
  await waitForElement(page, '#reader-text-panel', { timeout: 10_000 });
}

/** Choose `label` (a radio's accessible name, e.g. "Sepia") in the text panel. */
export async function choose(page: Page, label: string): Promise<void> {
  await openTextPanel(page);
  const radio = await waitForElement(page, `#reader-text-panel ${aria(label, 'radio')}`, { timeout: 10_000 });
  await radio!.click();
  await radio!.dispose();
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Run axe-core (WCAG 2 A/AA rules) in the page; returns its violations. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  // evaluate() runs through the debugger protocol, which the page's CSP does not govern.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
}

/**
 * Resolves once nothing on the page is animating (CSS transitions and animations, as
 * document.getAnimations() lists them; endless ones such as spinners are ignored):
 * computed colours and opacities are final, which is what axe measures.
 */
export async function waitForStill(page: Page, timeout = 10_000): Promise<void> {
  await waitInPage(
    page,
    () =>
      document
        .getAnimations()
        .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
    { timeout, what: 'animations to end' },
  );
}

/** The names of the text panel's setting groups as written ("Font", not "FONT"). */
export const SETTING_GROUPS = [READER_UI.font, READER_UI.lineSpacing, READER_UI.width, READER_UI.theme] as const;

export interface AxName {
  role: string;
  name: string;
}

/**
 * Every node of the page's full accessibility tree (Chromium, CDP: puppeteer's
 * snapshot with interestingOnly false) as role and name.
 */
export async function fullAxTree(page: Page): Promise<AxName[]> {
  const root = await page.accessibility.snapshot({ interestingOnly: false });
  const out: AxName[] = [];
  const walk = (node: { role?: string; name?: string; children?: unknown[] } | null | undefined) => {
    if (!node) return;
    out.push({ role: node.role ?? '', name: node.name ?? '' });
    for (const child of node.children ?? []) walk(child as typeof node);
  };
  walk(root as Parameters<typeof walk>[0]);
  return out;
}
