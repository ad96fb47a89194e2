// The readerable check ships as its own file so the content script can import it
// without the whole Readability parser; the package types only its main entry.
declare module '@mozilla/readability/Readability-readerable.js' {
  export function isProbablyReaderable(
    document: Document,
    options?: { minContentLength?: number; minScore?: number; visibilityChecker?: (node: Node) => boolean },
  ): boolean;
}
