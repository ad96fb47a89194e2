/**
 * A small non-modal dialog hanging from a toolbar button (text settings, help).
 * Opening moves focus into it; Escape or a click outside closes it and puts
 * focus back on the button that opened it, so keyboard users never get lost.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../utils/i18n';

export function Panel({
  id, title, triggerId, onClose, children, class: extra = '',
}: {
  id: string;
  title: string;
  /** The id of the button that toggles this panel (focus returns there). */
  triggerId: string;
  onClose: () => void;
  children: ComponentChildren;
  class?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  // The latest onClose without re-running the effect (which would steal focus back on every render).
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const panel = ref.current;
    // Focus the first control (the checked radio of the first group, or the first button).
    const first = panel?.querySelector<HTMLElement>('input:checked') ?? panel?.querySelector<HTMLElement>('button, [href], input');
    (first ?? panel)?.focus({ preventScroll: true });

    const close = (returnFocus: boolean) => {
      onCloseRef.current();
      if (returnFocus) document.getElementById(triggerId)?.focus({ preventScroll: true });
    };
    const onKey = (e: KeyboardEvent) => {
      // A field inside (a note being written) takes its own Escape: it cancels the edit, not the panel.
      if (e.key === 'Escape' && !(e.target as Element | null)?.closest?.('[data-keeps-escape]')) {
        e.preventDefault();
        e.stopPropagation();
        close(true);
      }
    };
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node | null;
      const trigger = document.getElementById(triggerId);
      if (target && !panel?.contains(target) && !trigger?.contains(target)) close(false);
    };
    // Capture: the panel's Escape wins over the page's shortcut handler.
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('pointerdown', onPointer, true);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('pointerdown', onPointer, true);
    };
  }, [triggerId]);

  return (
    <div
      ref={ref}
      id={id}
      role="dialog"
      aria-labelledby={`${id}-title`}
      tabIndex={-1}
      class={`reader-panel animate-rise absolute end-0 top-full z-20 mt-2 max-h-[calc(100vh-4.5rem)] overflow-y-auto rounded-2xl max-sm:fixed max-sm:inset-x-3 max-sm:top-14 max-sm:w-auto! border border-line bg-surface p-4 text-ink shadow-[0_12px_40px_-12px_rgb(0_0_0/0.35)] ${extra}`}
    >
      <div class="mb-3 flex items-center justify-between gap-4">
        <h2 id={`${id}-title`} class="text-sm font-bold">
          {title}
        </h2>
        <button
          type="button"
          class="btn btn-ghost btn-icon -me-2 min-h-8 w-8"
          aria-label={t('closePanel')}
          title={t('closePanel')}
          onClick={() => {
            onClose();
            document.getElementById(triggerId)?.focus({ preventScroll: true });
          }}
        >
          <svg aria-hidden="true" width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round">
            <path d="M6 6l12 12M18 6 6 18" />
          </svg>
        </button>
      </div>
      {children}
    </div>
  );
}
