import type { SampleInfo } from '../model';
import { CONFIGURATION_HEADLINE, configurationLines, switchedOffText } from '../configWording';
import type { CsvCell } from './csvTable';

/** The pseudo-rule id CSV exports give the rows that tell of a broken configuration. */
export const CONFIGURATION_ROW = 'configuration';

/**
 * The configuration notice as CSV rows of `width` cells: `cell(line)` places the text in the
 * table's columns. Nothing when the configuration is sound.
 */
export function configurationCsvRows(
  sample: SampleInfo,
  width: number,
  cells: (text: string) => Record<number, CsvCell>,
): CsvCell[][] {
  if (!sample.configuration) return [];
  const lines = [CONFIGURATION_HEADLINE, ...configurationLines(sample.configuration, sample.folder)];
  return lines.map((line) => {
    const row: CsvCell[] = Array<CsvCell>(width).fill('');
    for (const [index, value] of Object.entries(cells(line))) row[Number(index)] = value;
    return row;
  });
}

export { switchedOffText };
