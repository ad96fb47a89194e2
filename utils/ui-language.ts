/**
 * The language and direction of Folio's own interface (not of the article):
 * pages put them on <html> so screen readers pick the right voice and RTL
 * locales mirror the layout.
 */
import { browser } from 'wxt/browser';

export function uiLanguage(): { lang: string | undefined; dir: 'ltr' | 'rtl' } {
  try {
    return {
      lang: browser.i18n.getUILanguage() || undefined,
      dir: browser.i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr',
    };
  } catch {
    return { lang: undefined, dir: 'ltr' };
  }
}

/** Applies the UI language to the whole page (popup, library). */
export function applyUiLanguage(root: HTMLElement = document.documentElement): void {
  const { lang, dir } = uiLanguage();
  if (lang) root.lang = lang;
  root.dir = dir;
}
