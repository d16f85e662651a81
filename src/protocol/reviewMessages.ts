/**
 * Messages between the Review panel and its webview, and the view model it draws: one crime file
 * as a readable case (key dates, victims and risk, the investigation plan, the officers' log, each
 * with the findings pinned to it and the line it starts on) beside every criterion of the file's
 * rule set with its review state. Both sides validate what they receive with the guards below (the
 * webview renders crime file content, so the host treats it as untrusted; the webview checks the
 * host's data before it touches the DOM). Hand-written, as in summaryMessages.ts: ajv compiles with
 * `new Function`, which the webview's Content-Security-Policy forbids.
 */
import { SEVERITIES, type Severity } from '../report';
import { isCount, isNumber, isObject, isOptionalString, isString, isStringArray, oneOf, type Json } from './guards';

export const REVIEW_OUTCOMES = ['passed', 'failed', 'notApplicable', 'awaitingJudgment', 'notAudited'] as const;
export type ReviewOutcomeName = (typeof REVIEW_OUTCOMES)[number];

/** Outcomes a reviewer may give a machine check (an override). */
export const OVERRIDE_OUTCOMES = ['passed', 'failed', 'notApplicable'] as const;
export type OverrideOutcome = (typeof OVERRIDE_OUTCOMES)[number];

/** Where something is in the crime file (0-based, as VS Code counts). */
export interface SourceLine {
  line: number;
  character: number;
}

/** A machine finding, pinned where it belongs in the case. */
export interface PinnedFinding extends SourceLine {
  rule: string;
  severity: Severity;
  message: string;
}

/** One labelled value of the case ("Reported", "2017-01-02 12:54"). */
export interface CaseFact {
  label: string;
  value: string;
}

/** One entry of a case section (a key date, a victim, a line of enquiry, a log entry). */
export interface CaseItem extends SourceLine {
  /** Stable id within the section (e.g. "victims.0", "log.3"), for tests and focus. */
  id: string;
  /** The heading of the entry: the date's name, the victim's id, the action, the log text. */
  title: string;
  /** A short badge (a status, a log type, an elapsed time). */
  badge?: string;
  /** Muted line under the title (author and role, timestamp). */
  meta?: string;
  facts: CaseFact[];
  findings: PinnedFinding[];
}

export const CASE_SECTION_IDS = ['overview', 'dates', 'victims', 'plan', 'log'] as const;
export type CaseSectionId = (typeof CASE_SECTION_IDS)[number];

export interface CaseSection extends SourceLine {
  id: CaseSectionId;
  title: string;
  /** Shown when the section has no items ("No investigation plan on the file"). */
  empty?: string;
  items: CaseItem[];
  /** Findings about the section as a whole (or about a field that is missing). */
  findings: PinnedFinding[];
}

/** The record as a case: never throws on a record that breaks the schema; shows what is there. */
export interface CaseView {
  reference?: string;
  category?: string;
  description?: string;
  /** Set when the file could not be read as YAML or JSON: the sections are then empty. */
  unreadable?: string;
  sections: CaseSection[];
}

export interface ScaleOption {
  value: string;
  outcome: 'passed' | 'failed';
  description?: string;
}

/** A marking trainee's own mark on a criterion: a scale value, or a check's outcome (passed, failed, notApplicable). */
export interface CriterionMark {
  value: string;
  note?: string;
  at?: string;
}

export interface CriterionView {
  rule: string;
  title: string;
  severity: Severity;
  pack: string;
  description: string;
  kind: 'check' | 'judgment';
  /** The outcome in force: the reviewer's where one decided, else the machine's; undefined: no result. */
  outcome?: ReviewOutcomeName;
  /** What the machine made of a check a reviewer overrode or confirmed. */
  machineOutcome?: ReviewOutcomeName;
  overridden: boolean;
  confirmed: boolean;
  /** A judgment's recorded answer (a scale value). */
  answer?: string;
  reviewer?: string;
  reviewers?: string[];
  note?: string;
  at?: string;
  disputed?: Array<{ reviewer: string; value: string; note?: string }>;
  question?: string;
  guidance?: string;
  scale?: ScaleOption[];
  /** Where the rule comes from: "HMICFRS, PEEL Police effectiveness 2017 (2018), Figure 15". */
  sources: string[];
  findings: PinnedFinding[];
  /** In marking mode: the trainee's mark (no outcome, finding or other reviewer is shown then). */
  mark?: CriterionMark;
}

/** Marking mode (a trainee before submitting): whose marks, and how many of the file's criteria are marked. */
export interface MarkingView {
  reviewer: string;
  marked: number;
  total: number;
}

export interface ReviewProgress {
  reviewed: number;
  total: number;
  /** Files of the sample still being audited in the background (the count is not final). */
  auditing: number;
}

export interface ReviewView {
  /** The crime file's absolute path (the host's key for it). */
  file: string;
  /** Its path relative to the sample folder. */
  name: string;
  sample: { folder: string; name: string };
  /** Position of the file in the sample (sorted by path), 0-based, and the sample's size. */
  index: number;
  count: number;
  /** The reviewer the settings name, if any (answers are asked for on first use otherwise). */
  reviewer?: string;
  caseView: CaseView;
  criteria: CriterionView[];
  progress: ReviewProgress;
  /** True when this file is reviewed: no criterion awaiting judgment and at least one reviewer's decision (in marking mode: every criterion marked). */
  reviewed: boolean;
  /** Set in marking mode: the criteria carry the trainee's marks and nothing of the machine's. */
  marking?: MarkingView;
}

/** What the reviewer records on one criterion (the host stamps the time and writes it). */
export type ReviewAnswer =
  { answer: string; note?: string } | { outcome: OverrideOutcome; note: string } | { confirmed: true; note?: string };

/** What a marking trainee records on one criterion: a scale value or a check's outcome; the note is optional. */
export interface MarkAnswer {
  value: string;
  note?: string;
}

export type ReviewHostMessage =
  /** The file to show (on open, on a change of file, after its audit changed). */
  | { type: 'show'; view: ReviewView; fileChanged: boolean }
  /** No crime file to show. */
  | { type: 'empty'; message: string }
  | { type: 'progress'; progress: ReviewProgress }
  /** The outcome of an answer the webview sent. */
  | { type: 'saved'; rule: string; ok: boolean; message?: string }
  | { type: 'notice'; level: 'info' | 'error'; message: string };

export type ReviewWebviewMessage =
  | { type: 'ready' }
  | { type: 'reveal'; line: number; character: number }
  | { type: 'answer'; file: string; rule: string; answer: ReviewAnswer }
  /** A marking trainee's mark (the host checks marking mode, the rule and the value). */
  | { type: 'mark'; file: string; rule: string; mark: MarkAnswer }
  /** Submit the trainee's marks for the sample (the host asks for confirmation). */
  | { type: 'submit' }
  | { type: 'navigate'; direction: 'next' | 'previous' }
  /** The webview drew a `show`: how long it took, for tests and the log. */
  | { type: 'rendered'; ms: number; file: string; criteria: number }
  | { type: 'cspViolation'; directive: string; blocked: string };

/** What the webview keeps across reloads (VS Code's setState): the file it showed. */
export interface ReviewWebviewState {
  file?: string;
}

const isSeverity = oneOf(SEVERITIES);
export const isReviewOutcome = oneOf(REVIEW_OUTCOMES);
export const isOverrideOutcome = oneOf(OVERRIDE_OUTCOMES);
const isSectionId = oneOf(CASE_SECTION_IDS);

function isSourceLine(value: Json): boolean {
  return isCount(value.line) && isCount(value.character);
}

function isPinnedFinding(value: unknown): value is PinnedFinding {
  return (
    isObject(value) &&
    isSourceLine(value) &&
    isString(value.rule) &&
    isSeverity(value.severity) &&
    isString(value.message)
  );
}

const isFindings = (value: unknown): value is PinnedFinding[] => Array.isArray(value) && value.every(isPinnedFinding);

function isCaseItem(value: unknown): value is CaseItem {
  return (
    isObject(value) &&
    isSourceLine(value) &&
    isString(value.id) &&
    isString(value.title) &&
    isOptionalString(value.badge) &&
    isOptionalString(value.meta) &&
    Array.isArray(value.facts) &&
    value.facts.every((fact) => isObject(fact) && isString(fact.label) && isString(fact.value)) &&
    isFindings(value.findings)
  );
}

function isCaseSection(value: unknown): value is CaseSection {
  return (
    isObject(value) &&
    isSourceLine(value) &&
    isSectionId(value.id) &&
    isString(value.title) &&
    isOptionalString(value.empty) &&
    Array.isArray(value.items) &&
    value.items.every(isCaseItem) &&
    isFindings(value.findings)
  );
}

export function isCaseView(value: unknown): value is CaseView {
  return (
    isObject(value) &&
    isOptionalString(value.reference) &&
    isOptionalString(value.category) &&
    isOptionalString(value.description) &&
    isOptionalString(value.unreadable) &&
    Array.isArray(value.sections) &&
    value.sections.every(isCaseSection)
  );
}

function isScale(value: unknown): value is ScaleOption[] {
  return (
    Array.isArray(value) &&
    value.every(
      (option) =>
        isObject(option) &&
        isString(option.value) &&
        (option.outcome === 'passed' || option.outcome === 'failed') &&
        isOptionalString(option.description),
    )
  );
}

export function isCriterionView(value: unknown): value is CriterionView {
  return (
    isObject(value) &&
    isString(value.rule) &&
    isString(value.title) &&
    isSeverity(value.severity) &&
    isString(value.pack) &&
    isString(value.description) &&
    (value.kind === 'check' || value.kind === 'judgment') &&
    (value.outcome === undefined || isReviewOutcome(value.outcome)) &&
    (value.machineOutcome === undefined || isReviewOutcome(value.machineOutcome)) &&
    typeof value.overridden === 'boolean' &&
    typeof value.confirmed === 'boolean' &&
    isOptionalString(value.answer) &&
    isOptionalString(value.reviewer) &&
    (value.reviewers === undefined || isStringArray(value.reviewers)) &&
    isOptionalString(value.note) &&
    isOptionalString(value.at) &&
    (value.disputed === undefined ||
      (Array.isArray(value.disputed) &&
        value.disputed.every(
          (position) =>
            isObject(position) &&
            isString(position.reviewer) &&
            isString(position.value) &&
            isOptionalString(position.note),
        ))) &&
    isOptionalString(value.question) &&
    isOptionalString(value.guidance) &&
    (value.scale === undefined || isScale(value.scale)) &&
    isStringArray(value.sources) &&
    isFindings(value.findings) &&
    (value.mark === undefined ||
      (isObject(value.mark) &&
        isString(value.mark.value) &&
        isOptionalString(value.mark.note) &&
        isOptionalString(value.mark.at)))
  );
}

function isMarkingView(value: unknown): value is MarkingView {
  return isObject(value) && isString(value.reviewer) && isCount(value.marked) && isCount(value.total);
}

export function isReviewProgress(value: unknown): value is ReviewProgress {
  return isObject(value) && isCount(value.reviewed) && isCount(value.total) && isCount(value.auditing);
}

export function isReviewView(value: unknown): value is ReviewView {
  return (
    isObject(value) &&
    isString(value.file) &&
    isString(value.name) &&
    isObject(value.sample) &&
    isString(value.sample.folder) &&
    isString(value.sample.name) &&
    isCount(value.index) &&
    isCount(value.count) &&
    isOptionalString(value.reviewer) &&
    isCaseView(value.caseView) &&
    Array.isArray(value.criteria) &&
    value.criteria.every(isCriterionView) &&
    isReviewProgress(value.progress) &&
    typeof value.reviewed === 'boolean' &&
    (value.marking === undefined || isMarkingView(value.marking))
  );
}

/** A note worth keeping: not blank, and not so long it is surely a paste by mistake. */
export const MAX_NOTE_LENGTH = 4000;
const isNote = (value: unknown): value is string => isString(value) && value.length <= MAX_NOTE_LENGTH;
const isOptionalNote = (value: unknown): boolean => value === undefined || isNote(value);

/**
 * An answer as the webview sends it: exactly one of `answer`, `outcome` or `confirmed`; an
 * override's note is required (not blank). Whether the rule and the scale value exist is the
 * host's check (it has the rule set).
 */
export function isReviewAnswer(value: unknown): value is ReviewAnswer {
  if (!isObject(value)) return false;
  const kinds = ['answer', 'outcome', 'confirmed'].filter((key) => value[key] !== undefined);
  if (kinds.length !== 1) return false;
  if (value.answer !== undefined) return isString(value.answer) && value.answer !== '' && isOptionalNote(value.note);
  if (value.outcome !== undefined)
    return isOverrideOutcome(value.outcome) && isNote(value.note) && value.note.trim() !== '';
  return value.confirmed === true && isOptionalNote(value.note);
}

/** A mark as the webview sends it: a value (not blank) and an optional note. Whether it fits the rule is the host's check. */
export function isMarkAnswer(value: unknown): value is MarkAnswer {
  return isObject(value) && isString(value.value) && value.value !== '' && isOptionalNote(value.note);
}

/** Checks a message from the host (run in the webview). */
export function isReviewHostMessage(value: unknown): value is ReviewHostMessage {
  if (!isObject(value)) return false;
  switch (value.type) {
    case 'show':
      return isReviewView(value.view) && typeof value.fileChanged === 'boolean';
    case 'empty':
      return isString(value.message);
    case 'progress':
      return isReviewProgress(value.progress);
    case 'saved':
      return isString(value.rule) && typeof value.ok === 'boolean' && isOptionalString(value.message);
    case 'notice':
      return (value.level === 'info' || value.level === 'error') && isString(value.message);
    default:
      return false;
  }
}

/** Checks a message from the webview (run in the extension host). */
export function isReviewWebviewMessage(value: unknown): value is ReviewWebviewMessage {
  if (!isObject(value)) return false;
  switch (value.type) {
    case 'ready':
      return true;
    case 'reveal':
      return isCount(value.line) && isCount(value.character);
    case 'answer':
      return isString(value.file) && isString(value.rule) && value.rule !== '' && isReviewAnswer(value.answer);
    case 'mark':
      return isString(value.file) && isString(value.rule) && value.rule !== '' && isMarkAnswer(value.mark);
    case 'submit':
      return true;
    case 'navigate':
      return value.direction === 'next' || value.direction === 'previous';
    case 'rendered':
      return isNumber(value.ms) && isString(value.file) && isCount(value.criteria);
    case 'cspViolation':
      return isString(value.directive) && isString(value.blocked);
    default:
      return false;
  }
}

export function isReviewWebviewState(value: unknown): value is ReviewWebviewState {
  return isObject(value) && isOptionalString(value.file);
}
