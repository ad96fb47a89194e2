/**
 * Showing a saved article's images from its local copies. Runs on the
 * sanitised fragment, in the page that renders it: the stored HTML keeps the
 * original URLs (and never carries a `blob:` URL the sanitiser would have to
 * trust); the page swaps in object URLs it made itself from the asset store.
 *
 * A saved article makes no network request at all: an image without a local
 * copy becomes its alt text in a quiet "image not saved" box, and every other
 * way an element could load something (srcset, <source>, poster, media) goes.
 */
import { imageKey } from './image-urls';

/** Image URL (as utils/library/image-urls.ts keys it) → object URL made by this page. */
export type LocalImages = ReadonlyMap<string, string>;

export interface LocalizeOutcome {
  shown: number;
  missing: number;
}

export function localizeImages(root: ParentNode, images: LocalImages, missingLabel: string): LocalizeOutcome {
  const outcome: LocalizeOutcome = { shown: 0, missing: 0 };
  for (const el of Array.from(root.querySelectorAll('source, video, audio, track, iframe, object, embed'))) el.remove();
  for (const el of Array.from(root.querySelectorAll('[srcset], [poster], [background]'))) {
    el.removeAttribute('srcset');
    el.removeAttribute('sizes');
    el.removeAttribute('poster');
    el.removeAttribute('background');
  }
  for (const img of Array.from(root.querySelectorAll('img'))) {
    const local = images.get(imageKey(img.getAttribute('src')) ?? '');
    if (local) {
      img.setAttribute('src', local);
      outcome.shown++;
      continue;
    }
    outcome.missing++;
    const doc = img.ownerDocument;
    const box = doc.createElement('span');
    box.className = 'image-not-saved';
    box.setAttribute('role', 'img');
    const alt = img.getAttribute('alt')?.trim();
    box.setAttribute('aria-label', alt ? `${missingLabel}: ${alt}` : missingLabel);
    box.textContent = alt || missingLabel;
    img.replaceWith(box);
  }
  return outcome;
}
