/**
 * A content fingerprint computed synchronously, so it can be taken inside an
 * IndexedDB upgrade transaction (which an await on crypto.subtle would let
 * commit early). Two independent 32-bit FNV-1a style lanes give 64 bits:
 * enough to notice that re-extracted content changed, not a security hash.
 */
export function contentHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}
