/**
 * "Share quote" for the reader: when the user selects text inside `container`,
 * a button appears; it opens the share choices for that quote, linked with a
 * text fragment so the recipient lands on the passage. Self-contained: the
 * reader mounts it beside its article and passes the article element.
 *
 *   <SelectionShare container={articleEl} article={{ url, title, siteName }} />
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../utils/i18n';
import { normaliseQuote } from '../utils/text-fragment';
import { Icon } from './Icon';
import { Glyph } from './share/Glyph';
import { SharePanel } from './share/SharePanel';

export interface SelectionShareProps {
  container: HTMLElement | null;
  article: { url: string; title: string; siteName?: string | null };
}

/** Selections shorter than this are stray clicks, not quotes. */
const MIN_QUOTE = 3;

function selectedQuote(container: HTMLElement): string | null {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.commonAncestorContainer)) return null;
  const text = normaliseQuote(selection.toString());
  return text.length >= MIN_QUOTE ? text : null;
}

export function SelectionShare({ container, article }: SelectionShareProps) {
  const [quote, setQuote] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!container) return;
    const update = () => {
      // While the panel is open its own clicks must not clear the quote being shared.
      if (dialog.current?.contains(document.activeElement)) return;
      setQuote(selectedQuote(container));
    };
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, [container]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    dialog.current?.querySelector<HTMLElement>('a, button')?.focus();
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  if (!quote && !open) return null;
  return (
    <div class="fixed inset-x-0 bottom-5 z-30 flex justify-center px-4">
      {open && quote ? (
        <div
          ref={dialog}
          role="dialog"
          aria-label={t('shareQuoteHeading')}
          class="w-full max-w-[440px] animate-rise rounded-2xl border border-line bg-paper p-4 shadow-xl"
        >
          <div class="mb-3 flex items-start gap-3">
            <Glyph name="quote" size={18} class="mt-1 shrink-0 text-accent" />
            <p class="line-clamp-3 flex-1 font-serif text-[0.9375rem] leading-relaxed text-ink">{quote}</p>
            <button type="button" class="btn btn-ghost btn-icon shrink-0" aria-label={t('dismiss')} onClick={() => setOpen(false)}>
              <Icon name="close" size={18} />
            </button>
          </div>
          <SharePanel target={{ ...article, quote }} />
        </div>
      ) : (
        <button type="button" class="btn btn-primary min-h-11 rounded-full px-5 shadow-lg" onClick={() => setOpen(true)}>
          <Glyph name="quote" size={17} />
          {t('shareQuote')}
        </button>
      )}
    </div>
  );
}
