/**
 * The highlights view has an address of its own (library.html#highlights), so
 * a reload, Back and a link from elsewhere land on it; the model stays free of
 * `location`.
 */
import { useEffect } from 'preact/hooks';
import type { HighlightsModel } from '../../utils/models/library-highlights';

export const HIGHLIGHTS_HASH = '#highlights';

export function useHighlightsRoute(highlights: HighlightsModel): void {
  useEffect(() => {
    const follow = () => highlights.show(location.hash === HIGHLIGHTS_HASH);
    if (location.hash === HIGHLIGHTS_HASH) highlights.show(true);
    window.addEventListener('hashchange', follow);
    return () => {
      window.removeEventListener('hashchange', follow);
      highlights.dispose();
    };
  }, [highlights]);

  const open = highlights.open.value;
  useEffect(() => {
    const want = open ? HIGHLIGHTS_HASH : '';
    // Closed, it clears only its own hash: another view's (#site-fixes) is that view's to set.
    if (location.hash === want || (!open && location.hash !== HIGHLIGHTS_HASH)) return;
    // replaceState: switching views is not a navigation worth a Back step of its own.
    history.replaceState(history.state, '', `${location.pathname}${location.search}${want}`);
  }, [open]);
}
