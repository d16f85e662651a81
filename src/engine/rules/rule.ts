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
  check: { function: string; options: Record<string, unknown> };
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

export interface RulePack {
  pack: string;
  title: string;
  description?: string;
  version?: string | number;
  file: string;
  rules: RuleDeclaration[];
}
