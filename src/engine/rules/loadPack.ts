import { ParsedDocument } from '../parse/document';
import type { PathSegment } from '../model';
import { problem, type Problem } from '../problems';
import { sharedAjv } from '../schemas/ajv';
import { locateIn, schemaViolations, syntaxProblems } from '../schemas/documentProblems';
import { packSchema } from './packSchema';
import type { RuleDeclaration, RulePack, VerdictDeclaration } from './rule';
import type { ValidateFunction } from 'ajv';

let validatePack: ValidateFunction | undefined;

export interface LoadedPack {
  pack?: RulePack;
  problems: Problem[];
  document?: ParsedDocument;
}

/**
 * Reads a rule pack (YAML) and checks it against the rule-pack schema. Every problem is located in
 * the pack file. Function options are checked later, in `compileRule`, once a configuration has
 * supplied parameter values — but with the defaults too, so a broken pack is caught on its own.
 */
export function loadPack(text: string, file: string): LoadedPack {
  const document = new ParsedDocument(text, file.endsWith('.json') ? 'json' : 'yaml');
  const at = (path: PathSegment[], atKey = false) => locateIn(document, path, atKey);
  if (document.problems.length > 0) {
    return { problems: syntaxProblems(file, document), document };
  }
  validatePack ??= sharedAjv().compile(packSchema);
  const invalid = schemaViolations(file, document, validatePack, 'Rule pack');
  if (invalid.length > 0) return { problems: invalid, document };
  const raw = document.value as {
    pack: string;
    title: string;
    description?: string;
    version?: string | number;
    rules: Array<
      Omit<RuleDeclaration, 'pack' | 'file' | 'range' | 'parameters' | 'tags' | 'kinds'> & Partial<RuleDeclaration>
    >;
    verdicts?: Array<Omit<VerdictDeclaration, 'pack' | 'file'>>;
  };
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  raw.rules.forEach((rule, index) => {
    const earlier = seen.get(rule.id);
    if (earlier !== undefined) {
      problems.push(
        problem(
          'duplicate-rule',
          file,
          at(['rules', index, 'id']),
          `Duplicate rule id "${rule.id}" (also rule ${earlier + 1} of this pack)`,
        ),
      );
    }
    seen.set(rule.id, index);
  });
  const rules = raw.rules.map<RuleDeclaration>((rule, index) => ({
    ...rule,
    parameters: rule.parameters ?? {},
    tags: rule.tags ?? [],
    kinds: rule.kinds ?? ['crime'],
    pack: raw.pack,
    file,
    range: at(['rules', index, 'id']),
  }));
  const verdicts = (raw.verdicts ?? []).map<VerdictDeclaration>((verdict) => ({ ...verdict, pack: raw.pack, file }));
  verdicts.forEach((verdict, index) =>
    verdict.rules.forEach((id, ruleIndex) => {
      if (!seen.has(id)) {
        problems.push(
          problem(
            'unknown-verdict-rule',
            file,
            at(['verdicts', index, 'rules', ruleIndex]),
            `Verdict ${verdict.id}: no rule "${id}" in this pack`,
          ),
        );
      }
    }),
  );
  verdicts.forEach((verdict, index) => {
    const national = verdict.comparedWith;
    if (national && national.failed > national.of)
      problems.push(
        problem(
          'bad-national-figure',
          file,
          at(['verdicts', index, 'comparedWith', 'failed']),
          `Verdict ${verdict.id}: ${national.failed} failed of ${national.of} files examined is more than all of them`,
        ),
      );
  });
  return {
    pack: {
      pack: raw.pack,
      title: raw.title,
      description: raw.description,
      version: raw.version,
      file,
      rules,
      verdicts,
    },
    problems,
    document,
  };
}
