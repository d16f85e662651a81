import type { Predicate } from '../functions';
import type { Range, Severity } from '../model';

export interface RuleSource {
  report: string;
  seed?: string;
  paragraph?: string;
  line?: number;
  quote: string;
}

export interface ParameterDefinition {
  description: string;
  default: unknown;
  schema?: object;
}

/** A rule as declared in a pack, before a force's configuration is applied. */
export interface RuleDeclaration {
  id: string;
  title: string;
  description: string;
  severity: Severity;
  when?: Predicate;
  /** Record kinds the rule applies to (default: crime records only). */
  kinds: string[];
  /** A machine check, or else… */
  check?: { function: string; options: Record<string, unknown> };
  /** …a criterion only a person can judge, answered on a scale. */
  judgment?: JudgmentCriterion;
  message?: string;
  parameters: Record<string, ParameterDefinition>;
  source: RuleSource[];
  tags: string[];
  /**
   * A mechanical fix: replace the existing value the finding points at with `set`. `unattended`: the
   * fix needs no person's content (no placeholder to fill in), so "fix all" (`source.fixAll`) may apply it.
   */
  fix?: { title: string; set: unknown; unattended?: boolean };
  /** Name of the pack and the file/range it was declared at, for messages and "go to rule". */
  pack: string;
  file: string;
  range: Range;
}

export interface JudgmentCriterion {
  question: string;
  guidance?: string;
  scale: Array<{ value: string; outcome: 'passed' | 'failed'; description?: string }>;
}

/**
 * How an inspectorate judged a whole sample from its files, e.g. "unsatisfactory when ≥ 6 of 20
 * fail" (`unsatisfactoryWhen`), or how a sample compares with a published national figure
 * (`comparedWith`). A declaration has exactly one of the two.
 */
export interface VerdictDeclaration {
  id: string;
  title: string;
  description?: string;
  /** A file counts against the sample when it fails any of these rules. */
  rules: string[];
  /**
   * `failedFilesAtLeast` with `ofFiles`: a count meant for a sample of that many files (HMIC's "six
   * of the 20"); on any other number of applicable files it is applied as the share
   * failedFilesAtLeast / ofFiles.
   */
  unsatisfactoryWhen?: { failedFilesAtLeast?: number; failedShareAtLeast?: number; ofFiles?: number };
  /**
   * A national figure: `failed` of `of` files failed nationally. The sample's failed share is
   * above, below or not distinguishable from it by its 95% Wilson interval.
   */
  comparedWith?: NationalFigure;
  source: RuleSource[];
  pack: string;
  file: string;
}

/** A published national figure: `failed` of `of` files (e.g. 821 of 2,540). */
export interface NationalFigure {
  failed: number;
  of: number;
  /** How the figure was read from the report, e.g. "34% of 1,037; the report gives no count". */
  note?: string;
}

export interface RulePack {
  pack: string;
  title: string;
  description?: string;
  version?: string | number;
  file: string;
  rules: RuleDeclaration[];
  verdicts: VerdictDeclaration[];
}
