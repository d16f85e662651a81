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
  return csvHeader(columns) + csvRows(rows);
}

/** A table's header row alone: the first piece of a table written row by row. */
export function csvHeader(columns: readonly string[]): string {
  return stringify([], { header: true, columns: [...columns] });
}

/** Rows of a table whose header is written already, made inert as `csvTable` makes them. */
export function csvRows(rows: ReadonlyArray<readonly CsvCell[]>): string {
  return rows.length === 0 ? '' : stringify(rows.map((row) => row.map(inertCell)));
}
