import { failedPercent } from '../share';
import { printable } from './printable';
import { wilsonInterval } from '../wilson';
import type { FileReport } from '../../engine';
import type { AuditRun, AuditRunEnd, AuditRunHead } from '../model';
import { renderWhole, type AuditWriter } from './auditStream';
import { hiddenFindingsText } from './errorsOnly';
import { NO_PAINT, type AuditRenderOptions, type Paint, type PaintStyle } from './paint';
import {
  awaitingFilesText,
  nationalComparisonText,
  reviewText,
  shareWithInterval,
  VERDICT_STATUS_LABELS,
} from '../wording';

const SEVERITY_LABEL: Record<string, string> = {
  error: 'error',
  warning: 'warning',
  information: 'info',
  hint: 'hint',
};

/**
 * Human-readable report: findings per file (files without findings are left out), then the sample
 * summary. `paint` colours it (the CLI on a terminal); padding is outside the colours.
 */
export function textReport(run: AuditRun, options: AuditRenderOptions = {}): string {
  return renderWhole(textWriter, run, options);
}

/** The text report written file by file. */
export function textWriter(_head: AuditRunHead, { paint = NO_PAINT }: AuditRenderOptions = {}): AuditWriter {
  return {
    head: () => '',
    file: (file) => fileLines(file, paint),
    tail: (end) => `${summaryLines(end, paint).join('\n')}\n`,
  };
}

/** A file's findings and review results, then a blank line; nothing for a file with neither. */
function fileLines(file: FileReport, paint: Paint): string {
  const reviewed = file.results.filter((result) => result.reviewer !== undefined);
  if (file.findings.length === 0 && reviewed.length === 0) return '';
  const lines = [paint('path', printable(file.reference ? `${file.path}  (${file.reference})` : file.path))];
  for (const finding of file.findings) {
    const where = `${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
    const label = SEVERITY_LABEL[finding.severity];
    lines.push(
      `  ${where.padEnd(8)}${paint(finding.severity as PaintStyle, label)}${' '.repeat(Math.max(1, 9 - label.length))}${printable(finding.message)}  ${paint('rule', `[${finding.rule}]`)}`,
    );
  }
  for (const result of reviewed)
    lines.push(`  ${'review'.padEnd(17)}${printable(reviewText(result))}  [${result.rule}]`);
  return `${lines.join('\n')}\n\n`;
}

function summaryLines(run: AuditRunEnd, paint: Paint): string[] {
  const { summary } = run;
  const lines: string[] = [];
  const problems: string[] = [];
  if (summary.filesWithSyntaxErrors) problems.push(`${summary.filesWithSyntaxErrors} unreadable (syntax errors)`);
  if (summary.filesWithSchemaErrors) problems.push(`${summary.filesWithSchemaErrors} breaking the crime-file schema`);
  if (summary.filesWithInternalErrors) {
    problems.push(`${summary.filesWithInternalErrors} NOT AUDITED (internal error: the results are incomplete)`);
  }
  lines.push(
    `${paint('heading', 'Sample summary:')} ${summary.files} file${summary.files === 1 ? '' : 's'} audited${problems.length ? `; ${problems.join(', ')}` : ''}`,
  );
  if (summary.rules.length === 0) return lines;
  const width = Math.max(4, ...summary.rules.map((r) => r.rule.length));
  const judged = summary.rules.some((rule) => rule.awaitingJudgment > 0);
  const unaudited = summary.rules.some((rule) => rule.notAudited > 0);
  lines.push(
    `  ${'rule'.padEnd(width)}  failed  passed  n/a ${judged ? '  awaiting' : ''}${unaudited ? '  not audited' : ''}  failed % of applicable (95% CI), n`,
  );
  for (const rule of summary.rules) {
    const percent = failedPercent(rule);
    const interval = wilsonInterval(rule.failed, rule.failed + rule.passed);
    const share =
      percent === undefined || !interval
        ? '—'
        : `${shareWithInterval({ failedPercent: percent, interval })}, ${rule.failed} of ${rule.failed + rule.passed}`;
    const awaiting = judged ? `  ${String(rule.awaitingJudgment).padStart(8)}` : '';
    const notAudited = unaudited ? `  ${String(rule.notAudited).padStart(11)}` : '';
    lines.push(
      `  ${rule.rule.padEnd(width)}  ${String(rule.failed).padStart(6)}  ${String(rule.passed).padStart(6)}  ${String(rule.notApplicable).padStart(4)}${awaiting}${notAudited}  ${share}`,
    );
  }
  if (unaudited)
    lines.push('  (not audited: the file was unreadable, or the rule read a field that breaks the crime-file schema)');
  if (judged)
    lines.push('  (awaiting: judgment criteria no reviewer has answered yet; they count neither as passed nor failed)');
  for (const verdict of summary.verdicts) {
    // Decided and awaited verdicts stand out in capitals; "not applicable" stays quiet.
    const label = VERDICT_STATUS_LABELS[verdict.status];
    const status =
      verdict.status === 'notApplicable'
        ? label
        : verdict.status === 'awaitingJudgment'
          ? `${label.toUpperCase()} ${awaitingFilesText(verdict.awaitingFiles)}`
          : label.toUpperCase() + nationalComparisonText(verdict);
    lines.push(
      `Verdict ${verdict.verdict}: ${status} — ${verdict.failedFiles} of ${verdict.applicableFiles} files fail (${verdict.threshold})`,
    );
  }
  const { error, warning, information, hint } = summary.findings;
  const hidden = hiddenFindingsText(run);
  lines.push(
    `Findings: ${error} error, ${warning} warning, ${information} information, ${hint} hint${hidden ? ` (${hidden})` : ''}`,
  );
  return lines;
}
