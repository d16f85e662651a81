// Helpers shared by the host suites. Waits are event driven (onDidChangeDiagnostics, the extension
// API's whenIdle()); the timeouts only turn a hang into a failure that says what was awaited.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'dipsample.dipsample';

/** The API activate() returns (the extension contract; src/vscode/extension.ts). */
export interface DipsampleApi {
  whenIdle(): Promise<void>;
  status(): { text: string; files: number; findings: number } | undefined;
  summary(folder: vscode.Uri):
    | {
        overview: SummaryOverview;
        lastRender?: { ms: number; findings: number };
        cspViolations: string[];
        /** A folder of sample folders: a row group per sample. */
        samples?: Array<{ name: string; folder: string; force?: string; files: number }>;
      }
    | undefined;
  /** Resolves when the summary's webview next reports a finished render. */
  nextSummaryRender(folder: vscode.Uri): Promise<{ ms: number; findings: number }>;
  /** How many file audits have run since activation. */
  filesAudited(): number;
}

/** The parts of the summary's overview the host tests read (src/engine/report/sampleReport.ts). */
export interface SummaryOverview {
  sample: { name: string; folder: string };
  totals: { files: number; filesWithSyntaxErrors: number; filesWithSchemaErrors: number; filesWithFindings: number };
  rules: Array<{
    rule: string;
    failed: number;
    passed: number;
    notApplicable: number;
    awaitingJudgment: number;
    notAudited: number;
  }>;
}

export function extension(): vscode.Extension<DipsampleApi> {
  const ext = vscode.extensions.getExtension<DipsampleApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  return ext;
}

export async function activate(): Promise<DipsampleApi> {
  const api = await extension().activate();
  assert.ok(
    api && typeof api.whenIdle === 'function' && typeof api.status === 'function',
    'activate() returns { whenIdle, status }',
  );
  return api;
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is open');
  return folder.uri;
}

/** A file of the test workspace (a per-run copy of test/host/workspace). */
export function wsUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relative.split('/'));
}

export function rel(uri: vscode.Uri): string {
  return path.posix.relative(workspaceRoot().path, uri.path);
}

/** The diagnostics dipsample published for `uri` (all its collections). */
export function dipsampleDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'dipsample');
}

export function codeValue(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

export function codeTarget(d: vscode.Diagnostic): vscode.Uri | undefined {
  return typeof d.code === 'object' ? d.code.target : undefined;
}

export function ruleDiagnostics(uri: vscode.Uri, rule: string): vscode.Diagnostic[] {
  return dipsampleDiagnostics(uri).filter((d) => codeValue(d) === rule);
}

export function describeDiagnostics(uri: vscode.Uri): string {
  const ds = vscode.languages.getDiagnostics(uri);
  if (ds.length === 0) return `${rel(uri)}: no diagnostics`;
  return `${rel(uri)}:\n${ds.map((d) => `    ${fmtRange(d.range)} ${vscode.DiagnosticSeverity[d.severity]} [${d.source}/${codeValue(d)}] ${d.message}`).join('\n')}`;
}

export function fmtRange(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

export interface WaitOptions {
  /** Also re-check after the extension reports idle. */
  api?: DipsampleApi;
  /** More events to re-check on (diagnostics changes always are). */
  events?: vscode.Event<unknown>[];
  timeoutMs?: number;
}

/**
 * Resolves once `check()` returns a value (not undefined/false), re-checking whenever diagnostics
 * change (or `events` fire) and after the extension reports idle; rejects after the timeout with
 * `what` and `explain()`, so a missing update fails with what was seen instead of hanging.
 */
export function waitUntil<T>(
  check: () => T | undefined | false,
  what: string,
  explain: () => string = () => '',
  options: WaitOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 20000;
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const subscriptions: vscode.Disposable[] = [];
    const finish = (fn: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      subscriptions.forEach((s) => s.dispose());
      fn();
    };
    const test = () => {
      if (done) return;
      try {
        const v = check();
        if (v !== undefined && v !== false) finish(() => resolve(v));
      } catch (e) {
        finish(() => reject(e));
      }
    };
    const timer = setTimeout(
      () =>
        finish(() => {
          const detail = explain();
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail ? `\n  now: ${detail}` : ''}`));
        }),
      timeoutMs,
    );
    subscriptions.push(vscode.languages.onDidChangeDiagnostics(test));
    for (const event of options.events ?? []) subscriptions.push(event(test));
    if (options.api) options.api.whenIdle().then(test, (e: unknown) => finish(() => reject(e)));
    test();
  });
}

/** Waits until `uri`'s dipsample diagnostics satisfy `predicate`; returns them. */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (ds: vscode.Diagnostic[]) => boolean,
  what: string,
  api?: DipsampleApi,
  timeoutMs = 20000,
): Promise<vscode.Diagnostic[]> {
  return waitUntil(
    () => {
      const ds = dipsampleDiagnostics(uri);
      return predicate(ds) ? ds : undefined;
    },
    `${what} (${rel(uri)})`,
    () => describeDiagnostics(uri),
    { api, timeoutMs },
  );
}

/** Waits until `uri` has a diagnostic for `rule` (returns it). */
export async function waitForRule(uri: vscode.Uri, rule: string, api?: DipsampleApi): Promise<vscode.Diagnostic> {
  const ds = await waitForDiagnostics(uri, (d) => d.some((x) => codeValue(x) === rule), `a ${rule} finding`, api);
  return ds.find((x) => codeValue(x) === rule)!;
}

/** Waits until `uri` has no diagnostic for `rule`. */
export async function waitForNoRule(uri: vscode.Uri, rule: string, api?: DipsampleApi): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, (d) => !d.some((x) => codeValue(x) === rule), `the ${rule} finding to go`, api);
}

export async function open(
  relative: string,
): Promise<{ uri: vscode.Uri; doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  const uri = wsUri(relative);
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  return { uri, doc, editor };
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Replaces a document's whole text with `text` (in the buffer) and saves it. */
export async function setDocumentText(doc: vscode.TextDocument, text: string, save = true): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit), `edit applied to ${rel(doc.uri)}`);
  if (save) assert.ok(await doc.save(), `${rel(doc.uri)} saved`);
}

/** Restores a file to `text`: in its open buffer (saved) when it is open, else on disk. */
export async function restoreFile(uri: vscode.Uri, text: string): Promise<void> {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (doc && !doc.isClosed) {
    if (doc.getText() !== text || doc.isDirty) await setDocumentText(doc, text);
  } else if (!(await exists(uri)) || (await readText(uri)) !== text) {
    await writeText(uri, text);
  }
}

/**
 * The range of `needle` in `text`: its first occurrence on a line matching `onLine` (default: any
 * line containing it). Used to state expected finding ranges from the fixture's own text.
 */
export function rangeIn(text: string, needle: string, onLine?: RegExp): vscode.Range {
  const lines = text.split(/\r?\n/);
  for (let line = 0; line < lines.length; line++) {
    if (onLine && !onLine.test(lines[line])) continue;
    const at = lines[line].indexOf(needle);
    if (at >= 0) return new vscode.Range(line, at, line, at + needle.length);
  }
  throw new Error(`"${needle}" not found${onLine ? ` on a line matching ${onLine}` : ''}`);
}

/** The plain text of hover contents (MarkdownString / MarkedString). */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** A finding as `range severity rule message`, for comparing the CLI's findings with diagnostics. */
type FindingLine = string;

/**
 * The CLI's findings on every file of a folder (the bundled `dist/cli.js audit --format json`, as
 * a user runs it), each file's as sorted `FindingLine`s.
 */
export function cliFindings(folder: vscode.Uri): Array<{ uri: vscode.Uri; name: string; expected: FindingLine[] }> {
  const cli = path.join(extension().extensionPath, 'dist', 'cli.js');
  const json = execFileSync(process.execPath, [cli, 'audit', folder.fsPath, '--format', 'json'], {
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  const report = JSON.parse(json) as {
    files: Array<{
      path: string;
      findings: Array<{
        rule: string;
        severity: string;
        message: string;
        range: { start: { line: number; character: number }; end: { line: number; character: number } };
      }>;
    }>;
  };
  const severities: Record<string, vscode.DiagnosticSeverity> = { error: 0, warning: 1, information: 2, hint: 3 };
  return report.files.map((file) => ({
    uri: vscode.Uri.file(path.isAbsolute(file.path) ? file.path : path.join(folder.fsPath, path.basename(file.path))),
    name: path.basename(file.path),
    expected: file.findings
      .map(
        (f) =>
          `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${severities[f.severity]} ${f.rule} ${f.message}`,
      )
      .sort(),
  }));
}

/** A file's dipsample diagnostics as sorted `FindingLine`s (see `cliFindings`). */
export function diagnosticLines(uri: vscode.Uri): FindingLine[] {
  return dipsampleDiagnostics(uri)
    .map((d) => `${fmtRange(d.range)} ${d.severity} ${codeValue(d)} ${d.message}`)
    .sort();
}
