/**
 * The summary webview: receives the sample's overview and files from the extension host, draws the
 * tables and charts, and asks the host to open files and write exports. Everything from the host is
 * validated before use and becomes DOM through `el()` (text nodes only).
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-progress-bar/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import type { FileRow, SampleGroup, SampleOverview, ShareKind } from '../../src/report';
import { countOf, SHARE_KINDS } from '../../src/report';
import {
  isHostMessage,
  isSummaryWebviewState,
  type AuditProgress,
  type ExportFormat,
  type HostMessage,
  type SummaryWebviewState,
  type WebviewMessage,
} from '../../src/protocol/summaryMessages';
import { Breakdowns } from './breakdowns';
import { el, replaceChildren } from './dom';
import { ALL, FindingsList } from './findingsList';
import { header } from './header';
import { rulesTable, samplesTable, verdictsTable } from './rulesTable';
import { MarkingView } from './markingView';
import { actionListSection } from './actionList';
import { outcomesSection } from './outcomes';
import { Timeliness } from './timeliness';
import { Select } from './select';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: SummaryWebviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const saved = vscode.getState();
let state: SummaryWebviewState = isSummaryWebviewState(saved) ? saved : { folder: document.body.dataset.folder ?? '' };
vscode.setState(state);

function saveState(change: Partial<SummaryWebviewState>): void {
  state = { ...state, ...change };
  vscode.setState(state);
}

// Anything the policy blocks is reported to the host's log (and fails the host tests).
document.addEventListener('securitypolicyviolation', (event) => {
  vscode.postMessage({
    type: 'cspViolation',
    directive: event.effectiveDirective,
    blocked: event.blockedURI || event.sample || '',
  });
});

const EXPORTS: Array<{ format: ExportFormat; label: string }> = [
  { format: 'csv-files', label: 'CSV: file × rule' },
  { format: 'csv-summary', label: 'CSV: summary' },
  { format: 'csv-verdicts', label: 'CSV: verdicts' },
  { format: 'csv-breakdowns', label: 'CSV: breakdowns' },
  { format: 'markdown', label: 'Markdown' },
  { format: 'html', label: 'HTML report' },
];

const progressArea = el('div', { class: 'progress', role: 'status', 'aria-live': 'polite' });
const noticeArea = el('div', { class: 'notice', role: 'alert' });
const headerArea = el('div', { id: 'header' });
const rulesArea = el('div', { id: 'rules' });
const verdictsArea = el('div', { id: 'verdicts' });
const samplesArea = el('div', { id: 'samples' });
const actionsArea = el('div', { id: 'action-list' });
const outcomesArea = el('div', { id: 'outcomes-area' });
const breakdowns = new Breakdowns(
  state.breakdownRule,
  state.breakdownFields ?? [],
  (breakdownRule) => saveState({ breakdownRule }),
  (breakdownFields) => {
    saveState({ breakdownFields });
    vscode.postMessage({ type: 'breakdown', fields: breakdownFields });
  },
);
const timeliness = new Timeliness(state.timeliness ?? 'all', (cut) => saveState({ timeliness: cut }));

/** Failed (what the rules check) or passed (as inspectorates publish): every share on the page follows it. */
let share: ShareKind = state.share ?? 'failed';
const shareSelect = new Select('share-kind', 'Percentages of', (value) => {
  if (!(SHARE_KINDS as readonly string[]).includes(value)) return;
  share = value as ShareKind;
  saveState({ share });
  if (lastOverview) renderOverview(lastOverview, lastSamples);
});
shareSelect.update(
  [
    { value: 'failed', label: 'Files failed (what the rules check)' },
    { value: 'passed', label: 'Files passed (as inspectorates publish)' },
  ],
  share,
);
const findings = new FindingsList(
  { rule: state.ruleFilter ?? ALL, severity: state.severityFilter ?? ALL },
  (path, range) => vscode.postMessage({ type: 'reveal', path, range }),
  ({ rule, severity }) => saveState({ ruleFilter: rule, severityFilter: severity }),
);

function toolbar(): HTMLElement {
  const bar = el('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Summary actions' });
  const refresh = el('vscode-button', { id: 'refresh', secondary: true }, 'Re-audit sample');
  refresh.addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));
  bar.appendChild(refresh);
  bar.appendChild(el('span', { class: 'toolbar-label', id: 'export-label' }, 'Export:'));
  for (const { format, label } of EXPORTS) {
    const button = el(
      'vscode-button',
      { 'data-export': format, 'aria-describedby': 'export-label', secondary: true },
      label,
    );
    button.addEventListener('click', () => vscode.postMessage({ type: 'export', format }));
    bar.appendChild(button);
  }
  return bar;
}

const markingView = new MarkingView({
  pickKey: (key) => vscode.postMessage({ type: 'agreementKey', key }),
  exportAs: (format) => vscode.postMessage({ type: 'exportAgreement', format }),
  openFile: (path) => vscode.postMessage({ type: 'openFile', path }),
});
/** Buttons to each section (a long page): the heading scrolls to just below the sticky bars. */
const SECTIONS: Array<[string, string]> = [
  ['samples-heading', 'Samples'],
  ['rules-heading', 'Rules'],
  ['verdicts-heading', 'Verdicts'],
  ['actions-heading', 'Action list'],
  ['breakdowns-heading', 'Breakdowns'],
  ['outcomes-heading', 'Outcomes'],
  ['timeliness-heading', 'Timeliness'],
  ['findings-heading', 'Findings'],
];
const nav = el('nav', { class: 'section-nav', 'aria-label': 'Sections of the summary' });
/** Only the sections this summary has (samples for a folder of samples; verdicts when a pack declares any). */
function updateSectionNav(): void {
  for (const button of nav.querySelectorAll<HTMLElement>('[data-section]'))
    button.hidden = document.getElementById(button.dataset.section ?? '') === null;
}
function sectionNav(): HTMLElement {
  for (const [target, label] of SECTIONS) {
    const button = el('button', { type: 'button', class: 'link', 'data-section': target }, label);
    button.addEventListener('click', () => {
      const heading = document.getElementById(target);
      if (!heading) return;
      heading.scrollIntoView({ block: 'start' });
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    });
    nav.appendChild(button);
  }
  return nav;
}
const summaryTab = el(
  'div',
  { id: 'summary-tab', class: 'tab-panel', role: 'tabpanel', 'aria-labelledby': 'tab-summary' },
  el('div', { class: 'controls page-controls' }, shareSelect.element, sectionNav()),
  samplesArea,
  rulesArea,
  verdictsArea,
  actionsArea,
  breakdowns.element,
  outcomesArea,
  timeliness.element,
  findings.element,
);

/** Summary | Marking, shown only when the sample has marks to compare (WAI-ARIA tabs: ← → move between them). */
const TABS = [
  { id: 'summary', label: 'Summary', panel: summaryTab },
  { id: 'marking', label: 'Marking', panel: markingView.element },
] as const;
type TabId = (typeof TABS)[number]['id'];
const tabButtons = TABS.map(({ id, label }) =>
  el(
    'button',
    { id: `tab-${id}`, class: 'tab', type: 'button', role: 'tab', 'aria-controls': `${id}-tab`, 'data-tab': id },
    label,
  ),
);
const tabBar = el(
  'div',
  { class: 'tabs', role: 'tablist', 'aria-label': 'Views of the sample', hidden: true },
  ...tabButtons,
);
tabBar.addEventListener('click', (event) => {
  const tab = (event.target as Element).closest<HTMLElement>('[data-tab]')?.dataset.tab;
  if (tab === 'summary' || tab === 'marking') showTab(tab, true);
});
tabBar.addEventListener('keydown', (event) => {
  if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
  event.preventDefault();
  showTab(state.tab === 'marking' ? 'summary' : 'marking', true);
  document.getElementById(`tab-${state.tab ?? 'summary'}`)?.focus();
});

function showTab(tab: TabId, chosen = false): void {
  const shown: TabId = markingView.available ? tab : 'summary';
  for (const [index, { id, panel }] of TABS.entries()) {
    const selected = id === shown;
    panel.hidden = !selected;
    tabButtons[index].setAttribute('aria-selected', String(selected));
    tabButtons[index].setAttribute('tabindex', selected ? '0' : '-1');
  }
  tabBar.hidden = !markingView.available;
  if (chosen) saveState({ tab });
  // The findings grid drew while hidden (no height): draw it again now it has one.
  if (shown === 'summary' && lastOverview) findings.update(lastOverview.rules, files.values());
}

/** Marking mode: the trainee sees this instead of any result. */
const markingNotice = el('div', { id: 'marking-notice', class: 'marking-notice', role: 'note', hidden: true });
const toolbarArea = toolbar();

const app = document.getElementById('app') ?? document.body.appendChild(el('main', { id: 'app' }));
replaceChildren(
  app,
  toolbarArea,
  progressArea,
  noticeArea,
  headerArea,
  markingNotice,
  tabBar,
  summaryTab,
  markingView.element,
);
let lastOverview: SampleOverview | undefined;
/** A folder of samples: a row group per sample (the overview is their total). */
let lastSamples: SampleGroup[] | undefined;

// The sticky toolbar (and tab bar) change height as the panel narrows and buttons wrap: headings
// scrolled to and the tab bar keep clear of them through these properties.
const stickyHeights = new ResizeObserver(() => {
  const root = document.documentElement.style;
  root.setProperty('--toolbar-height', `${toolbarArea.hidden ? 0 : toolbarArea.offsetHeight}px`);
  root.setProperty('--tabs-height', `${tabBar.hidden ? 0 : tabBar.offsetHeight}px`);
});
stickyHeights.observe(toolbarArea);
stickyHeights.observe(tabBar);

/** Shows the results (after marking mode, or on the first init) or hides them all behind the notice. */
function setMarkingMode(message: string | undefined): void {
  markingNotice.hidden = message === undefined;
  replaceChildren(markingNotice, message === undefined ? null : el('p', {}, message));
  toolbarArea.hidden = message !== undefined;
  if (message !== undefined) {
    tabBar.hidden = true;
    summaryTab.hidden = true;
    markingView.element.hidden = true;
    markingView.update(null);
  } else {
    showTab(state.tab ?? 'summary');
  }
}

const files = new Map<string, FileRow>();

function showProgress(progress: AuditProgress | null | undefined): void {
  if (!progress || progress.done >= progress.total) {
    replaceChildren(progressArea);
    return;
  }
  replaceChildren(
    progressArea,
    el('vscode-progress-bar', { 'aria-label': 'Audit progress', value: progress.done, max: progress.total }),
    el('span', {}, `Auditing ${progress.done} of ${countOf(progress.total, 'file')}…`),
  );
}

function renderOverview(overview: SampleOverview, samples: SampleGroup[] | undefined): void {
  lastOverview = overview;
  lastSamples = samples;
  document.title = `Summary: ${overview.sample.name}`;
  replaceChildren(headerArea, header(overview));
  replaceChildren(samplesArea, samples ? samplesTable(overview, samples) : null);
  replaceChildren(
    rulesArea,
    rulesTable(overview, (rule) => findings.showRule(rule), share, samples),
  );
  replaceChildren(verdictsArea, verdictsTable(overview, samples));
  replaceChildren(actionsArea, actionListSection(overview.actions, share));
  breakdowns.update(overview, share);
  replaceChildren(outcomesArea, outcomesSection(overview.outcomes));
  timeliness.update(overview.timeliness);
  findings.update(overview.rules, files.values());
  updateSectionNav();
}

function handle(message: HostMessage): void {
  switch (message.type) {
    case 'init':
      setMarkingMode(undefined);
      files.clear();
      for (const file of message.files) files.set(file.path, file);
      if (message.overview.sample.folder !== state.folder) saveState({ folder: message.overview.sample.folder });
      renderOverview(message.overview, message.samples);
      showProgress(message.progress);
      break;
    case 'patch':
      for (const path of message.remove) files.delete(path);
      for (const file of message.upsert) files.set(file.path, file);
      renderOverview(message.overview, message.samples);
      break;
    case 'progress':
      showProgress(message.progress);
      return;
    case 'notice':
      replaceChildren(noticeArea, el('p', { class: `notice-${message.level}` }, message.message));
      return;
    case 'marking':
      files.clear();
      // Whatever an earlier init drew goes (the page may have shown results before marking began).
      findings.update([], []);
      if (lastOverview) breakdowns.update({ ...lastOverview, rules: [], breakdowns: [] });
      timeliness.update([]);
      lastOverview = undefined;
      lastSamples = undefined;
      document.title = `Summary: ${message.sample.name}`;
      // Only the name: nothing from the audit (counts, findings, verdicts) reaches a marking trainee.
      replaceChildren(
        headerArea,
        el('header', { class: 'sample-header' }, el('h1', { id: 'sample-name' }, message.sample.name)),
      );
      replaceChildren(rulesArea);
      replaceChildren(verdictsArea);
      replaceChildren(samplesArea);
      replaceChildren(actionsArea);
      replaceChildren(outcomesArea);
      setMarkingMode(message.message);
      break;
    case 'agreement':
      markingView.update(message.agreement);
      if (markingNotice.hidden) showTab(state.tab ?? 'summary');
      break;
  }
  // Force layout so the time measured includes it, then tell the host (benchmarks and tests wait on this).
  void document.body.offsetHeight;
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const started = performance.now();
  if (!isHostMessage(event.data)) {
    console.error('dipsample: ignored a malformed message from the host');
    return;
  }
  handle(event.data);
  if (event.data.type === 'init' || event.data.type === 'patch' || event.data.type === 'marking') {
    let count = 0;
    for (const file of files.values()) count += file.findings.length;
    vscode.postMessage({ type: 'rendered', ms: performance.now() - started, findings: count });
  }
});

// The breakdown by fields shown before a reload is tallied again with the first summary.
vscode.postMessage({ type: 'ready', ...(state.breakdownFields?.length ? { breakdown: state.breakdownFields } : {}) });
