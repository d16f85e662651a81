import { formatCsv } from './csv';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatText } from './text';

export const OUTPUT_FORMATS = { text: formatText, json: formatJson, sarif: formatSarif, csv: formatCsv } as const;
export type OutputFormat = keyof typeof OUTPUT_FORMATS;
export type { AuditRun } from './auditRun';
