/**
 * The dipsample engine: crime file text → parsed document (positions) → rule set → file report.
 * Pure TypeScript: no Node, editor or network import, so it runs in a browser too; hosts inject
 * files and paths (`EngineHost`). The CLI, the extension and the report layer import only this face.
 */
export { auditText } from './audit';
export { Auditor, DEFAULT_PACKS, ruleDocPath, type AuditorDefaults } from './auditor';
export { OutsideWorkspaceError, type EngineHost, type HostPaths, type ReadFile } from './host';
export { findUp } from './findUp';
export { CONFIG_FILE_NAME, MANIFEST_FILE_NAME, configSchema } from './config/configSchema';
export { applyChange, ruleSettingChange, setRuleSetting, type TextChange } from './config/editConfig';
export type { IgnoreList, MergedConfig } from './config/loadConfig';
export type { SampleManifest } from './config/loadManifest';
export { isPackPath } from './config/packReference';
export { CRIME_FILE_FORMAT, CRIME_FILE_GLOB, CRIME_FILE_NAMES, isCrimeFile } from './crimeFile';
export * from './model';
export { formatProblem, type Problem } from './problems';
export { ParsedDocument, type Location } from './parse/document';
export { checkPack } from './rules/checkPack';
export type { CompiledRule } from './rules/compileRule';
export { loadPack } from './rules/loadPack';
export { packSchema } from './rules/packSchema';
export type { NationalFigure, RuleDeclaration, RulePack, RuleSource, VerdictDeclaration } from './rules/rule';
export type { RuleSet } from './rules/ruleSet';
export {
  isReviewFile,
  parseReviewFile,
  REVIEW_FILE_GLOB,
  REVIEW_FORMAT,
  REVIEW_OUTCOMES,
  REVIEWER_ROLES,
  reviewerIdOfFile,
  REVIEWS_FOLDER,
  type ReviewDecisionText,
  type ReviewEntry,
  type Reviewer,
  type ReviewerRole,
  type ReviewFile,
  type ReviewOutcome,
} from './reviews/reviewFile';
export {
  disputeText,
  reviewProblems,
  SampleReviews,
  type FileReview,
  type ReviewDecision,
  type ReviewPosition,
} from './reviews/sampleReviews';
export type { ReviewLookup } from './reviews/applyReview';
export { recordDecision, stampSubmitted, type RecordedDecision } from './reviews/editReview';
export { markingProgress, markingStateFor, marksFor, maskForMarking, type MarkingState } from './reviews/markingMode';
export { DEFAULT_TIME_ZONE, toInstant } from './time/instant';
export { Random } from './sampling/prng';
export { parsePlan, DRAW_METHODS, type PlanQuota, type PlanStratum, type SamplePlan } from './sampling/samplePlan';
export { SampleDraw, UnsatisfiablePlan, type DrawnCount, type DrawnRecord } from './sampling/sampleDraw';
export type { Placement } from './sampling/planCells';
export { sampleManifestText, type DrawnRecordFields } from './sampling/drawnRecord';
export { checkManifest } from './sampling/manifestCheck';
export { parseImportMap, missingColumns, type FieldRule, type ImportMap, type MapTable } from './import/importMap';
export { MAP_FORMAT, mapSchema } from './import/mapSchema';
export { convertRow, type CellProblem, type ConversionSettings } from './import/rowConverter';
export { headerRules, rulesFor } from './import/frameColumns';
export { crimeFileProblems } from './crimeFile';
export { Redactor, type RedactedFile, type RedactionInput } from './redact/redactor';
export {
  addCounts,
  emptyCounts,
  REDACTION_KIND_LABELS,
  REDACTION_KINDS,
  type RedactionCounts,
  type RedactionKind,
} from './redact/redactionKinds';
export { findPersonNames, loadPersonNameFinder, type PersonNameHit } from './redact/personNames';
