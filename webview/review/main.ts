/**
 * The Review panel's webview: the crime file as a case beside every criterion of its rule set, the
 * sample's progress and the file navigation. Everything from the host is validated
 * (isReviewHostMessage) before use and becomes DOM through `el()` (text nodes only).
 *
 * Keyboard: Alt+N / Alt+P open the next / previous file of the sample (the panel follows); focus
 * then goes to the first criterion awaiting judgment. See criteria.ts and caseView.ts for the rest.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-radio/index.js';
import '@vscode-elements/elements/dist/vscode-radio-group/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import {
  isReviewHostMessage,
  isReviewWebviewState,
  type ReviewHostMessage,
  type ReviewProgress,
  type ReviewView,
  type ReviewWebviewMessage,
  type ReviewWebviewState,
} from '../../src/protocol/reviewMessages';
import { el, replaceChildren, svg } from '../summary/dom';
import { CasePane } from './caseView';
import { CriteriaPane, isUnanswered } from './criteria';

interface VsCodeApi {
  postMessage(message: ReviewWebviewMessage): void;
  getState(): unknown;
  setState(state: ReviewWebviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const saved = vscode.getState();
let state: ReviewWebviewState = isReviewWebviewState(saved) ? saved : {};

document.addEventListener('securitypolicyviolation', (event) => {
  vscode.postMessage({
    type: 'cspViolation',
    directive: event.effectiveDirective,
    blocked: event.blockedURI || event.sample || '',
  });
});

const reveal = (line: number, character: number) => vscode.postMessage({ type: 'reveal', line, character });
let shown: ReviewView | undefined;

const casePane = new CasePane(reveal);
const criteriaPane = new CriteriaPane(
  (rule, answer) => {
    if (shown) vscode.postMessage({ type: 'answer', file: shown.file, rule, answer });
  },
  reveal,
  (rule, mark) => {
    if (shown) vscode.postMessage({ type: 'mark', file: shown.file, rule, mark });
  },
);

const sampleName = el('p', { id: 'sample-name', class: 'sample-name' }, 'Review');
const fileTitle = el('h1', { id: 'file-title' }, 'No crime file');
const fileLine = el('p', { id: 'file-line', class: 'file-line' });
const previous = el(
  'vscode-button',
  { id: 'previous', secondary: true, 'aria-keyshortcuts': 'Alt+P', title: 'Previous file (Alt+P)' },
  '‹ Previous',
);
const next = el(
  'vscode-button',
  { id: 'next', 'aria-keyshortcuts': 'Alt+N', title: 'Next file (Alt+N)' },
  'Next file ›',
);
previous.addEventListener('click', () => navigate('previous'));
next.addEventListener('click', () => navigate('next'));
const METER_WIDTH = 160;
const meterFill = svg('rect', { class: 'meter-fill', x: 0, y: 0, width: 0, height: 6, rx: 3 });
const progressBar = svg(
  'svg',
  { class: 'meter', width: METER_WIDTH, height: 6, viewBox: `0 0 ${METER_WIDTH} 6`, 'aria-hidden': 'true' },
  svg('rect', { class: 'meter-track', x: 0, y: 0, width: METER_WIDTH, height: 6, rx: 3 }),
  meterFill,
);
const progressText = el('span', { id: 'progress-text' }, '');
const progressArea = el(
  'div',
  { id: 'progress', class: 'progress', role: 'status', 'aria-live': 'polite' },
  progressText,
);
const noticeArea = el('div', { id: 'notice', class: 'notice', role: 'alert' });
const submitButton = el('vscode-button', { id: 'submit-marking' }, 'Submit marking…');
submitButton.addEventListener('click', () => vscode.postMessage({ type: 'submit' }));
const markingText = el('span', { id: 'marking-text' });
/** Marking mode's banner: the trainee is told why no outcome is shown, and how to hand in. */
const markingBanner = el(
  'div',
  { id: 'marking-banner', class: 'marking-banner', role: 'note', hidden: true },
  markingText,
  submitButton,
);

const header = el(
  'header',
  { class: 'review-header' },
  el(
    'div',
    { class: 'header-row' },
    el('div', { class: 'file-id' }, sampleName, fileTitle, fileLine),
    el('div', { class: 'nav', role: 'toolbar', 'aria-label': 'Files of the sample' }, previous, next),
  ),
  el('div', { class: 'progress-row' }, progressBar, progressArea),
  markingBanner,
  el(
    'p',
    { class: 'shortcuts', 'aria-hidden': 'true' },
    el('kbd', {}, 'Alt+N'),
    ' / ',
    el('kbd', {}, 'Alt+P'),
    ' next / previous file · ',
    el('kbd', {}, '↑ ↓'),
    ' criteria · ',
    el('kbd', {}, 'Enter'),
    ' answer · ',
    el('kbd', {}, 'Esc'),
    ' cancel',
  ),
);
const layout = el('div', { class: 'layout' }, casePane.element, criteriaPane.element);
const app = document.getElementById('app') ?? document.body.appendChild(el('main', { id: 'app' }));
replaceChildren(app, header, noticeArea, layout);

function navigate(direction: 'next' | 'previous'): void {
  replaceChildren(noticeArea);
  vscode.postMessage({ type: 'navigate', direction });
}

function showProgress(progress: ReviewProgress): void {
  const share = progress.total > 0 ? Math.min(1, progress.reviewed / progress.total) : 0;
  meterFill.setAttribute('width', (METER_WIDTH * share).toFixed(1));
  progressText.textContent =
    `${progress.reviewed} of ${progress.total} file${progress.total === 1 ? '' : 's'} ${shown?.marking ? 'marked' : 'reviewed'}` +
    (progress.auditing > 0 ? ` (auditing ${progress.auditing} more…)` : '');
}

function show(view: ReviewView, fileChanged: boolean): void {
  const keep = !fileChanged && shown?.file === view.file;
  const caseFocus = keep ? casePane.focusedKey() : undefined;
  const scroll = keep
    ? { y: window.scrollY, case: casePane.element.scrollTop, criteria: criteriaPane.element.scrollTop }
    : undefined;
  shown = view;
  if (state.file !== view.file) {
    state = { file: view.file };
    vscode.setState(state);
  }
  document.title = `Review: ${view.caseView.reference ?? view.name}`;
  sampleName.textContent = `Review: ${view.sample.name}`;
  fileTitle.textContent = view.caseView.reference ?? view.name;
  const awaiting = view.criteria.filter((criterion) => criterion.kind === 'judgment' && isUnanswered(criterion)).length;
  const marking = view.marking;
  markingBanner.hidden = !marking;
  markingText.textContent = marking
    ? `Marking mode (${marking.reviewer}): mark every criterion yourself. The machine’s findings stay hidden until you submit.`
    : '';
  replaceChildren(
    fileLine,
    el('span', { id: 'file-name' }, view.name),
    ` · file ${view.index + 1} of ${view.count} · `,
    el(
      'span',
      {
        id: 'file-status',
        class: view.reviewed ? 'status-reviewed' : 'status-open',
        'data-reviewed': String(view.reviewed),
      },
      marking
        ? marking.marked === marking.total
          ? `all ${marking.total} marked`
          : `${marking.marked} of ${marking.total} marked`
        : view.reviewed
          ? 'reviewed'
          : awaiting > 0
            ? `${awaiting} judgment${awaiting === 1 ? '' : 's'} to record`
            : 'not reviewed yet',
    ),
  );
  previous.toggleAttribute('disabled', view.index === 0);
  next.toggleAttribute('disabled', view.index >= view.count - 1);
  showProgress(view.progress);
  if (fileChanged) replaceChildren(noticeArea);
  casePane.render(view.caseView, caseFocus);
  criteriaPane.render(view, keep);
  if (scroll) {
    window.scrollTo(0, scroll.y);
    casePane.element.scrollTop = scroll.case;
    criteriaPane.element.scrollTop = scroll.criteria;
  } else {
    window.scrollTo(0, 0);
    casePane.element.scrollTop = 0;
    criteriaPane.element.scrollTop = 0;
  }
  if (fileChanged) focusWork();
}

/**
 * A new file's first criterion awaiting judgment takes the focus, but only while the reviewer is in
 * the panel: a webview calling focus() would pull the focus out of the editor. Otherwise it is
 * focused when the panel next gets the focus.
 */
let focusPending = false;
function focusWork(): void {
  if (document.hasFocus()) {
    focusPending = false;
    criteriaPane.focusFirstUnanswered();
  } else {
    focusPending = true;
  }
}

function handle(message: ReviewHostMessage): void {
  switch (message.type) {
    case 'show':
      show(message.view, message.fileChanged);
      return;
    case 'empty':
      shown = undefined;
      sampleName.textContent = 'Review';
      fileTitle.textContent = 'No crime file';
      replaceChildren(fileLine, message.message);
      replaceChildren(casePane.element);
      replaceChildren(criteriaPane.element);
      return;
    case 'progress':
      showProgress(message.progress);
      return;
    case 'saved':
      criteriaPane.saved(message.rule, message.ok, message.message);
      return;
    case 'notice':
      replaceChildren(noticeArea, el('p', { class: `notice-${message.level}` }, message.message));
      return;
  }
}

document.addEventListener('keydown', (event) => {
  if (!event.altKey || event.ctrlKey || event.metaKey) return;
  // `code`, not `key`: on a Mac, Alt+N types a character.
  if (event.code === 'KeyN' || event.code === 'KeyP') {
    event.preventDefault();
    navigate(event.code === 'KeyN' ? 'next' : 'previous');
  }
});

// Focus arriving in the panel from the workbench lands on the page: take it to the work.
// …unless a click brought the focus: the reviewer chose where to go (and moving the page under the
// pointer would turn the click into a miss).
let pointerAt = -Infinity;
document.addEventListener('pointerdown', () => (pointerAt = performance.now()), { capture: true });
window.addEventListener('focus', () => {
  const idle = document.activeElement === document.body || document.activeElement === null;
  const clicked = performance.now() - pointerAt < 1000;
  if (shown && !clicked && (focusPending || idle)) criteriaPane.focusFirstUnanswered();
  focusPending = false;
});

// Under the sticky header (narrow panels), a focused criterion scrolls into view below it, not beneath it.
new ResizeObserver(() => {
  document.documentElement.style.scrollPaddingTop = `${header.offsetHeight + 8}px`;
}).observe(header);

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const started = performance.now();
  if (!isReviewHostMessage(event.data)) {
    console.error('dipsample: ignored a malformed message from the host');
    return;
  }
  handle(event.data);
  if (event.data.type === 'show') {
    void document.body.offsetHeight;
    vscode.postMessage({
      type: 'rendered',
      ms: performance.now() - started,
      file: event.data.view.file,
      criteria: event.data.view.criteria.length,
    });
  }
});

vscode.postMessage({ type: 'ready' });
