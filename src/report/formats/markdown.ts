import type { Breakdown, RuleRow, SampleReport } from '../model';
import { breakdownRuleTables, breakdownShareText } from '../breakdownRuleTables';
import { escapeMarkdown as md } from './escapeMarkdown';
import { markdownTable } from './markdownTable';
import { actionListMarkdown } from './actionListFormats';
import { outcomesMarkdown } from './outcomesAndTimeliness';
import {
  breakdownRows,
  headerItems,
  lineOf,
  overrideShare,
  shareText,
  type ShareKind,
  unauditedNote,
  verdictStatusText,
} from '../wording';
import { configurationNoticeText, switchedOffText } from '../configWording';

/**
 * The sample report as a Markdown document, ready to paste into an inspection report: header,
 * rules with failed shares and 95% Wilson intervals, verdicts, the category × attendance and
 * domestic abuse breakdowns, and the files with findings. Every value is escaped for Markdown.
 */
export function sampleMarkdown(report: SampleReport, options: { share?: ShareKind } = {}): string {
  const kind = options.share ?? 'failed';
  const out: string[] = [`# ${md(report.sample.name)}`, ''];
  for (const { label, value } of headerItems(report)) out.push(`- **${md(label)}:** ${md(value)}`);
  out.push('');
  const [headline, ...notice] = configurationNoticeText(report.sample);
  if (headline !== undefined) {
    out.push(`> **Warning: ${md(headline)}**`, '>', ...notice.map((line) => `> - ${md(line)}`), '');
  }

  out.push('## Rules', '');
  if (report.rules.length === 0 && !report.sample.switchedOff?.length) out.push('No rules were run.');
  else {
    out.push(
      ...markdownTable(
        [
          'Rule',
          ['Failed', 'right'],
          ['Passed', 'right'],
          ['N/A', 'right'],
          ['Awaiting', 'right'],
          `% ${kind} (95% CI)`,
        ],
        report.rules
          .map((rule) => [
            `${rule.title} (${rule.rule})`,
            rule.failed,
            rule.passed,
            rule.notApplicable,
            rule.awaitingJudgment,
            shareText(rule, kind),
          ])
          .concat(
            (report.sample.switchedOff ?? []).map((rule) => [
              `${rule.title} (${rule.rule})`,
              '—',
              '—',
              '—',
              '—',
              switchedOffText(rule, report.sample.folder),
            ]),
          ),
      ),
    );
    const unaudited = unauditedNote(report.totals, report.rules);
    if (unaudited !== undefined) out.push('', unaudited);
  }
  out.push('');

  out.push('## Verdicts', '');
  if (report.verdicts.length === 0) out.push('The rule packs declare no sample-level verdicts.');
  else {
    out.push(
      ...markdownTable(
        ['Verdict', 'Status', ['Failed files / applicable', 'right'], 'Threshold'],
        report.verdicts.map((verdict) => [
          `${verdict.title} (${verdict.verdict})`,
          verdictStatusText(verdict),
          `${verdict.failedFiles}/${verdict.applicableFiles}`,
          verdict.threshold,
        ]),
      ),
    );
  }
  out.push('');

  for (const breakdown of report.breakdowns) out.push(...breakdownMarkdown(breakdown, report.rules, kind));

  out.push(
    ...actionListMarkdown(report.actions),
    ...outcomesMarkdown(report),
    ...reviewSection(report),
    '## Files with findings',
    '',
  );
  if (report.files.length === 0) out.push('No file has findings.');
  else {
    out.push(
      ...markdownTable(
        ['File', 'Reference', 'Rule', 'Severity', ['Line', 'right'], 'Message'],
        report.files.flatMap((file) =>
          file.findings.map((finding) => [
            file.name,
            file.reference ?? '',
            finding.rule,
            finding.severity,
            lineOf(finding.range),
            finding.message,
          ]),
        ),
      ),
    );
  }
  return `${out.join('\n')}\n`;
}

/**
 * A breakdown: its groups with their files, then one short table per rule (group, failed, passed,
 * share with its 95% interval and n) rather than a grid with a column per rule, which 27 rules make
 * unreadable. Rules decided for no file are named in one line instead of a table of dashes.
 */
function breakdownMarkdown(breakdown: Breakdown, rules: readonly RuleRow[], kind: ShareKind): string[] {
  const width = breakdown.dimensions.length;
  const labels = (row: { labels: string[]; total: boolean }) =>
    row.total ? [row.labels[0], ...Array<string>(width - 1).fill('')] : row.labels;
  const out = [`## ${md(breakdown.title)}`, ''];
  out.push(
    ...markdownTable(
      [...breakdown.dimensions, ['Files', 'right'], ['Failing any rule', 'right']],
      breakdownRows(breakdown, rules).map((row) => [...labels(row), row.files, row.filesFailingAny]),
    ),
    '',
  );
  const tables = breakdownRuleTables(breakdown, rules);
  const decided = tables.filter((table) => table.rule.applicable > 0);
  if (decided.length > 0)
    out.push(
      `Each rule: the files it failed and passed in each group, and the % ${kind} of the files it was decided for there, with its 95% Wilson interval.`,
      '',
    );
  for (const { rule, rows } of decided) {
    out.push(
      `### ${md(rule.title)} (${md(rule.rule)})`,
      '',
      ...markdownTable(
        [...breakdown.dimensions, ['Failed', 'right'], ['Passed', 'right'], `% ${kind} (95% CI)`],
        rows.map((row) => [...labels(row), row.failed, row.passed, breakdownShareText(row, kind)]),
      ),
      '',
    );
  }
  const undecided = tables.filter((table) => table.rule.applicable === 0);
  if (undecided.length > 0)
    out.push(
      `Decided for no file: ${undecided.map(({ rule }) => `${md(rule.title)} (${md(rule.rule)})`).join(', ')}.`,
      '',
    );
  return out;
}

/**
 * What reviewers decided: per rule, how many files they reviewed, how often they overrode the
 * machine and where they disagree; then every decision with its note (inspectors quote them).
 * Nothing when no one has reviewed the sample.
 */
function reviewSection(report: SampleReport): string[] {
  const reviewed = report.rules.filter((rule) => rule.reviewed > 0 || rule.disputed > 0);
  if (reviewed.length === 0 && report.reviews.length === 0) return [];
  return [
    '## Reviews',
    '',
    ...markdownTable(
      [
        'Rule',
        ['Reviewed', 'right'],
        ['Overridden', 'right'],
        ['Confirmed', 'right'],
        ['Disputed', 'right'],
        ['Awaiting', 'right'],
      ],
      reviewed.map((rule) => [
        `${rule.title} (${rule.rule})`,
        rule.reviewed,
        rule.judgment ? '—' : overrideShare(rule),
        rule.judgment ? '—' : rule.confirmed,
        rule.disputed,
        rule.awaitingJudgment,
      ]),
    ),
    '',
    'Overridden: files where a reviewer replaced the machine check’s outcome, of the files reviewed on that check.',
    '',
    ...markdownTable(
      ['File', 'Reference', 'Rule', 'Decision', 'Reviewer', 'Note'],
      report.reviews.map((review) => [
        review.name,
        review.reference ?? '',
        review.rule,
        review.text,
        review.reviewers.join(', '),
        review.note ?? '',
      ]),
    ),
    '',
  ];
}
