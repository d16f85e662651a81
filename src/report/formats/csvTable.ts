import { stringify } from 'csv-stringify/sync';

/** A cell: text (from crime files, packs, or formatted by us) or a number we computed. */
export type CsvCell = string | number;

/**
 * Text a spreadsheet would run as a formula: starting, after any spaces, with `=`, `+`, `-` or `@`
 * (or their full-width forms, which Excel also accepts), or with a tab or carriage return.
 */
const FORMULA_START = /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/;

/** A text cell made inert for spreadsheets: a leading `'` makes Excel and LibreOffice show it as text. */
export function inertCell(cell: CsvCell): CsvCell {
  return typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * The one CSV writer of every output: a table with a header row, safe to open in a spreadsheet
 * (text cells that would run as formulas get a leading `'`; numbers are written as they are,
 * negative or not).
 */
export function csvTable(columns: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  return stringify(
    rows.map((row) => row.map(inertCell)),
    { header: true, columns: [...columns] },
  );
}
