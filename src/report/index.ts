/**
 * The report layer: tallies, the one summary model, shared wording and every output format.
 * Browser-safe (the summary webview bundles it): no Node, no editor, no network.
 */
export type { Range, Severity } from '../engine';
export { SEVERITIES } from '../engine';
export type * from './model';
export { SampleTally, summarize } from './sampleTally';
export {
  configurationNotice,
  fileRow,
  overviewOf,
  relativeName,
  reviewRows,
  sampleInfo,
  sampleReport,
  switchedOffRules,
} from './sampleReport';
export {
  CONFIGURATION_HEADLINE,
  configurationLines,
  configurationNoticeText,
  displayPath,
  problemText,
  switchedOffText,
} from './configWording';
export { failedPercent } from './share';
export { wilsonInterval, type Interval } from './wilson';
export {
  OUTCOME_LABELS,
  VERDICT_STATUS_LABELS,
  decisionText,
  groupShareText,
  overrideShare,
  reviewText,
  headerItems,
  shareDescription,
  shareText,
  shareWithInterval,
  shareOf,
  SHARE_KINDS,
  type ShareKind,
  verdictStatusText,
} from './wording';
export {
  AUDIT_FORMAT_IDS,
  FORMATS,
  SAMPLE_FORMAT_IDS,
  isSampleFormatId,
  type AuditFormat,
  type AuditFormatId,
  type FormatId,
  type OutputFormat,
  type SampleFormat,
  type SampleFormatId,
  type SampleInput,
} from './formats';
export { escapeHtml } from './formats/escapeHtml';
export { errorsOnly, errorsOnlyWriter } from './formats/errorsOnly';
export type { AuditWriter, AuditWriterFactory } from './formats/auditStream';
export type { AuditRenderOptions, Paint, PaintStyle } from './formats/paint';
export { agreementReport, type AgreementInput } from './agreement/agreementReport';
export {
  AGREEMENT_FORMAT_IDS,
  AGREEMENT_FORMATS,
  isAgreementFormatId,
  type AgreementFormat,
  type AgreementFormatId,
} from './agreement/formats';
export { matrixTable } from './agreement/agreementHtml';
export {
  agreementText,
  kappaLabel,
  kappaText,
  kappaValue,
  MARK_SOURCE_LABELS,
  raterText,
  submittedText,
} from './agreement/agreementWording';
export { sourceCitation, sourceText } from './sourceText';
export { countOf } from './plural';
export { cohenKappa, type KappaResult } from './agreement/cohenKappa';
export { krippendorffAlpha } from './agreement/krippendorffAlpha';
export type * from './agreement/model';
export { AGREEMENT_FORMAT } from './agreement/model';
export { newcombeInterval, type DifferenceInterval } from './newcombe';
export { compareReport, type CompareInput } from './compare/compareReport';
export {
  COMPARE_FORMAT_IDS,
  COMPARE_FORMATS,
  type CompareFormat,
  type CompareFormatId,
} from './compare/compareFormats';
export { CHANGE_LABELS, comparedShareText, differenceText } from './compare/compareWording';
export type * from './compare/model';
export { COMPARE_FORMAT } from './compare/model';
export {
  REPORT_FORMAT_IDS,
  REPORT_FORMATS,
  SAMPLES_REPORT_FORMAT,
  samplesJson,
  type ReportFormatId,
  type SampleOfMany,
  type SamplesFormat,
  type SamplesInput,
  type SamplesJson,
} from './formats/samples';
export { HOME_OFFICE_OUTCOMES, OUTCOME_GROUPS, outcomeGroupOf, type OutcomeGroup } from './outcomeGroups';
export {
  countShare,
  outcomeTally,
  type CountShare,
  type OutcomeGroupRow,
  type OutcomeRow,
  type OutcomeTally,
} from './outcomeTally';
export { quantileSorted, spreadOf, type Spread } from './quantiles';
export {
  FILING_BANDS,
  TIMELINESS_MEASURES,
  timeliness,
  type TimelinessMeasure,
  type TimelinessRow,
  type TimelinessTable,
} from './timeliness';
export { countShareText, durationText, spreadText } from './timelinessWording';
export { actionList, type ActionItem } from './actionList';
export { BREAKDOWN_FIELD_CHOICES, BREAKDOWN_FIELD_PATHS, type BreakdownFieldChoice } from './breakdownFields';
export { SAMPLES_TOTAL, sampleFolderOf, sampleGroup, samplesRulesCaption, type SampleGroup } from './sampleGroups';
export { breakdownRows, type BreakdownRow } from './wording';
export {
  breakdownRuleRow,
  breakdownRuleTables,
  breakdownShareText,
  groupLabel,
  type BreakdownRuleRow,
  type BreakdownRuleTable,
} from './breakdownRuleTables';
export { BREAKDOWN_COLUMNS, breakdownsCsv } from './formats/breakdownsCsv';
export { ACTION_LIST_INTRO, actionShareText } from './formats/actionListFormats';
export {
  outcome16Text,
  outcomeCodesCaption,
  outcomeGroupsCaption,
  timelinessCaption,
} from './formats/outcomesAndTimeliness';
export { percent } from './wording';
