import { ParsedDocument } from '../parse/document';
import type { PathSegment } from '../model';
import type { Problem } from '../problems';
import { sharedAjv } from '../schemas/ajv';
import { schemaProblems } from '../schemas/schemaProblems';
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
  const at = (path: PathSegment[], atKey = false) => locate(document, path, atKey);
  if (document.problems.length > 0) {
    return {
      problems: document.problems.map((p) => ({ file, range: p.range, severity: 'error', message: p.message })),
      document,
    };
  }
  validatePack ??= sharedAjv().compile(packSchema);
  if (!validatePack(document.value)) {
    const problems = schemaProblems(validatePack.errors, document.value).map<Problem>((p) => ({
      file,
      range: at(p.path, p.atKey),
      severity: 'error',
      message: `Rule pack: ${p.message}`,
    }));
    return { problems, document };
  }
  const raw = document.value as {
    pack: string;
    title: string;
    description?: string;
    version?: string | number;
    rules: Array<Omit<RuleDeclaration, 'pack' | 'file' | 'range' | 'parameters' | 'tags' | 'kinds'> & Partial<RuleDeclaration>>;
    verdicts?: Array<Omit<VerdictDeclaration, 'pack' | 'file'>>;
  };
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  raw.rules.forEach((rule, index) => {
    const earlier = seen.get(rule.id);
    if (earlier !== undefined) {
      problems.push({ file, range: at(['rules', index, 'id']), severity: 'error', message: `Duplicate rule id "${rule.id}" (also rule ${earlier + 1} of this pack)` });
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
        problems.push({ file, range: at(['verdicts', index, 'rules', ruleIndex]), severity: 'error', message: `Verdict ${verdict.id}: no rule "${id}" in this pack` });
      }
    }),
  );
  return {
    pack: { pack: raw.pack, title: raw.title, description: raw.description, version: raw.version, file, rules, verdicts },
    problems,
    document,
  };
}

export function locate(document: ParsedDocument, path: PathSegment[], atKey = false) {
  return atKey ? document.locateKey(path) : document.locate(path).range;
}
