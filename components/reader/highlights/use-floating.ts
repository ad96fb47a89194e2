/**
 * Keyboard and pointer behaviour shared by the floating boxes on the article
 * (selection toolbar, highlight popover): Escape closes (in the capture phase,
 * so the page's own Escape handling does not also run; a note field inside
 * keeps its Escape, which cancels the edit), optionally Tab from the
 * page moves into the box, and a press outside closes it.
 */
import type { RefObject } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

export interface FloatingOptions {
  /** Tab pressed while focus is outside the box: return true when it was handled. */
  onTab?: () => boolean;
  /** Close on a pointer press outside the box. */
  outside?: boolean;
}

export function useFloatingDismiss(box: RefObject<HTMLElement | null>, open: boolean, close: () => void, options: FloatingOptions = {}): void {
  // The latest callbacks without re-registering the listeners on every render.
  const latest = useRef({ close, options });
  latest.current = { close, options };
  // A layout effect: the keys work from the first frame the box is shown in.
  useLayoutEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      const inside = !!box.current?.contains(document.activeElement);
      if (e.key === 'Escape' && !(e.target as Element | null)?.closest?.('[data-keeps-escape]')) {
        e.preventDefault();
        e.stopPropagation();
        latest.current.close();
      } else if (e.key === 'Tab' && !e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey && !inside) {
        if (latest.current.options.onTab?.()) e.preventDefault();
      }
    };
    const onPointer = (e: PointerEvent) => {
      if (!latest.current.options.outside) return;
      if (!box.current?.contains(e.target as Node)) latest.current.close();
    };
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('pointerdown', onPointer, true);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('pointerdown', onPointer, true);
    };
  }, [open, box]);
}
