/**
 * Bytes to text for imports. Exports from Pocket, Instapaper, Omnivore and the
 * browsers are UTF-8; a file that is not (an old Instapaper CSV saved by a
 * spreadsheet, a bookmarks file from an old Windows browser) is read as
 * Windows-1252, which never fails, and the preview says so, because a wrong
 * guess shows as odd accents rather than as lost rows.
 */
export interface DecodedText {
  text: string;
  /** The encoding used: 'utf-8', 'utf-16le', 'utf-16be' or 'windows-1252' (the fallback). */
  encoding: string;
  /** Set when the text was not valid UTF-8 and a fallback was used. */
  warning: string | null;
}

export function decodeText(bytes: Uint8Array, name = 'The file'): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', warning: null };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', warning: null };
  try {
    // fatal: a byte sequence that is not UTF-8 throws instead of becoming U+FFFD silently.
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8', warning: null };
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(bytes),
      encoding: 'windows-1252',
      warning: `${name} is not UTF-8 text; Folio read it as Windows-1252 (Western European). If accents look wrong, save it again as UTF-8 and import that.`,
    };
  }
}
