import type { RuleRow, SampleReport } from '../model';
import { html, type Html } from './htmlTemplate';
import { section, standalonePage } from './htmlPage';
import { breakdownRuleTables, breakdownShareText } from '../breakdownRuleTables';
import { actionListHtml } from './actionListFormats';
import { outcomesHtml } from './outcomesAndTimeliness';
import {
  breakdownRows,
  headerItems,
  lineOf,
  shareDescription,
  shareOf,
  shareText,
  type ShareKind,
  overrideShare,
  unauditedNote,
  verdictStatusText,
} from '../wording';
import { configurationNoticeText, switchedOffText } from '../configWording';

export interface HtmlOptions {
  /** When the report was made (e.g. an ISO timestamp), shown in the footer. */
  generated?: string;
  /** The share the rules table shows: failed (default) or passed. */
  share?: ShareKind;
}

/** Bar width in SVG units for 100%. */
const BAR = 200;

/** A horizontal bar of the failed share with its 95% CI whisker, described for screen readers. */
function shareBar(rule: RuleRow, kind: ShareKind): Html | undefined {
  const share = shareOf(rule, kind);
  if (!share) return undefined;
  const x = (value: number) => Math.round(value * BAR) / 100;
  const [low, high, value] = [x(share.low), x(share.high), x(share.percent)];
  const description = shareDescription(rule, kind);
  return html`<svg role="img" aria-label="${description}" width="${BAR}" height="14" viewBox="0 0 ${BAR} 14" xmlns="http://www.w3.org/2000/svg"><title>${description}</title><rect class="track" x="0" y="3" width="${BAR}" height="8"/><rect class="bar" x="0" y="3" width="${value}" height="8"/><path class="whisker" d="M${low} 7H${high}M${low} 2V12M${high} 2V12"/></svg>`;
}

function rulesTable(report: SampleReport, kind: ShareKind): Html {
  if (report.rules.length === 0 && !report.sample.switchedOff?.length) return html`<p>No rules were run.</p>`;
  const rows = report.rules.map(
    (
      rule,
    ) => html`<tr><th scope="row">${rule.title} <span class="note">(${rule.rule})</span></th><td class="num">${rule.failed}</td><td class="num">${rule.passed}</td><td class="num">${rule.notApplicable}</td><td class="num">${rule.awaitingJudgment}</td><td class="share">${shareText(rule, kind)}${shareBar(rule, kind)}</td></tr>
`,
  );
  const unaudited = unauditedNote(report.totals, report.rules);
  return html`<table>
<caption>Outcome per rule; % ${kind} of the files each rule was decided for, with its 95% Wilson interval</caption>
<thead><tr><th scope="col">Rule</th><th scope="col">Failed</th><th scope="col">Passed</th><th scope="col">N/A</th><th scope="col">Awaiting</th><th scope="col">% ${kind} (95% CI)</th></tr></thead>
<tbody>
${rows}${switchedOffRows(report)}</tbody>
</table>
${unaudited !== undefined && html`<p class="note">${unaudited}</p>`}`;
}

/** Rules the configuration switched off: listed under the others, never dropped. */
function switchedOffRows(report: SampleReport): Html[] {
  return (report.sample.switchedOff ?? []).map(
    (rule) =>
      html`<tr class="switched-off"><th scope="row">${rule.title} <span class="note">(${rule.rule})</span></th><td colspan="5" class="note">${switchedOffText(rule, report.sample.folder)}</td></tr>
`,
  );
}

/** The broken configuration's notice, above everything else; nothing when it is sound. */
function configurationNotice(report: SampleReport): Html | undefined {
  const [headline, ...lines] = configurationNoticeText(report.sample);
  if (headline === undefined) return undefined;
  return html`<div class="config-notice" role="alert"><p><strong>Warning: ${headline}</strong></p>
<ul>
${lines.map(
  (line) => html`<li>${line}</li>
`,
)}</ul></div>
`;
}

function verdictsTable(report: SampleReport): Html {
  if (report.verdicts.length === 0) return html`<p>The rule packs declare no sample-level verdicts.</p>`;
  const rows = report.verdicts.map(
    (
      verdict,
    ) => html`<tr><th scope="row">${verdict.title} <span class="note">(${verdict.verdict})</span></th><td class="status-${verdict.status}">${verdictStatusText(verdict)}</td><td class="num">${verdict.failedFiles}/${verdict.applicableFiles}</td><td>${verdict.threshold}</td></tr>
`,
  );
  return html`<table>
<caption>Sample-level verdicts</caption>
<thead><tr><th scope="col">Verdict</th><th scope="col">Status</th><th scope="col">Failed files / applicable</th><th scope="col">Threshold</th></tr></thead>
<tbody>
${rows}</tbody>
</table>`;
}

/**
 * Each breakdown: its groups with their files, then one short table per rule (group, failed,
 * passed, share with its 95% interval and n), never a grid with a column per rule; rules decided
 * for no file are named in one line.
 */
function breakdownTables(report: SampleReport, kind: ShareKind): Html[] {
  return report.breakdowns.map((breakdown, index) => {
    const labels = (row: { labels: string[]; total: boolean }) =>
      row.total
        ? html`<th scope="row" colspan="${breakdown.dimensions.length}">${row.labels[0]}</th>`
        : row.labels.map((label) => html`<th scope="row">${label}</th>`);
    const dimensions = breakdown.dimensions.map((dimension) => html`<th scope="col">${dimension}</th>`);
    const groups = breakdownRows(breakdown, report.rules).map(
      (row) =>
        html`<tr${row.total && html` class="total"`}>${labels(row)}<td class="num">${row.files}</td><td class="num">${row.filesFailingAny}</td></tr>
`,
    );
    const tables = breakdownRuleTables(breakdown, report.rules);
    const ruleTables = tables
      .filter((table) => table.rule.applicable > 0)
      .map(({ rule, rows }, ruleIndex) => {
        const id = `breakdown-${index + 1}-rule-${ruleIndex + 1}`;
        const body = rows.map(
          (row) =>
            html`<tr${row.total && html` class="total"`}>${labels(row)}<td class="num">${row.failed}</td><td class="num">${row.passed}</td><td class="num">${breakdownShareText(row, kind)}</td></tr>
`,
        );
        return html`<h3 id="${id}">${rule.title} <span class="note">(${rule.rule})</span></h3>
<table>
<caption>${breakdown.title}: ${rule.rule}, files failed and passed; % ${kind} of the files it was decided for (95% Wilson interval)</caption>
<thead><tr>${dimensions}<th scope="col">Failed</th><th scope="col">Passed</th><th scope="col">% ${kind} (95% CI)</th></tr></thead>
<tbody>
${body}</tbody>
</table>
`;
      });
    const undecided = tables.filter((table) => table.rule.applicable === 0);
    return section(
      `breakdown-${index + 1}`,
      breakdown.title,
      html`<table>
<caption>${breakdown.title}: files, and files failing any rule</caption>
<thead><tr>${dimensions}<th scope="col">Files</th><th scope="col">Failing any rule</th></tr></thead>
<tbody>
${groups}</tbody>
</table>
${ruleTables}${
        undecided.length > 0 &&
        html`<p class="note">Decided for no file: ${undecided.map(({ rule }) => `${rule.title} (${rule.rule})`).join(', ')}.</p>
`
      }`,
    );
  });
}

/** What reviewers decided, per rule and per file with their notes; nothing when no one has reviewed. */
function reviewSection(report: SampleReport): Html | undefined {
  const reviewed = report.rules.filter((rule) => rule.reviewed > 0 || rule.disputed > 0);
  if (reviewed.length === 0 && report.reviews.length === 0) return undefined;
  const ruleRows = reviewed.map(
    (
      rule,
    ) => html`<tr><th scope="row">${rule.title} <span class="note">(${rule.rule})</span></th><td class="num">${rule.reviewed}</td><td class="num">${rule.judgment ? '—' : overrideShare(rule)}</td><td class="num">${rule.judgment ? '—' : rule.confirmed}</td><td class="num">${rule.disputed}</td><td class="num">${rule.awaitingJudgment}</td></tr>
`,
  );
  const decisionRows = report.reviews.map(
    (
      review,
    ) => html`<tr${review.disputed ? html` class="disputed"` : undefined}><th scope="row">${review.name}</th><td>${review.reference ?? ''}</td><td>${review.rule}</td><td>${review.text}</td><td>${review.reviewers.join(', ')}</td><td>${review.note ?? ''}</td></tr>
`,
  );
  return section(
    'reviews',
    'Reviews',
    html`<table>
<caption>Reviewers per rule: files reviewed; machine checks overridden, of the files reviewed on them (95% Wilson interval)</caption>
<thead><tr><th scope="col">Rule</th><th scope="col">Reviewed</th><th scope="col">Overridden</th><th scope="col">Confirmed</th><th scope="col">Disputed</th><th scope="col">Awaiting</th></tr></thead>
<tbody>
${ruleRows}</tbody>
</table>
<table>
<caption>Reviewers’ decisions, by file, with their notes</caption>
<thead><tr><th scope="col">File</th><th scope="col">Reference</th><th scope="col">Rule</th><th scope="col">Decision</th><th scope="col">Reviewer</th><th scope="col">Note</th></tr></thead>
<tbody>
${decisionRows}</tbody>
</table>`,
  );
}

function filesTable(report: SampleReport): Html {
  if (report.files.length === 0) return html`<p>No file has findings.</p>`;
  const rows = report.files.flatMap((file) =>
    file.findings.map(
      (
        finding,
      ) => html`<tr><th scope="row">${file.name}</th><td>${file.reference ?? ''}</td><td>${finding.rule}</td><td>${finding.severity}</td><td class="num">${lineOf(finding.range)}</td><td>${finding.message}</td></tr>
`,
    ),
  );
  return html`<table>
<caption>Findings, by file</caption>
<thead><tr><th scope="col">File</th><th scope="col">Reference</th><th scope="col">Rule</th><th scope="col">Severity</th><th scope="col">Line</th><th scope="col">Message</th></tr></thead>
<tbody>
${rows}</tbody>
</table>`;
}

/**
 * The sample report as one standalone HTML page: no scripts, no remote resources, a strict
 * Content-Security-Policy, print-friendly styles with a dark variant, real table semantics and a
 * described SVG bar (with its 95% CI whisker) per rule. Every value goes through `escapeHtml`.
 */
export function sampleHtml(report: SampleReport, options: HtmlOptions = {}): string {
  const header = headerItems(report).map(
    ({ label, value }) => html`<dt>${label}</dt><dd>${value}</dd>
`,
  );
  return standalonePage({
    title: report.sample.name,
    header: html`<dl>
${header}</dl>
${configurationNotice(report)}`,
    main: html`${section('rules', 'Rules', rulesTable(report, options.share ?? 'failed'))}${section('verdicts', 'Verdicts', verdictsTable(report))}${actionListHtml(report.actions)}${breakdownTables(report, options.share ?? 'failed')}${outcomesHtml(report)}${reviewSection(report)}${section('files', 'Files with findings', filesTable(report))}`,
    footer: html`Dip-sample report by dipsample${options.generated !== undefined && html`, generated ${options.generated}`}. Percentages are of the files each rule was decided for; intervals are 95% Wilson score intervals.`,
  });
}
