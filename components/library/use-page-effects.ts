/**
 * The library page's ties to the window: start the model, refresh when the
 * tab comes back, commit a pending delete when the page goes away (pagehide:
 * closing the tab or navigating to the reader), `/` to search and Escape to
 * clear. The model stays free of the DOM.
 */
import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';
import type { LibraryModel } from '../../utils/models/library';

function typingIn(el: EventTarget | null): boolean {
  return el instanceof HTMLElement && (el.isContentEditable || el.matches('input:not([type=checkbox]), textarea, select'));
}

export function usePageEffects(model: LibraryModel, search: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    void model.start();
    const onVisible = () => {
      if (document.visibilityState === 'visible') void model.refresh();
    };
    const onHide = () => model.leave();
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      // A modal dialog (Export) owns the keyboard: Escape is its own, and the list behind is inert.
      if (document.querySelector('dialog[open]')) return;
      if (e.key === '/' && !typingIn(e.target)) {
        e.preventDefault();
        search.current?.focus();
        search.current?.select();
        return;
      }
      if (e.key === 'Escape' && (!typingIn(e.target) || e.target === search.current)) {
        if (model.escape()) e.preventDefault();
      }
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('pagehide', onHide);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('keydown', onKey);
      model.dispose();
    };
  }, [model, search]);
}
