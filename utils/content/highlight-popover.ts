/**
 * The live page's one piece of UI: clicking a highlight Folio painted opens a
 * small panel to change its colour or remove it (with Undo). It lives in a
 * closed shadow root on a host element under <html> (not <body>: the page's
 * own markup and body-level selectors stay as they were), styled by a
 * constructed stylesheet adopted into that shadow root only, so the page's
 * CSS cannot reach in and nothing in here can reach out. Sizes are in px:
 * `rem` would follow the page's root font size.
 *
 * Plain DOM, no framework: the highlighter is injected into news pages and
 * should stay small.
 */
import { swatchOf } from '../highlights/paint';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../highlights/types';
import { t, type MessageKey } from '../i18n';

const COLOR_LABEL: Record<HighlightColor, MessageKey> = {
  yellow: 'libraryColorYellow',
  green: 'libraryColorGreen',
  blue: 'libraryColorBlue',
  pink: 'libraryColorPink',
  purple: 'libraryColorPurple',
};

/** How long "Remove highlight" can be undone before the removal is stored. */
export const LIVE_UNDO_MS = 6_000;

const CSS = `
:host { all: initial; }
.panel {
  position: fixed; z-index: 2147483647; box-sizing: border-box; min-width: 220px; max-width: 320px;
  padding: 10px; border-radius: 12px; border: 1px solid rgb(0 0 0 / 0.14);
  background: #fffdf8; color: #1f1b16; box-shadow: 0 8px 28px rgb(0 0 0 / 0.18);
  font: 500 14px/1.35 system-ui, -apple-system, "Segoe UI", sans-serif; text-align: start;
}
.colors { display: flex; gap: 6px; margin: 0 0 8px; padding: 0; }
button { font: inherit; color: inherit; cursor: pointer; }
.swatch {
  width: 30px; height: 30px; border-radius: 999px; border: 2px solid rgb(0 0 0 / 0.2); padding: 0;
}
.swatch[aria-pressed="true"] { border-color: #1f1b16; box-shadow: inset 0 0 0 2px #fffdf8; }
.action {
  display: flex; align-items: center; justify-content: center; width: 100%; height: 34px; border-radius: 8px;
  border: 1px solid rgb(0 0 0 / 0.16); background: transparent; font-weight: 600;
}
.action:hover { background: rgb(0 0 0 / 0.05); }
.status { margin: 2px 2px 8px; }
button:focus-visible { outline: 2px solid #b4532a; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .panel { background: #26221c; color: #f1ebe1; border-color: rgb(255 255 255 / 0.16); box-shadow: 0 8px 28px rgb(0 0 0 / 0.5); }
  .swatch { border-color: rgb(255 255 255 / 0.25); }
  .swatch[aria-pressed="true"] { border-color: #f1ebe1; box-shadow: inset 0 0 0 2px #26221c; }
  .action { border-color: rgb(255 255 255 / 0.2); }
  .action:hover { background: rgb(255 255 255 / 0.08); }
  button:focus-visible { outline-color: #f0a27a; }
}
`;

export interface PopoverActions {
  recolor(id: string, color: HighlightColor): void;
  /** Unpaint now; the removal is stored when `commitRemove` runs (Undo window over, or the page goes). */
  hide(id: string): void;
  /** Undo: paint it again as it was. */
  show(id: string): void;
  commitRemove(id: string): void;
}

export interface HighlightPopover {
  /** `anchorOf`: where the highlight is on screen now (null when it cannot say: `clicked` is used, or it stays put). */
  open(id: string, color: HighlightColor, anchorOf: () => DOMRect | null, clicked: DOMRect): void;
  close(): void;
  /**
   * The page scrolled: the panel moves with its highlight, and goes once the highlight is off
   * screen. Not closed on any scroll: pages nudge their scroll by a pixel or two on their own
   * (scroll anchoring as images and ads load above), which closed the panel under a reader's
   * hand and took keyboard focus with it.
   */
  follow(): void;
  /** True when `event` happened inside the popover. */
  contains(event: Event): boolean;
  /** The page is going away: a removal still in its Undo window is stored now. */
  flush(): void;
}

export function createHighlightPopover(doc: Document, actions: PopoverActions): HighlightPopover {
  let host: HTMLElement | null = null;
  let panel: HTMLElement | null = null;
  let pending: { id: string; timer: ReturnType<typeof setTimeout> } | null = null;
  /** Where the open panel's highlight is now (null: not known, stay put), and where it last was. */
  let anchorOf: (() => DOMRect | null) | null = null;
  let lastAnchor = new DOMRect(0, 0, 0, 0);
  const currentAnchor = (): DOMRect => (lastAnchor = anchorOf?.() ?? lastAnchor);

  const commitPending = () => {
    if (!pending) return;
    clearTimeout(pending.timer);
    const { id } = pending;
    pending = null;
    actions.commitRemove(id);
  };

  const ensure = (): HTMLElement => {
    if (panel) return panel;
    host = doc.createElement('folio-highlight-ui');
    // Not article text for the live text model (utils/highlights/text-model.ts), were it ever under the root.
    host.setAttribute('data-folio-ui', '');
    const root = host.attachShadow({ mode: 'closed' });
    try {
      const sheet = new (doc.defaultView!.CSSStyleSheet)();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets.push(sheet);
    } catch (error) {
      console.warn('[folio] the highlight panel has no styles on this page', error);
    }
    panel = doc.createElement('div');
    panel.className = 'panel';
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', t('liveHighlightDialog'));
    panel.hidden = true;
    panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        close();
      }
    });
    root.append(panel);
    doc.documentElement.append(host);
    return panel;
  };

  const place = (el: HTMLElement, anchor: DOMRect) => {
    const view = doc.defaultView!;
    el.hidden = false;
    const { width, height } = el.getBoundingClientRect();
    const below = anchor.bottom + 8;
    const top = below + height > view.innerHeight - 8 ? Math.max(8, anchor.top - height - 8) : below;
    const left = Math.min(Math.max(8, anchor.left), Math.max(8, view.innerWidth - width - 8));
    el.style.top = `${Math.round(top)}px`;
    el.style.left = `${Math.round(left)}px`;
  };

  const button = (className: string, label: string, onClick: () => void): HTMLButtonElement => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.className = className;
    b.textContent = label;
    b.addEventListener('click', onClick);
    return b;
  };

  function close(): void {
    if (panel) panel.hidden = true;
    // Closing the Undo notice early stores the removal.
    commitPending();
  }

  function follow(): void {
    if (!panel || panel.hidden) return;
    // Unknown now: the last known place, so the panel stays where it is.
    const anchor = currentAnchor();
    if (anchor.bottom < 0 || anchor.top > doc.defaultView!.innerHeight) close();
    else place(panel, anchor);
  }

  function showUndo(id: string): void {
    const el = ensure();
    const status = doc.createElement('p');
    status.className = 'status';
    status.setAttribute('role', 'status');
    status.textContent = t('liveHighlightRemoved');
    const undo = button('action', t('undo'), () => {
      if (pending?.id === id) {
        clearTimeout(pending.timer);
        pending = null;
      }
      actions.show(id);
      if (panel) panel.hidden = true;
    });
    el.replaceChildren(status, undo);
    place(el, currentAnchor());
    undo.focus();
  }

  return {
    open(id, color, where, clicked) {
      commitPending();
      anchorOf = where;
      lastAnchor = clicked;
      const el = ensure();
      const colors = doc.createElement('div');
      colors.className = 'colors';
      colors.setAttribute('role', 'group');
      colors.setAttribute('aria-label', t('libraryHighlightsColor'));
      for (const c of HIGHLIGHT_COLORS) {
        const swatch = button('swatch', '', () => {
          for (const other of colors.querySelectorAll('button')) other.setAttribute('aria-pressed', String(other === swatch));
          actions.recolor(id, c);
        });
        swatch.setAttribute('aria-label', t(COLOR_LABEL[c]));
        swatch.setAttribute('aria-pressed', String(c === color));
        swatch.style.backgroundColor = swatchOf(c);
        colors.append(swatch);
      }
      const remove = button('action', t('liveRemoveHighlight'), () => {
        actions.hide(id);
        // Time up: stored, and the notice goes with it (an Undo pressed later would repaint a
        // highlight that is no longer stored).
        pending = { id, timer: setTimeout(close, LIVE_UNDO_MS) };
        showUndo(id);
      });
      el.replaceChildren(colors, remove);
      place(el, currentAnchor());
      // Keyboard users land in the panel: Tab moves through it, Escape leaves.
      colors.querySelector<HTMLButtonElement>('[aria-pressed="true"]')?.focus();
    },
    close,
    follow,
    contains: (event) => host !== null && event.composedPath().includes(host),
    flush: commitPending,
  };
}
