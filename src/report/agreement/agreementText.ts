import { printable } from '../formats/printable';
import { sourceText } from '../sourceText';
import { agreementText, kappaLabel, kappaText, kappaValue, raterText, submittedText } from './agreementWording';
import type { AgreementReport } from './model';

/** The agreement report for a terminal: raters, criteria, what was most often missed, notes. */
export function agreementTextReport(report: AgreementReport): string {
  const lines: string[] = [heading(report), ''];
  if (report.key !== null) {
    for (const rater of report.raters) {
      lines.push(`${raterText(rater)} · ${submittedText(rater)}`);
      const overall = rater.overall;
      lines.push(
        `  overall  ${agreementText(overall)} · mean kappa ${kappaValue(overall.meanKappa)} · marked ${overall.marked} of ${overall.keyed}`,
      );
      const width = Math.max(...rater.criteria.map((criterion) => criterion.rule.length), 4);
      for (const criterion of rater.criteria) {
        const unmarked = criterion.unmarked > 0 ? ` · ${criterion.unmarked} unmarked` : '';
        const label = kappaLabel(criterion.kappa);
        lines.push(
          `  ${criterion.rule.padEnd(width)}  ${agreementText(criterion).padEnd(28)}  kappa ${kappaText(criterion.kappa, criterion.kappaInterval)}${label ? ` ${label}` : ''}${unmarked}`,
        );
      }
      lines.push('');
    }
  } else {
    lines.push(`Raters: ${report.raters.map(raterText).join(', ') || 'none'}`, '');
  }
  if (report.criteria.length > 0) {
    lines.push(report.key !== null ? 'Criteria, all raters' : "Criteria (Krippendorff's alpha among the raters)");
    const width = Math.max(...report.criteria.map((criterion) => criterion.rule.length), 4);
    for (const criterion of report.criteria) {
      const withKey = report.key !== null ? `${agreementText(criterion).padEnd(28)}  ` : '';
      lines.push(
        `  ${criterion.rule.padEnd(width)}  ${withKey}alpha ${kappaValue(criterion.alpha)} (${criterion.alphaUnits} files with 2+ raters)`,
      );
    }
    lines.push(`  all criteria: alpha ${kappaValue(report.alpha)}`, '');
  }
  if (report.pairs.length > 0) {
    lines.push('Pairs of raters');
    for (const pair of report.pairs)
      lines.push(`  ${pair.a} – ${pair.b}  ${agreementText(pair).padEnd(28)}  kappa ${kappaValue(pair.kappa)}`);
    lines.push('');
  }
  if (report.missed.length > 0) {
    lines.push('Most often missed');
    for (const missed of report.missed) {
      const by = missed.missedBy.map((mark) => `${mark.reviewer} ${mark.value}`).join(', ');
      lines.push(
        `  ${missed.path} (${missed.reference}) · ${missed.rule}: key ${missed.key} — missed by ${missed.missedBy.length} of ${missed.marked}: ${by}`,
      );
      if (missed.keyNote !== undefined) lines.push(`    Key's note: ${missed.keyNote}`);
      for (const source of missed.source.slice(0, 1)) lines.push(`    Source: ${sourceText(source)}`);
    }
    lines.push('');
  }
  if (report.notes.length > 0) lines.push('Notes', ...report.notes.map((note) => `  ${note}`), '');
  return `${lines.map(printable).join('\n').trimEnd()}\n`;
}

function heading(report: AgreementReport): string {
  const sample = report.sample.name ?? report.sample.folder;
  if (report.key === null) return `Agreement among raters (moderation, no key) · ${sample}`;
  return `Agreement with the answer key ${report.key}${report.keyName !== undefined ? ` (${report.keyName})` : ''} · ${sample}`;
}
