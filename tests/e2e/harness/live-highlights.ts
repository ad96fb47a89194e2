/**
 * Highlights on the live page, as tests see them: what the page paints (read in
 * the page's own main world: `CSS.highlights` is the document's registry, the
 * same one Folio's isolated world writes to), what the page looks like (to prove
 * Folio changed nothing of it), selecting text with the mouse, and the served
 * variants of the story (changed markup, a teaser).
 */
import type { Page } from 'puppeteer';
import { readSampleArticleHtml, SAMPLE_TITLE } from './sample';
import type { SiteServer } from './server';

/** Highlighted on the live page with the mouse. */
export const LIVE_PHRASE = 'a new round of talks aimed at defusing a stand-off';
/** Highlighted "in the reader" (its stored data), found again on the live page. */
export const READER_PHRASE = 'resuming American soybean purchases';
/** A word only the reader highlight's note has: the library's highlights search finds it. */
export const NOTE_WORD = 'zeppelin';
export const LIVE_TITLE = 'Live desk: the talks go on in Kuala Lumpur';
/** At the site's root, so the page's relative stylesheet and images load as on the sample article. */
export const LIVE_PATH = '/live-desk-talks.html';
/** The paragraph the changed page inserts before the sentence. */
export const INSERTED = 'Editor’s note: this story was updated with a paragraph of fresh reporting from the summit venue.';

const SENTENCE_START = '<p>Chinese and American officials met in Kuala Lumpur';

/** The story as first served: the sample article under its own title and path. */
export function liveStoryHtml(): string {
  return readSampleArticleHtml().replaceAll(SAMPLE_TITLE, LIVE_TITLE).replaceAll('/article.html', LIVE_PATH);
}

/** The same story with a paragraph inserted before the highlighted sentence (and a new wrapper around it). */
export function changedStoryHtml(): string {
  const html = liveStoryHtml();
  if (!html.includes(SENTENCE_START)) throw new Error('the sample story changed: update SENTENCE_START');
  return html.replace(SENTENCE_START, `<p>${INSERTED}</p>\n<div class="update"><p>Fresh: </p></div>\n${SENTENCE_START}`);
}

/** A teaser of the story (the paywall version): the headline and first paragraph only. */
export function teaserHtml(): string {
  const html = liveStoryHtml();
  return html.replace(/<div class="story-body"[\s\S]*?<\/div>/, '<div class="story-body"><p>Subscribe to read the whole story.</p></div>');
}

export function serveLiveStory(server: SiteServer, variant: 'first' | 'changed' | 'teaser'): void {
  server.addRoute(LIVE_PATH, variant === 'first' ? liveStoryHtml() : variant === 'changed' ? changedStoryHtml() : teaserHtml());
}

/** Texts painted per Folio colour, read in the page's main world. */
export async function paintedTexts(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    CSS.highlights.forEach((highlight, name) => {
      if (!name.startsWith('folio-hl-')) return;
      const texts = [...(highlight as unknown as Iterable<AbstractRange>)].map((r) => (r instanceof Range ? r.toString() : ''));
      if (texts.length) out[name.slice('folio-hl-'.length)] = texts;
    });
    return out;
  });
}

/** Names in the page's highlight registry (any, not just Folio's). */
export async function registryNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const names: string[] = [];
    CSS.highlights.forEach((_h, name) => names.push(name));
    return names;
  });
}

export interface PageLook {
  /** The body's markup: Folio adds, removes and wraps nothing. */
  html: string;
  elements: number;
  /** Computed styles of the page's own elements. */
  styles: string[];
  /** The page's own stylesheets (link and style elements). */
  sheets: number;
}

export async function pageLook(page: Page): Promise<PageLook> {
  return page.evaluate(() => {
    const pick = (selector: string) => {
      const el = document.querySelector(selector);
      if (!el) return `${selector}: none`;
      const s = getComputedStyle(el);
      return `${selector}: ${[s.color, s.backgroundColor, s.fontSize, s.fontFamily, s.lineHeight, s.display, s.margin].join(' | ')}`;
    };
    return {
      html: document.body.innerHTML,
      elements: document.querySelectorAll('*').length,
      styles: ['html', 'body', 'h1', '.story-body p', '.story-body', 'header', 'a', 'footer'].map(pick),
      sheets: document.styleSheets.length,
    };
  });
}

/**
 * Every rule of the sheets adopted into the page's document, as selector texts
 * (inside @media too). Folio's must all be `::highlight(folio-hl-…)`.
 */
export async function adoptedSelectors(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walk = (rules: CSSRuleList) => {
      for (const rule of rules) {
        if (rule instanceof CSSMediaRule) walk(rule.cssRules);
        else if (rule instanceof CSSStyleRule) out.push(rule.selectorText);
        else out.push(`other: ${rule.cssText}`);
      }
    };
    for (const sheet of document.adoptedStyleSheets) walk(sheet.cssRules);
    return out;
  });
}

/**
 * Selects `phrase` the way a person does: press the mouse just inside its first
 * character, drag to just inside its last, release. Returns what the page's
 * selection then holds.
 */
export async function selectWithMouse(page: Page, phrase: string): Promise<string> {
  const points = await page.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const at = n.data.indexOf(wanted);
      if (at < 0) continue;
      n.parentElement!.scrollIntoView({ block: 'center' });
      const r = document.createRange();
      r.setStart(n, at);
      r.setEnd(n, at + 1);
      const first = r.getClientRects()[0]!;
      r.setStart(n, at + wanted.length - 1);
      r.setEnd(n, at + wanted.length);
      const rects = r.getClientRects();
      const last = rects[rects.length - 1]!;
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }
    return null;
  }, phrase);
  if (!points) throw new Error(`"${phrase}" is not on ${page.url()}`);
  await page.mouse.move(points.x1, points.y1);
  await page.mouse.down();
  await page.mouse.move(points.x2, points.y2, { steps: 10 });
  await page.mouse.up();
  return page.evaluate(() => document.getSelection()?.toString() ?? '');
}

