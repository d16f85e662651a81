import { isMap, isScalar, isSeq, parseDocument, type Document, type Scalar } from 'yaml';
import type { SourceFormat } from '../parse/document';
import type { FieldPath } from './fieldRoles';

/** A string scalar of a parsed file, where it sits and whether it is inside a flow collection (`{ id: PC 1 }`). */
export interface StringScalar {
  node: Scalar;
  value: string;
  path: FieldPath;
  inFlow: boolean;
}

/** A new value for one scalar. */
export interface ScalarEdit {
  scalar: StringScalar;
  value: string;
}

/** Options the engine parses with (ParsedDocument): the same tree, the same ranges. */
export function parseSource(text: string): Document.Parsed {
  return parseDocument(text, { uniqueKeys: false, prettyErrors: false, strict: true });
}

/** Every string scalar of the document in document order (aliases are skipped: their anchor is visited). */
export function stringScalars(doc: Document.Parsed): StringScalar[] {
  const found: StringScalar[] = [];
  const walk = (node: unknown, path: Array<string | number>, inFlow: boolean) => {
    if (isScalar(node)) {
      if (typeof node.value === 'string') found.push({ node, value: node.value, path, inFlow });
    } else if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        walk(pair.value, [...path, key], inFlow || node.flow === true);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => walk(item, [...path, index], inFlow || node.flow === true));
    }
  };
  walk(doc.contents, [], false);
  return found;
}

/**
 * The text with each edited scalar's source replaced, everything else byte for byte (comments,
 * layout, quoting of the untouched values). Each new value keeps its scalar's style where it can
 * (plain, single or double quoted, block), else becomes double-quoted, which holds any string; JSON
 * stays JSON. The result is re-parsed and must hold exactly the intended values: if not (a corner
 * of YAML this did not foresee), the whole document is printed by the `yaml` library instead.
 */
export function applyEdits(text: string, format: SourceFormat, doc: Document.Parsed, edits: ScalarEdit[]): string {
  const expected = expectedValues(doc, edits);
  let out = text;
  for (const edit of [...edits].sort((a, b) => rangeOf(b)[0] - rangeOf(a)[0])) {
    const [start, end] = rangeOf(edit);
    out = out.slice(0, start) + render(out, format, edit) + out.slice(end);
  }
  if (holds(out, expected)) return out;
  for (const edit of edits) edit.scalar.node.value = edit.value;
  const printed = format === 'json' ? `${JSON.stringify(doc.toJS(), null, 2)}\n` : doc.toString({ lineWidth: 0 });
  if (holds(printed, expected)) return printed;
  throw new Error('the redacted file could not be written back as valid YAML/JSON');
}

function rangeOf(edit: ScalarEdit): [number, number] {
  const range = edit.scalar.node.range ?? [0, 0, 0];
  return [range[0], range[1]];
}

function expectedValues(doc: Document.Parsed, edits: readonly ScalarEdit[]): string[] {
  const changed = new Map(edits.map((edit) => [edit.scalar.node, edit.value]));
  return stringScalars(doc).map((scalar) => changed.get(scalar.node) ?? scalar.value);
}

function holds(text: string, expected: readonly string[]): boolean {
  const doc = parseSource(text);
  if (doc.errors.length > 0) return false;
  const values = stringScalars(doc).map((scalar) => scalar.value);
  return values.length === expected.length && values.every((value, index) => value === expected[index]);
}

function render(text: string, format: SourceFormat, edit: ScalarEdit): string {
  const { value, scalar } = edit;
  if (format === 'json') return JSON.stringify(value);
  const { node } = scalar;
  switch (node.type) {
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED':
      return block(text, node, value);
    case 'QUOTE_SINGLE':
      return value.includes('\n') ? JSON.stringify(value) : `'${value.replace(/'/g, "''")}'`;
    case 'PLAIN':
      return plainSafe(value, scalar.inFlow) ? value : JSON.stringify(value);
    default:
      return JSON.stringify(value);
  }
}

/** Whether a value reads back as the same string when written plain in that context. */
function plainSafe(value: string, inFlow: boolean): boolean {
  if (value === '' || value.includes('\n') || value !== value.trim()) return false;
  const doc = parseSource(inFlow ? `[${value}]` : `k: ${value}\n`);
  if (doc.errors.length > 0 || doc.warnings.length > 0) return false;
  const contents = doc.contents;
  const node =
    isSeq(contents) && contents.items.length === 1
      ? contents.items[0]
      : isMap(contents)
        ? contents.get('k', true)
        : undefined;
  return isScalar(node) && node.type === 'PLAIN' && node.value === value;
}

/**
 * A block scalar written again as a literal block (`|`) at its old indentation: a literal holds the
 * new value exactly, line for line (a folded block's value already has its lines joined).
 */
function block(text: string, node: Scalar, value: string): string {
  const [start, end] = node.range ?? [0, 0];
  const source = text.slice(start, end);
  const headerEnd = source.indexOf('\n');
  const header = (headerEnd < 0 ? source : source.slice(0, headerEnd)).replace(/^>/, '|');
  const indent = /\n([ ]+)\S/.exec(source)?.[1] ?? '  ';
  const lines = value.split('\n');
  if (value.endsWith('\n')) lines.pop();
  const body = lines.map((line) => (line === '' ? '' : indent + line)).join('\n');
  return `${header.replace(/\r$/, '')}\n${body}${source.endsWith('\n') ? '\n' : ''}`;
}
