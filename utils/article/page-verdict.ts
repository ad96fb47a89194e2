/**
 * The content script's last detection verdict, left in the extension's isolated
 * world of the page. The extractor is injected into that same world (scripting
 * API default), so it can see that detection already said "article" for this
 * very URL and skip running it again: ~11 ms on a 1 MB page, on the "Open
 * reader view" critical path. The page's own scripts live in another world and
 * cannot see or forge it.
 */
interface VerdictScope {
  __folioVerdict?: { url: string; isArticle: boolean };
}

export function rememberVerdict(url: string, isArticle: boolean): void {
  (globalThis as VerdictScope).__folioVerdict = { url, isArticle };
}

/** True when the content script found this URL to be an article. */
export function knownArticle(url: string): boolean {
  const verdict = (globalThis as VerdictScope).__folioVerdict;
  return verdict?.url === url && verdict.isArticle;
}
