/**
 * The fills of painted highlights follow the reader's theme: dark fills on the
 * dark theme, light ones on light and sepia, and the system's choice on "auto".
 * The rules go in a constructed stylesheet (document.adoptedStyleSheets): the
 * extension pages' CSP (style-src 'self') refuses a <style> element, and
 * constructed sheets are CSSOM, which CSP does not govern.
 */
import { useEffect } from 'preact/hooks';
import { highlightCss } from '../../../utils/highlights/paint';
import type { Theme } from '../../../utils/settings';

export function highlightThemeOf(theme: Theme): boolean | 'media' {
  return theme === 'auto' ? 'media' : theme === 'dark';
}

export function useHighlightTheme(theme: Theme): void {
  useEffect(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(highlightCss(highlightThemeOf(theme)));
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [theme]);
}
