/**
 * "Deleted “…”. Undo": a status message with an undo button. The model owns the
 * timing; this only shows it (a thin bar shrinks over the undo window, unless
 * the user prefers reduced motion).
 */
import type { RefObject } from 'preact';
import { t } from '../utils/i18n';
import { Icon } from './Icon';

export function UndoToast({ message, serial, durationMs, onUndo, onDismiss, undoRef }: {
  /** What was done ("Deleted “A story”."); null hides the toast. */
  message: string | null;
  serial: number;
  durationMs: number;
  onUndo: () => void;
  onDismiss: () => void;
  undoRef?: RefObject<HTMLButtonElement | null>;
}) {
  return (
    // The live region stays in the page so screen readers announce each new message.
    <div role="status" aria-live="polite" class="pointer-events-none fixed inset-x-0 bottom-0 z-20 flex justify-center p-4 sm:p-6">
      {message !== null && (
        <div
          key={serial}
          class="pointer-events-auto relative flex max-w-xl animate-rise items-center gap-3 overflow-hidden rounded-xl bg-toast py-2.5 pe-2 ps-4 text-sm text-on-toast shadow-xl shadow-black/20"
        >
          <p class="min-w-0 flex-1 truncate">{message}</p>
          <button
            ref={undoRef}
            type="button"
            class="btn min-h-9 px-3 font-bold text-on-toast underline-offset-4 hover:underline focus-visible:outline-on-toast"
            onClick={onUndo}
          >
            {t('undo')}
          </button>
          <button
            type="button"
            class="btn btn-icon min-h-9 w-9 text-on-toast/70 hover:text-on-toast focus-visible:outline-on-toast"
            aria-label={t('dismiss')}
            title={t('dismiss')}
            onClick={onDismiss}
          >
            <Icon name="close" size={16} />
          </button>
          <span
            aria-hidden="true"
            class="toast-timer absolute inset-x-0 bottom-0 h-0.5 origin-left bg-on-toast/40"
            style={{ animationDuration: `${durationMs}ms` }}
          />
        </div>
      )}
    </div>
  );
}
