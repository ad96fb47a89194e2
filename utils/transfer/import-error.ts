/**
 * A file Folio refuses to import, with the sentence the user sees. Thrown by the
 * readers and parsers before anything is written; the pipeline shows `message`.
 */
export type ImportErrorCode =
  | 'too-large'
  | 'unknown-format'
  | 'not-a-zip'
  | 'truncated'
  | 'unsafe-path'
  | 'zip-bomb'
  | 'too-many'
  | 'unsupported-compression'
  | 'bad-csv'
  | 'bad-json'
  | 'empty';

export class ImportFileError extends Error {
  override name = 'ImportFileError';
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
  }
}
