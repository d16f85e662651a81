import * as path from 'node:path';
import { importExtract, type ImportOutcome } from '../node/importExtract';

export interface ImportCommandOptions {
  map: string;
  out: string;
  force?: boolean;
  cwd: string;
  onProgress?: (rows: number) => void;
}

/** `dipsample import`: paths relative to `cwd`; see importExtract for what it throws. */
export function runImport(options: ImportCommandOptions): Promise<ImportOutcome> {
  return importExtract({
    map: path.resolve(options.cwd, options.map),
    output: path.resolve(options.cwd, options.out),
    outputShown: options.out,
    force: options.force,
    onProgress: options.onProgress,
  });
}

/** What was imported, per table, for the terminal. */
export function renderImport(outcome: ImportOutcome, out: string): string {
  const lines = [`Imported ${outcome.crimes} crime file${outcome.crimes === 1 ? '' : 's'} into ${out}`];
  for (const table of outcome.rows)
    lines.push(
      `  ${table.file}: ${table.rows} rows${table.rejected ? `, ${table.rejected} rejected (named on stderr)` : ''}`,
    );
  return `${lines.join('\n')}\n`;
}
