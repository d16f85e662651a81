import type { ActionItem } from '../actionList';
import { sourceText } from '../sourceText';
import { shareWithInterval } from '../wording';
import { escapeMarkdown as md } from './escapeMarkdown';
import { section } from './htmlPage';
import { html, type Html } from './htmlTemplate';

const share = (item: ActionItem) => `${shareWithInterval(item)}, ${item.failed} of ${item.applicable}`;

const INTRO =
  'The failed criteria, most certainly failed first (by the lower bound of the 95% interval of the failed share), each with the inspection passage it rests on and the recommendation it answers.';

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
