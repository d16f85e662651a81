import type { FileFinding, FileRow, RuleRow, Range } from '../../src/report';
import { el, replaceChildren } from './dom';
import { plural } from './format';
import { Select } from './select';

/** Every row has the same height: what lets the list show only the rows in view. */
export const ROW_HEIGHT = 24;
/** Rows drawn beyond the visible ones, so fast scrolling does not show blanks. */
const OVERSCAN = 10;
const COLUMNS = ['File', 'Reference', 'Rule', 'Severity', 'Line', 'Message'];
const SEVERITIES = ['error', 'warning', 'information', 'hint'];
export const ALL = '*';

interface FindingRow {
  file: FileRow;
  finding: FileFinding;
}

export interface FindingFilters {
  rule: string;
  severity: string;
}

/**
 * The findings of the sample, one row per finding, filterable by rule and severity. Virtualised:
 * however many files the sample has, only the rows in view exist in the DOM. A WAI-ARIA grid: the
 * list takes focus once, arrows move the active row, Enter opens the file at the finding.
 */
export class FindingsList {
  readonly element: HTMLElement;
  private readonly grid: HTMLElement;
  private readonly body: HTMLElement;
  private readonly status = el('p', { class: 'list-status', role: 'status', 'aria-live': 'polite' });
  /** Shown when the filters leave nothing: says so and offers to clear them. */
  private readonly noMatch: HTMLElement;
  private readonly ruleSelect: Select;
  private readonly severitySelect: Select;
  private rows: FindingRow[] = [];
  private visible: FindingRow[] = [];
  private active = -1;
  private drawn = { start: -1, end: -1 };
  private frame = 0;

  constructor(
    private filters: FindingFilters,
    private readonly onReveal: (path: string, range: Range) => void,
    private readonly onFiltersChange: (filters: FindingFilters) => void,
  ) {
    this.ruleSelect = new Select('filter-rule', 'Rule', (rule) => this.setFilters({ ...this.filters, rule }));
    this.severitySelect = new Select('filter-severity', 'Severity', (severity) =>
      this.setFilters({ ...this.filters, severity }),
    );
    this.body = el('div', { role: 'rowgroup', class: 'grid-body' });
    const clear = el('vscode-button', { id: 'clear-filters', secondary: true }, 'Clear filters');
    clear.addEventListener('click', () => {
      this.setFilters({ rule: ALL, severity: ALL });
      this.grid.focus();
    });
    this.noMatch = el(
      'div',
      { class: 'no-match', id: 'findings-no-match', hidden: true },
      el('p', { class: 'empty' }, 'No findings match these filters.'),
      clear,
    );
    this.grid = el(
      'div',
      {
        class: 'grid',
        id: 'findings-grid',
        role: 'grid',
        'aria-labelledby': 'findings-heading',
        'aria-colcount': COLUMNS.length,
        tabindex: 0,
      },
      el(
        'div',
        { role: 'rowgroup', class: 'grid-head' },
        el(
          'div',
          { role: 'row', class: 'grid-row', 'aria-rowindex': 1 },
          ...COLUMNS.map((c) => el('div', { role: 'columnheader' }, c)),
        ),
      ),
      this.body,
    );
    this.grid.addEventListener('scroll', () => this.scheduleDraw());
    this.grid.addEventListener('keydown', (event) => this.onKey(event));
    this.grid.addEventListener('focus', () => {
      if (this.active < 0 && this.visible.length > 0) this.activate(0);
    });
    this.body.addEventListener('click', (event) => {
      const row = (event.target as Element).closest<HTMLElement>('[data-index]');
      if (!row) return;
      this.activate(Number(row.dataset.index));
      this.reveal();
    });
    this.element = el(
      'section',
      { 'aria-labelledby': 'findings-heading' },
      el('h2', { id: 'findings-heading' }, 'Files with findings'),
      el('div', { class: 'controls' }, this.ruleSelect.element, this.severitySelect.element),
      this.status,
      this.noMatch,
      this.grid,
    );
  }

  /** Shows only findings of `rule` (from the rules table) and brings the list into view. */
  showRule(rule: string): void {
    this.setFilters({ ...this.filters, rule });
    this.element.scrollIntoView({ block: 'start' });
    this.grid.focus();
  }

  /** New rules (filter options) and files: keeps the filters and the active row where it can. */
  update(rules: readonly RuleRow[], files: Iterable<FileRow>): void {
    const findingsPerRule = new Map<string, number>();
    const rows: FindingRow[] = [];
    for (const file of files) {
      for (const finding of file.findings) {
        rows.push({ file, finding });
        findingsPerRule.set(finding.rule, (findingsPerRule.get(finding.rule) ?? 0) + 1);
      }
    }
    rows.sort(
      (a, b) =>
        compareText(a.file.name, b.file.name) ||
        a.finding.range.start.line - b.finding.range.start.line ||
        compareText(a.finding.rule, b.finding.rule),
    );
    this.rows = rows;
    // Rules of the sample plus any finding rule outside it (syntax, schema): every finding is reachable.
    const ruleChoices = rules.map((rule) => ({
      value: rule.rule,
      label: `${rule.title} (${findingsPerRule.get(rule.rule) ?? 0})`,
    }));
    for (const [rule, count] of findingsPerRule)
      if (!rules.some((r) => r.rule === rule)) ruleChoices.push({ value: rule, label: `${rule} (${count})` });
    const rule = this.ruleSelect.update(
      [{ value: ALL, label: `All rules (${rows.length})` }, ...ruleChoices],
      this.filters.rule,
    );
    const severity = this.severitySelect.update(
      [{ value: ALL, label: 'All severities' }, ...SEVERITIES.map((s) => ({ value: s, label: s }))],
      this.filters.severity,
    );
    this.filters = { rule, severity };
    this.applyFilters();
  }

  private setFilters(filters: FindingFilters): void {
    this.filters = filters;
    this.ruleSelect.select(filters.rule);
    this.severitySelect.select(filters.severity);
    this.onFiltersChange(filters);
    this.applyFilters();
  }

  private applyFilters(): void {
    const { rule, severity } = this.filters;
    const activeRow = this.visible[this.active];
    this.visible = this.rows.filter(
      (row) => (rule === ALL || row.finding.rule === rule) && (severity === ALL || row.finding.severity === severity),
    );
    this.active = activeRow ? this.visible.indexOf(activeRow) : -1;
    const files = new Set(this.visible.map((row) => row.file.path)).size;
    this.status.textContent =
      this.rows.length === 0
        ? 'No findings.'
        : `Showing ${plural(this.visible.length, 'finding')} in ${plural(files, 'file')} (of ${this.rows.length} findings).`;
    this.noMatch.hidden = !(this.rows.length > 0 && this.visible.length === 0);
    this.grid.setAttribute('aria-rowcount', String(this.visible.length + 1));
    this.body.style.height = `${this.visible.length * ROW_HEIGHT}px`;
    this.drawn = { start: -1, end: -1 };
    this.draw();
  }

  private scheduleDraw(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  /** Draws the rows in view (plus overscan); nothing when the window has not moved. */
  private draw(): void {
    const headHeight = ROW_HEIGHT;
    const viewport = Math.max(this.grid.clientHeight - headHeight, ROW_HEIGHT * 10);
    const top = Math.max(0, this.grid.scrollTop);
    const start = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
    const end = Math.min(this.visible.length, Math.ceil((top + viewport) / ROW_HEIGHT) + OVERSCAN);
    if (start === this.drawn.start && end === this.drawn.end) return;
    this.drawn = { start, end };
    this.body.style.paddingTop = `${start * ROW_HEIGHT}px`;
    const rows: HTMLElement[] = [];
    for (let index = start; index < end; index++) rows.push(this.rowElement(index));
    replaceChildren(this.body, ...rows);
  }

  private rowElement(index: number): HTMLElement {
    const { file, finding } = this.visible[index];
    const line = finding.range.start.line + 1;
    return el(
      'div',
      {
        role: 'row',
        class: `grid-row${index === this.active ? ' active' : ''}`,
        id: `finding-${index}`,
        'aria-rowindex': index + 2,
        'aria-selected': index === this.active ? 'true' : 'false',
        'data-index': index,
        'data-path': file.path,
      },
      // Narrow panels cut names and references in the middle, keeping the end that tells them apart.
      el(
        'div',
        { role: 'gridcell', title: file.name, class: 'middle' },
        ...middleEllipsis(file.name, nameTail(file.name)),
      ),
      el(
        'div',
        { role: 'gridcell', title: file.reference, class: 'middle' },
        ...middleEllipsis(file.reference ?? '', REFERENCE_TAIL),
      ),
      el('div', { role: 'gridcell' }, finding.rule),
      el('div', { role: 'gridcell', class: `severity severity-${finding.severity}` }, finding.severity),
      el('div', { role: 'gridcell', class: 'num' }, line),
      el('div', { role: 'gridcell', title: finding.message }, finding.message),
    );
  }

  private onKey(event: KeyboardEvent): void {
    if (this.visible.length === 0) return;
    const page = Math.max(1, Math.floor(this.grid.clientHeight / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (event.key in moves)
      this.activate(Math.min(this.visible.length - 1, Math.max(0, this.active + moves[event.key])));
    else if (event.key === 'Home') this.activate(0);
    else if (event.key === 'End') this.activate(this.visible.length - 1);
    else if (event.key === 'Enter' || event.key === ' ') this.reveal();
    else return;
    event.preventDefault();
  }

  /** Makes row `index` the active one, scrolling it into view. */
  private activate(index: number): void {
    this.active = index;
    const top = index * ROW_HEIGHT;
    const viewport = this.grid.clientHeight - ROW_HEIGHT;
    if (top < this.grid.scrollTop) this.grid.scrollTop = top;
    else if (top + ROW_HEIGHT > this.grid.scrollTop + viewport) this.grid.scrollTop = top + ROW_HEIGHT - viewport;
    // Rows are only rebuilt when the window moves: rebuilding under the pointer would swallow the click.
    this.draw();
    for (const row of this.body.children) {
      const isActive = Number((row as HTMLElement).dataset.index) === index;
      row.classList.toggle('active', isActive);
      row.setAttribute('aria-selected', String(isActive));
    }
    this.grid.setAttribute('aria-activedescendant', `finding-${index}`);
  }

  private reveal(): void {
    const row = this.visible[this.active];
    if (row) this.onReveal(row.file.path, row.finding.range);
  }
}

/** Characters of a reference always shown, however narrow the column ("EM-17-0…38811", not "EM-17-03…"). */
const REFERENCE_TAIL = 6;

/** A file name keeps its extension and the six characters before it. */
function nameTail(name: string): number {
  const extension = /(\.crime)?\.(ya?ml|json)$/i.exec(name)?.[0] ?? '';
  return extension.length + REFERENCE_TAIL;
}

/** The text as a head that may shrink to an ellipsis and a tail that never does. */
export function middleEllipsis(text: string, tail: number): HTMLElement[] {
  if (text.length <= tail + 2) return [el('span', { class: 'tail' }, text)];
  const cut = text.length - tail;
  return [el('span', { class: 'head' }, text.slice(0, cut)), el('span', { class: 'tail' }, text.slice(cut))];
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
