/**
 * The summary's Marking tab: how far each rater's marks agree with the answer key (a trainer's
 * review file), per criterion — % agreement with its n and 95% interval, Cohen's kappa — and, for
 * a cell clicked, that criterion's confusion matrix (key rows × rater columns) and the files where
 * they differ (a click opens the file). Without a key (moderation): every pair of raters and
 * Krippendorff's alpha per criterion. The figures come from the report layer (`agreementReport`,
 * the same as `dipsample agreement`); this file only draws them, as text.
 */
import {
  agreementText,
  kappaLabel,
  kappaText,
  OUTCOME_LABELS,
  submittedText,
  type CriterionAgreement,
} from '../../src/report';
import type { AgreementExportFormat, AgreementReportView, AgreementView } from '../../src/protocol/agreementMessages';
import { el, replaceChildren } from './dom';
import { Select } from './select';

export interface MarkingActions {
  /** A trainer's id, or null for moderation without a key. */
  pickKey(key: string | null): void;
  exportAs(format: AgreementExportFormat): void;
  /** Opens a crime file of the sample (relative path). */
  openFile(path: string): void;
}

const EXPORTS: Array<{ format: AgreementExportFormat; label: string }> = [
  { format: 'csv', label: 'CSV' },
  { format: 'markdown', label: 'Markdown' },
  { format: 'html', label: 'HTML report' },
];

/** The picker's value for moderation (a reviewer id never starts with a space). */
const MODERATION = ' moderation';

/** A value in words: a check's outcome as the outcome reads; a scale value as written. */
function valueText(value: string): string {
  return value in OUTCOME_LABELS ? OUTCOME_LABELS[value as keyof typeof OUTCOME_LABELS] : value;
}

function alphaText(alpha: number | null): string {
  return alpha === null ? '—' : alpha.toFixed(2);
}

export class MarkingView {
  readonly element = el('section', {
    id: 'marking-tab',
    class: 'tab-panel',
    role: 'tabpanel',
    'aria-labelledby': 'tab-marking',
    hidden: true,
  });
  private readonly keyPicker: Select;
  private view: AgreementView | undefined;
  /** The cell whose detail is shown (rater id and rule), kept across updates. */
  private selected: { rater: string; rule: string } | undefined;
  /** Also list the criteria no rater has a comparison on yet (hidden by default: they are all dashes). */
  private showAll = false;

  constructor(private readonly actions: MarkingActions) {
    this.keyPicker = new Select('agreement-key', 'Answer key', (value) =>
      this.actions.pickKey(value === MODERATION ? null : value),
    );
    this.element.addEventListener('click', (event) => this.click(event));
  }

  /** New figures (null: the sample has nothing to compare). */
  update(view: AgreementView | null): void {
    this.view = view ?? undefined;
    this.render();
  }

  get available(): boolean {
    return this.view !== undefined;
  }

  private render(): void {
    const view = this.view;
    if (!view) {
      replaceChildren(this.element);
      return;
    }
    const report = view.report;
    replaceChildren(
      this.element,
      el('h2', { id: 'marking-heading' }, report.key === null ? 'Moderation' : 'Marking'),
      this.controls(view),
      report.notes.length > 0
        ? el('ul', { class: 'agreement-notes' }, ...report.notes.map((note) => el('li', {}, note)))
        : null,
      report.key === null ? this.moderation(report) : this.raterTable(report),
      report.key === null ? null : this.detail(report),
    );
  }

  private controls(view: AgreementView): HTMLElement {
    const { report, keys } = view;
    const choices = [
      ...keys.map((key) => ({ value: key.id, label: key.name ? `${key.id} (${key.name})` : key.id })),
      ...(view.moderation ? [{ value: MODERATION, label: 'No key: raters with each other (moderation)' }] : []),
    ];
    const picker =
      choices.length > 1
        ? (this.keyPicker.update(choices, report.key ?? MODERATION), this.keyPicker.element)
        : el(
            'p',
            { class: 'agreement-key', id: 'agreement-key-text' },
            report.key === null
              ? 'No trainer’s key in this sample: the raters are compared with each other.'
              : `Answer key: ${report.key}${report.keyName ? ` (${report.keyName})` : ''}`,
          );
    const exports = el(
      'div',
      { class: 'agreement-exports', role: 'group', 'aria-labelledby': 'agreement-export-label' },
      el('span', { class: 'toolbar-label', id: 'agreement-export-label' }, 'Export agreement:'),
      ...EXPORTS.map(({ format, label }) =>
        el('vscode-button', { 'data-agreement-export': format, secondary: true }, label),
      ),
    );
    return el('div', { class: 'controls agreement-controls' }, picker, exports);
  }

  /** Criteria down, raters across: each cell the rater's agreement with the key on that criterion. */
  private raterTable(report: AgreementReportView): HTMLElement {
    if (report.raters.length === 0)
      return el('p', { class: 'empty' }, 'No rater has marked this sample yet: only the key’s review file is here.');
    const head = el(
      'tr',
      {},
      el('th', { scope: 'col' }, 'Criterion'),
      ...report.raters.map((rater) =>
        el(
          'th',
          { scope: 'col', 'data-rater': rater.reviewer },
          rater.reviewer,
          el('span', { class: 'rater-meta' }, rater.name ?? rater.role),
          el('span', { class: 'rater-meta' }, submittedText(rater)),
        ),
      ),
      el(
        'th',
        { scope: 'col', title: 'Every rater pooled against the key, and Krippendorff’s alpha among the raters' },
        'All raters (α)',
      ),
    );
    const overall = el(
      'tr',
      { class: 'overall', 'data-rule': '' },
      el(
        'th',
        { scope: 'row' },
        el('strong', {}, 'Overall'),
        el('span', { class: 'rule-id' }, 'every criterion pooled'),
      ),
      ...report.raters.map((rater) =>
        el(
          'td',
          { 'data-rater': rater.reviewer },
          el('span', { class: 'share' }, agreementText(rater.overall)),
          el(
            'span',
            { class: 'kappa' },
            `mean κ ${rater.overall.meanKappa === null ? '—' : rater.overall.meanKappa.toFixed(2)} · ${rater.overall.marked} of ${rater.overall.keyed} marked`,
          ),
        ),
      ),
      el('td', {}, el('span', { class: 'kappa' }, `α ${alphaText(report.alpha)}`)),
    );
    // Judgments first (as in the Review panel); criteria nobody can be compared on yet at the end, folded.
    const compared = (rule: string) =>
      report.raters.some((rater) => (rater.criteria.find((candidate) => candidate.rule === rule)?.n ?? 0) > 0);
    const ordered = [
      ...report.criteria.filter((criterion) => criterion.kind === 'judgment'),
      ...report.criteria.filter((criterion) => criterion.kind !== 'judgment'),
    ];
    const shown = ordered.filter((criterion) => this.showAll || compared(criterion.rule));
    const folded = ordered.length - ordered.filter((criterion) => compared(criterion.rule)).length;
    const rows = shown.map((criterion) =>
      el(
        'tr',
        { 'data-rule': criterion.rule },
        el(
          'th',
          { scope: 'row' },
          el('span', { class: 'rule-title' }, criterion.title),
          el('code', { class: 'rule-id' }, `${criterion.rule} · ${criterion.kind}`),
        ),
        ...report.raters.map((rater) => {
          const cell = rater.criteria.find((candidate) => candidate.rule === criterion.rule);
          return el('td', { 'data-rater': rater.reviewer }, cell ? this.cell(rater.reviewer, cell) : '—');
        }),
        el(
          'td',
          {},
          el('span', { class: 'share' }, agreementText(criterion)),
          el('span', { class: 'kappa' }, `α ${alphaText(criterion.alpha)}`),
        ),
      ),
    );
    return el(
      'div',
      { class: 'table-scroll' },
      el(
        'table',
        { class: 'data agreement', id: 'agreement-table' },
        el(
          'caption',
          {},
          'Agreement with the key per criterion: % of the files both marked (95% Wilson interval, agreed of n) and Cohen’s kappa (95% interval). Click a cell for its confusion matrix and the files that differ.',
        ),
        el('thead', {}, head),
        el('tbody', {}, overall, ...rows),
      ),
      folded > 0
        ? el(
            'button',
            { class: 'link', type: 'button', id: 'agreement-show-all', 'aria-expanded': String(this.showAll) },
            this.showAll
              ? `Hide the ${folded} criteria no rater can be compared on yet`
              : `Show the ${folded} criteria no rater can be compared on yet (not marked, or no key)`,
          )
        : null,
    );
  }

  private cell(rater: string, criterion: CriterionAgreement): HTMLElement {
    const selected = this.selected?.rater === rater && this.selected.rule === criterion.rule;
    const label = kappaLabel(criterion.kappa);
    return el(
      'button',
      {
        class: `cell${selected ? ' selected' : ''}${criterion.n > 0 && criterion.agreed < criterion.n ? ' has-misses' : ''}`,
        type: 'button',
        'data-cell': `${rater}|${criterion.rule}`,
        'aria-pressed': selected ? 'true' : 'false',
        title: `${rater} on ${criterion.title}: ${agreementText(criterion)}; κ ${kappaText(criterion.kappa, criterion.kappaInterval)}${label ? ` (${label})` : ''}${criterion.unmarked > 0 ? `; ${criterion.unmarked} not marked yet` : ''}`,
      },
      el('span', { class: 'share' }, agreementText(criterion)),
      el(
        'span',
        { class: 'kappa' },
        `κ ${kappaText(criterion.kappa, criterion.kappaInterval)}${criterion.unmarked > 0 ? ` · ${criterion.unmarked} unmarked` : ''}`,
      ),
    );
  }

  /** The selected cell: its confusion matrix and the files where the rater and the key differ. */
  private detail(report: AgreementReportView): HTMLElement | null {
    const selected = this.selected;
    const rater = selected && report.raters.find((candidate) => candidate.reviewer === selected.rater);
    const criterion = rater?.criteria.find((candidate) => candidate.rule === selected?.rule);
    if (!rater || !criterion)
      return el(
        'p',
        { class: 'empty', id: 'agreement-detail' },
        'Click a cell to see its confusion matrix and the files that differ.',
      );
    const { categories, counts } = criterion.matrix;
    const matrix =
      categories.length === 0
        ? el('p', { class: 'empty' }, 'Nothing to compare yet: no file both marked.')
        : el(
            'table',
            { class: 'data matrix', id: 'confusion-matrix' },
            el('caption', {}, `Key ${report.key ?? ''} (rows) × ${rater.reviewer} (columns), in files`),
            el(
              'thead',
              {},
              el(
                'tr',
                {},
                el('th', { scope: 'col' }, `key \\ ${rater.reviewer}`),
                ...categories.map((category) => el('th', { scope: 'col', class: 'num' }, valueText(category))),
              ),
            ),
            el(
              'tbody',
              {},
              ...categories.map((category, row) =>
                el(
                  'tr',
                  {},
                  el('th', { scope: 'row' }, valueText(category)),
                  ...counts[row].map((count, column) =>
                    el(
                      'td',
                      {
                        class: `num${count === 0 ? '' : row === column ? ' agree' : ' differ'}`,
                        'data-key': category,
                        'data-rater-value': categories[column],
                      },
                      count,
                    ),
                  ),
                ),
              ),
            ),
          );
    const differing =
      criterion.disagreements.length === 0
        ? el('p', { class: 'empty' }, 'No file where they differ.')
        : el(
            'ul',
            { class: 'disagreements', id: 'disagreements' },
            ...criterion.disagreements.map((disagreement) =>
              el(
                'li',
                {},
                el(
                  'button',
                  { class: 'link open-file', type: 'button', 'data-path': disagreement.path },
                  disagreement.reference,
                ),
                el('span', { class: 'rule-id' }, ` ${disagreement.path}`),
                ` — key: ${valueText(disagreement.key)}${disagreement.keySource === 'machine' ? ' (the machine’s)' : ''}; ${rater.reviewer}: ${valueText(disagreement.rater)}`,
                disagreement.note ? el('span', { class: 'note-inline' }, ` — “${disagreement.note}”`) : null,
              ),
            ),
          );
    return el(
      'section',
      { id: 'agreement-detail', class: 'agreement-detail', 'aria-live': 'polite' },
      el('h3', {}, `${rater.reviewer} · ${criterion.title}`),
      el(
        'p',
        { class: 'description' },
        `${agreementText(criterion)}; κ ${kappaText(criterion.kappa, criterion.kappaInterval)}${kappaLabel(criterion.kappa) ? ` (${kappaLabel(criterion.kappa)})` : ''}; agreement expected by chance ${criterion.chanceAgreement === null ? '—' : `${(100 * criterion.chanceAgreement).toFixed(1)}%`}.`,
      ),
      matrix,
      el('h3', {}, `Files where ${rater.reviewer} and the key differ (${criterion.disagreements.length})`),
      differing,
    );
  }

  /** Without a key: every pair of raters, and alpha per criterion. */
  private moderation(report: AgreementReportView): HTMLElement {
    const pairs =
      report.pairs.length === 0
        ? el('p', { class: 'empty' }, 'Fewer than two raters: nothing to compare.')
        : el(
            'table',
            { class: 'data', id: 'pairs-table' },
            el('caption', {}, 'Each pair of raters, every criterion of every file both marked, pooled.'),
            el(
              'thead',
              {},
              el(
                'tr',
                {},
                ...['Rater', 'Rater', '% agreement (95% CI), agreed of n', 'κ'].map((heading) =>
                  el('th', { scope: 'col' }, heading),
                ),
              ),
            ),
            el(
              'tbody',
              {},
              ...report.pairs.map((pair) =>
                el(
                  'tr',
                  {},
                  el('td', {}, pair.a),
                  el('td', {}, pair.b),
                  el('td', {}, agreementText(pair)),
                  el('td', { class: 'num' }, pair.kappa === null ? '—' : pair.kappa.toFixed(2)),
                ),
              ),
            ),
          );
    const criteria = el(
      'table',
      { class: 'data', id: 'alpha-table' },
      el(
        'caption',
        {},
        `Krippendorff’s alpha (nominal) among the raters per criterion; all criteria: ${alphaText(report.alpha)}.`,
      ),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          ...['Criterion', 'α', 'Files (two raters or more)'].map((heading) => el('th', { scope: 'col' }, heading)),
        ),
      ),
      el(
        'tbody',
        {},
        ...report.criteria.map((criterion) =>
          el(
            'tr',
            { 'data-rule': criterion.rule },
            el('th', { scope: 'row' }, criterion.title, el('code', { class: 'rule-id' }, criterion.rule)),
            el('td', { class: 'num' }, alphaText(criterion.alpha)),
            el('td', { class: 'num' }, criterion.alphaUnits),
          ),
        ),
      ),
    );
    return el('div', { class: 'table-scroll' }, pairs, criteria);
  }

  private click(event: MouseEvent): void {
    const target = event.target as Element;
    const exportButton = target.closest<HTMLElement>('[data-agreement-export]');
    if (exportButton) {
      this.actions.exportAs(exportButton.dataset.agreementExport as AgreementExportFormat);
      return;
    }
    if (target.closest('#agreement-show-all')) {
      this.showAll = !this.showAll;
      this.render();
      this.element.querySelector<HTMLElement>('#agreement-show-all')?.focus();
      return;
    }
    const open = target.closest<HTMLElement>('button.open-file');
    if (open?.dataset.path) {
      this.actions.openFile(open.dataset.path);
      return;
    }
    const cell = target.closest<HTMLElement>('button.cell');
    const [rater, rule] = (cell?.dataset.cell ?? '').split('|');
    if (!cell || !rater || !rule) return;
    this.selected = { rater, rule };
    this.render();
    this.element
      .querySelector<HTMLElement>(`button.cell[data-cell="${CSS.escape(`${rater}|${rule}`)}"]`)
      ?.focus({ preventScroll: true });
    // The matrix and the files, under the table, come into view; the focus stays on the cell.
    this.element.querySelector('#agreement-detail')?.scrollIntoView({ block: 'nearest' });
  }
}
