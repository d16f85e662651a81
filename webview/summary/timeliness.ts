import type { TimelinessTable } from '../../src/report';
import { countShareText, FILING_BANDS, spreadText, TIMELINESS_MEASURES, timelinessCaption } from '../../src/report';
import { el, replaceChildren } from './dom';
import { humanise } from './format';
import { Select } from './select';

/**
 * Time to filing, under investigation and to first attendance or contact (medians and quartiles),
 * and time to filing in bands (under 24 hours, 1 to 7 days, over 7 days): for all files or cut by
 * any of the summary's breakdowns, in the exports' words.
 */
export class Timeliness {
  readonly element: HTMLElement;
  private readonly select: Select;
  private readonly table = el('div', { class: 'table-scroll' });
  private tables: readonly TimelinessTable[] = [];

  constructor(
    private cut: string,
    private readonly onCutChange: (cut: string) => void,
  ) {
    this.select = new Select('timeliness-cut', 'Files', (cut) => {
      this.cut = cut;
      this.onCutChange(cut);
      this.render();
    });
    this.element = el(
      'section',
      { 'aria-labelledby': 'timeliness-heading', id: 'timeliness' },
      el('h2', { id: 'timeliness-heading' }, 'Timeliness'),
      el('div', { class: 'controls' }, this.select.element),
      this.table,
    );
  }

  update(tables: readonly TimelinessTable[]): void {
    this.tables = tables;
    this.cut = this.select.update(
      tables.map((table) => ({ value: table.id, label: table.title })),
      this.cut || 'all',
    );
    this.render();
  }

  private render(): void {
    const table = this.tables.find((candidate) => candidate.id === this.cut);
    if (!table || table.rows.length === 0) {
      replaceChildren(this.table, el('p', { class: 'empty' }, 'No files audited.'));
      return;
    }
    const labels = table.dimensions.length > 0 ? table.dimensions : ['Files'];
    replaceChildren(
      this.table,
      el(
        'table',
        { class: 'data timeliness', id: 'timeliness-table', 'data-cut': table.id },
        el('caption', {}, timelinessCaption(table.title)),
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            ...labels.map((label) => el('th', { scope: 'col' }, label)),
            ...TIMELINESS_MEASURES.map((measure) => el('th', { scope: 'col' }, measure.title)),
            ...FILING_BANDS.map((band) => el('th', { scope: 'col' }, `Filed: ${band.title.toLowerCase()}`)),
          ),
        ),
        el(
          'tbody',
          {},
          ...table.rows.map((row) =>
            el(
              'tr',
              {},
              ...row.labels.map((label) => el('th', { scope: 'row' }, humanise(label))),
              ...TIMELINESS_MEASURES.map((measure) =>
                el('td', { class: 'num', 'data-measure': measure.id }, spreadText(row.measures[measure.id])),
              ),
              ...FILING_BANDS.map((band) =>
                el('td', { class: 'num', 'data-band': band.id }, countShareText(row.bands[band.id])),
              ),
            ),
          ),
        ),
      ),
    );
  }
}
