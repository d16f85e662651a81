import type { ValidateFunction } from 'ajv';
import type { PathSegment } from '../model';
import type { ParsedDocument } from '../parse/document';
import { problem, type Problem } from '../problems';
import { schemaProblems } from './schemaProblems';

/** A parsed file's YAML/JSON syntax problems, located in `file`. */
export function syntaxProblems(file: string, document: ParsedDocument): Problem[] {
  return document.problems.map((p) => problem('syntax', file, p.range, p.message));
}

/** The range to underline for a path: the key itself (unknown fields) or the value. */
export function locateIn(document: ParsedDocument, path: PathSegment[], atKey = false) {
  return atKey ? document.locateKey(path) : document.locate(path).range;
}

/**
 * Checks a parsed file against its schema: every violation located in `file`, its message led by
 * `what` ("Configuration", "Rule pack", "Sample manifest"). Empty when the file is valid.
 */
export function schemaViolations(
  file: string,
  document: ParsedDocument,
  validate: ValidateFunction,
  what: string,
): Problem[] {
  if (validate(document.value)) return [];
  return schemaProblems(validate.errors, document.value).map((p) =>
    problem(p.code, file, locateIn(document, p.path, p.atKey), `${what}: ${p.message}`),
  );
}
