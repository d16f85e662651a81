import type { SampleOverview, Breakdown, OutcomeCounts } from '../../src/report';
import { el, replaceChildren } from './dom';
import { countOf, groupShareText } from '../../src/report';
import { humanise } from './format';
import { Select } from './select';

/**
 * The sample cut the way HMIC and HMICFRS cut their tables: by crime category × attendance (for
 * one rule at a time), and domestic abuse files against the rest and against all files
 * (HMICFRS 2017, figure 15).
 */
export class Breakdowns {
  readonly element: HTMLElement;
  private readonly ruleSelect: Select;
  private readonly categoryTable = el('div', { class: 'table-scroll' });
  private readonly domesticAbuseTable = el('div', { class: 'table-scroll' });
  private overview: SampleOverview | undefined;
  private rule: string;

  constructor(
    initialRule: string | undefined,
    private readonly onRuleChange: (rule: string) => void,
  ) {
    this.rule = initialRule ?? '';
    this.ruleSelect = new Select('breakdown-rule', 'Rule', (rule) => {
      this.rule = rule;
      this.onRuleChange(rule);
      this.renderCategoryTable();
    });
    this.element = el(
      'section',
      { 'aria-labelledby': 'breakdowns-heading' },
      el('h2', { id: 'breakdowns-heading' }, 'Breakdowns'),
      el('h3', { id: 'category-heading' }, 'By crime category and attendance'),
      this.ruleSelect.element,
      this.categoryTable,
      el('h3', { id: 'domestic-abuse-heading' }, 'Domestic abuse files against all files'),
      this.domesticAbuseTable,
    );
  }

  update(overview: SampleOverview): void {
    this.overview = overview;
    this.rule = this.ruleSelect.update(
      overview.rules.map((rule) => ({ value: rule.rule, label: rule.title })),
      this.rule,
    );
    this.renderCategoryTable();
    this.renderDomesticAbuseTable();
  }

  private breakdown(id: Breakdown['id']): Breakdown | undefined {
    return this.overview?.breakdowns.find((breakdown) => breakdown.id === id);
  }

  private renderCategoryTable(): void {
    const breakdown = this.breakdown('categoryAttendance');
    const rule = this.overview?.rules.find((r) => r.rule === this.rule);
    if (!breakdown || breakdown.groups.length === 0) {
      replaceChildren(this.categoryTable, el('p', { class: 'empty' }, 'No files audited.'));
      return;
    }
    const ruleTitle = rule?.title ?? 'rule';
    replaceChildren(
      this.categoryTable,
      el(
        'table',
        { class: 'data', id: 'category-table', 'aria-labelledby': 'category-heading' },
        el(
          'caption',
          {},
          `Files by crime category and attendance; failures of “${ruleTitle}” out of the files where it was decided.`,
        ),
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            ...[
              'Category',
              'Attendance',
              'Files',
              'Files failing any rule',
              `${ruleTitle}: failed`,
              'Awaiting judgment',
            ].map((c) => el('th', { scope: 'col' }, c)),
          ),
        ),
        el(
          'tbody',
          {},
          ...breakdown.groups.map((group) => {
            const counts: OutcomeCounts | undefined = group.rules[this.rule];
            return el(
              'tr',
              {},
              el('th', { scope: 'row' }, humanise(group.labels[0])),
              el('td', {}, humanise(group.labels[1])),
              el('td', { class: 'num' }, group.files),
              el('td', { class: 'num' }, group.filesFailingAny),
              el('td', { class: 'num' }, groupShareText(counts)),
              el('td', { class: 'num' }, counts?.awaitingJudgment ?? 0),
            );
          }),
        ),
      ),
    );
  }

  private renderDomesticAbuseTable(): void {
    const overview = this.overview;
    const breakdown = this.breakdown('domesticAbuse');
    if (!overview || !breakdown || breakdown.groups.length === 0) {
      replaceChildren(this.domesticAbuseTable, el('p', { class: 'empty' }, 'No files audited.'));
      return;
    }
    const group = (label: string) => breakdown.groups.find((g) => g.labels[0] === label);
    const domestic = group('domestic abuse');
    const other = group('not domestic abuse');
    const heading = (label: string, files: number) =>
      el('th', { scope: 'col' }, `${label} (${countOf(files, 'file')})`);
    replaceChildren(
      this.domesticAbuseTable,
      el(
        'table',
        { class: 'data', id: 'domestic-abuse-table', 'aria-labelledby': 'domestic-abuse-heading' },
        el(
          'caption',
          {},
          'Failures per rule out of the files where it was decided: domestic abuse files, other files and all files.',
        ),
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            el('th', { scope: 'col' }, 'Rule'),
            heading('Domestic abuse', domestic?.files ?? 0),
            heading('Not domestic abuse', other?.files ?? 0),
            heading('All files', overview.totals.files),
          ),
        ),
        el(
          'tbody',
          {},
          ...overview.rules.map((rule) =>
            el(
              'tr',
              { 'data-rule': rule.rule },
              el('th', { scope: 'row' }, rule.title),
              el('td', { class: 'num' }, groupShareText(domestic?.rules[rule.rule])),
              el('td', { class: 'num' }, groupShareText(other?.rules[rule.rule])),
              el('td', { class: 'num' }, groupShareText(rule)),
            ),
          ),
        ),
      ),
    );
  }
}
