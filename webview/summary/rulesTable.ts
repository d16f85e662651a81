import type { RuleRow, SampleGroup, SampleOverview, ShareKind, VerdictSummary } from '../../src/report';
import { failedBar } from './bar';
import { el } from './dom';
import {
  headerItems,
  overrideShare,
  SAMPLES_TOTAL,
  samplesRulesCaption,
  shareWithInterval,
  switchedOffText,
  verdictStatusText,
} from '../../src/report';

/** Column headings, with the full wording as a tooltip where the heading is abbreviated. */
function columns(kind: ShareKind): Array<[string, string?]> {
  return [
    ['Rule'],
    ['Pack'],
    ['Failed'],
    ['Passed'],
    ['N/A', 'Not applicable'],
    ['Awaiting', 'Awaiting judgment'],
    ['Not audited', 'Files unreadable, or breaking the schema in a field the rule reads'],
    [
      `% ${kind} (95% CI)`,
      `${kind === 'failed' ? 'Failed' : 'Passed'} as a share of failed + passed, with a 95% Wilson interval`,
    ],
    ['n', 'Files where the rule was decided (failed + passed)'],
    [`Share ${kind}`],
    ['Reviewed', "Files where a reviewer's answer, override or confirmation decided the rule"],
    ['Overridden', "Machine checks: files where a reviewer replaced the machine's outcome, of those reviewed (95% CI)"],
    ['Disputed', 'Files where reviewers disagree (counted as awaiting judgment)'],
  ];
}

/**
 * One row per rule, in rule-set order: the numbers a report quotes, with a bar for each. For a
 * folder of samples, a row group per sample and then the total, as `dipsample report a b c`.
 */
export function rulesTable(
  overview: SampleOverview,
  onShowFindings: (rule: string) => void,
  kind: ShareKind = 'failed',
  samples?: readonly SampleGroup[],
): HTMLElement {
  const heads = columns(kind);
  const body = el('tbody', samples ? { class: 'total', 'data-sample': 'total' } : {});
  if (samples) body.appendChild(groupHeading(SAMPLES_TOTAL, undefined, heads.length));
  for (const rule of overview.rules) body.appendChild(ruleRow(rule, onShowFindings, kind));
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
          { colspan: String(heads.length - 2), 'data-switched-off': '' },
          switchedOffText(rule, overview.sample.folder),
        ),
      ),
    );
  const groups = (samples ?? []).map((sample) =>
    el(
      'tbody',
      { 'data-sample': sample.folder },
      groupHeading(sample.name, sample.force, heads.length),
      ...sample.rules.map((rule) => ruleRow(rule, onShowFindings, kind)),
    ),
  );
  const table = el(
    'table',
    { class: `data rules${samples ? ' grouped' : ''}`, id: 'rules-table' },
    el(
      'caption',
      {},
      samples
        ? `${samplesRulesCaption(kind)}.`
        : `Outcomes per rule; % ${kind} is of the files where the rule was decided (failed + passed), with a 95% Wilson interval.`,
    ),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        ...heads.map(([column, full]) => el('th', { scope: 'col', title: full, 'aria-label': full }, column)),
      ),
    ),
    ...groups,
    body,
  );
  return el(
    'section',
    { 'aria-labelledby': 'rules-heading' },
    el('h2', { id: 'rules-heading' }, 'Rules'),
    el('div', { class: 'table-scroll' }, table),
  );
}

/** A row group's heading: the sample's name, and its force when the name does not say it. */
function groupHeading(name: string, force: string | undefined, span: number): HTMLTableRowElement {
  return el(
    'tr',
    { class: 'group-heading' },
    el(
      'th',
      { scope: 'rowgroup', colspan: String(span) },
      name,
      force !== undefined && force !== name ? el('span', { class: 'note-inline' }, ` (${force})`) : null,
    ),
  );
}

function ruleRow(rule: RuleRow, onShowFindings: (rule: string) => void, kind: ShareKind): HTMLTableRowElement {
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
    el('td', { class: 'num', 'data-count': 'share', 'data-share': kind }, shareWithInterval(rule, kind)),
    el('td', { class: 'num', 'data-count': 'applicable' }, rule.applicable),
    el('td', {}, failedBar(rule, kind)),
    el('td', { class: 'num', 'data-count': 'reviewed' }, rule.reviewed),
    el('td', { class: 'num', 'data-count': 'overridden' }, rule.judgment ? '—' : overrideShare(rule)),
    el('td', { class: 'num', 'data-count': 'disputed' }, rule.disputed),
  );
}

/** A folder of samples: each sample's force, period and files, and the total (as `dipsample report a b c`). */
export function samplesTable(overview: SampleOverview, samples: readonly SampleGroup[]): HTMLElement {
  const period = (sample: SampleGroup) =>
    // The header's wording of a period, as the report across samples words it.
    headerItems({ ...overview, sample: { ...overview.sample, period: sample.period } }).find(
      (item) => item.label === 'Period',
    )?.value ?? '';
  return el(
    'section',
    { 'aria-labelledby': 'samples-heading' },
    el('h2', { id: 'samples-heading' }, 'Samples'),
    el(
      'table',
      { class: 'data', id: 'samples-table' },
      el(
        'caption',
        {},
        `The ${samples.length} samples in this folder, each a row group in the tables below, and their total.`,
      ),
      el(
        'thead',
        {},
        el('tr', {}, ...['Sample', 'Force', 'Period', 'Files'].map((c) => el('th', { scope: 'col' }, c))),
      ),
      el(
        'tbody',
        {},
        ...samples.map((sample) =>
          el(
            'tr',
            { 'data-sample': sample.folder },
            el('th', { scope: 'row' }, sample.name),
            el('td', {}, sample.force ?? ''),
            el('td', {}, period(sample)),
            el('td', { class: 'num', 'data-count': 'files' }, sample.files),
          ),
        ),
        el(
          'tr',
          { class: 'total', 'data-sample': 'total' },
          el('th', { scope: 'row' }, SAMPLES_TOTAL),
          el('td', {}),
          el('td', {}),
          el('td', { class: 'num', 'data-count': 'files' }, overview.totals.files),
        ),
      ),
    ),
  );
}

/**
 * The packs' sample-level verdicts (e.g. HMIC's "unsatisfactory in at least six of the 20 files");
 * for a folder of samples, each sample's (a verdict is about one force's sample, not their total).
 */
export function verdictsTable(overview: SampleOverview, samples?: readonly SampleGroup[]): HTMLElement | null {
  const rows: Array<{ sample?: string; verdict: VerdictSummary }> = samples
    ? samples.flatMap((sample) => sample.verdicts.map((verdict) => ({ sample: sample.name, verdict })))
    : overview.verdicts.map((verdict) => ({ verdict }));
  if (rows.length === 0) return null;
  const heads = [
    ...(samples ? ['Sample'] : []),
    'Verdict',
    'Pack',
    'Status',
    'Files failing',
    'Awaiting judgment',
    'Threshold',
  ];
  return el(
    'section',
    { 'aria-labelledby': 'verdicts-heading' },
    el('h2', { id: 'verdicts-heading' }, 'Verdicts'),
    el(
      'table',
      { class: 'data verdicts', id: 'verdicts-table' },
      el('caption', {}, 'Sample-level verdicts declared by the rule packs.'),
      el('thead', {}, el('tr', {}, ...heads.map((c) => el('th', { scope: 'col' }, c)))),
      el(
        'tbody',
        {},
        ...rows.map(({ sample, verdict }) =>
          el(
            'tr',
            { 'data-verdict': verdict.verdict },
            sample !== undefined ? el('td', {}, sample) : null,
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
