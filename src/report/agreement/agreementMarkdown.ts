import { escapeMarkdown } from '../formats/escapeMarkdown';
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
import type { AgreementReport, CriterionAgreement } from './model';

const md = escapeMarkdown;

/** The agreement report as Markdown: tables a trainer can paste into feedback or a moderation note. */
export function agreementMarkdown(report: AgreementReport): string {
  const out: string[] = [];
  const sample = md(report.sample.name ?? report.sample.folder);
  out.push(
    report.key === null
      ? `# Agreement among raters: ${sample}`
      : `# Agreement with the answer key ${md(report.key)}${report.keyName !== undefined ? ` (${md(report.keyName)})` : ''}: ${sample}`,
    '',
  );
  if (report.key !== null && report.raters.length > 0) {
    out.push(
      '## Raters',
      '',
      '| Rater | Submitted | Agreement (95% CI), agreed of n | Mean kappa | Marked |',
      '|---|---|---|---|---|',
    );
    for (const rater of report.raters)
      out.push(
        `| ${md(raterText(rater))} | ${md(submittedText(rater))} | ${agreementText(rater.overall)} | ${kappaValue(rater.overall.meanKappa)} | ${rater.overall.marked} of ${rater.overall.keyed} |`,
      );
    out.push('');
    for (const rater of report.raters) {
      out.push(`### ${md(raterText(rater))}`, '');
      out.push('| Criterion | Agreement (95% CI), agreed of n | Kappa (95% CI) | Unmarked |', '|---|---|---|---|');
      for (const criterion of rater.criteria)
        out.push(
          `| ${md(criterion.title)} (${md(criterion.rule)}) | ${agreementText(criterion)} | ${kappaText(criterion.kappa, criterion.kappaInterval)} ${kappaLabel(criterion.kappa)} | ${criterion.unmarked} |`,
        );
      out.push('');
      for (const criterion of rater.criteria.filter((candidate) => candidate.disagreements.length > 0))
        out.push(...matrixMarkdown(criterion), '');
    }
  } else {
    out.push(`Raters: ${report.raters.map((rater) => md(raterText(rater))).join(', ') || 'none'}`, '');
  }
  if (report.criteria.length > 0) {
    out.push('## Criteria across raters', '');
    out.push(
      report.key !== null
        ? '| Criterion | All raters vs key (95% CI) | Alpha among raters | Files with 2+ raters |'
        : '| Criterion | Alpha among raters | Files with 2+ raters |',
      report.key !== null ? '|---|---|---|---|' : '|---|---|---|',
    );
    for (const criterion of report.criteria)
      out.push(
        `| ${md(criterion.title)} (${md(criterion.rule)}) |${report.key !== null ? ` ${agreementText(criterion)} |` : ''} ${kappaValue(criterion.alpha)} | ${criterion.alphaUnits} |`,
      );
    out.push('', `Krippendorff's alpha (nominal), all criteria: ${kappaValue(report.alpha)}.`, '');
  }
  if (report.pairs.length > 0) {
    out.push('## Pairs of raters', '', '| Raters | Agreement (95% CI), agreed of n | Kappa |', '|---|---|---|');
    for (const pair of report.pairs)
      out.push(`| ${md(pair.a)} – ${md(pair.b)} | ${agreementText(pair)} | ${kappaValue(pair.kappa)} |`);
    out.push('');
  }
  if (report.missed.length > 0) {
    out.push('## Most often missed', '');
    for (const missed of report.missed) {
      out.push(
        `- **${md(missed.path)}** (${md(missed.reference)}), ${md(missed.title)}: the key is **${md(missed.key)}** (${MARK_SOURCE_LABELS[missed.keySource]}); missed by ${missed.missedBy.length} of ${missed.marked}: ${missed.missedBy.map((mark) => `${md(mark.reviewer)} ${md(mark.value)}`).join(', ')}`,
      );
      if (missed.keyNote !== undefined) out.push(`  - Key's note: ${md(missed.keyNote)}`);
      for (const source of missed.source.slice(0, 1)) out.push(`  - Source: ${md(sourceText(source))}`);
    }
    out.push('');
  }
  if (report.notes.length > 0) out.push('## Notes', '', ...report.notes.map((note) => `- ${md(note)}`), '');
  return `${out.join('\n').trimEnd()}\n`;
}

function matrixMarkdown(criterion: CriterionAgreement): string[] {
  const { categories, counts } = criterion.matrix;
  return [
    `Confusion matrix, ${md(criterion.title)} (key rows × rater columns):`,
    '',
    `| Key \\\\ rater | ${categories.map(md).join(' | ')} |`,
    `|---|${categories.map(() => '---:').join('|')}|`,
    ...categories.map((category, row) => `| ${md(category)} | ${counts[row].join(' | ')} |`),
  ];
}
