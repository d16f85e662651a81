import * as vscode from 'vscode';
import { OUTCOME_LABELS } from '../../report';
import { markingProgress, type CompiledRule, type FileReport, type ReviewOutcome, type RuleSet } from '../../engine';
import type { AuditService } from '../auditService';
import { SOURCE, toRange } from '../toDiagnostic';
import { recordAnswer } from './recordAnswer';

export const RECORD_JUDGMENT = 'dipsample.recordJudgment';
export const OVERRIDE_CHECK = 'dipsample.overrideCheck';
export const CONFIRM_CHECK = 'dipsample.confirmCheck';
/** The Review panel's command (reviewPanel.ts's OPEN_REVIEW_PANEL; not imported: that module depends on the service, which depends on this one). */
const OPEN_REVIEW_PANEL = 'dipsample.openReviewPanel';
/** The code of "awaiting judgment" diagnostics' rule id, so quick fixes can find them. */
const START = new vscode.Range(0, 0, 0, 0);

/** An information diagnostic on a file: this judgment criterion still needs a reviewer's answer. */
export class AwaitingJudgmentDiagnostic extends vscode.Diagnostic {
  constructor(
    readonly rule: CompiledRule,
    range: vscode.Range,
  ) {
    super(
      range,
      `Awaiting judgment: ${rule.declaration.judgment?.question ?? rule.title}`,
      vscode.DiagnosticSeverity.Information,
    );
    this.source = SOURCE;
    this.code = rule.id;
  }
}

/** The judgment criteria of a file that no reviewer has answered (disputed ones have their own finding). */
export function awaitingRules(report: FileReport, ruleSet: RuleSet): CompiledRule[] {
  const rules = new Map(ruleSet.rules.map((rule) => [rule.id, rule]));
  return report.results
    .filter((result) => result.outcome === 'awaitingJudgment' && !result.disputed)
    .flatMap((result) => {
      const rule = rules.get(result.rule);
      return rule?.declaration.judgment ? [rule] : [];
    });
}

/** One information diagnostic per awaiting criterion, at the file's `reference`. */
export function awaitingDiagnostics(report: FileReport, ruleSet: RuleSet): vscode.Diagnostic[] {
  const range = report.referenceRange ? toRange(report.referenceRange) : START;
  return awaitingRules(report, ruleSet).map((rule) => new AwaitingJudgmentDiagnostic(rule, range));
}

/** Quick fixes that record a review: answer a judgment, override or confirm a machine check. */
export class ReviewCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly service: AuditService) {}

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const audited = this.service.resultFor(document.uri);
    if (!audited?.report.reference) return [];
    const rules = new Map(audited.ruleSet.rules.map((rule) => [rule.id, rule]));
    const actions: vscode.CodeAction[] = [];
    const seen = new Set<string>();
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== SOURCE) continue;
      const ruleId = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
      const rule = rules.get(ruleId);
      if (!rule || seen.has(rule.id)) continue;
      seen.add(rule.id);
      const action = (title: string, command: string) => {
        const fix = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        fix.command = { command, title, arguments: [document.uri, rule.id] };
        fix.diagnostics = [diagnostic];
        actions.push(fix);
        return fix;
      };
      if (rule.declaration.judgment) {
        action(`Record judgment: ${rule.title}…`, RECORD_JUDGMENT).isPreferred = true;
      } else {
        action(`Override ${rule.id} on review…`, OVERRIDE_CHECK);
        action(`Confirm ${rule.id} on review (the check is right)`, CONFIRM_CHECK);
      }
    }
    return actions;
  }
}

/**
 * "3 judgments to record" at the top of a crime file with unanswered criteria; in marking mode
 * "Marking: 5 of 32 criteria marked", which opens the Review panel (where every criterion is marked).
 */
export class JudgmentCodeLens implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly service: AuditService) {
    service.onDidChange(() => this.changed.fire());
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const audited = this.service.resultFor(document.uri);
    if (!audited?.report.reference) return [];
    const range = audited.report.referenceRange ? toRange(audited.report.referenceRange) : START;
    if (audited.marking) {
      const { marked, total } = markingProgress(audited.marking, audited.report.reference, audited.ruleSet);
      const title = `$(mortar-board) Marking: ${marked} of ${total} criteria marked`;
      return [new vscode.CodeLens(range, { title, command: OPEN_REVIEW_PANEL, arguments: [document.uri] })];
    }
    const awaiting = awaitingRules(audited.report, audited.ruleSet);
    if (awaiting.length === 0) return [];
    const title = `$(comment-discussion) ${awaiting.length} judgment${awaiting.length === 1 ? '' : 's'} to record`;
    return [new vscode.CodeLens(range, { title, command: RECORD_JUDGMENT, arguments: [document.uri] })];
  }
}

/**
 * Records a reviewer's answer to a judgment criterion: a quick pick of the scale (the question as
 * its title, the guidance as its prompt, each step's description beside it), then an optional
 * note. Without a rule, goes through every awaiting criterion of the file in turn.
 */
export async function recordJudgment(service: AuditService, uri?: vscode.Uri, ruleId?: string): Promise<boolean> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  const audited = target && service.resultFor(target);
  if (!target || !audited?.report.reference) {
    void vscode.window.showInformationMessage('Open an audited crime file to record a judgment.');
    return false;
  }
  const rules = ruleId
    ? audited.ruleSet.rules.filter((rule) => rule.id === ruleId && rule.declaration.judgment)
    : awaitingRules(audited.report, audited.ruleSet);
  if (rules.length === 0) {
    void vscode.window.showInformationMessage('No judgment to record on this file.');
    return false;
  }
  let recorded = false;
  for (const [index, rule] of rules.entries()) {
    const judgment = rule.declaration.judgment!;
    const current = service.resultFor(target)?.report.results.find((result) => result.rule === rule.id);
    const step = await vscode.window.showQuickPick(
      judgment.scale.map((candidate) => ({
        label: candidate.value,
        description: `${OUTCOME_LABELS[candidate.outcome]}${current?.judgment === candidate.value ? ' · current answer' : ''}`,
        detail: candidate.description,
        value: candidate.value,
      })),
      {
        title: `${rules.length > 1 ? `(${index + 1}/${rules.length}) ` : ''}${rule.title}: ${judgment.question}`,
        placeHolder: judgment.guidance ?? 'Pick the answer on the scale',
        ignoreFocusOut: true,
        matchOnDetail: true,
      },
    );
    if (!step) return recorded;
    const note = await vscode.window.showInputBox({
      title: `${rule.title}: ${step.value} — note (optional)`,
      prompt: 'Why: inspectors quote notes in write-ups.',
      value: current?.judgment === step.value ? (current.note ?? '') : '',
      ignoreFocusOut: true,
    });
    if (note === undefined) return recorded;
    const answer = { answer: step.value, ...(note.trim() ? { note: note.trim() } : {}) };
    if (!(await recordAnswer(service, target, audited.report.reference, rule.id, answer))) return recorded;
    recorded = true;
  }
  return recorded;
}

/** Overrides a machine check on this file: the reviewer's outcome, with a note (required). */
export async function overrideCheck(service: AuditService, uri?: vscode.Uri, ruleId?: string): Promise<boolean> {
  const picked = await pickCheck(service, uri, ruleId);
  if (!picked) return false;
  const { target, reference, rule, machine } = picked;
  const outcomes: ReviewOutcome[] = ['failed', 'passed', 'notApplicable'];
  const choice = await vscode.window.showQuickPick(
    outcomes.map((outcome) => ({
      label: OUTCOME_LABELS[outcome],
      description: outcome === machine ? "the machine's outcome" : undefined,
      outcome,
    })),
    { title: `Override ${rule.title} on this file`, placeHolder: 'Your outcome for this file', ignoreFocusOut: true },
  );
  if (!choice) return false;
  const note = await vscode.window.showInputBox({
    title: `${rule.title}: ${choice.label} — why?`,
    prompt: 'A note is required: it is what the report quotes beside the override.',
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : 'Say why the check is wrong for this file'),
  });
  if (!note?.trim()) return false;
  return recordAnswer(service, target, reference, rule.id, { outcome: choice.outcome, note: note.trim() });
}

/** Confirms a machine check on this file: the reviewer read it and agrees. */
export async function confirmCheck(service: AuditService, uri?: vscode.Uri, ruleId?: string): Promise<boolean> {
  const picked = await pickCheck(service, uri, ruleId);
  if (!picked) return false;
  return recordAnswer(service, picked.target, picked.reference, picked.rule.id, { confirmed: true });
}

async function pickCheck(service: AuditService, uri: vscode.Uri | undefined, ruleId: string | undefined) {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  const audited = target && service.resultFor(target);
  if (!target || !audited?.report.reference) {
    void vscode.window.showInformationMessage('Open an audited crime file to review its checks.');
    return undefined;
  }
  const checks = audited.ruleSet.rules.filter((rule) => rule.check);
  let rule = checks.find((candidate) => candidate.id === ruleId);
  if (!rule) {
    const choice = await vscode.window.showQuickPick(
      checks.map((candidate) => ({ label: candidate.title, description: candidate.id, rule: candidate })),
      { title: 'Which check?', ignoreFocusOut: true },
    );
    rule = choice?.rule;
  }
  if (!rule) return undefined;
  const result = audited.report.results.find((candidate) => candidate.rule === rule.id);
  return {
    target,
    reference: audited.report.reference,
    rule,
    machine: result?.machineOutcome ?? result?.outcome,
  };
}
