import { ParsedDocument, sameLengthSource, type SourceFormat } from '../parse/document';
import { crimeFieldRole, reviewFieldRole, type FieldPath, type FieldRole } from './fieldRoles';
import { learnText, redactText } from './freeText';
import { learnName, redactName } from './nameField';
import { PseudonymTable } from './pseudonymTable';
import { addCounts, emptyCounts, type RedactionCounts } from './redactionKinds';
import { applyEdits, parseSource, stringScalars, type ScalarEdit } from './sourceEdits';

/** One file to redact: a crime file or a review file, YAML or JSON. */
export interface RedactionInput {
  text: string;
  format: SourceFormat;
  kind: 'crime' | 'review';
}

export interface RedactedFile {
  text: string;
  counts: RedactionCounts;
}

/**
 * Redacts a folder's files in two passes: `learn` every file first (names, ids, streets, the names
 * compromise finds in free text), then `redact` each. The pseudonyms depend only on what was learnt
 * and the salt, so the same folder always gives the same copy, byte for byte.
 */
export class Redactor {
  readonly table: PseudonymTable;

  constructor(options: { salt?: string } = {}) {
    this.table = new PseudonymTable(options.salt ?? '');
  }

  /** Pass one. False when the file cannot be read as data (it must then not be copied: its names are unknown). */
  learn(input: RedactionInput): boolean {
    const doc = readable(input);
    if (!doc) return false;
    for (const scalar of stringScalars(doc)) {
      const field = roleOf(input, scalar.path);
      if (field.role === 'name') learnName(scalar.value, this.table);
      else if (field.role === 'id') this.table.addId(scalar.value, field.kind);
      else if (field.role === 'text') learnText(scalar.value, this.table);
    }
    return true;
  }

  /** Pass two: the redacted text and what was replaced; undefined when the file cannot be read as data. */
  redact(input: RedactionInput): RedactedFile | undefined {
    const doc = readable(input);
    if (!doc) return undefined;
    const counts = emptyCounts();
    const edits: ScalarEdit[] = [];
    for (const scalar of stringScalars(doc)) {
      const field = roleOf(input, scalar.path);
      let value = scalar.value;
      if (field.role === 'name') {
        value = redactName(scalar.value, this.table);
        if (value !== scalar.value) counts.name++;
      } else if (field.role === 'id') {
        value = this.table.id(scalar.value);
        counts[field.kind]++;
      } else if (field.role === 'text') {
        const redacted = redactText(scalar.value, this.table);
        value = redacted.text;
        addCounts(counts, redacted.counts);
      }
      if (value !== scalar.value) edits.push({ scalar, value });
    }
    if (edits.length === 0) return { text: input.text, counts };
    return { text: applyEdits(input.text, input.format, doc, edits), counts };
  }
}

function roleOf(input: RedactionInput, path: FieldPath): FieldRole {
  return input.kind === 'crime' ? crimeFieldRole(path) : reviewFieldRole(path);
}

/** The file's tree when the engine can read it (the same checks as auditing: syntax, size, aliases, depth). */
function readable(input: RedactionInput) {
  if (new ParsedDocument(input.text, input.format).problems.length > 0) return undefined;
  const doc = parseSource(sameLengthSource(input.text, input.format));
  return doc.errors.length > 0 ? undefined : doc;
}
