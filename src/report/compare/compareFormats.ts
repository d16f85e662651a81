import { escapeMarkdown } from '../formats/escapeMarkdown';
import { section, standalonePage } from '../formats/htmlPage';
import { html } from '../formats/htmlTemplate';
import { printable } from '../formats/printable';
import { CHANGE_LABELS, comparedShareText, differenceText } from './compareWording';
import type { CompareReport, ComparedSample } from './model';

export interface CompareFormat {
  label: string;
  extension: string;
  render(report: CompareReport): string;
}

/** Every format of `dipsample compare`: the one registry the CLI reads. */
export const COMPARE_FORMATS = {
  text: { label: 'Text', extension: 'txt', render: compareText },
  json: { label: 'JSON', extension: 'json', render: (report) => `${JSON.stringify(report, null, 2)}\n` },
  markdown: { label: 'Markdown', extension: 'md', render: compareMarkdown },
  html: { label: 'HTML (standalone page)', extension: 'html', render: compareHtml },
} as const satisfies Record<string, CompareFormat>;

export type CompareFormatId = keyof typeof COMPARE_FORMATS;
export const COMPARE_FORMAT_IDS = Object.keys(COMPARE_FORMATS) as CompareFormatId[];

const sampleText = (sample: ComparedSample) =>
  `${sample.name}${sample.period?.from !== undefined ? ` (${sample.period.from} – ${sample.period.to ?? ''})` : ''}, ${sample.files} files`;

const FOOTNOTE =
  'Shares are of the files each rule was decided for (failed + passed), with 95% Wilson intervals; the change is after − before with its 95% Newcombe hybrid score interval, distinguishable from no change when that interval excludes 0.';

function compareText(report: CompareReport): string {
  const lines = [`Before: ${sampleText(report.before)}`, `After:  ${sampleText(report.after)}`, ''];
  const width = Math.max(4, ...report.rules.map((rule) => rule.rule.length));
  lines.push(`${'rule'.padEnd(width)}  ${'failed before'.padEnd(30)}  ${'failed after'.padEnd(30)}  change`);
  for (const rule of report.rules)
    lines.push(
      `${rule.rule.padEnd(width)}  ${comparedShareText(rule.before).padEnd(30)}  ${comparedShareText(rule.after).padEnd(30)}  ${differenceText(rule)}: ${CHANGE_LABELS[rule.change]}`,
    );
  lines.push('', FOOTNOTE);
  if (report.notes.length > 0) lines.push('', 'Notes', ...report.notes.map((note) => `  ${note}`));
  return `${lines.map(printable).join('\n')}\n`;
}

function compareMarkdown(report: CompareReport): string {
  const md = escapeMarkdown;
  const out = [
    `# ${md(report.after.name)} compared with ${md(report.before.name)}`,
    '',
    `- Before: ${md(sampleText(report.before))}`,
    `- After: ${md(sampleText(report.after))}`,
    '',
    '| Rule | Failed before (95% CI) | Failed after (95% CI) | Change, points (95% CI) | |',
    '|---|---|---|---|---|',
    ...report.rules.map(
      (rule) =>
        `| ${md(rule.title)} (${md(rule.rule)}) | ${comparedShareText(rule.before)} | ${comparedShareText(rule.after)} | ${differenceText(rule)} | ${CHANGE_LABELS[rule.change]} |`,
    ),
    '',
    FOOTNOTE,
  ];
  if (report.notes.length > 0) out.push('', ...report.notes.map((note) => `- ${md(note)}`));
  return `${out.join('\n')}\n`;
}

function compareHtml(report: CompareReport): string {
  const rows = report.rules.map(
    (rule) =>
      html`<tr><th scope="row">${rule.title} <span class="note">(${rule.rule})</span></th><td class="num">${comparedShareText(rule.before)}</td><td class="num">${comparedShareText(rule.after)}</td><td class="num">${differenceText(rule)}</td><td class="change-${rule.change}">${CHANGE_LABELS[rule.change]}</td></tr>
`,
  );
  return standalonePage({
    title: `${report.after.name} compared with ${report.before.name}`,
    header: html`<dl><dt>Before</dt><dd>${sampleText(report.before)}</dd><dt>After</dt><dd>${sampleText(report.after)}</dd></dl>`,
    main: html`${section(
      'rules',
      'Rules',
      html`<table>
<caption>Failed share before and after, and the change (after − before)</caption>
<thead><tr><th scope="col">Rule</th><th scope="col">Failed before (95% CI)</th><th scope="col">Failed after (95% CI)</th><th scope="col">Change, points (95% CI)</th><th scope="col">Verdict</th></tr></thead>
<tbody>
${rows}</tbody>
</table>`,
    )}${report.notes.length > 0 && section('notes', 'Notes', html`<ul>${report.notes.map((note) => html`<li>${note}</li>`)}</ul>`)}`,
    footer: html`${FOOTNOTE}`,
  });
}
