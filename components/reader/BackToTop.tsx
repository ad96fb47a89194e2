/**
 * "Back to top", shown once the reader is a screen or more down the article.
 * It scrolls (smoothly unless the user asks for reduced motion) and moves focus
 * to the headline, so keyboard and screen reader users restart there too.
 */
import { t } from '../../utils/i18n';

export function backToTop(): void {
  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  window.scrollTo({ top: 0, behavior: reduced ? 'auto' : 'smooth' });
  document.getElementById('reader-title')?.focus({ preventScroll: true });
}

export function BackToTop({ visible }: { visible: boolean }) {
  if (!visible) return null;
  return (
    <button
      type="button"
      class="reader-back-to-top btn btn-quiet animate-rise fixed bottom-5 end-5 z-10 min-h-11 rounded-full px-4 shadow-[0_6px_24px_-8px_rgb(0_0_0/0.35)]"
      onClick={backToTop}
    >
      <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
        <path d="M12 19V5m-7 7 7-7 7 7" />
      </svg>
      <span>{t('backToTop')}</span>
    </button>
  );
}
