import type { OutcomeTally } from '../../src/report';
import { countShareText, outcome16Text, outcomeCodesCaption, outcomeGroupsCaption, percent } from '../../src/report';
import { el } from './dom';

/**
 * What the files were filed with: the outcome groups of PEEL 2021/22 Table 1 beside the national
 * shares, the Home Office outcome codes, and outcome 16's share (PEEL 2017 Figure 14), in the
 * exports' words.
 */
export function outcomesSection(outcomes: OutcomeTally): HTMLElement {
  const heading = el('h2', { id: 'outcomes-heading' }, 'Outcomes');
  if (outcomes.files === 0)
    return el(
      'section',
      { 'aria-labelledby': 'outcomes-heading', id: 'outcomes' },
      heading,
      el('p', { class: 'empty' }, 'No readable crime file.'),
    );
  return el(
    'section',
    { 'aria-labelledby': 'outcomes-heading', id: 'outcomes' },
    heading,
    el(
      'div',
      { class: 'table-scroll' },
      el(
        'table',
        { class: 'data', id: 'outcome-groups-table' },
        el('caption', {}, outcomeGroupsCaption(outcomes.files)),
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            el('th', { scope: 'col' }, 'Outcome group'),
            el('th', { scope: 'col' }, 'Files (95% CI)'),
            el(
              'th',
              { scope: 'col', title: 'PEEL 2021/22 Table 1: share of outcomes assigned nationally' },
              'National %',
            ),
          ),
        ),
        el(
          'tbody',
          {},
          ...outcomes.groups.map((group) =>
            el(
              'tr',
              { 'data-group': group.id },
              el('th', { scope: 'row' }, group.title),
              el('td', { class: 'num', 'data-count': 'share' }, countShareText(group)),
              el('td', { class: 'num', 'data-count': 'national' }, percent(group.national)),
            ),
          ),
        ),
      ),
    ),
    el(
      'div',
      { class: 'table-scroll' },
      outcomes.codes.length === 0
        ? el('p', { class: 'empty' }, 'No file was filed with an outcome code.')
        : el(
            'table',
            { class: 'data', id: 'outcome-codes-table' },
            el('caption', {}, outcomeCodesCaption(outcomes.withOutcome)),
            el(
              'thead',
              {},
              el(
                'tr',
                {},
                el('th', { scope: 'col' }, 'Code'),
                el('th', { scope: 'col' }, 'Outcome'),
                el('th', { scope: 'col' }, 'Files (95% CI)'),
              ),
            ),
            el(
              'tbody',
              {},
              ...outcomes.codes.map((row) =>
                el(
                  'tr',
                  { 'data-code': row.code },
                  el('th', { scope: 'row', class: 'num' }, row.code),
                  el('td', {}, row.title),
                  el('td', { class: 'num', 'data-count': 'share' }, countShareText(row)),
                ),
              ),
            ),
          ),
    ),
    el('p', { id: 'outcome16' }, outcome16Text(outcomes)),
  );
}
