import type { RuleRow, SampleOverview } from '../../src/report';
import { failedBar } from './bar';
import { el } from './dom';
import { overrideShare, shareWithInterval, switchedOffText, verdictStatusText } from '../../src/report';

/** Column headings, with the full wording as a tooltip where the heading is abbreviated. */
const COLUMNS: Array<[string, string?]> = [
  ['Rule'],
  ['Pack'],
  ['Failed'],
  ['Passed'],
  ['N/A', 'Not applicable'],
  ['Awaiting', 'Awaiting judgment'],
  ['Not audited', 'Files unreadable, or breaking the schema in a field the rule reads'],
  ['% failed (95% CI)', 'Failed as a share of failed + passed, with a 95% Wilson interval'],
  ['n', 'Files where the rule was decided (failed + passed)'],
  ['Share failed'],
  ['Reviewed', "Files where a reviewer's answer, override or confirmation decided the rule"],
  ['Overridden', "Machine checks: files where a reviewer replaced the machine's outcome, of those reviewed (95% CI)"],
  ['Disputed', 'Files where reviewers disagree (counted as awaiting judgment)'],
];

/** One row per rule, in rule-set order: the numbers a report quotes, with a bar for each. */
export function rulesTable(overview: SampleOverview, onShowFindings: (rule: string) => void): HTMLElement {
  const body = el('tbody');
  for (const rule of overview.rules) body.appendChild(ruleRow(rule, onShowFindings));
  // Rules the configuration switched off: listed as such, never dropped without trace.
  for (const rule of overview.sample.switchedOff ?? [])
    body.appendChild(
      el(
        'tr',
        { 'data-rule': rule.rule, class: 'switched-off' },
        el(
          'th',
          { scope: 'row' },
          el('span', { class: 'rule-title' }, rule.title),
          ' ',
          el('code', { class: 'rule-id' }, rule.rule),
        ),
        el('td', {}, rule.pack),
        el(
          'td',
          { colspan: String(COLUMNS.length - 2), 'data-switched-off': '' },
          switchedOffText(rule, overview.sample.folder),
        ),
      ),
    );
  const table = el(
    'table',
    { class: 'data rules', id: 'rules-table' },
    el(
      'caption',
      {},
      'Outcomes per rule; % failed is of the files where the rule was decided (failed + passed), with a 95% Wilson interval.',
    ),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        ...COLUMNS.map(([column, full]) => el('th', { scope: 'col', title: full, 'aria-label': full }, column)),
      ),
    ),
    body,
  );
  return el(
    'section',
    { 'aria-labelledby': 'rules-heading' },
    el('h2', { id: 'rules-heading' }, 'Rules'),
    el('div', { class: 'table-scroll' }, table),
  );
}

function ruleRow(rule: RuleRow, onShowFindings: (rule: string) => void): HTMLTableRowElement {
  const title = el(
    'th',
    { scope: 'row' },
    el('span', { class: 'rule-title' }, rule.title),
    ' ',
    el('code', { class: 'rule-id' }, rule.rule),
  );
  if (rule.judgment) title.appendChild(el('span', { class: 'tag', title: 'Answered by the reviewer' }, 'judgment'));
  const failed = el('td', { class: 'num', 'data-count': 'failed' });
  if (rule.failed > 0) {
    const button = el(
      'button',
      { type: 'button', class: 'link', 'aria-label': `${rule.failed} failed: show findings of ${rule.title}` },
      String(rule.failed),
    );
    button.addEventListener('click', () => onShowFindings(rule.rule));
    failed.appendChild(button);
  } else {
    failed.textContent = '0';
  }
  return el(
    'tr',
    { 'data-rule': rule.rule },
    title,
    el('td', {}, rule.pack),
    failed,
    el('td', { class: 'num', 'data-count': 'passed' }, rule.passed),
    el('td', { class: 'num', 'data-count': 'notApplicable' }, rule.notApplicable),
    el('td', { class: 'num', 'data-count': 'awaitingJudgment' }, rule.awaitingJudgment),
    el('td', { class: 'num', 'data-count': 'notAudited' }, rule.notAudited),
    el('td', { class: 'num', 'data-count': 'failedPercent' }, shareWithInterval(rule)),
    el('td', { class: 'num', 'data-count': 'applicable' }, rule.applicable),
    el('td', {}, failedBar(rule)),
    el('td', { class: 'num', 'data-count': 'reviewed' }, rule.reviewed),
    el('td', { class: 'num', 'data-count': 'overridden' }, rule.judgment ? '—' : overrideShare(rule)),
    el('td', { class: 'num', 'data-count': 'disputed' }, rule.disputed),
  );
}

/** The packs' sample-level verdicts (e.g. HMIC's "unsatisfactory in at least six of the 20 files"). */
export function verdictsTable(overview: SampleOverview): HTMLElement | null {
  if (overview.verdicts.length === 0) return null;
  return el(
    'section',
    { 'aria-labelledby': 'verdicts-heading' },
    el('h2', { id: 'verdicts-heading' }, 'Verdicts'),
    el(
      'table',
      { class: 'data verdicts', id: 'verdicts-table' },
      el('caption', {}, 'Sample-level verdicts declared by the rule packs.'),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          ...['Verdict', 'Pack', 'Status', 'Files failing', 'Awaiting judgment', 'Threshold'].map((c) =>
            el('th', { scope: 'col' }, c),
          ),
        ),
      ),
      el(
        'tbody',
        {},
        ...overview.verdicts.map((verdict) =>
          el(
            'tr',
            { 'data-verdict': verdict.verdict },
            el('th', { scope: 'row' }, verdict.title),
            el('td', {}, verdict.pack),
            el('td', {}, el('span', { class: `status status-${verdict.status}` }, verdictStatusText(verdict))),
            el('td', { class: 'num' }, `${verdict.failedFiles} of ${verdict.applicableFiles}`),
            el('td', { class: 'num' }, verdict.awaitingFiles),
            el('td', {}, verdict.threshold),
          ),
        ),
      ),
    ),
  );
}
