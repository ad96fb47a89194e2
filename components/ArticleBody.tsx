/**
 * Mounts the article's HTML. The HTML goes through utils/sanitize.ts (the only
 * door) and arrives as a DocumentFragment that is appended to a ref'd element:
 * no innerHTML anywhere, so nothing unsanitised can reach the page.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../utils/i18n';
import { sanitizeArticle } from '../utils/sanitize';
import { ErrorMessage } from './ErrorMessage';

/** Wide tables scroll inside their own box instead of widening the column. */
function wrapTables(fragment: DocumentFragment): void {
  for (const table of Array.from(fragment.querySelectorAll('table'))) {
    if (table.parentElement?.classList.contains('table-scroll')) continue;
    const box = table.ownerDocument.createElement('div');
    box.className = 'table-scroll';
    // Keyboard users can scroll it too.
    box.tabIndex = 0;
    table.replaceWith(box);
    box.append(table);
  }
}

export function ArticleBody({ html, url }: { html: string; url: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useLayoutEffect(() => {
    const host = ref.current;
    if (!host) return;
    try {
      const fragment = sanitizeArticle(html, url);
      wrapTables(fragment);
      host.replaceChildren(fragment);
      setFailed(false);
    } catch (e) {
      console.error('[folio] could not sanitise the article', e);
      host.replaceChildren();
      setFailed(true);
    }
  }, [html, url]);

  return (
    <>
      {failed && <ErrorMessage message={t('errorInvalid')} />}
      <div ref={ref} class="reader-body" />
    </>
  );
}
