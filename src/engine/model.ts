/** Core data types shared by every part of the engine. Ranges are 0-based, like LSP and VS Code. */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A severity in configuration may also switch a rule off. */
export type ConfiguredSeverity = Severity | 'off';

/** A step in a path into a parsed document: an object key or an array index. */
export type PathSegment = string | number;

/** Rule ids reserved for problems with the file itself rather than its content. */
export const SYNTAX_RULE = 'syntax';
export const SCHEMA_RULE = 'schema';
/** The engine itself failed on this file (a bug, reported rather than allowed to stop the sample). */
export const INTERNAL_RULE = 'internal';

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  /** Path of the node the finding is about (the deepest existing node for a missing field). */
  path: PathSegment[];
  /** A mechanical edit that resolves the finding, when the rule offers one. */
  fix?: FindingFix;
}

/** A finding's mechanical fix. `unattended`: safe to apply with no one reading it (see RuleDeclaration.fix). */
export interface FindingFix extends TextEdit {
  unattended?: true;
}

/** Replace `range` with `newText`. */
export interface TextEdit {
  title: string;
  range: Range;
  newText: string;
}

/**
 * How one rule came out for one file. `notAudited`: the rule read a field that breaks the schema
 * (a timestamp that is not a date, say), so what it made of the file cannot be trusted either way.
 */
export type RuleOutcome = 'passed' | 'failed' | 'notApplicable' | 'awaitingJudgment' | 'notAudited';

/** Record kinds a crime file can hold; rules declare which they apply to (default: crime). */
export const RECORD_KINDS = ['crime', 'named_suspect', 'pnc_wanted'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** A reviewer's answer to a judgment criterion, keyed by rule id. */
export type Judgments = Readonly<Record<string, string>>;

export interface RuleResult {
  rule: string;
  outcome: RuleOutcome;
  /** For judgment criteria answered by a reviewer: the answer on the rule's scale. */
  judgment?: string;
  /** The reviewer whose answer, override or confirmation decided the result (the latest, when several agree). */
  reviewer?: string;
  /** Every reviewer who agreed on it, when more than one did. */
  reviewers?: string[];
  /** The reviewer's note: why (inspectors quote it in write-ups). */
  note?: string;
  /** When the reviewer recorded it. */
  at?: string;
  /**
   * For a machine check a reviewer overrode or confirmed: what the machine made of it. `outcome`
   * is the reviewer's; they differ when it was overridden.
   */
  machineOutcome?: RuleOutcome;
  /** The reviewer read the file and agrees with the machine. */
  confirmed?: true;
  /** Reviewers disagree: the criterion awaits judgment until one changes; every position is here. */
  disputed?: Array<{ reviewer: string; value: string; note?: string }>;
}

/** Everything the engine knows about one audited file. */
export interface FileReport {
  path: string;
  reference?: string;
  /** Where the `reference` key is: file-level notes (awaiting judgments, disputes) are shown there. */
  referenceRange?: Range;
  /** The record as parsed, for summaries that cut by category or attendance; undefined on syntax errors. */
  facts?: RecordFacts;
  findings: Finding[];
  results: RuleResult[];
  /** True when the file could not be read as YAML/JSON or broke the schema. */
  syntaxError: boolean;
  schemaError: boolean;
  /** True when the engine failed while auditing the file: no rule result can be trusted. */
  internalError?: boolean;
}

/** The few record fields that summaries cut by (as HMIC and HMICFRS cut their tables). */
export interface RecordFacts {
  kind?: string;
  category?: string;
  attendance?: string;
  domesticAbuse?: boolean;
  /** The Home Office outcome code the file was filed with (`filed.outcome.code`). */
  outcomeCode?: number;
  /**
   * Elapsed hours between instants (offset-less times in the rule set's time zone), for the
   * timeliness tables: report to filing, recording to filing (time under investigation), report to
   * first attendance or contact with the victim. Absent when a time is missing or unreadable.
   */
  hours?: { toFiling?: number; underInvestigation?: number; toFirstContact?: number };
  /**
   * The values at the field paths the sample's manifest checks (its filters and period date, see
   * RuleSet.sampleFields), so the manifest is checked against the files without reading them again.
   */
  sampled?: Record<string, Array<string | number | boolean>>;
}

/**
 * What the sample checks need of one audited file (a review naming a reference no file has; a
 * manifest's period, strata, quotas and size): its path, reference and sampled values, not its
 * findings. A batch audit keeps only this per file, and only for samples that have such checks.
 */
export interface SampleMember {
  path: string;
  reference?: string;
  facts?: Pick<RecordFacts, 'sampled'>;
}

/** A report's sample member: the few fields the sample checks read, copied. */
export function sampleMemberOf(report: FileReport): SampleMember {
  return {
    path: report.path,
    ...(report.reference !== undefined ? { reference: report.reference } : {}),
    ...(report.facts ? { facts: report.facts.sampled ? { sampled: report.facts.sampled } : {} } : {}),
  };
}

export function compareRanges(a: Range, b: Range): number {
  return (
    a.start.line - b.start.line ||
    a.start.character - b.start.character ||
    a.end.line - b.end.line ||
    a.end.character - b.end.character
  );
}

/** The file's rules could not be judged: it is unreadable, or the engine failed on it. */
export function notAudited(report: Pick<FileReport, 'syntaxError' | 'internalError'>): boolean {
  return report.syntaxError || report.internalError === true;
}

/** The very start of a file: where a note about the whole file goes when nothing better places it. */
export const START_OF_FILE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A report for a file no rule could be run on, with one finding at its start saying why. */
export function unauditedReport(
  path: string,
  rule: typeof SYNTAX_RULE | typeof INTERNAL_RULE,
  message: string,
): FileReport {
  return {
    path,
    findings: [{ rule, severity: 'error', message, range: START_OF_FILE, path: [] }],
    results: [],
    syntaxError: rule === SYNTAX_RULE,
    schemaError: false,
    ...(rule === INTERNAL_RULE ? { internalError: true } : {}),
  };
}
