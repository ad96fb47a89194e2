/**
 * Readability walks the document from `<html>` down and removes any element
 * whose class or id looks like clutter, that is hidden, or that has a clutter
 * role — and it does not spare `<html>` itself. Themes put exactly such names
 * there: XenForo's `<html class="… NoSidebar …">`, Avada's
 * `<html class="avada-html-header-position-top">` ("sidebar", "header"). With
 * the root gone, linkedom's `document.head` throws ("Cannot destructure
 * property 'firstElementChild' of 'documentElement' as it is null") and on
 * other DOMs the article is read out of a detached body; 19 of the 1,627
 * corpus pages crashed this way (scripts/crash-sweep.ts). A page that hides
 * `<body>` until its scripts run (`style="display:none"`, `aria-hidden`) would
 * lose everything the same way.
 *
 * So, on the working copy only (never the live page), the two roots lose the
 * attributes that make Readability drop an element. `lang` and `dir` stay: the
 * metadata reads them. The body keeps its class: Readability never removes
 * BODY by name, and its class weight is one of its scoring signals.
 */

const ROOT_ATTRS = ['class', 'id', 'role', 'hidden', 'aria-hidden', 'aria-modal', 'style', 'rel', 'itemprop'];
const BODY_ATTRS = ['role', 'hidden', 'aria-hidden', 'aria-modal', 'style'];

export function shieldDocumentRoots(doc: Document): void {
  const html = doc.documentElement;
  if (html) for (const attr of ROOT_ATTRS) html.removeAttribute(attr);
  const body = doc.body;
  if (body) for (const attr of BODY_ATTRS) body.removeAttribute(attr);
}
