import type { SampleOverview } from '../../src/report';
import { configurationNoticeText, headerItems } from '../../src/report';
import { el } from './dom';

/** The sample's header: who, when, how drawn, and how much of it could be audited (as the exports word it). */
export function header(overview: SampleOverview): HTMLElement {
  const { sample, totals } = overview;
  const entries = headerItems(overview).filter((item) => item.label !== 'Description');
  const severities = Object.entries(totals.findings)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity}`);
  entries.push({ label: 'Findings', value: severities.join(', ') || 'none' });

  return el(
    'header',
    { class: 'sample-header' },
    el('h1', { id: 'sample-name' }, sample.name),
    sample.description ? el('p', { class: 'description' }, sample.description) : null,
    el(
      'dl',
      { class: 'facts', 'aria-label': 'Sample details' },
      ...entries.flatMap(({ label, value }) => [el('dt', {}, label), el('dd', { 'data-fact': label }, value)]),
    ),
    configurationNotice(overview),
    totals.files === 0 ? el('p', { class: 'empty' }, 'No crime files audited yet.') : null,
  );
}

/** A broken configuration, said before any figure: which packs and rules the audit is missing, and why. */
function configurationNotice(overview: SampleOverview): HTMLElement | null {
  const [headline, ...lines] = configurationNoticeText(overview.sample);
  if (headline === undefined) return null;
  return el(
    'div',
    { class: 'config-notice', id: 'config-notice', role: 'alert' },
    el('p', { class: 'config-headline' }, el('span', { class: 'codicon-like', 'aria-hidden': 'true' }, '⚠ '), headline),
    el('ul', {}, ...lines.map((line) => el('li', {}, line))),
  );
}
