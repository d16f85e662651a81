import type { Breakdown, BreakdownRow, SampleOverview, ShareKind } from '../../src/report';
import { el, replaceChildren } from './dom';
import {
  BREAKDOWN_FIELD_CHOICES,
  breakdownRows,
  breakdownRuleRow,
  breakdownShareText,
  countOf,
} from '../../src/report';
import { humanise } from './format';
import { Select } from './select';

const NONE = '';

/**
 * The sample cut the way HMIC and HMICFRS cut their tables: by crime category × attendance (for
 * one rule at a time), domestic abuse files against the rest and against all files (HMICFRS 2017,
 * figure 15), and by any one or two of the facts inspectors cut by (vulnerable victim, unit,
 * investigator…), with a subtotal per first value. Every cell: the share with its 95% interval and n.
 */
export class Breakdowns {
  readonly element: HTMLElement;
  private readonly ruleSelect: Select;
  private readonly fieldSelects: [Select, Select];
  private readonly categoryTable = el('div', { class: 'table-scroll' });
  private readonly domesticAbuseTable = el('div', { class: 'table-scroll' });
  private readonly fieldTable = el('div', { class: 'table-scroll' });
  private overview: SampleOverview | undefined;
  private rule: string;
  private kind: ShareKind = 'failed';

  constructor(
    initialRule: string | undefined,
    private fields: string[],
    private readonly onRuleChange: (rule: string) => void,
    private readonly onFieldsChange: (fields: string[]) => void,
  ) {
    this.rule = initialRule ?? '';
    this.ruleSelect = new Select('breakdown-rule', 'Rule', (rule) => {
      this.rule = rule;
      this.onRuleChange(rule);
      this.renderRuleTables();
    });
    const pick = (index: 0 | 1) => (value: string) => {
      const [first, second] = this.fields;
      // A second field only after a first; the same field twice says nothing more.
      if (index === 0) this.fields = value === NONE ? [] : [value, ...(second && second !== value ? [second] : [])];
      else this.fields = value === NONE || value === first ? [first] : [first, value];
      this.onFieldsChange(this.fields);
      this.renderFieldControls();
      this.renderFieldTable();
    };
    this.fieldSelects = [
      new Select('breakdown-field', 'Break down by', pick(0)),
      new Select('breakdown-field-2', 'then by', pick(1)),
    ];
    this.element = el(
      'section',
      { 'aria-labelledby': 'breakdowns-heading', id: 'breakdowns' },
      el('h2', { id: 'breakdowns-heading' }, 'Breakdowns'),
      el('div', { class: 'controls' }, this.ruleSelect.element),
      el('h3', { id: 'category-heading' }, 'By crime category and attendance'),
      this.categoryTable,
      el('h3', { id: 'domestic-abuse-heading' }, 'Domestic abuse files against all files'),
      this.domesticAbuseTable,
      el('h3', { id: 'field-breakdown-heading' }, 'By the facts you pick'),
      el('div', { class: 'controls' }, ...this.fieldSelects.map((select) => select.element)),
      this.fieldTable,
    );
  }

  update(overview: SampleOverview, kind: ShareKind = this.kind): void {
    this.overview = overview;
    this.kind = kind;
    this.rule = this.ruleSelect.update(
      overview.rules.map((rule) => ({ value: rule.rule, label: rule.title })),
      this.rule,
    );
    this.renderRuleTables();
    this.renderDomesticAbuseTable();
  }

  private renderRuleTables(): void {
    this.renderCategoryTable();
    this.renderFieldControls();
    this.renderFieldTable();
  }

  private breakdown(id: Breakdown['id']): Breakdown | undefined {
    return this.overview?.breakdowns.find((breakdown) => breakdown.id === id);
  }

  private ruleTitle(): string {
    return this.overview?.rules.find((r) => r.rule === this.rule)?.title ?? 'rule';
  }

  private renderCategoryTable(): void {
    const breakdown = this.breakdown('categoryAttendance');
    if (!breakdown || breakdown.groups.length === 0) {
      replaceChildren(this.categoryTable, el('p', { class: 'empty' }, 'No files audited.'));
      return;
    }
    replaceChildren(
      this.categoryTable,
      this.ruleBreakdownTable(
        breakdown,
        'category-table',
        'category-heading',
        `Files by crime category and attendance, with a subtotal per category; % ${this.kind} of “${this.ruleTitle()}” out of the files where it was decided, with its 95% Wilson interval.`,
      ),
    );
  }

  private renderFieldControls(): void {
    const choices = [
      { value: NONE, label: '— (none)' },
      ...BREAKDOWN_FIELD_CHOICES.map((choice) => ({
        value: choice.path,
        label: `${choice.title}${choice.hint ? ` (${choice.hint})` : ''}: ${choice.path}`,
      })),
    ];
    this.fieldSelects[0].update(choices, this.fields[0] ?? NONE);
    this.fieldSelects[1].update(
      choices.filter((choice) => choice.value === NONE || choice.value !== this.fields[0]),
      this.fields[1] ?? NONE,
    );
    this.fieldSelects[1].element.hidden = this.fields.length === 0;
  }

  private renderFieldTable(): void {
    if (this.fields.length === 0) {
      replaceChildren(
        this.fieldTable,
        el('p', { class: 'empty' }, 'Pick a fact above to break the sample down by it (and a second for subtotals).'),
      );
      return;
    }
    const breakdown = this.breakdown(`by:${this.fields.join('+')}`);
    if (!breakdown) {
      // The host tallies the new cut from the results it has (no re-audit): the next message has it.
      replaceChildren(this.fieldTable, el('p', { class: 'empty', role: 'status' }, 'Breaking the sample down…'));
      return;
    }
    const titles = this.fields.map(
      (field) => BREAKDOWN_FIELD_CHOICES.find((choice) => choice.path === field)?.title ?? field,
    );
    replaceChildren(
      this.fieldTable,
      this.ruleBreakdownTable(
        { ...breakdown, dimensions: titles },
        'field-table',
        'field-breakdown-heading',
        `Files by ${titles.join(' and ').toLowerCase()}${titles.length > 1 ? ', with a subtotal per first value' : ''}; % ${this.kind} of “${this.ruleTitle()}” out of the files where it was decided, with its 95% Wilson interval.`,
      ),
    );
  }

  /** A breakdown's groups (with subtotals) and all files, for the rule picked. */
  private ruleBreakdownTable(breakdown: Breakdown, id: string, labelledBy: string, caption: string): HTMLElement {
    const overview = this.overview!;
    const index = overview.rules.findIndex((rule) => rule.rule === this.rule);
    const rows = breakdownRows(breakdown, overview.rules);
    const width = breakdown.dimensions.length;
    const labelCells = (row: BreakdownRow) =>
      row.total
        ? [el('th', { scope: 'row', colspan: String(width) }, row.labels[0])]
        : row.labels.map((label, at) =>
            at === 0
              ? el('th', { scope: 'row' }, humanise(label))
              : el('td', row.subtotal ? { title: 'Subtotal' } : {}, humanise(label)),
          );
    return el(
      'table',
      { class: 'data breakdown', id, 'aria-labelledby': labelledBy },
      el('caption', {}, caption),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          ...[...breakdown.dimensions, 'Files', 'Files failing any rule'].map((c) => el('th', { scope: 'col' }, c)),
          // The caption names the rule; the heading stays short enough not to run off the table.
          el('th', { scope: 'col', title: this.ruleTitle() }, `% ${this.kind} (95% CI), n`),
        ),
      ),
      el(
        'tbody',
        {},
        ...rows.map((row) =>
          el(
            'tr',
            {
              class: row.total ? 'total' : row.subtotal ? 'subtotal' : undefined,
              'data-labels': row.labels.join(' / '),
            },
            ...labelCells(row),
            el('td', { class: 'num', 'data-count': 'files' }, row.files),
            el('td', { class: 'num', 'data-count': 'failingAny' }, row.filesFailingAny),
            el(
              'td',
              { class: 'num', 'data-count': 'share' },
              index < 0 ? '—' : breakdownShareText(breakdownRuleRow(row, index), this.kind),
            ),
          ),
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
    // The groups and all files, as every report rows them; a column each here, a row per rule.
    const rows = breakdownRows(breakdown, overview.rules);
    const column = (label: string) => rows.find((row) => !row.total && row.labels[0] === label);
    const domestic = column('domestic abuse');
    const other = column('not domestic abuse');
    const all = rows.find((row) => row.total);
    const heading = (label: string, files: number) =>
      el('th', { scope: 'col' }, `${label} (${countOf(files, 'file')})`);
    const cell = (row: BreakdownRow | undefined, index: number) =>
      el('td', { class: 'num' }, row ? breakdownShareText(breakdownRuleRow(row, index), this.kind) : '—');
    replaceChildren(
      this.domesticAbuseTable,
      el(
        'table',
        { class: 'data', id: 'domestic-abuse-table', 'aria-labelledby': 'domestic-abuse-heading' },
        el(
          'caption',
          {},
          `% ${this.kind} per rule out of the files where it was decided, with its 95% Wilson interval: domestic abuse files, other files and all files.`,
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
          ...overview.rules.map((rule, index) =>
            el(
              'tr',
              { 'data-rule': rule.rule },
              el('th', { scope: 'row' }, rule.title),
              cell(domestic, index),
              cell(other, index),
              cell(all, index),
            ),
          ),
        ),
      ),
    );
  }
}
