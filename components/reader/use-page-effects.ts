/**
 * What the reader does to the page as a whole, outside its own tree: the
 * document's title, language and direction; the theme on <html>; scroll
 * tracking (progress, "Back to top", the remembered position) and a paint mark
 * for the benchmark.
 */
import { useEffect, useLayoutEffect } from 'preact/hooks';
import { t } from '../../utils/i18n';
import type { ReaderModel } from '../../utils/models/reader';

/** performance.mark name set once the article's first frame has been painted (scripts/bench/reader.ts). */
export const PAINTED_MARK = 'folio:article-painted';

export function usePageEffects(model: ReaderModel, setFarDown: (far: boolean) => void): void {
  const article = model.article.value;
  const theme = model.typography.theme.value.value;

  // The page takes the article's language and direction (hyphenation, quotes, screen reader voice, RTL),
  // before the article's first frame: after it (useEffect), that frame was laid out without them, and a
  // test reading <html lang> as soon as the article was there saw "" (a CI flake).
  useLayoutEffect(() => {
    const root = document.documentElement;
    if (article) {
      document.title = article.title || t('popupHeading');
      if (article.lang) root.lang = article.lang;
      root.dir = article.dir ?? 'auto';
    }
  }, [article]);

  // Themes are CSS variables on <html> (assets/reader-themes.css); "auto" leaves the system to decide.
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'auto') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);

  // Paint mark. A layout effect runs right after the article is mounted (ArticleBody's
  // own layout effect runs first), so the mark follows the first frame that holds the
  // article; Preact's plain effects would only start after that frame.
  useLayoutEffect(() => {
    if (!article) return;
    let cancelled = false;
    void markPainted(() => cancelled);
    return () => {
      cancelled = true;
    };
  }, [article]);

  // Scroll: progress and "Back to top" on every frame that scrolled; the position, batched, for next time.
  useEffect(() => {
    if (!article) return;
    let frame = 0;
    const measure = (remember = true) => {
      frame = 0;
      const max = document.documentElement.scrollHeight - window.innerHeight;
      model.scrolled(max > 0 ? window.scrollY / max : 0, remember);
      setFarDown(window.scrollY > window.innerHeight);
    };
    const onScroll = () => {
      frame ||= requestAnimationFrame(() => measure());
    };
    // Leaving or hiding the tab writes the position at once (the batch timer may never fire).
    const onHide = () => {
      if (document.visibilityState === 'hidden') model.flushPosition();
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll, { passive: true });
    window.addEventListener('pagehide', model.flushPosition);
    document.addEventListener('visibilitychange', onHide);

    // The remembered position (if the user has not scrolled meanwhile).
    let cancelled = false;
    // Only a scroll by the user is worth storing; showing where the page opened is not.
    void restorePosition(model, () => cancelled).then(() => measure(false));

    return () => {
      cancelled = true;
      if (frame) cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
      window.removeEventListener('pagehide', model.flushPosition);
      document.removeEventListener('visibilitychange', onHide);
    };
  }, [article, model, setFarDown]);
}

/** Resolves after the next frame has been produced: rAF runs just before it, a task queued there runs after it. */
function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

async function markPainted(cancelled: () => boolean): Promise<void> {
  await afterNextFrame();
  // The faces are font-display: block: text whose face was still loading in that
  // frame was laid out but not drawn. The mark waits for the frame that draws it.
  while (document.fonts.status === 'loading' && !cancelled()) {
    await document.fonts.ready.catch(() => undefined);
    await afterNextFrame();
  }
  if (!cancelled()) performance.mark(PAINTED_MARK);
}

async function restorePosition(model: ReaderModel, cancelled: () => boolean): Promise<void> {
  const fraction = await model.savedPosition();
  if (fraction === null || cancelled() || window.scrollY > 0) return;
  // The position is a fraction of the laid-out height: wait for the rest of a
  // long article (components/ArticleBody.tsx) and for the faces the article uses.
  while (document.querySelector('.reader-body[data-pending]') && !cancelled()) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  await document.fonts.ready.catch(() => undefined);
  if (cancelled() || window.scrollY > 0) return;
  const max = document.documentElement.scrollHeight - window.innerHeight;
  window.scrollTo({ top: Math.round(fraction * max), behavior: 'instant' });
}
