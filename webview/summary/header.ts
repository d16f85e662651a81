import type { SampleOverview } from '../../src/engine/report/sampleReport';
import { el } from './dom';
import { plural } from './format';

/** The sample's header: who, when, how drawn, and how much of it could be audited. */
export function header(overview: SampleOverview): HTMLElement {
  const { sample, totals } = overview;
  const entries: Array<[string, string]> = [];
  if (sample.force) entries.push(['Force', sample.force]);
  if (sample.period && (sample.period.from || sample.period.to)) {
    entries.push(['Period', `${sample.period.from ?? '…'} to ${sample.period.to ?? '…'}${sample.period.basis ? ` (${sample.period.basis})` : ''}`]);
  }
  if (sample.selection) entries.push(['Selection', [sample.selection.method, sample.selection.description].filter(Boolean).join(': ')]);
  entries.push(['Rule packs', sample.packs.join(', ') || 'none']);
  entries.push(['Files audited', sample.declaredSize !== undefined && sample.declaredSize !== totals.files ? `${totals.files} (manifest declares ${sample.declaredSize})` : String(totals.files)]);
  entries.push(['Files with syntax errors', String(totals.filesWithSyntaxErrors)]);
  entries.push(['Files with schema errors', String(totals.filesWithSchemaErrors)]);
  entries.push(['Files with findings', String(totals.filesWithFindings)]);
  const severities = Object.entries(totals.findings)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity}`);
  entries.push(['Findings', severities.join(', ') || 'none']);

  return el(
    'header',
    { class: 'sample-header' },
    el('h1', { id: 'sample-name' }, sample.name),
    sample.description ? el('p', { class: 'description' }, sample.description) : null,
    el('dl', { class: 'facts', 'aria-label': 'Sample details' }, ...entries.flatMap(([term, value]) => [el('dt', {}, term), el('dd', { 'data-fact': term }, value)])),
    totals.files === 0 ? el('p', { class: 'empty' }, `No crime files audited yet (${plural(0, 'file')}).`) : null,
  );
}
