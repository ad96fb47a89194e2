/**
 * The site fixes view has an address of its own (library.html#site-fixes), like
 * the highlights view (use-highlights-route.ts): a reload or a link lands on it.
 */
import { useEffect } from 'preact/hooks';
import type { SiteFixesModel } from '../../utils/models/site-fixes';

export const FIXES_HASH = '#site-fixes';

export function useSiteFixesRoute(fixes: SiteFixesModel): void {
  useEffect(() => {
    const follow = () => fixes.show(location.hash === FIXES_HASH);
    if (location.hash === FIXES_HASH) fixes.show(true);
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [fixes]);

  const open = fixes.open.value;
  useEffect(() => {
    // Leaving the view clears its hash only: another view's hash (#highlights) is that view's to set.
    if (open ? location.hash === FIXES_HASH : location.hash !== FIXES_HASH) return;
    history.replaceState(history.state, '', `${location.pathname}${location.search}${open ? FIXES_HASH : ''}`);
  }, [open]);
}
