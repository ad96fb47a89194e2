/**
 * The live-page highlighter: injected into a tab's top frame by the background
 * (utils/background/live-highlights.ts) only when it is needed (a "Highlight
 * selection" request, or a visit to a saved page that has highlights), never
 * part of the always-on content script.
 *
 * It changes nothing the page can see as content: highlights are painted with
 * the CSS Custom Highlight API (utils/highlights/paint.ts: no DOM change) and
 * styled by one adopted stylesheet that holds only `::highlight(folio-hl-*)`
 * rules, which match nothing but Folio's own highlight names. It never opens
 * IndexedDB: it answers the background's messages and keeps only the painted
 * ranges in memory (they die with the document).
 *
 * Injected again on every visit and route: the second run finds the first
 * one's listeners (a flag on this isolated world's global) and does nothing.
 */
import { browser } from 'wxt/browser';
import { highlightCss, createPainter } from '../highlights/paint';
import { describeSelection, paintLive } from '../highlights/live-page';
import type { HighlightColor } from '../highlights/types';
import { onMessage, sendMessage } from '../messaging';
import * as v from '../validate';
import { createHighlightPopover } from './highlight-popover';
import { watchPage } from './page-watch';

const INSTALLED = '__folioHighlighter';

/** Only Folio's own background (no tab) may ask: not another tab's content script, not the page. */
function fromExtension(sender: { id?: string; tab?: unknown }): boolean {
  return sender.id === browser.runtime.id && sender.tab === undefined;
}

/** Adds the highlight colours to the document without touching its elements or its own sheets. */
function adoptHighlightCss(doc: Document): void {
  const view = doc.defaultView;
  if (!view) return;
  try {
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync(highlightCss('media'));
    // push, not reassignment: the array belongs to the page's realm (Firefox's content scripts see it through Xrays).
    doc.adoptedStyleSheets.push(sheet);
  } catch (error) {
    console.warn('[folio] highlight colours could not be added to this page', error);
  }
}

export function startHighlighter(): void {
  const scope = globalThis as { [INSTALLED]?: boolean };
  if (scope[INSTALLED]) return;
  scope[INSTALLED] = true;

  const painter = createPainter(document);
  adoptHighlightCss(document);
  /** The URL the current paint is for: a single-page site's route change takes it away. */
  let paintedFor: string | null = null;
  /** Each painted highlight's colour (the painter keeps ranges; the panel shows the colour). */
  const colors = new Map<string, HighlightColor>();
  /** Ranges of highlights removed and still in their Undo window. */
  const removed = new Map<string, Range>();

  const warn = (what: string) => (error: unknown) => console.warn(`[folio] ${what} failed`, error);
  const popover = createHighlightPopover(document, {
    recolor(id, color) {
      const range = painter.rangeOf(id);
      if (range) painter.paint(id, range, color);
      colors.set(id, color);
      sendMessage('highlight.recolor', { id, color }).catch(warn('changing the colour'));
    },
    hide(id) {
      const range = painter.rangeOf(id);
      if (range) removed.set(id, range);
      painter.unpaint(id);
    },
    show(id) {
      const range = removed.get(id);
      removed.delete(id);
      if (range) painter.paint(id, range, colors.get(id) ?? 'yellow');
    },
    commitRemove(id) {
      removed.delete(id);
      colors.delete(id);
      sendMessage('highlight.remove', { id }).catch(warn('removing the highlight'));
    },
  });

  // A click on a painted highlight (not the end of a drag that selected text) opens its panel.
  document.addEventListener('click', (event) => {
    if (popover.contains(event)) return;
    if (event.button !== 0 || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const selection = document.getSelection();
    const id = selection && !selection.isCollapsed ? null : painter.at(event.clientX, event.clientY);
    if (!id) {
      popover.close();
      return;
    }
    // Below the whole highlight (never over its next line), starting where the clicked line starts.
    const lines = painter.rangeOf(id)?.getClientRects();
    const clicked = lines ? [...lines].findIndex((r) => r.top <= event.clientY && event.clientY <= r.bottom) : -1;
    popover.open(id, colors.get(id) ?? 'yellow', () => {
      // Removed (in its Undo window), it is no longer painted: its range is kept aside.
      const range = painter.rangeOf(id) ?? removed.get(id);
      const line = range && clicked >= 0 ? range.getClientRects()[clicked] : undefined;
      if (!range || !line) return null;
      const bounds = range.getBoundingClientRect();
      return new DOMRect(line.left, bounds.top, line.width, bounds.height);
    }, new DOMRect(event.clientX, event.clientY, 0, 0));
  }, true);
  // The panel is placed once (position: fixed): as the page scrolls it follows its highlight,
  // and goes when the highlight leaves the screen.
  window.addEventListener('scroll', () => popover.follow(), { passive: true });
  window.addEventListener('pagehide', () => popover.flush());

  onMessage('highlighter.describe', ({ sender }) => {
    if (!fromExtension(sender)) throw new Error('highlighter.describe: sender not allowed');
    const selectors = describeSelection(document);
    return selectors ? { selectors } : null;
  });

  onMessage('highlighter.paint', ({ data, sender }) => {
    if (!fromExtension(sender)) throw new Error('highlighter.paint: sender not allowed');
    const request = v.livePaint(data);
    // The route changed between the background's look-up and now: this set is not this page's.
    if (v.withoutFragment(request.url) !== v.withoutFragment(location.href)) return { painted: 0, missing: request.highlights.map((h) => h.id) };
    if (request.mode === 'replace') colors.clear();
    const outcome = paintLive(painter, document, request.highlights, request.mode);
    for (const h of request.highlights) if (painter.has(h.id)) colors.set(h.id, h.color);
    paintedFor = location.href;
    // The new highlight is on screen: the selection would hide its colour.
    if (request.mode === 'add' && outcome.painted > 0) document.getSelection()?.removeAllRanges();
    return outcome;
  });

  // A route change shows another article (or none): its highlights come with its own report.
  watchPage(window, (change) => {
    if (change === 'url' && paintedFor !== null && v.withoutFragment(location.href) !== v.withoutFragment(paintedFor)) {
      popover.close();
      painter.clear();
      colors.clear();
      paintedFor = null;
    }
  });
}
