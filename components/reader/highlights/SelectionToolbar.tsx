/**
 * The toolbar at a text selection in the reader: the five colours, "Add note",
 * "Copy" and "Share quote" (the text-fragment share that used to be its own
 * button). It follows mouse and keyboard selections alike; Tab moves into it
 * (then arrow keys between its buttons), Escape puts it away. Its buttons keep
 * the selection: they do not take focus on mousedown.
 */
import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../../utils/i18n';
import type { ReaderHighlights } from '../../../utils/models/reader-highlights';
import { READER_BODY_SELECTOR } from '../../../utils/highlights/text-model';
import { normaliseQuote } from '../../../utils/text-fragment';
import { Icon } from '../../Icon';
import { Glyph } from '../../share/Glyph';
import { SharePanel } from '../../share/SharePanel';
import { useCopy } from '../../share/use-copy';
import { ColorButtons } from './ColorButtons';
import { NoteEditor } from './NoteEditor';
import { anchorRect, currentViewport, placeNear, type Box } from './place-near';
import { useFloatingDismiss } from './use-floating';

/** Selections shorter than this are stray clicks, not quotes. */
const MIN_QUOTE = 3;

interface Picked {
  /** A copy: the selection's own range changes as the selection does. */
  range: Range;
  quote: string;
  /** Whether it holds article body text (the header can be shared, not highlighted). */
  inBody: boolean;
}

function picked(container: HTMLElement): Picked | null {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.commonAncestorContainer)) return null;
  const quote = normaliseQuote(selection.toString());
  if (quote.length < MIN_QUOTE) return null;
  const body = container.querySelector(READER_BODY_SELECTOR);
  return { range: range.cloneRange(), quote, inBody: !!body && range.intersectsNode(body) };
}

type Mode = 'tools' | 'note' | 'share';

export function SelectionToolbar({ container, article, highlights }: {
  /** The <article> element: selections inside it get the toolbar. */
  container: RefObject<HTMLElement | null>;
  article: { url: string; title: string; siteName?: string | null };
  highlights: ReaderHighlights;
}) {
  const [sel, setSel] = useState<Picked | null>(null);
  const [mode, setMode] = useState<Mode>('tools');
  const [pos, setPos] = useState<Box | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const { copied, copy } = useCopy();

  // Registered once, at mount (a layout effect: plain effects wait for a timer, which Firefox
  // holds back in a tab that opened in the background); the article is read at each change.
  useLayoutEffect(() => {
    const update = () => {
      const article = container.current;
      // Typing a note or choosing a share target must not lose the passage they are for.
      if (!article || box.current?.contains(document.activeElement)) return;
      setSel(picked(article));
      setMode('tools');
    };
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, [container]);

  const close = () => {
    const inside = box.current?.contains(document.activeElement);
    setSel(null);
    setMode('tools');
    if (inside) (document.activeElement as HTMLElement | null)?.blur();
  };

  useFloatingDismiss(box, sel !== null, close, {
    // Tab from the page moves into the toolbar: the selection's tools are the next thing to reach.
    onTab: () => {
      box.current?.querySelector<HTMLElement>('button')?.focus({ preventScroll: true });
      return true;
    },
  });

  useLayoutEffect(() => {
    if (!sel || !box.current) return;
    const place = () => setPos(placeNear(anchorRect(sel.range), box.current!.getBoundingClientRect(), currentViewport()));
    place();
    window.addEventListener('resize', place);
    return () => window.removeEventListener('resize', place);
  }, [sel, mode]);

  if (!sel) return null;

  const done = () => {
    document.getSelection()?.removeAllRanges();
    setSel(null);
    setMode('tools');
  };

  const onArrows = (e: KeyboardEvent) => {
    if (mode !== 'tools' || (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft')) return;
    const buttons = Array.from(box.current?.querySelectorAll<HTMLElement>('button') ?? []);
    const at = buttons.indexOf(document.activeElement as HTMLElement);
    if (at < 0) return;
    e.preventDefault();
    const rtl = getComputedStyle(box.current!).direction === 'rtl';
    const step = (e.key === 'ArrowRight') !== rtl ? 1 : -1;
    buttons[(at + step + buttons.length) % buttons.length]!.focus();
  };

  return (
    <div
      ref={box}
      class="hl-float absolute z-30 animate-rise rounded-2xl border border-line bg-surface p-1.5 text-ink shadow-[0_12px_40px_-12px_rgb(0_0_0/0.45)]"
      style={pos ? { top: `${pos.top}px`, left: `${pos.left}px` } : { top: '-9999px', left: '0px' }}
      // Keep the selection (and the page's focus) when a button is pressed with the mouse.
      onMouseDown={(e) => {
        if ((e.target as HTMLElement).closest('button') && mode === 'tools') e.preventDefault();
      }}
      onKeyDown={onArrows}
    >
      {mode === 'tools' && (
        <div role="toolbar" aria-label={t('selectionTools')} class="flex items-center gap-1">
          {sel.inBody && (
            <>
              <ColorButtons
                onPick={(color) => {
                  void highlights.create(sel.range, { color });
                  done();
                }}
              />
              <span aria-hidden="true" class="mx-0.5 h-6 border-s border-line" />
              <button type="button" class="btn btn-ghost min-h-9 px-2.5 text-sm" onClick={() => setMode('note')}>
                <Icon name="pencil" size={16} />
                {t('highlightAddNote')}
              </button>
            </>
          )}
          <button type="button" class="btn btn-ghost min-h-9 px-2.5 text-sm" onClick={() => void copy(sel.quote)}>
            <Icon name={copied ? 'check' : 'copy'} size={16} />
            {t('highlightCopy')}
          </button>
          <button type="button" class="btn btn-ghost min-h-9 px-2.5 text-sm" onClick={() => setMode('share')}>
            <Glyph name="quote" size={16} />
            {t('shareQuote')}
          </button>
          <span role="status" class="sr-only">
            {copied ? t('copied') : ''}
          </span>
        </div>
      )}
      {mode === 'note' && (
        <div class="p-1.5">
          <NoteEditor
            initial=""
            onCancel={() => {
              setMode('tools');
              requestAnimationFrame(() => box.current?.querySelector<HTMLElement>('button')?.focus({ preventScroll: true }));
            }}
            onSave={(note) => {
              void highlights.create(sel.range, { note });
              done();
            }}
          />
        </div>
      )}
      {mode === 'share' && (
        <ShareDialog quote={sel.quote} article={article} onClose={() => setMode('tools')} />
      )}
    </div>
  );
}

function ShareDialog({ quote, article, onClose }: { quote: string; article: { url: string; title: string; siteName?: string | null }; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('a, button')?.focus({ preventScroll: true });
  }, []);
  return (
    <div ref={ref} role="dialog" aria-label={t('shareQuoteHeading')} class="w-[min(440px,calc(100vw-2rem))] p-2.5">
      <div class="mb-3 flex items-start gap-3">
        <Glyph name="quote" size={18} class="mt-1 shrink-0 text-accent" />
        <p class="line-clamp-3 flex-1 font-serif text-[0.9375rem] leading-relaxed text-ink">{quote}</p>
        <button type="button" class="btn btn-ghost btn-icon shrink-0" aria-label={t('dismiss')} onClick={onClose}>
          <Icon name="close" size={18} />
        </button>
      </div>
      <SharePanel target={{ ...article, quote }} />
    </div>
  );
}
