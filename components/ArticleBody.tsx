/**
 * Mounts the article's HTML. The HTML goes through utils/sanitize.ts (the only
 * door) and arrives as a DocumentFragment that is appended to a ref'd element:
 * no innerHTML anywhere, so nothing unsanitised can reach the page. A long
 * article arrives in two sanitised parts (see sanitizeArticleInParts).
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../utils/i18n';
import { localizeImages, type LocalImages } from '../utils/library/offline-images';
import { sanitizeArticleInParts } from '../utils/sanitize';
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

/**
 * `images`: set for a saved article. Its images then come from the local copies
 * only, swapped in after sanitising; nothing is fetched from the network.
 */
export function ArticleBody({ html, url, images, onMounted }: {
  html: string;
  url: string;
  images?: LocalImages;
  /** Called once the whole body is in the page (after the second part of a long article): highlights anchor then. */
  onMounted?: (body: HTMLElement) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  // The latest callback without re-mounting the article when the parent re-renders.
  const mounted = useRef(onMounted);
  mounted.current = onMounted;

  useLayoutEffect(() => {
    const host = ref.current;
    if (!host) return;
    const fail = (e: unknown) => {
      console.error('[folio] could not sanitise the article', e);
      host.replaceChildren();
      delete host.dataset.pending;
      setFailed(true);
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    let frame = 0;
    const prepare = (fragment: DocumentFragment) => {
      wrapTables(fragment);
      if (images) localizeImages(fragment, images, t('imageNotSaved'));
    };
    try {
      const { first, appendRest } = sanitizeArticleInParts(html, url);
      prepare(first);
      host.replaceChildren(first);
      setFailed(false);
      if (appendRest) {
        // A long article: its beginning is painted first, the rest follows once
        // that frame is out. Two tasks after the frame, so the paint mark
        // (use-page-effects.ts), queued in the same frame, is not held up by it.
        // data-pending tells the page's scroll restoring to wait for the full height.
        host.dataset.pending = '';
        frame = requestAnimationFrame(() => {
          timer = setTimeout(() => {
            timer = setTimeout(() => {
              try {
                appendRest(host, prepare);
                delete host.dataset.pending;
                mounted.current?.(host);
              } catch (e) {
                fail(e);
              }
            }, 0);
          }, 0);
        });
      } else {
        delete host.dataset.pending;
        mounted.current?.(host);
      }
    } catch (e) {
      fail(e);
    }
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [html, url, images]);

  return (
    <>
      {failed && <ErrorMessage message={t('errorInvalid')} />}
      <div ref={ref} class="reader-body" />
    </>
  );
}
