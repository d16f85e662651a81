/**
 * Messages between the summary webview and the extension host. Both sides validate what they
 * receive with these guards: a webview is untrusted from the host's point of view (it renders crime
 * file content), and the host's data is checked before the webview touches the DOM with it.
 * Hand-written rather than ajv: ajv compiles validators with `new Function`, which the webview's
 * Content-Security-Policy (rightly) forbids.
 */
import {
  isAgreementExportFormat,
  isAgreementView,
  type AgreementExportFormat,
  type AgreementView,
} from './agreementMessages';
import { isCount, isNumber, isObject, isOptionalString, isString, isStringArray, oneOf } from './guards';
import { isActionItem, isOutcomeTally, isTimelinessTable } from './reportGuards';
import {
  BREAKDOWN_FIELD_PATHS,
  SAMPLE_FORMAT_IDS,
  SEVERITIES,
  SHARE_KINDS,
  VERDICT_STATUS_LABELS,
  type FileRow,
  type Range,
  type SampleFormatId,
  type SampleGroup,
  type SampleOverview,
  type ShareKind,
} from '../report';

/**
 * Report formats the webview can ask for: the sample formats of the report layer's registry, and
 * `dipsample report`'s breakdowns in long format (named here, not imported with the report
 * formats: the webview bundles this file, and those renderers are the host's).
 */
export type ExportFormat = SampleFormatId | 'csv-breakdowns';
// Marked pure so that the webview, which never reads the list, drops it and the report formats behind it.
export const EXPORT_FORMATS: readonly ExportFormat[] = /* @__PURE__ */ exportFormats();

function exportFormats(): ExportFormat[] {
  return [...SAMPLE_FORMAT_IDS, 'csv-breakdowns'];
}

export interface AuditProgress {
  done: number;
  total: number;
}

export type HostMessage =
  /**
   * The whole summary: sent on open, after a reload and when the sample's rules change. For a
   * folder of sample folders, `samples` has a row group per sample and the overview is their total.
   */
  | { type: 'init'; overview: SampleOverview; files: FileRow[]; progress?: AuditProgress; samples?: SampleGroup[] }
  /** What changed since the last message: the new overview, changed files, files gone. */
  | { type: 'patch'; overview: SampleOverview; upsert: FileRow[]; remove: string[]; samples?: SampleGroup[] }
  | { type: 'progress'; progress: AuditProgress | null }
  | { type: 'notice'; level: 'info' | 'error'; message: string }
  /**
   * The reviewer in use is a trainee marking this sample: the page shows this notice instead of
   * any result (no init or patch is sent until marking ends).
   */
  | { type: 'marking'; sample: { name: string; folder: string }; reviewer: string; message: string }
  /** The Marking view's figures (null: no key and fewer than two raters, so no view). */
  | { type: 'agreement'; agreement: AgreementView | null };

export type WebviewMessage =
  /** The page is up; `breakdown`: the field paths of the breakdown it last showed (its saved state). */
  | { type: 'ready'; breakdown?: string[] }
  /** Break the summary down by these field paths (one per dimension, at most two; none: no field breakdown). */
  | { type: 'breakdown'; fields: string[] }
  | { type: 'reveal'; path: string; range: Range }
  | { type: 'export'; format: ExportFormat }
  | { type: 'refresh' }
  /** The Marking view's key picker: a trainer's id, or null for moderation without a key. */
  | { type: 'agreementKey'; key: string | null }
  | { type: 'exportAgreement'; format: AgreementExportFormat }
  /** Open a crime file of the sample (a path relative to the sample folder, from a disagreement). */
  | { type: 'openFile'; path: string }
  /** Rendering finished: how long the last init or patch took in the webview (ms), and the rows it holds. */
  | { type: 'rendered'; ms: number; findings: number }
  | { type: 'cspViolation'; directive: string; blocked: string };

function isPosition(value: unknown): boolean {
  return isObject(value) && isCount(value.line) && isCount(value.character);
}

export function isRange(value: unknown): value is Range {
  return isObject(value) && isPosition(value.start) && isPosition(value.end);
}

function isProgress(value: unknown): value is AuditProgress {
  return isObject(value) && isCount(value.done) && isCount(value.total);
}

const SEVERITY_NAMES: ReadonlySet<string> = new Set(SEVERITIES);

export function isFileRow(value: unknown): value is FileRow {
  return (
    isObject(value) &&
    isString(value.path) &&
    isString(value.name) &&
    isOptionalString(value.reference) &&
    isOptionalString(value.category) &&
    isOptionalString(value.attendance) &&
    (value.domesticAbuse === undefined || typeof value.domesticAbuse === 'boolean') &&
    typeof value.syntaxError === 'boolean' &&
    typeof value.schemaError === 'boolean' &&
    Array.isArray(value.findings) &&
    value.findings.every(
      (f) =>
        isObject(f) &&
        isString(f.rule) &&
        SEVERITY_NAMES.has(f.severity as string) &&
        isString(f.message) &&
        isRange(f.range),
    )
  );
}

function isOutcomeCounts(value: unknown): boolean {
  return (
    isObject(value) &&
    isCount(value.failed) &&
    isCount(value.passed) &&
    isCount(value.notApplicable) &&
    isCount(value.awaitingJudgment) &&
    isCount(value.notAudited)
  );
}

function isConfigurationNotice(value: unknown): boolean {
  return (
    isObject(value) &&
    Array.isArray(value.problems) &&
    value.problems.every(
      (problem) => isObject(problem) && isString(problem.file) && isCount(problem.line) && isString(problem.message),
    ) &&
    isStringArray(value.unloadedPacks) &&
    isStringArray(value.brokenRules) &&
    isStringArray(value.unusableFiles)
  );
}

function isRuleRow(rule: unknown): boolean {
  return (
    isObject(rule) &&
    isString(rule.rule) &&
    isString(rule.title) &&
    isString(rule.severity) &&
    isString(rule.pack) &&
    typeof rule.judgment === 'boolean' &&
    isOutcomeCounts(rule) &&
    isCount(rule.applicable) &&
    isCount(rule.reviewed) &&
    isCount(rule.overridden) &&
    isCount(rule.confirmed) &&
    isCount(rule.disputed) &&
    (rule.failedPercent === undefined || isNumber(rule.failedPercent)) &&
    (rule.interval === undefined ||
      (isObject(rule.interval) && isNumber(rule.interval.low) && isNumber(rule.interval.high)))
  );
}

function isVerdict(verdict: unknown): boolean {
  return (
    isObject(verdict) &&
    isString(verdict.verdict) &&
    isString(verdict.title) &&
    isString(verdict.pack) &&
    Object.keys(VERDICT_STATUS_LABELS).includes(verdict.status as string) &&
    (verdict.national === undefined ||
      (isObject(verdict.national) &&
        isCount(verdict.national.failed) &&
        isCount(verdict.national.of) &&
        isNumber(verdict.national.percent) &&
        isOptionalString(verdict.national.note))) &&
    (verdict.failedPercent === undefined || isNumber(verdict.failedPercent)) &&
    (verdict.interval === undefined ||
      (isObject(verdict.interval) && isNumber(verdict.interval.low) && isNumber(verdict.interval.high))) &&
    (verdict.scaled === undefined || typeof verdict.scaled === 'boolean') &&
    isCount(verdict.failedFiles) &&
    isCount(verdict.applicableFiles) &&
    isCount(verdict.awaitingFiles) &&
    isString(verdict.threshold) &&
    isStringArray(verdict.rules)
  );
}

/** One sample's row group in the view of a folder of samples. */
export function isSampleGroup(value: unknown): value is SampleGroup {
  return (
    isObject(value) &&
    isString(value.name) &&
    isString(value.folder) &&
    isOptionalString(value.force) &&
    (value.period === undefined ||
      (isObject(value.period) &&
        isOptionalString(value.period.from) &&
        isOptionalString(value.period.to) &&
        isOptionalString(value.period.basis))) &&
    isCount(value.files) &&
    Array.isArray(value.rules) &&
    value.rules.every(isRuleRow) &&
    Array.isArray(value.verdicts) &&
    value.verdicts.every(isVerdict)
  );
}

const isSampleGroups = (value: unknown) => value === undefined || (Array.isArray(value) && value.every(isSampleGroup));

export function isOverview(value: unknown): value is SampleOverview {
  if (!isObject(value)) return false;
  const { sample, totals, rules, verdicts, breakdowns, outcomes, timeliness, actions } = value;
  return (
    isObject(sample) &&
    isString(sample.name) &&
    isString(sample.folder) &&
    isStringArray(sample.packs) &&
    isOptionalString(sample.force) &&
    isOptionalString(sample.description) &&
    (sample.declaredSize === undefined || isCount(sample.declaredSize)) &&
    (sample.period === undefined ||
      (isObject(sample.period) &&
        isOptionalString(sample.period.from) &&
        isOptionalString(sample.period.to) &&
        isOptionalString(sample.period.basis))) &&
    (sample.selection === undefined ||
      (isObject(sample.selection) &&
        isOptionalString(sample.selection.method) &&
        isOptionalString(sample.selection.description))) &&
    (sample.configuration === undefined || isConfigurationNotice(sample.configuration)) &&
    (sample.switchedOff === undefined ||
      (Array.isArray(sample.switchedOff) &&
        sample.switchedOff.every(
          (rule) =>
            isObject(rule) && isString(rule.rule) && isString(rule.title) && isString(rule.pack) && isString(rule.file),
        ))) &&
    isObject(totals) &&
    isCount(totals.files) &&
    isCount(totals.filesWithSyntaxErrors) &&
    isCount(totals.filesWithSchemaErrors) &&
    isCount(totals.filesWithInternalErrors) &&
    isCount(totals.filesWithFindings) &&
    isObject(totals.findings) &&
    Object.values(totals.findings).every(isCount) &&
    Array.isArray(rules) &&
    rules.every(isRuleRow) &&
    Array.isArray(verdicts) &&
    verdicts.every(isVerdict) &&
    Array.isArray(breakdowns) &&
    breakdowns.every(
      (breakdown) =>
        isObject(breakdown) &&
        isString(breakdown.id) &&
        isString(breakdown.title) &&
        isStringArray(breakdown.dimensions) &&
        Array.isArray(breakdown.groups) &&
        breakdown.groups.every(
          (group) =>
            isObject(group) &&
            isStringArray(group.labels) &&
            isCount(group.files) &&
            isCount(group.filesFailingAny) &&
            isObject(group.rules) &&
            Object.values(group.rules).every(isOutcomeCounts),
        ),
    ) &&
    isOutcomeTally(outcomes) &&
    Array.isArray(timeliness) &&
    timeliness.every(isTimelinessTable) &&
    Array.isArray(actions) &&
    actions.every(isActionItem)
  );
}

/** Checks a message from the host (run in the webview). */
export function isHostMessage(value: unknown): value is HostMessage {
  if (!isObject(value)) return false;
  switch (value.type) {
    case 'init':
      return (
        isOverview(value.overview) &&
        Array.isArray(value.files) &&
        value.files.every(isFileRow) &&
        (value.progress === undefined || isProgress(value.progress)) &&
        isSampleGroups(value.samples)
      );
    case 'patch':
      return (
        isOverview(value.overview) &&
        Array.isArray(value.upsert) &&
        value.upsert.every(isFileRow) &&
        isStringArray(value.remove) &&
        isSampleGroups(value.samples)
      );
    case 'progress':
      return value.progress === null || isProgress(value.progress);
    case 'notice':
      return (value.level === 'info' || value.level === 'error') && isString(value.message);
    case 'marking':
      return (
        isObject(value.sample) &&
        isString(value.sample.name) &&
        isString(value.sample.folder) &&
        isString(value.reviewer) &&
        isString(value.message)
      );
    case 'agreement':
      return value.agreement === null || isAgreementView(value.agreement);
    default:
      return false;
  }
}

const BREAKDOWN_FIELDS: ReadonlySet<string> = new Set(BREAKDOWN_FIELD_PATHS);

/** At most two different fields the editor reads off every file (`BREAKDOWN_FIELD_CHOICES`). */
export function isBreakdownFields(value: unknown): value is string[] {
  return (
    isStringArray(value) &&
    value.length <= 2 &&
    new Set(value).size === value.length &&
    value.every((field) => BREAKDOWN_FIELDS.has(field))
  );
}

/** Checks a message from the webview (run in the extension host). */
export function isWebviewMessage(value: unknown): value is WebviewMessage {
  if (!isObject(value)) return false;
  switch (value.type) {
    case 'ready':
      return value.breakdown === undefined || isBreakdownFields(value.breakdown);
    case 'breakdown':
      return isBreakdownFields(value.fields);
    case 'refresh':
      return true;
    case 'reveal':
      return isString(value.path) && isRange(value.range);
    case 'export':
      return (EXPORT_FORMATS as readonly unknown[]).includes(value.format);
    case 'agreementKey':
      return value.key === null || (isString(value.key) && value.key !== '');
    case 'exportAgreement':
      return isAgreementExportFormat(value.format);
    case 'openFile':
      return isString(value.path) && value.path !== '';
    case 'rendered':
      return isNumber(value.ms) && isCount(value.findings);
    case 'cspViolation':
      return isString(value.directive) && isString(value.blocked);
    default:
      return false;
  }
}

/** What the webview keeps across reloads (VS Code's setState), read back by the panel serializer. */
export interface SummaryWebviewState {
  folder: string;
  ruleFilter?: string;
  severityFilter?: string;
  breakdownRule?: string;
  /** The tab shown: the summary, or the Marking view. */
  tab?: 'summary' | 'marking';
  /** The share the tables show: failed (the default) or passed. */
  share?: ShareKind;
  /** The field paths of the breakdown by fields the user picked. */
  breakdownFields?: string[];
  /** The timeliness table shown: "all" or a breakdown id. */
  timeliness?: string;
}

export function isSummaryWebviewState(value: unknown): value is SummaryWebviewState {
  return (
    isObject(value) &&
    isString(value.folder) &&
    isOptionalString(value.ruleFilter) &&
    isOptionalString(value.severityFilter) &&
    isOptionalString(value.breakdownRule) &&
    (value.tab === undefined || value.tab === 'summary' || value.tab === 'marking') &&
    (value.share === undefined || oneOf(SHARE_KINDS)(value.share)) &&
    (value.breakdownFields === undefined || isBreakdownFields(value.breakdownFields)) &&
    isOptionalString(value.timeliness)
  );
}
