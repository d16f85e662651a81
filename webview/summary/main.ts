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
import type { FileRow, SampleOverview } from '../../src/report';
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
import { rulesTable, verdictsTable } from './rulesTable';

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
  { format: 'markdown', label: 'Markdown' },
  { format: 'html', label: 'HTML report' },
];

const progressArea = el('div', { class: 'progress', role: 'status', 'aria-live': 'polite' });
const noticeArea = el('div', { class: 'notice', role: 'alert' });
const headerArea = el('div', { id: 'header' });
const rulesArea = el('div', { id: 'rules' });
const verdictsArea = el('div', { id: 'verdicts' });
const breakdowns = new Breakdowns(state.breakdownRule, (breakdownRule) => saveState({ breakdownRule }));
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

const app = document.getElementById('app') ?? document.body.appendChild(el('main', { id: 'app' }));
replaceChildren(
  app,
  toolbar(),
  progressArea,
  noticeArea,
  headerArea,
  rulesArea,
  verdictsArea,
  breakdowns.element,
  findings.element,
);

const files = new Map<string, FileRow>();

function showProgress(progress: AuditProgress | null | undefined): void {
  if (!progress || progress.done >= progress.total) {
    replaceChildren(progressArea);
    return;
  }
  replaceChildren(
    progressArea,
    el('vscode-progress-bar', { 'aria-label': 'Audit progress', value: progress.done, max: progress.total }),
    el('span', {}, `Auditing ${progress.done} of ${progress.total} files…`),
  );
}

function renderOverview(overview: SampleOverview): void {
  document.title = `Summary: ${overview.sample.name}`;
  replaceChildren(headerArea, header(overview));
  replaceChildren(
    rulesArea,
    rulesTable(overview, (rule) => findings.showRule(rule)),
  );
  replaceChildren(verdictsArea, verdictsTable(overview));
  breakdowns.update(overview);
  findings.update(overview.rules, files.values());
}

function handle(message: HostMessage): void {
  switch (message.type) {
    case 'init':
      files.clear();
      for (const file of message.files) files.set(file.path, file);
      if (message.overview.sample.folder !== state.folder) saveState({ folder: message.overview.sample.folder });
      renderOverview(message.overview);
      showProgress(message.progress);
      break;
    case 'patch':
      for (const path of message.remove) files.delete(path);
      for (const file of message.upsert) files.set(file.path, file);
      renderOverview(message.overview);
      break;
    case 'progress':
      showProgress(message.progress);
      return;
    case 'notice':
      replaceChildren(noticeArea, el('p', { class: `notice-${message.level}` }, message.message));
      return;
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
  if (event.data.type === 'init' || event.data.type === 'patch') {
    let count = 0;
    for (const file of files.values()) count += file.findings.length;
    vscode.postMessage({ type: 'rendered', ms: performance.now() - started, findings: count });
  }
});

vscode.postMessage({ type: 'ready' });
