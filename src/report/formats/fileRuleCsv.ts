import { notAudited, type FileReport, type RuleResult } from '../../engine';
import type { RuleRow, SampleInfo } from '../model';
import { relativeName } from '../sampleReport';
import { csvTable, type CsvCell } from './csvTable';
import { OUTCOME_LABELS } from '../wording';
import { CONFIGURATION_ROW, configurationCsvRows, switchedOffText } from './configRows';

export const FILE_RULE_COLUMNS = [
  'file',
  'reference',
  'category',
  'attendance',
  'domestic_abuse',
  'rule',
  'rule_title',
  'outcome',
  'judgment',
  'findings',
  'first_line',
  'message',
  'reviewer',
  'note',
  'machine_outcome',
  'disputed',
] as const;

/**
 * One row per file × rule, for reviewers who pivot in a spreadsheet: the file (relative to the
 * sample folder), its facts, the rule's outcome and the reviewer's recorded judgment, and the
 * number, first line and first message of the rule's findings; who reviewed it, their note, the
 * machine's outcome where a reviewer overrode or confirmed it, and whether reviewers disagree. Files by name, rules in the order
 * given. `outcome` is "not audited" for a file with a syntax error (no rule could be judged) and
 * blank for a rule the file's configuration did not run.
 */
export function fileRuleCsv(sample: SampleInfo, reports: Iterable<FileReport>, rules: readonly RuleRow[]): string {
  const width = FILE_RULE_COLUMNS.length;
  // A broken configuration first (rule "configuration", outcome "not audited"); switched-off rules
  // last, one row each with outcome "switched off": what was not audited is never silent.
  const notice = configurationCsvRows(sample, width, (text) => ({
    5: CONFIGURATION_ROW,
    6: 'Configuration problem',
    7: OUTCOME_LABELS.notAudited,
    11: text,
  }));
  const off = (sample.switchedOff ?? []).map((rule) => {
    const row: CsvCell[] = Array<CsvCell>(width).fill('');
    row[5] = rule.rule;
    row[6] = rule.title;
    row[7] = 'switched off';
    row[11] = switchedOffText(rule, sample.folder);
    return row;
  });
  return csvTable(FILE_RULE_COLUMNS, [...notice, ...fileRuleRows(sample, reports, rules), ...off]);
}

/** The rows of `fileRuleCsv`, for tables that put columns in front (a report across samples). */
export function fileRuleRows(
  sample: SampleInfo,
  reports: Iterable<FileReport>,
  rules: readonly RuleRow[],
): CsvCell[][] {
  const files = [...reports]
    .map((report) => ({ report, name: relativeName(report.path, sample.folder) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const rows: CsvCell[][] = [];
  for (const { report, name } of files) {
    const results = new Map<string, RuleResult>(report.results.map((result) => [result.rule, result]));
    const facts = report.facts;
    for (const rule of rules) {
      const result = results.get(rule.rule);
      const findings = report.findings.filter((finding) => finding.rule === rule.rule);
      const first = findings[0];
      rows.push([
        name,
        report.reference ?? '',
        facts?.category ?? '',
        facts?.attendance ?? '',
        facts?.domesticAbuse === undefined ? '' : facts.domesticAbuse ? 'yes' : 'no',
        rule.rule,
        rule.title,
        result ? OUTCOME_LABELS[result.outcome] : notAudited(report) ? OUTCOME_LABELS.notAudited : '',
        result?.judgment ?? '',
        findings.length,
        first ? first.range.start.line + 1 : '',
        first?.message ?? '',
        result?.disputed?.map((position) => position.reviewer).join(', ') ??
          (result?.reviewers ?? (result?.reviewer !== undefined ? [result.reviewer] : [])).join(', '),
        result?.disputed
          ?.flatMap((position) => (position.note ? [`${position.reviewer}: ${position.note}`] : []))
          .join('; ') ??
          result?.note ??
          '',
        result?.machineOutcome !== undefined ? OUTCOME_LABELS[result.machineOutcome] : '',
        result?.disputed ? 'yes' : '',
      ]);
    }
  }
  return rows;
}
