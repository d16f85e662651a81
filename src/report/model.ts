/**
 * The one summary model of a sample, in three layers that build on each other:
 *
 * - `SampleSummary`: the tally's counts per rule and verdict (the CLI's JSON `summary`);
 * - `SampleOverview`: those counts as the reports show them (sample header, shares with their 95%
 *   intervals, breakdowns); small whatever the sample's size;
 * - `SampleReport`: the overview plus the files with findings.
 *
 * `AuditRun` is what one audit produced (file reports, rule sets, summary): every format renders
 * from it, or from the `SampleReport` built from the same tally.
 */
import type { FileReport, Range, RuleSet, Severity } from '../engine';
import type { ActionItem } from './actionList';
import type { OutcomeTally } from './outcomeTally';
import type { TimelinessTable } from './timeliness';
import type { Interval } from './wilson';

export interface OutcomeCounts {
  failed: number;
  passed: number;
  notApplicable: number;
  awaitingJudgment: number;
  /**
   * Files where the rule could not be judged: unreadable (syntax), the engine failed on them, or the
   * rule read a field that breaks the schema.
   */
  notAudited: number;
}

export interface RuleSummary extends OutcomeCounts {
  rule: string;
  title: string;
  severity: string;
  /** Files where a reviewer's answer, override or confirmation decided the rule. */
  reviewed: number;
  /** Files where a reviewer's outcome replaced a different machine outcome (how far people disagree with the check). */
  overridden: number;
  /** Files where a reviewer confirmed the machine's outcome. */
  confirmed: number;
  /** Files where reviewers disagree: counted as awaiting judgment until they agree. */
  disputed: number;
}

/**
 * A threshold verdict is satisfactory or unsatisfactory; a comparison with a national figure is
 * above, below or not distinguishable from it (the sample's failed share by its 95% interval).
 */
export type VerdictStatus =
  'satisfactory' | 'unsatisfactory' | 'above' | 'below' | 'notDistinguishable' | 'awaitingJudgment' | 'notApplicable';

/** A pack's sample-level verdict, e.g. HMIC's "unsatisfactory in at least six of the 20 files". */
export interface VerdictSummary {
  verdict: string;
  title: string;
  pack: string;
  /**
   * unsatisfactory / satisfactory; awaitingJudgment while files still await a reviewer and the
   * failures so far do not already decide it; notApplicable when none of its rules applied.
   */
  status: VerdictStatus;
  awaitingFiles: number;
  /** Files failing any of the verdict's rules, out of the files any of them applied to. */
  failedFiles: number;
  applicableFiles: number;
  threshold: string;
  rules: string[];
  /** A comparison verdict: the national figure (failed of `of` files; `percent` 0–100). */
  national?: { failed: number; of: number; percent: number; note?: string };
  /**
   * A comparison verdict: the sample's failed share of its decided files (applicable minus
   * awaiting), in percent, with its 95% Wilson interval; absent when no file is decided.
   */
  failedPercent?: number;
  interval?: Interval;
  /** A count verdict applied to a sample of another size than it was set for (scaled to a share). */
  scaled?: boolean;
}

export interface SampleSummary {
  files: number;
  filesWithSyntaxErrors: number;
  filesWithSchemaErrors: number;
  /** Files the engine failed on (an `internal` finding): not audited, and the audit is incomplete. */
  filesWithInternalErrors: number;
  findings: Record<string, number>;
  rules: RuleSummary[];
  verdicts: VerdictSummary[];
}

/** What an audit format knows before the first file: the tool and every rule set that will run. */
export interface AuditRunHead {
  /** The tool, and where to learn about it (SARIF's `informationUri`: the project's home page). */
  tool: { name: string; version: string; informationUri?: string };
  ruleSets: RuleSet[];
  /**
   * Rule id → absolute URI of the rule's documentation page, for the rules whose page the host
   * found (the syntax and schema findings point at the rules index). SARIF gives it as `helpUri`.
   */
  ruleDocs?: Record<string, string>;
}

/** What an audit format learns after the last file: the summary, and what `--quiet` hid. */
export interface AuditRunEnd {
  summary: SampleSummary;
  /**
   * Findings left out of `files` by `--quiet` (errors only), per severity: the summary still counts
   * them, and the formats say they were hidden. Absent when nothing was left out.
   */
  hiddenFindings?: Record<string, number>;
}

/** The outcome of auditing a set of files: what the audit formats render. */
export interface AuditRun extends AuditRunHead, AuditRunEnd {
  /** Reports in a stable order, with paths as they should be shown (relative, forward slashes). */
  files: FileReport[];
}

/** One cell of a breakdown, e.g. burglary × not attended. */
export interface BreakdownGroup {
  /** One label per dimension, e.g. ["burglary_dwelling", "not_attended"]. */
  labels: string[];
  files: number;
  /** Files failing at least one rule. */
  filesFailingAny: number;
  /** Outcomes per rule id (rules that never applied to the group have no entry). */
  rules: Record<string, OutcomeCounts>;
}

/** The two fixed cuts, or `by:<path>[+<path>]` for a breakdown by the values of field paths (`--by`). */
export type BreakdownId = 'categoryAttendance' | 'domesticAbuse' | `by:${string}`;

/** A table cut the way HMIC and HMICFRS cut theirs: by category × attendance, by domestic abuse. */
export interface Breakdown {
  id: BreakdownId;
  title: string;
  dimensions: string[];
  groups: BreakdownGroup[];
}

/** Who drew the sample and how: the manifest's header, or just the folder when there is none. */
export interface SampleInfo {
  name: string;
  /** Absolute folder of the sample (the manifest's folder). */
  folder: string;
  manifest?: string;
  force?: string;
  description?: string;
  period?: { from?: string; to?: string; basis?: string };
  selection?: { method?: string; description?: string };
  /** The size the manifest declares (files audited may differ). */
  declaredSize?: number;
  /** Titles of the rule packs run, e.g. "core", "hmic-2014-core-business". */
  packs: string[];
  /**
   * The configuration (packs, `.dipsample.yaml`, manifest) has problems: the audit ran without some
   * rules or settings. Absent when the configuration is sound. Every output says so.
   */
  configuration?: ConfigurationNotice;
  /** Rules the configuration switched off for this sample, with the file that did it (listed, never dropped). */
  switchedOff?: SwitchedOffRule[];
}

/** What a broken configuration left out of an audit, and its problems. */
export interface ConfigurationNotice {
  /** Each problem once, with its file (absolute) and 0-based line. */
  problems: Array<{ file: string; line: number; message: string }>;
  /** Packs named but not loaded: none of their rules were audited. */
  unloadedPacks: string[];
  /** Rules of loaded packs that could not be compiled (bad options or settings): not audited. */
  brokenRules: string[];
  /** Configuration files that could not be used (absolute): their packs and rule settings were not applied. */
  unusableFiles: string[];
}

/** A rule switched off by configuration. */
export interface SwitchedOffRule {
  rule: string;
  title: string;
  pack: string;
  /** The configuration file that switched it off (absolute). */
  file: string;
}

export interface RuleRow extends RuleSummary {
  pack: string;
  /** A judgment criterion, answered by a reviewer rather than checked by the machine. */
  judgment: boolean;
  /** Files where the rule was decided: failed + passed (awaiting judgment is not yet decided). */
  applicable: number;
  /** failed / applicable in percent; undefined when nothing applied. */
  failedPercent?: number;
  /** 95% Wilson interval of failedPercent. */
  interval?: Interval;
}

export interface FileFinding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
}

export interface FileRow {
  /** Absolute path: the key the editor opens. */
  path: string;
  /** Path relative to the sample folder, with forward slashes. */
  name: string;
  reference?: string;
  category?: string;
  attendance?: string;
  domesticAbuse?: boolean;
  syntaxError: boolean;
  schemaError: boolean;
  findings: FileFinding[];
}

export interface SampleTotals {
  files: number;
  filesWithSyntaxErrors: number;
  filesWithSchemaErrors: number;
  filesWithInternalErrors: number;
  filesWithFindings: number;
  findings: Record<string, number>;
}

/** Everything the summary shows except the file list: small, whatever the sample's size. */
export interface SampleOverview {
  sample: SampleInfo;
  totals: SampleTotals;
  rules: RuleRow[];
  verdicts: VerdictSummary[];
  breakdowns: Breakdown[];
  /** Outcome codes and PEEL 2021/22 Table 1 groups the files were filed with; outcome 16's share. */
  outcomes: OutcomeTally;
  /** Medians, quartiles and bands of time to filing, under investigation, to first contact: all files and per breakdown. */
  timeliness: TimelinessTable[];
  /** The failed criteria ranked for action, with their passages and recommendations. */
  actions: ActionItem[];
}

/** A reviewer's decision (or a dispute) on one rule of one file, as the reports list them. */
export interface ReviewRow {
  path: string;
  /** Relative to the sample folder. */
  name: string;
  reference?: string;
  rule: string;
  outcome: string;
  machineOutcome?: string;
  judgment?: string;
  /** Who decided it (several when they agree); for a dispute, everyone in it. */
  reviewers: string[];
  note?: string;
  overridden: boolean;
  disputed: boolean;
  /** The decision in words without who or why (`decisionText`); a dispute lists its positions. */
  text: string;
}

/** The summary of a sample as the webview, the exports and the CLI report show it. */
export interface SampleReport extends SampleOverview {
  /** Files with findings, by name. */
  files: FileRow[];
  /** Reviewers' decisions and disputes, by file name then rule order. */
  reviews: ReviewRow[];
}
