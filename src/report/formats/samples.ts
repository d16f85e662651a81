import type { Breakdown, RuleRow, SampleReport, VerdictSummary } from '../model';
import { headerItems, shareText, verdictStatusText, type ShareKind } from '../wording';
import { csvTable, type CsvCell } from './csvTable';
import { escapeMarkdown as md } from './escapeMarkdown';
import { FILE_RULE_COLUMNS, fileRuleRows } from './fileRuleCsv';
import { section, standalonePage } from './htmlPage';
import { html } from './htmlTemplate';
import { FORMATS, type SampleFormatId, type SampleInput } from './index';
import { markdownTable } from './markdownTable';
import { SAMPLES_TOTAL as TOTAL, samplesRulesCaption } from '../sampleGroups';
import { SUMMARY_COLUMNS, summaryRows } from './summaryCsv';
import { VERDICT_COLUMNS, verdictRows } from './verdictsCsv';
import { BREAKDOWN_COLUMNS, breakdownCsvRows, breakdownsCsv } from './breakdownsCsv';

/** One sample of a report across samples: its report, its file reports, and the folder as given. */
export interface SampleOfMany extends SampleInput {
  path: string;
}

/** What `dipsample report <sample…>` renders: every sample in the order given, and their total. */
export interface SamplesInput {
  samples: SampleOfMany[];
  /** Every file of every sample tallied together. */
  total: SampleReport;
  generated?: string;
  /** The share the rules tables show: failed (default) or passed. */
  share?: ShareKind;
}

export const SAMPLES_REPORT_FORMAT = 'dipsample-report/1';

/** The JSON of a report across samples (contract: `samples[].{path, name, force, rules}`, `total.{files, rules}`). */
export interface SamplesJson {
  format: typeof SAMPLES_REPORT_FORMAT;
  samples: Array<{
    path: string;
    name: string;
    force?: string;
    period?: SampleReport['sample']['period'];
    files: number;
    rules: RuleRow[];
    verdicts: VerdictSummary[];
    /** The sample's breakdowns (category × attendance, domestic abuse): outcome counts per group. */
    breakdowns: Breakdown[];
    outcomes: SampleReport['outcomes'];
    timeliness: SampleReport['timeliness'];
    actions: SampleReport['actions'];
  }>;
  total: { files: number; rules: RuleRow[] };
}

export function samplesJson(input: SamplesInput): SamplesJson {
  return {
    format: SAMPLES_REPORT_FORMAT,
    samples: input.samples.map(({ path, report }) => ({
      path,
      name: report.sample.name,
      ...(report.sample.force !== undefined ? { force: report.sample.force } : {}),
      ...(report.sample.period !== undefined ? { period: report.sample.period } : {}),
      files: report.totals.files,
      rules: report.rules,
      verdicts: report.verdicts,
      breakdowns: report.breakdowns,
      outcomes: report.outcomes,
      timeliness: report.timeliness,
      actions: report.actions,
    })),
    total: { files: input.total.totals.files, rules: input.total.rules },
  };
}

const forceOf = (report: SampleReport) => report.sample.force ?? report.sample.name;

/** The rule rows of every sample, then the total's: a row group per sample and one for the total. */
function groupedRows(input: SamplesInput): Array<{ sample: string; force: string; rule: RuleRow; total: boolean }> {
  return [
    ...input.samples.flatMap(({ report }) =>
      report.rules.map((rule) => ({ sample: report.sample.name, force: forceOf(report), rule, total: false })),
    ),
    ...input.total.rules.map((rule) => ({ sample: TOTAL, force: '', rule, total: true })),
  ];
}

function samplesMarkdown(input: SamplesInput): string {
  const out = [`# ${md(`Report across ${input.samples.length} samples`)}`, ''];
  out.push(
    ...markdownTable(
      ['Sample', 'Force', 'Period', ['Files', 'right']],
      [
        ...input.samples.map(({ report }) => [
          report.sample.name,
          report.sample.force ?? '',
          headerItems(report).find((item) => item.label === 'Period')?.value ?? '',
          report.totals.files,
        ]),
        [TOTAL, '', '', input.total.totals.files],
      ],
    ),
    '',
    '## Rules',
    '',
    `A row group per sample, then the total; % ${input.share ?? 'failed'} of the files each rule was decided for, with its 95% Wilson interval.`,
    '',
    ...markdownTable(
      [
        'Sample',
        'Rule',
        ['Failed', 'right'],
        ['Passed', 'right'],
        ['N/A', 'right'],
        ['Awaiting', 'right'],
        '% failed (95% CI), n',
      ],
      groupedRows(input).map(({ sample, rule }) => [
        sample,
        `${rule.title} (${rule.rule})`,
        rule.failed,
        rule.passed,
        rule.notApplicable,
        rule.awaitingJudgment,
        shareText(rule, input.share),
      ]),
    ),
    '',
  );
  const verdicts = input.samples.flatMap(({ report }) => report.verdicts.map((verdict) => ({ report, verdict })));
  if (verdicts.length > 0)
    out.push(
      '## Verdicts',
      '',
      ...markdownTable(
        ['Sample', 'Verdict', 'Status', 'Failed files / applicable', 'Threshold'],
        verdicts.map(({ report, verdict }) => [
          report.sample.name,
          `${verdict.title} (${verdict.verdict})`,
          verdictStatusText(verdict),
          `${verdict.failedFiles}/${verdict.applicableFiles}`,
          verdict.threshold,
        ]),
      ),
      '',
    );
  return `${out.join('\n').trimEnd()}\n`;
}

function samplesHtml(input: SamplesInput): string {
  const groups = [
    ...input.samples.map(({ report }) => ({
      name: report.sample.name,
      force: report.sample.force,
      rules: report.rules,
    })),
    { name: TOTAL, force: undefined, rules: input.total.rules },
  ];
  const bodies = groups.map(
    (group) => html`<tbody${group.name === TOTAL && html` class="total"`}>
<tr><th scope="rowgroup" colspan="6">${group.name}${group.force !== undefined && group.force !== group.name && html` <span class="note">(${group.force})</span>`}</th></tr>
${group.rules.map(
  (rule) =>
    html`<tr><th scope="row">${rule.title} <span class="note">(${rule.rule})</span></th><td class="num">${rule.failed}</td><td class="num">${rule.passed}</td><td class="num">${rule.notApplicable}</td><td class="num">${rule.awaitingJudgment}</td><td class="share">${shareText(rule, input.share)}</td></tr>
`,
)}</tbody>
`,
  );
  const samples = html`<table>
<caption>Samples</caption>
<thead><tr><th scope="col">Sample</th><th scope="col">Force</th><th scope="col">Files</th></tr></thead>
<tbody>
${input.samples.map(({ report }) => html`<tr><th scope="row">${report.sample.name}</th><td>${report.sample.force ?? ''}</td><td class="num">${report.totals.files}</td></tr>`)}
<tr class="total"><th scope="row">${TOTAL}</th><td></td><td class="num">${input.total.totals.files}</td></tr>
</tbody>
</table>`;
  const rules = html`<table>
<caption>${samplesRulesCaption(input.share)}</caption>
<thead><tr><th scope="col">Rule</th><th scope="col">Failed</th><th scope="col">Passed</th><th scope="col">N/A</th><th scope="col">Awaiting</th><th scope="col">% ${input.share ?? 'failed'} (95% CI)</th></tr></thead>
${bodies}</table>`;
  return standalonePage({
    title: `Report across ${input.samples.length} samples`,
    main: html`${section('samples', 'Samples', samples)}${section('rules', 'Rules', rules)}`,
    footer: html`Report across samples by dipsample${input.generated !== undefined && html`, generated ${input.generated}`}. Percentages are of the files each rule was decided for; intervals are 95% Wilson score intervals.`,
  });
}

/** Rows with `sample` and `force` columns in front. */
function prefixed(
  columns: readonly string[],
  parts: Array<{ sample: string; force: string; rows: CsvCell[][] }>,
): string {
  return csvTable(
    ['sample', 'force', ...columns],
    parts.flatMap((part) => part.rows.map((row) => [part.sample, part.force, ...row])),
  );
}

function samplesSummaryCsv(input: SamplesInput): string {
  return prefixed(SUMMARY_COLUMNS, [
    ...input.samples.map(({ report }) => ({
      sample: report.sample.name,
      force: forceOf(report),
      rows: summaryRows(report),
    })),
    { sample: TOTAL, force: '', rows: summaryRows(input.total) },
  ]);
}

function samplesVerdictsCsv(input: SamplesInput): string {
  return prefixed(
    VERDICT_COLUMNS,
    input.samples.map(({ report }) => ({
      sample: report.sample.name,
      force: forceOf(report),
      rows: verdictRows(report),
    })),
  );
}

function samplesFilesCsv(input: SamplesInput): string {
  return prefixed(
    FILE_RULE_COLUMNS,
    input.samples.map(({ report, reports }) => ({
      sample: report.sample.name,
      force: forceOf(report),
      rows: fileRuleRows(report.sample, reports, report.rules),
    })),
  );
}

function samplesBreakdownsCsv(input: SamplesInput): string {
  return prefixed(BREAKDOWN_COLUMNS, [
    ...input.samples.map(({ report }) => ({
      sample: report.sample.name,
      force: forceOf(report),
      rows: breakdownCsvRows(report),
    })),
    { sample: TOTAL, force: '', rows: breakdownCsvRows(input.total) },
  ]);
}

export interface SamplesFormat {
  label: string;
  extension: string;
  render(input: SamplesInput): string;
}

/** A sample format's own rendering for one sample; the across-samples rendering for several. */
const oneOrMany =
  (id: SampleFormatId, many: (input: SamplesInput) => string) =>
  (input: SamplesInput): string =>
    input.samples.length === 1
      ? FORMATS[id].render({ ...input.samples[0], generated: input.generated, share: input.share })
      : many(input);

/**
 * Every format of `dipsample report <sample…>`: the sample formats (one sample renders exactly as
 * it always has), each with its across-samples form, and `json` (one sample or several).
 */
export const REPORT_FORMATS = {
  markdown: { label: FORMATS.markdown.label, extension: 'md', render: oneOrMany('markdown', samplesMarkdown) },
  html: { label: FORMATS.html.label, extension: 'html', render: oneOrMany('html', samplesHtml) },
  json: { label: 'JSON', extension: 'json', render: (input) => `${JSON.stringify(samplesJson(input), null, 2)}\n` },
  'csv-files': { label: FORMATS['csv-files'].label, extension: 'csv', render: oneOrMany('csv-files', samplesFilesCsv) },
  'csv-summary': {
    label: FORMATS['csv-summary'].label,
    extension: 'csv',
    render: oneOrMany('csv-summary', samplesSummaryCsv),
  },
  'csv-verdicts': {
    label: FORMATS['csv-verdicts'].label,
    extension: 'csv',
    render: oneOrMany('csv-verdicts', samplesVerdictsCsv),
  },
  // Not a summary export yet (the editor's export buttons list FORMATS): the CLI's report only.
  'csv-breakdowns': {
    label: 'CSV: one row per breakdown group and rule',
    extension: 'csv',
    render: (input) =>
      input.samples.length === 1 ? breakdownsCsv(input.samples[0].report) : samplesBreakdownsCsv(input),
  },
} as const satisfies Record<string, SamplesFormat>;

export type ReportFormatId = keyof typeof REPORT_FORMATS;
export const REPORT_FORMAT_IDS = Object.keys(REPORT_FORMATS) as ReportFormatId[];
