/**
 * The dipsample engine: crime file → parse (with positions) → rules → findings → summary.
 * Pure TypeScript with no editor dependency: the CLI and the VS Code extension are thin clients.
 */
export { auditText } from './audit';
export { Auditor, DEFAULT_PACKS, ruleDocPath, type AuditorDefaults, type EngineHost } from './auditor';
export { setRuleSetting } from './config/editConfig';
export { CONFIG_FILE_NAME, MANIFEST_FILE_NAME, configSchema } from './config/configSchema';
export type { MergedConfig, ReadFile } from './config/loadConfig';
export type { SampleManifest } from './config/loadManifest';
export { CRIME_FILE_FORMAT, isCrimeFile } from './crimeFile';
export { OUTPUT_FORMATS, type AuditRun, type OutputFormat } from './format';
export * from './model';
export { formatProblem, type Problem } from './problems';
export { packSchema } from './rules/packSchema';
export { loadPack } from './rules/loadPack';
export { checkPack } from './rules/checkPack';
export type { CompiledRule } from './rules/compileRule';
export type { RuleDeclaration, RulePack, RuleSource } from './rules/rule';
export type { RuleSet } from './rules/ruleSet';
export { summarize, failedPercent, type SampleSummary, type RuleSummary } from './summary';
export { toInstant, DEFAULT_TIME_ZONE } from './time/instant';
export { SampleTally, type Breakdown, type BreakdownGroup, type OutcomeCounts } from './report/sampleTally';
export {
  sampleInfo,
  sampleReport,
  overviewOf,
  fileRow,
  type FileFinding,
  type FileRow,
  type RuleRow,
  type SampleInfo,
  type SampleOverview,
  type SampleReport,
  type SampleTotals,
} from './report/sampleReport';
export { wilsonInterval, type Interval } from './report/wilson';
export type { VerdictStatus } from './report/verdictStatus';
export { relativeName } from './report/sampleReport';
export {
  REPORT_FORMATS,
  escapeHtml,
  escapeMarkdown,
  fileRuleCsv,
  sampleHtml,
  sampleMarkdown,
  summaryCsv,
  verdictsCsv,
  type HtmlOptions,
  type ReportFormat,
  type ReportFormatId,
  type ReportInput,
} from './report/export';
