/**
 * The Content Security Policy of Folio's own pages (reader, library, popup, share,
 * offscreen) and of its background, which browsers put under the same
 * `content_security_policy.extension_pages` policy. wxt.config.ts writes it into
 * the manifest; kept here, free of imports, so a unit test can read it.
 *
 * No script runs in Folio's pages but its own, and article HTML passes the
 * sanitiser; this is the second wall, for whatever a sanitiser bug lets through:
 * - img-src: article images load from the web (http/https, unsaved articles), saved
 *   ones from blob: object URLs the pages create, small inline ones from data:;
 * - media-src 'none': the sanitiser turns audio and video into links;
 * - style-src 'self': only Folio's stylesheets; no inline <style> or style="".
 *   Preact sets styles through the CSSOM, which CSP does not govern;
 * - connect-src: the pages talk to the background by runtime messaging, and IndexedDB
 *   is no fetch. The background shares this policy, and "Save link to Folio" fetches
 *   the linked page (utils/fetch-article.ts), so http and https stay allowed;
 * - frame-src 'none': Folio frames nothing; form-action and base-uri 'none' as before.
 * `wxt` (dev server, command "serve") injects its styles inline and talks to its
 * server over a websocket: only then are those allowed too.
 */
export function extensionPagesCsp(command: 'build' | 'serve' = 'build'): string {
  const dev = command === 'serve';
  const directives: [string, string][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['img-src', "'self' https: http: data: blob:"],
    ['media-src', "'none'"],
    ['style-src', dev ? "'self' 'unsafe-inline'" : "'self'"],
    ['font-src', "'self'"],
    ['connect-src', dev ? "'self' https: http: ws://localhost:* ws://127.0.0.1:*" : "'self' https: http:"],
    ['frame-src', "'none'"],
  ];
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}
