import { section, standalonePage } from '../formats/htmlPage';
import { html, type Html } from '../formats/htmlTemplate';
import {
  agreementText,
  kappaLabel,
  kappaText,
  kappaValue,
  MARK_SOURCE_LABELS,
  raterText,
  submittedText,
} from './agreementWording';
import { sourceText } from '../sourceText';
import type { AgreementReport, ConfusionMatrix, CriterionAgreement } from './model';

export interface AgreementHtmlOptions {
  generated?: string;
}

/** The agreement report as one standalone HTML page (same page shell and guarantees as the sample report). */
export function agreementHtml(report: AgreementReport, options: AgreementHtmlOptions = {}): string {
  const sample = report.sample.name ?? report.sample.folder;
  const title =
    report.key === null
      ? `Agreement among raters: ${sample}`
      : `Agreement with the answer key ${report.key}${report.keyName !== undefined ? ` (${report.keyName})` : ''}: ${sample}`;
  return standalonePage({
    title,
    main: html`${report.key !== null && section('raters', 'Raters', ratersTable(report))}${report.key !== null && report.raters.map((rater, index) => section(`rater-${index + 1}`, raterText(rater), criteriaTable(rater.criteria)))}${report.key === null && html`<p>Raters: ${report.raters.map(raterText).join(', ') || 'none'}</p>`}${report.criteria.length > 0 && section('criteria', 'Criteria across raters', acrossTable(report))}${report.pairs.length > 0 && section('pairs', 'Pairs of raters', pairsTable(report))}${report.missed.length > 0 && section('missed', 'Most often missed', missedList(report))}${report.notes.length > 0 && section('notes', 'Notes', html`<ul>${report.notes.map((note) => html`<li>${note}</li>`)}</ul>`)}`,
    footer: html`Agreement report by dipsample${options.generated !== undefined && html`, generated ${options.generated}`}. Agreement is the share of files where the rater's value equals the key's, with its 95% Wilson interval; kappa is Cohen's, with a 95% interval from the large-sample standard error; alpha is Krippendorff's (nominal).`,
  });
}

function ratersTable(report: AgreementReport): Html {
  const rows = report.raters.map(
    (rater) =>
      html`<tr><th scope="row">${raterText(rater)}</th><td>${submittedText(rater)}</td><td class="num">${agreementText(rater.overall)}</td><td class="num">${kappaValue(rater.overall.meanKappa)}</td><td class="num">${rater.overall.marked} of ${rater.overall.keyed}</td></tr>
`,
  );
  return html`<table>
<caption>Each rater's agreement with the key, every criterion of every file pooled</caption>
<thead><tr><th scope="col">Rater</th><th scope="col">Submitted</th><th scope="col">Agreement (95% CI), agreed of n</th><th scope="col">Mean kappa</th><th scope="col">Marked</th></tr></thead>
<tbody>
${rows}</tbody>
</table>`;
}

function criteriaTable(criteria: readonly CriterionAgreement[]): Html {
  const rows = criteria.map(
    (criterion) =>
      html`<tr><th scope="row">${criterion.title} <span class="note">(${criterion.rule})</span></th><td class="num">${agreementText(criterion)}</td><td class="num">${kappaText(criterion.kappa, criterion.kappaInterval)} ${kappaLabel(criterion.kappa)}</td><td class="num">${criterion.unmarked}</td></tr>
`,
  );
  const matrices = criteria
    .filter((criterion) => criterion.disagreements.length > 0)
    .map((criterion) => matrixTable(criterion.title, criterion.matrix));
  return html`<table>
<caption>Agreement with the key per criterion</caption>
<thead><tr><th scope="col">Criterion</th><th scope="col">Agreement (95% CI), agreed of n</th><th scope="col">Kappa (95% CI)</th><th scope="col">Unmarked</th></tr></thead>
<tbody>
${rows}</tbody>
</table>
${matrices}`;
}

/** A confusion matrix: the key's values down, the rater's across. */
export function matrixTable(title: string, matrix: ConfusionMatrix): Html {
  return html`<table>
<caption>Confusion matrix, ${title}: key (rows) × rater (columns)</caption>
<thead><tr><th scope="col">Key \\ rater</th>${matrix.categories.map((category) => html`<th scope="col">${category}</th>`)}</tr></thead>
<tbody>
${matrix.categories.map(
  (category, row) =>
    html`<tr><th scope="row">${category}</th>${matrix.counts[row].map((count, column) => html`<td class="num${row === column ? ' total' : ''}">${count}</td>`)}</tr>
`,
)}</tbody>
</table>`;
}

function acrossTable(report: AgreementReport): Html {
  const withKey = report.key !== null;
  const rows = report.criteria.map(
    (criterion) =>
      html`<tr><th scope="row">${criterion.title} <span class="note">(${criterion.rule})</span></th>${withKey && html`<td class="num">${agreementText(criterion)}</td>`}<td class="num">${kappaValue(criterion.alpha)}</td><td class="num">${criterion.alphaUnits}</td></tr>
`,
  );
  return html`<table>
<caption>Per criterion: ${withKey ? 'all raters pooled against the key, and ' : ''}Krippendorff's alpha among the raters</caption>
<thead><tr><th scope="col">Criterion</th>${withKey && html`<th scope="col">All raters vs key (95% CI)</th>`}<th scope="col">Alpha</th><th scope="col">Files with 2+ raters</th></tr></thead>
<tbody>
${rows}</tbody>
</table>
<p>Krippendorff's alpha (nominal), all criteria: ${kappaValue(report.alpha)}.</p>`;
}

function pairsTable(report: AgreementReport): Html {
  return html`<table>
<caption>Every pair of raters, all criteria pooled</caption>
<thead><tr><th scope="col">Raters</th><th scope="col">Agreement (95% CI), agreed of n</th><th scope="col">Kappa</th></tr></thead>
<tbody>
${report.pairs.map(
  (
    pair,
  ) => html`<tr><th scope="row">${pair.a} – ${pair.b}</th><td class="num">${agreementText(pair)}</td><td class="num">${kappaValue(pair.kappa)}</td></tr>
`,
)}</tbody>
</table>`;
}

function missedList(report: AgreementReport): Html {
  return html`<ul>
${report.missed.map(
  (
    missed,
  ) => html`<li><strong>${missed.path}</strong> (${missed.reference}), ${missed.title}: the key is <strong>${missed.key}</strong> (${MARK_SOURCE_LABELS[missed.keySource]}); missed by ${missed.missedBy.length} of ${missed.marked}: ${missed.missedBy.map((mark) => `${mark.reviewer} ${mark.value}`).join(', ')}${missed.keyNote !== undefined && html`<br><span class="note">Key's note: ${missed.keyNote}</span>`}${missed.source.slice(0, 1).map((source) => html`<br><span class="note">Source: ${sourceText(source)}</span>`)}</li>
`,
)}</ul>`;
}
