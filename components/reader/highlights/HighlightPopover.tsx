/**
 * The popover on one highlight (clicked in the article, or reached from the
 * "Highlights" panel): its note, the colours, "Edit note" and "Remove
 * highlight". Opening moves focus into it; Escape or a press outside closes it
 * and focus goes back where it came from.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../../utils/i18n';
import type { ReaderHighlights } from '../../../utils/models/reader-highlights';
import { Icon } from '../../Icon';
import { ColorButtons } from './ColorButtons';
import { NoteEditor } from './NoteEditor';
import { anchorRect, currentViewport, placeNear, type Box } from './place-near';
import { useFloatingDismiss } from './use-floating';

export function HighlightPopover({ highlights }: { highlights: ReaderHighlights }) {
  const id = highlights.selected.value;
  const item = id ? highlights.items.value.find((h) => h.record.id === id) : undefined;
  const [editing, setEditing] = useState(false);
  const [pos, setPos] = useState<Box | null>(null);
  const box = useRef<HTMLDivElement>(null);
  // Where focus was before the popover took it (the panel's button, or nothing for a click).
  const returnTo = useRef<HTMLElement | null>(null);

  const close = () => {
    highlights.select(null);
    const back = returnTo.current;
    returnTo.current = null;
    if (back?.isConnected) back.focus({ preventScroll: true });
  };
  useFloatingDismiss(box, !!item, close, { outside: true });

  useEffect(() => {
    setEditing(false);
    if (!id) return;
    const active = document.activeElement as HTMLElement | null;
    returnTo.current = active && active !== document.body && !box.current?.contains(active) ? active : returnTo.current;
    // The current colour first (a selector list would pick whichever comes first in the document).
    const first = box.current?.querySelector<HTMLElement>('button[aria-pressed="true"]') ?? box.current?.querySelector<HTMLElement>('button');
    first?.focus({ preventScroll: true });
  }, [id]);

  useLayoutEffect(() => {
    if (!id || !box.current) return;
    const place = () => {
      const range = highlights.rangeOf(id);
      if (range && box.current) setPos(placeNear(anchorRect(range), box.current.getBoundingClientRect(), currentViewport()));
    };
    place();
    window.addEventListener('resize', place);
    return () => window.removeEventListener('resize', place);
  }, [id, editing, item?.record.note]);

  if (!id || !item) return null;
  const { record } = item;

  return (
    <div
      ref={box}
      role="dialog"
      aria-label={t('highlightTools')}
      class="hl-float absolute z-30 w-max max-w-[min(28rem,calc(100vw-1rem))] animate-rise rounded-2xl border border-line bg-surface p-2 text-ink shadow-[0_12px_40px_-12px_rgb(0_0_0/0.45)]"
      style={pos ? { top: `${pos.top}px`, left: `${pos.left}px` } : { top: '-9999px', left: '0px' }}
    >
      {editing ? (
        <div class="p-1">
          <NoteEditor
            initial={record.note}
            onCancel={() => {
              setEditing(false);
              requestAnimationFrame(() => box.current?.querySelector<HTMLElement>('[data-edit-note]')?.focus({ preventScroll: true }));
            }}
            onSave={(note) => {
              void highlights.setNote(record.id, note);
              setEditing(false);
              requestAnimationFrame(() => box.current?.querySelector<HTMLElement>('[data-edit-note]')?.focus({ preventScroll: true }));
            }}
          />
        </div>
      ) : (
        <>
          {record.note && <p class="hl-note mx-1.5 mb-2 mt-1 max-w-xs whitespace-pre-wrap text-sm leading-snug text-ink-soft">{record.note}</p>}
          <div class="flex flex-wrap items-center gap-1">
            <ColorButtons current={record.color} onPick={(color) => void highlights.setColor(record.id, color)} />
            <span aria-hidden="true" class="mx-0.5 h-6 border-s border-line" />
            <button type="button" data-edit-note class="btn btn-ghost min-h-9 px-2.5 text-sm" onClick={() => setEditing(true)}>
              <Icon name="pencil" size={16} />
              {t('highlightEditNote')}
            </button>
            <button
              type="button"
              class="btn btn-ghost btn-icon min-h-9 w-9 text-danger"
              aria-label={t('highlightRemove')}
              title={t('highlightRemove')}
              onClick={() => {
                const back = returnTo.current;
                returnTo.current = null;
                void highlights.remove(record.id);
                if (back?.isConnected) back.focus({ preventScroll: true });
              }}
            >
              <Icon name="trash" size={17} />
            </button>
          </div>
        </>
      )}
    </div>
  );
}
