import type { ActionItem } from '../actionList';
import { sourceText } from '../sourceText';
import { shareWithInterval, type ShareKind } from '../wording';
import { escapeMarkdown as md } from './escapeMarkdown';
import { section } from './htmlPage';
import { html, type Html } from './htmlTemplate';

/** "25.0% (7.1–59.1), 2 of 8": an action item's failed (or passed) share with its interval and n. */
export function actionShareText(item: ActionItem, kind: ShareKind = 'failed'): string {
  const files = kind === 'failed' ? item.failed : item.applicable - item.failed;
  return `${shareWithInterval(item, kind)}, ${files} of ${item.applicable}`;
}
const share = (item: ActionItem) => actionShareText(item);

export const ACTION_LIST_INTRO =
  'The failed criteria, most certainly failed first (by the lower bound of the 95% interval of the failed share), each with the inspection passage it rests on and the recommendation it answers.';
const INTRO = ACTION_LIST_INTRO;

export function actionListMarkdown(actions: readonly ActionItem[]): string[] {
  if (actions.length === 0) return [];
  const out = ['## Action list', '', INTRO, ''];
  actions.forEach((item, index) => {
    out.push(`${index + 1}. **${md(item.title)}** (${md(item.rule)}): failed ${share(item)}`);
    if (item.passage) out.push(`   - Passage: ${md(sourceText(item.passage))}`);
    for (const recommendation of item.recommendations) out.push(`   - ${md(sourceText(recommendation))}`);
  });
  out.push('');
  return out;
}

export function actionListHtml(actions: readonly ActionItem[]): Html | undefined {
  if (actions.length === 0) return undefined;
  return section(
    'actions',
    'Action list',
    html`<p class="note">${INTRO}</p>
<ol>
${actions.map(
  (item) =>
    html`<li><strong>${item.title}</strong> <span class="note">(${item.rule})</span>: failed ${share(item)}${item.passage && html`<br><span class="note">Passage: ${sourceText(item.passage)}</span>`}${item.recommendations.map((recommendation) => html`<br><span class="note">${sourceText(recommendation)}</span>`)}</li>
`,
)}</ol>`,
  );
}
