import type { SampleOverview } from '../model';
import type { OutcomeTally } from '../outcomeTally';
import { FILING_BANDS, TIMELINESS_MEASURES } from '../timeliness';
import { countShareText, spreadText } from '../timelinessWording';
import { percent } from '../wording';
import { section } from './htmlPage';
import { html, type Html } from './htmlTemplate';
import { markdownTable } from './markdownTable';

/** The wording the outcome and timeliness tables share in every output (Markdown, HTML, the webview). */
export const outcomeGroupsCaption = (files: number) =>
  `Outcome groups of PEEL 2021/22 Table 1: shares of the ${files} crime files (open files: not yet assigned), with the national share of outcomes assigned`;
export const outcomeCodesCaption = (withOutcome: number) =>
  `Home Office outcome codes, shares of the ${withOutcome} files with an outcome`;
export const outcome16Text = (outcomes: Pick<OutcomeTally, 'outcome16'>) =>
  `Outcome 16 (evidential difficulties; victim does not support action): ${countShareText(outcomes.outcome16)} of the files with an outcome (PEEL 2017 Figure 14 tracks its use).`;
export const timelinessCaption = (title: string) =>
  `Timeliness, ${title.toLowerCase()}: medians and quartiles; time to filing in bands`;

/** The outcome and timeliness sections of the Markdown report; nothing for a sample with no readable crime file. */
export function outcomesMarkdown(report: Pick<SampleOverview, 'outcomes' | 'timeliness'>): string[] {
  const { outcomes } = report;
  if (outcomes.files === 0) return [];
  const out = [
    '## Outcomes',
    '',
    `Outcome groups of PEEL 2021/22 Table 1, shares of the ${outcomes.files} crime files (open files: not yet assigned), with the national share of outcomes assigned for reference.`,
    '',
    ...markdownTable(
      ['Outcome group', 'Files (95% CI)', ['National %', 'right']],
      outcomes.groups.map((group) => [group.title, countShareText(group), percent(group.national)]),
    ),
    '',
    ...markdownTable(
      [['Code', 'right'], 'Home Office outcome', 'Files (95% CI), of the files with an outcome'],
      outcomes.codes.map((row) => [row.code, row.title, countShareText(row)]),
    ),
    '',
    outcome16Text(outcomes),
    '',
    '## Timeliness',
    '',
  ];
  for (const table of report.timeliness) {
    const labels = table.dimensions.length > 0 ? table.dimensions : ['Files'];
    out.push(
      `### ${table.title}`,
      '',
      ...markdownTable(
        [
          ...labels,
          ...TIMELINESS_MEASURES.map((measure) => measure.title),
          ...FILING_BANDS.map((band) => `Filed: ${band.title.toLowerCase()}`),
        ],
        table.rows.map((row) => [
          ...row.labels,
          ...TIMELINESS_MEASURES.map((measure) => spreadText(row.measures[measure.id])),
          ...FILING_BANDS.map((band) => countShareText(row.bands[band.id])),
        ]),
      ),
      '',
    );
  }
  return out;
}

/** The same sections for the HTML report. */
export function outcomesHtml(report: Pick<SampleOverview, 'outcomes' | 'timeliness'>): Html | undefined {
  const { outcomes } = report;
  if (outcomes.files === 0) return undefined;
  const groups = html`<table>
<caption>${outcomeGroupsCaption(outcomes.files)}</caption>
<thead><tr><th scope="col">Outcome group</th><th scope="col">Files (95% CI)</th><th scope="col">National %</th></tr></thead>
<tbody>
${outcomes.groups.map(
  (
    group,
  ) => html`<tr><th scope="row">${group.title}</th><td class="num">${countShareText(group)}</td><td class="num">${percent(group.national)}</td></tr>
`,
)}</tbody>
</table>`;
  const codes = html`<table>
<caption>${outcomeCodesCaption(outcomes.withOutcome)}</caption>
<thead><tr><th scope="col">Code</th><th scope="col">Outcome</th><th scope="col">Files (95% CI)</th></tr></thead>
<tbody>
${outcomes.codes.map(
  (
    row,
  ) => html`<tr><th scope="row">${row.code}</th><td>${row.title}</td><td class="num">${countShareText(row)}</td></tr>
`,
)}</tbody>
</table>
<p>${outcome16Text(outcomes)}</p>`;
  const tables = report.timeliness.map((table) => {
    const labels = table.dimensions.length > 0 ? table.dimensions : ['Files'];
    return html`<table>
<caption>${timelinessCaption(table.title)}</caption>
<thead><tr>${labels.map((label) => html`<th scope="col">${label}</th>`)}${TIMELINESS_MEASURES.map((measure) => html`<th scope="col">${measure.title}</th>`)}${FILING_BANDS.map((band) => html`<th scope="col">Filed: ${band.title.toLowerCase()}</th>`)}</tr></thead>
<tbody>
${table.rows.map(
  (
    row,
  ) => html`<tr>${row.labels.map((label) => html`<th scope="row">${label}</th>`)}${TIMELINESS_MEASURES.map((measure) => html`<td class="num">${spreadText(row.measures[measure.id])}</td>`)}${FILING_BANDS.map((band) => html`<td class="num">${countShareText(row.bands[band.id])}</td>`)}</tr>
`,
)}</tbody>
</table>`;
  });
  return html`${section('outcomes', 'Outcomes', html`${groups}${codes}`)}${section('timeliness', 'Timeliness', tables)}`;
}
