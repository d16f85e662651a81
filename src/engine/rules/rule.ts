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
  /** A mechanical fix: replace the existing value the finding points at with `set`. */
  fix?: { title: string; set: unknown };
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

/** How an inspectorate judged a whole sample from its files, e.g. "unsatisfactory when ≥ 6 of 20 fail". */
export interface VerdictDeclaration {
  id: string;
  title: string;
  description?: string;
  /** A file counts against the sample when it fails any of these rules. */
  rules: string[];
  unsatisfactoryWhen: { failedFilesAtLeast?: number; failedShareAtLeast?: number };
  source: RuleSource[];
  pack: string;
  file: string;
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
