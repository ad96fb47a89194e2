/**
 * CSV cells a spreadsheet would run as a formula. Excel, LibreOffice and
 * Google Sheets treat a cell starting with `=`, `+`, `-` or `@` as a formula
 * (and a leading tab or carriage return is stripped before that check), so a
 * saved title like `=HYPERLINK("https://evil.example", "Click")` would become a
 * live link or worse when the export is opened (OWASP "CSV injection").
 * Prefixing a `'` makes the cell text in all three.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Every string cell of a row neutralised; numbers stay numbers. */
export function neutralizeRow(row: readonly (string | number)[]): (string | number)[] {
  return row.map((cell) => (typeof cell === 'string' ? neutralizeCell(cell) : cell));
}
