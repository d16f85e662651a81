import { stringify } from 'csv-stringify/sync';

/** A cell: text (from crime files, packs, or formatted by us) or a number we computed. */
export type CsvCell = string | number;

/**
 * A CSV table with a header row, safe to open in a spreadsheet: a text cell that Excel or
 * LibreOffice would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) gets a leading
 * `'` (csv-stringify's `escape_formulas`). Numbers are written as they are, negative or not.
 */
export function csvTable(columns: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  return stringify(rows as CsvCell[][], { header: true, columns: [...columns], escape_formulas: true });
}
