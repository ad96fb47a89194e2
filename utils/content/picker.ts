/**
 * "Fix this page": the picker on the original page. Injected into the tab's
 * top frame by the background (utils/background/fix-page.ts) when the user
 * asks — from the reader or the popup — never part of the always-on content
 * script.
 *
 * The block under the pointer is outlined; the arrow keys (or the wheel)
 * widen the choice to the parent block and narrow it back to the child, ← →
 * move to the block before or after; a click on the page holds the choice
 * (and follows no link). Enter or "Use this as the article" sends the choice
 * to the background, which reads the page with it and opens the reader;
 * Escape or "Cancel" closes the picker and gives focus back.
 *
 * Like the highlighter's panel (utils/content/highlight-popover.ts), all of
 * it lives in a closed shadow root on one host element under <html>, styled
 * by a sheet adopted into that root only, sized in px: the page's markup and
 * styles stay as they were, and the page cannot look in. It never opens
 * IndexedDB and keeps nothing once closed.
 */
import { MIN_ARTICLE_CHARS } from '../site-rules/apply';
import { otherArticleLinks } from '../site-rules/other-pages';
import { exactPath, stableSelector } from '../site-rules/selector';
import { errorText, t } from '../i18n';
import { sendMessage } from '../messaging';

const INSTALLED = '__folioPicker';
/** How long the pointer rests on a block before screen readers hear of it. */
const POINTER_REST_MS = 700;
/** Characters of the chosen block's opening the status line quotes. */
const QUOTE_CHARS = 60;
/** One wheel notch widens or narrows once: faster wheels would skip blocks. */
const WHEEL_GAP_MS = 180;

const CSS = `
:host { all: initial; }
.outline {
  position: fixed; z-index: 2147483646; pointer-events: none; box-sizing: border-box;
  border: 3px solid #b4532a; border-radius: 6px; background: rgb(180 83 42 / 0.08);
  box-shadow: 0 0 0 99999px rgb(20 16 12 / 0.18); transition: top .08s, left .08s, width .08s, height .08s;
}
.outline[hidden] { display: none; }
.bar {
  position: fixed; z-index: 2147483647; left: 50%; bottom: 16px; transform: translateX(-50%);
  box-sizing: border-box; width: min(640px, calc(100vw - 24px)); padding: 14px 16px; border-radius: 14px;
  border: 1px solid rgb(0 0 0 / 0.14); background: #fffdf8; color: #1f1b16; box-shadow: 0 10px 32px rgb(0 0 0 / 0.22);
  font: 400 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; text-align: start;
}
h2 { margin: 0 0 4px; font-size: 15px; font-weight: 700; }
p { margin: 0 0 8px; }
.hint { color: #5b5247; font-size: 13px; }
.status { min-height: 20px; font-weight: 600; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.status[data-tone="error"] { color: #a3261b; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 4px; }
button {
  font: inherit; font-weight: 600; color: inherit; cursor: pointer; height: 36px; padding: 0 14px; border-radius: 9px;
  border: 1px solid rgb(0 0 0 / 0.18); background: transparent;
}
button:hover { background: rgb(0 0 0 / 0.05); }
button.primary { background: #b4532a; border-color: #b4532a; color: #fff; margin-inline-start: auto; }
button.primary:hover { background: #9c4522; }
button:disabled { opacity: .55; cursor: default; }
button:focus-visible { outline: 2px solid #1f1b16; outline-offset: 2px; }
kbd { font: 600 12px/1 ui-monospace, monospace; padding: 1px 4px; border: 1px solid rgb(0 0 0 / 0.2); border-radius: 4px; }
@media (prefers-color-scheme: dark) {
  .outline { border-color: #f0a27a; background: rgb(240 162 122 / 0.1); box-shadow: 0 0 0 99999px rgb(0 0 0 / 0.32); }
  .bar { background: #26221c; color: #f1ebe1; border-color: rgb(255 255 255 / 0.16); box-shadow: 0 10px 32px rgb(0 0 0 / 0.55); }
  .hint { color: #c9bfb1; }
  .status[data-tone="error"] { color: #ff9b8f; }
  button { border-color: rgb(255 255 255 / 0.22); }
  button:hover { background: rgb(255 255 255 / 0.08); }
  button.primary { background: #f0a27a; border-color: #f0a27a; color: #1f1b16; }
  button.primary:hover { background: #f5b796; }
  button:focus-visible { outline-color: #f1ebe1; }
  kbd { border-color: rgb(255 255 255 / 0.3); }
}
`;

/** Elements a choice never lands on: they are not blocks of the page's content. */
const NOT_BLOCKS = new Set(['HTML', 'BODY', 'HEAD', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'BR', 'HR', 'IMG', 'SVG', 'IFRAME']);

function isBlock(el: Element): boolean {
  if (NOT_BLOCKS.has(el.tagName.toUpperCase())) return false;
  const display = getComputedStyle(el).display;
  return display !== 'inline' && display !== 'contents' && display !== 'none';
}

/** The block `el` is in (itself when it is one), below <body>. */
function blockOf(el: Element | null): Element | null {
  for (let at = el; at && at !== document.body; at = at.parentElement) if (isBlock(at)) return at;
  return null;
}

/** The widest step: a block directly under <body> (the page itself is not a choice). */
function parentBlock(el: Element): Element | null {
  for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) if (isBlock(up)) return up;
  return null;
}

const textOf = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Narrowing without a way back down: the child block that holds most of the text. */
function largestChild(el: Element): Element | null {
  let best: Element | null = null;
  let most = 0;
  for (const child of Array.from(el.children)) {
    const block = isBlock(child) ? child : null;
    const length = textOf(child).length;
    if (block && length > most) {
      best = block;
      most = length;
    }
  }
  return best;
}

function siblingBlock(el: Element, direction: 1 | -1): Element | null {
  for (let at = direction > 0 ? el.nextElementSibling : el.previousElementSibling; at; at = direction > 0 ? at.nextElementSibling : at.previousElementSibling) {
    if (isBlock(at) && textOf(at)) return at;
  }
  return null;
}

export function startPicker(): void {
  const scope = globalThis as { [INSTALLED]?: { open(): void } };
  if (scope[INSTALLED]) {
    scope[INSTALLED].open();
    return;
  }
  scope[INSTALLED] = { open };

  let host: HTMLElement | null = null;
  let root!: ShadowRoot;
  let outline!: HTMLElement;
  let status!: HTMLElement;
  /** The status for screen readers: what the visible line says, announced once the choice settles. */
  let announcer!: HTMLElement;
  let announceTimer: ReturnType<typeof setTimeout> | undefined;
  let useButton!: HTMLButtonElement;
  let buttons: HTMLButtonElement[] = [];
  let current: Element | null = null;
  /** The blocks "Wider" came up from, to go back down through with "Narrower". */
  let below: Element[] = [];
  /** A click or a key holds the choice: moving the pointer then changes nothing. */
  let held = false;
  /** Until the pointer moves, the choice follows the middle of the window (a keyboard user scrolling to the story). */
  let pointed = false;
  let busy = false;
  let lastWheel = 0;
  let frame = 0;
  let focusBefore: Element | null = null;

  function build(): void {
    host = document.createElement('folio-picker-ui');
    // Not article text for any of Folio's readers of the page.
    host.setAttribute('data-folio-ui', '');
    root = host.attachShadow({ mode: 'closed' });
    try {
      // The page window's constructor: Firefox only adopts sheets of the document's own realm.
      const sheet = new (document.defaultView!.CSSStyleSheet)();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets.push(sheet);
    } catch (error) {
      console.warn('[folio] the picker has no styles on this page', error);
    }
    outline = document.createElement('div');
    outline.className = 'outline';
    outline.hidden = true;
    const bar = document.createElement('div');
    bar.className = 'bar';
    bar.setAttribute('role', 'dialog');
    bar.setAttribute('aria-labelledby', 'folio-pick-title');
    bar.setAttribute('aria-describedby', 'folio-pick-hint');
    const title = document.createElement('h2');
    title.id = 'folio-pick-title';
    title.textContent = t('pickerTitle');
    const hint = document.createElement('p');
    hint.id = 'folio-pick-hint';
    hint.className = 'hint';
    hint.textContent = t('pickerHint');
    status = document.createElement('p');
    status.className = 'status';
    // The visible line follows the pointer block by block; read aloud, every block crossed on the way
    // would be announced. The live region gets the choice a key, the wheel or a click made at once,
    // and the pointer's once it rests.
    status.setAttribute('aria-hidden', 'true');
    announcer = document.createElement('p');
    announcer.className = 'sr-only';
    announcer.setAttribute('role', 'status');
    const actions = document.createElement('div');
    actions.className = 'actions';
    const button = (label: string, onClick: () => void, keys?: string): HTMLButtonElement => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = label;
      if (keys) b.setAttribute('aria-keyshortcuts', keys);
      b.addEventListener('click', onClick);
      return b;
    };
    useButton = button(t('pickerUse'), () => void use(), 'Enter');
    useButton.className = 'primary';
    buttons = [button(t('pickerWider'), () => step('wider'), 'ArrowUp'), button(t('pickerNarrower'), () => step('narrower'), 'ArrowDown'), button(t('cancel'), close, 'Escape'), useButton];
    actions.append(...buttons);
    bar.append(title, hint, status, announcer, actions);
    root.append(outline, bar);
    document.documentElement.append(host);
  }

  /** Shows `text` on the status line; tells screen readers now, or once the pointer has rested. */
  function showStatus(text: string, now: boolean): void {
    status.textContent = text;
    clearTimeout(announceTimer);
    if (now) announcer.textContent = text;
    else announceTimer = setTimeout(() => (announcer.textContent = text), POINTER_REST_MS);
  }

  /** `now`: the choice came from a key, the wheel or a click (announced at once), not a passing pointer or a scroll. */
  function choose(el: Element | null, keepBelow = false, now = true): void {
    if (!el || el === current) return;
    if (!keepBelow) below = [];
    current = el;
    const words = textOf(el).split(' ').filter(Boolean).length;
    const opening = textOf(el).slice(0, QUOTE_CHARS);
    status.removeAttribute('data-tone');
    showStatus(t('pickerChosen', words, opening.length < textOf(el).length ? `${opening}…` : opening), now);
    place();
  }

  function place(): void {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      if (!current || !current.isConnected) {
        outline.hidden = true;
        return;
      }
      const r = current.getBoundingClientRect();
      outline.hidden = false;
      Object.assign(outline.style, { top: `${r.top - 3}px`, left: `${r.left - 3}px`, width: `${r.width + 6}px`, height: `${r.height + 6}px` });
    });
  }

  /** The block at the middle of the window: where a keyboard user starts. */
  function start(): Element | null {
    return blockOf(document.elementFromPoint(innerWidth / 2, innerHeight / 2));
  }

  function step(direction: 'wider' | 'narrower' | 'next' | 'previous'): void {
    held = true;
    if (!current) {
      choose(start());
      if (!current) return;
    }
    if (direction === 'wider') {
      const up = parentBlock(current);
      if (!up) return;
      below.push(current);
      choose(up, true);
    } else if (direction === 'narrower') {
      const down = below.pop() ?? largestChild(current);
      if (down) choose(down, true);
    } else {
      choose(siblingBlock(current, direction === 'next' ? 1 : -1));
    }
  }

  function ours(event: Event): boolean {
    return event.composedPath().includes(host!);
  }

  function onMove(event: MouseEvent): void {
    pointed = true;
    if (held || busy) return;
    const at = document.elementFromPoint(event.clientX, event.clientY);
    if (!at || at === host) return;
    choose(blockOf(at), false, false);
  }

  function onClick(event: MouseEvent): void {
    if (ours(event)) return;
    // The page's own click (a link, a menu) must not happen while picking.
    event.preventDefault();
    event.stopPropagation();
    if (busy) return;
    pointed = true;
    // A click inside the outlined block holds it (widened with the wheel or keys, it stays wide);
    // elsewhere it takes the block under the pointer.
    const at = document.elementFromPoint(event.clientX, event.clientY);
    if (!current || !at || !current.contains(at)) choose(blockOf(at));
    held = true;
    useButton.focus();
  }

  function onScroll(): void {
    if (!held && !pointed && !busy) choose(start(), false, false);
    place();
  }

  function onWheel(event: WheelEvent): void {
    if (ours(event) || busy || event.deltaY === 0) return;
    event.preventDefault();
    if (event.timeStamp - lastWheel < WHEEL_GAP_MS) return;
    lastWheel = event.timeStamp;
    step(event.deltaY < 0 ? 'wider' : 'narrower');
  }

  function onKey(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const keys: Record<string, 'wider' | 'narrower' | 'next' | 'previous'> = { ArrowUp: 'wider', ArrowDown: 'narrower', ArrowRight: 'next', ArrowLeft: 'previous' };
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (keys[event.key]) {
      event.preventDefault();
      event.stopPropagation();
      if (!busy) step(keys[event.key]!);
    } else if (event.key === 'Enter') {
      // On Wider, Narrower or Cancel, Enter is that button's; anywhere else (the page, or
      // "Use this as the article", which has focus at first) it reads the choice.
      const focused = ours(event) ? root.activeElement : null;
      if (focused instanceof HTMLButtonElement && focused !== useButton) return;
      event.preventDefault();
      event.stopPropagation();
      void use();
    }
  }

  function setBusy(on: boolean): void {
    busy = on;
    for (const b of buttons) b.disabled = on && b !== buttons[2];
    useButton.setAttribute('aria-busy', on ? 'true' : 'false');
  }

  function say(text: string, tone: 'error' | null = null): void {
    if (tone) status.setAttribute('data-tone', tone);
    else status.removeAttribute('data-tone');
    showStatus(text, true);
  }

  async function use(): Promise<void> {
    if (busy) return;
    const chosen = current ?? start();
    if (!chosen) {
      say(t('pickerNothing'), 'error');
      return;
    }
    choose(chosen);
    if (textOf(chosen).length < MIN_ARTICLE_CHARS) {
      say(t('pickerTooSmall'), 'error');
      return;
    }
    const exact = exactPath(chosen);
    if (!exact) return;
    setBusy(true);
    say(t('pickerReading'));
    try {
      // The rule is what survives the site's next pages; the exact path is this page's block, for this read only.
      // `others`: articles this page links to, where the background tries the rule before keeping it.
      const selector = stableSelector(chosen);
      const result = await sendMessage('fix.use', { selector, exact, others: selector ? otherArticleLinks(document, location.href) : [] });
      if (result.ok) {
        // The tab is becoming the reader.
        close(false);
        return;
      }
      say(result.code === 'not-an-article' ? t('pickerNotArticle') : errorText(result.code), 'error');
    } catch (error) {
      // The page went away while the background read it: the reader is on its way.
      console.warn('[folio] fix.use', error);
    } finally {
      setBusy(false);
    }
  }

  function open(): void {
    if (host) {
      useButton.focus();
      return;
    }
    focusBefore = document.activeElement;
    build();
    held = false;
    pointed = false;
    current = null;
    say(t('pickerStart'));
    // Something is outlined from the start, so the arrow keys have a block to widen.
    choose(start());
    document.addEventListener('mousemove', onMove, true);
    document.addEventListener('click', onClick, true);
    window.addEventListener('wheel', onWheel, { capture: true, passive: false });
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('scroll', onScroll, { capture: true, passive: true });
    window.addEventListener('resize', place);
    useButton.focus();
  }

  /** `tell`: say so to the background (a cancel); not when the reader is opening. */
  function close(tell = true): void {
    if (!host) return;
    document.removeEventListener('mousemove', onMove, true);
    document.removeEventListener('click', onClick, true);
    window.removeEventListener('wheel', onWheel, { capture: true });
    window.removeEventListener('keydown', onKey, true);
    window.removeEventListener('scroll', onScroll, { capture: true });
    window.removeEventListener('resize', place);
    cancelAnimationFrame(frame);
    clearTimeout(announceTimer);
    host.remove();
    host = null;
    current = null;
    below = [];
    if (focusBefore instanceof HTMLElement && focusBefore.isConnected) focusBefore.focus();
    focusBefore = null;
    if (tell) sendMessage('fix.cancel', undefined).catch(() => undefined);
  }

  open();
}
