import type { ErrorObject } from 'ajv';
import type { PathSegment } from '../model';
import type { ParsedDocument } from '../parse/document';
import { problem, type Problem, type ProblemCode } from '../problems';
import { locateIn } from '../schemas/documentProblems';
import { schemaProblems } from '../schemas/schemaProblems';
import type { RuleDeclaration } from './rule';

/** A value set in a configuration file, with where it was set (for located problems). */
export interface ConfiguredValue {
  value: unknown;
  file: string;
  document: ParsedDocument;
  /** Path of the value inside that file. */
  path: PathSegment[];
}

/**
 * The problems found while compiling one rule, each located where a person can fix it: in the pack
 * that declares the rule, or in the configuration that set a parameter value the problem lies in.
 */
export class RuleProblems {
  readonly list: Problem[] = [];
  /** Rule paths (`check/options/min`) whose value came from a configured parameter. */
  private readonly configured = new Map<string, ConfiguredValue>();

  constructor(
    private readonly rule: RuleDeclaration,
    private readonly packDocument: ParsedDocument,
    /** Index of the rule in its pack's `rules` list. */
    private readonly index: number,
  ) {}

  get any(): boolean {
    return this.list.length > 0;
  }

  /** At `path` inside the rule's declaration in its pack. */
  inPack(code: ProblemCode, path: PathSegment[], message: string, atKey = false): void {
    const where = ['rules', this.index, ...path];
    this.add(code, this.rule.file, locateIn(this.packDocument, where, atKey), message);
  }

  /** At `path` inside a value a configuration set. */
  inConfig(setting: ConfiguredValue, code: ProblemCode, path: PathSegment[], message: string, atKey = false): void {
    this.add(code, setting.file, locateIn(setting.document, [...setting.path, ...path], atKey), message);
  }

  /** The value at this rule path was substituted from a configured parameter. */
  substituted(path: PathSegment[], setting: ConfiguredValue): void {
    this.configured.set(path.join('/'), setting);
  }

  /** At `path` inside the rule, or inside the configured value it falls in. */
  atRulePath(code: ProblemCode, path: PathSegment[], message: string, atKey = false): void {
    for (let length = path.length; length > 0; length--) {
      const setting = this.configured.get(path.slice(0, length).join('/'));
      if (setting) return this.inConfig(setting, code, path.slice(length), message, atKey);
    }
    this.inPack(code, path, message, atKey);
  }

  /**
   * Each schema violation of `value`, placed by `place` (given the path inside the value) and worded
   * "<lead> <message>", the whole value called `subject`.
   */
  schema(
    errors: readonly ErrorObject[] | null | undefined,
    value: unknown,
    wording: { lead: string; subject: string },
    place: (path: PathSegment[], message: string, atKey: boolean) => void,
  ): void {
    for (const p of schemaProblems(errors, value, { subject: wording.subject }))
      place(p.path, `${wording.lead}${p.message}`, p.atKey);
  }

  private add(code: ProblemCode, file: string, range: Problem['range'], message: string): void {
    this.list.push(problem(code, file, range, `Rule ${this.rule.id}: ${message}`));
  }
}
