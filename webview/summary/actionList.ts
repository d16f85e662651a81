import type { ActionItem, ShareKind } from '../../src/report';
import { ACTION_LIST_INTRO, actionShareText, sourceText } from '../../src/report';
import { el } from './dom';

/**
 * The force's action list: the failed criteria ranked by the lower bound of the failed share's 95%
 * interval, each with the passage it rests on and the recommendation it answers (as the exports).
 */
export function actionListSection(actions: readonly ActionItem[], kind: ShareKind = 'failed'): HTMLElement {
  const body =
    actions.length === 0
      ? el('p', { class: 'empty' }, 'No criterion failed on any file: nothing to act on.')
      : el(
          'div',
          { class: 'table-scroll' },
          el(
            'table',
            { class: 'data actions', id: 'actions-table' },
            el('caption', {}, ACTION_LIST_INTRO),
            el(
              'thead',
              {},
              el(
                'tr',
                {},
                el('th', { scope: 'col', title: 'Rank' }, '#'),
                el('th', { scope: 'col' }, 'Criterion'),
                el('th', { scope: 'col' }, `% ${kind} (95% CI), n`),
                el('th', { scope: 'col' }, 'Passage and recommendation'),
              ),
            ),
            el(
              'tbody',
              {},
              ...actions.map((item, index) =>
                el(
                  'tr',
                  { 'data-rule': item.rule },
                  el('td', { class: 'num' }, index + 1),
                  el(
                    'th',
                    { scope: 'row' },
                    el('span', { class: 'rule-title' }, item.title),
                    ' ',
                    el('code', { class: 'rule-id' }, item.rule),
                  ),
                  el('td', { class: 'num', 'data-count': 'share' }, actionShareText(item, kind)),
                  el(
                    'td',
                    { class: 'passage' },
                    item.passage
                      ? el('p', { class: 'source', 'data-source': 'passage' }, sourceText(item.passage))
                      : null,
                    ...item.recommendations.map((source) =>
                      el('p', { class: 'source', 'data-source': 'recommendation' }, sourceText(source)),
                    ),
                    !item.passage && item.recommendations.length === 0
                      ? el('span', { class: 'empty' }, 'No passage cited.')
                      : null,
                  ),
                ),
              ),
            ),
          ),
        );
  return el(
    'section',
    { 'aria-labelledby': 'actions-heading', id: 'actions' },
    el('h2', { id: 'actions-heading' }, 'Action list'),
    body,
  );
}
