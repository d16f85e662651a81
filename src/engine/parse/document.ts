import { parseDocument, stringify, isMap, isScalar, isSeq, isPair, type Node as YamlNode, type Document } from 'yaml';
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { PathSegment, Range } from '../model';
import { LineIndex } from './lineIndex';

/** A problem that stops a file from being read as data at all. */
export interface SyntaxProblem {
  message: string;
  range: Range;
}

/** Where a path landed in the document: the node found and the part of the path that exists. */
export interface Location {
  range: Range;
  /** The deepest existing prefix of the requested path. */
  path: PathSegment[];
  /** True when the whole path exists. */
  exact: boolean;
}

export type SourceFormat = 'yaml' | 'json';

/**
 * A parsed YAML or JSON file that keeps source positions, so findings can point at the exact node.
 * JSON is checked strictly with jsonc-parser, then read through the same YAML AST (JSON is YAML 1.2),
 * so both formats share one locator.
 */
export class ParsedDocument {
  readonly value: unknown;
  readonly problems: SyntaxProblem[];
  private lines: LineIndex | undefined;
  private readonly doc: Document.Parsed | undefined;

  constructor(
    readonly text: string,
    readonly format: SourceFormat,
  ) {
    const problems: SyntaxProblem[] = [];
    if (format === 'json') {
      const errors: ParseError[] = [];
      parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
      for (const error of errors) {
        problems.push({
          message: `Invalid JSON: ${describeJsonError(printParseErrorCode(error.error))}`,
          range: this.lineIndex.range(error.offset, error.offset + Math.max(1, error.length)),
        });
      }
    }
    if (problems.length === 0) {
      // Timestamps stay strings: the YAML 1.2 core schema has no timestamp type, and we parse times ourselves.
      const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true });
      for (const error of doc.errors) {
        const [start, end] = error.pos;
        problems.push({
          message: `Invalid ${format === 'json' ? 'JSON' : 'YAML'}: ${firstLine(error.message)}`,
          range: this.lineIndex.range(start, Math.max(end, start + 1)),
        });
      }
      this.doc = doc;
    }
    this.problems = problems;
    this.value = problems.length === 0 && this.doc ? this.doc.toJS({ maxAliasCount: 100 }) : undefined;
  }

  get lineIndex(): LineIndex {
    return (this.lines ??= new LineIndex(this.text));
  }

  /**
   * The range for a path. A scalar gives its value; a map or list under a key gives the key (the value
   * may span many lines); a missing node gives its deepest existing ancestor, located the same way.
   */
  locate(path: readonly PathSegment[]): Location {
    const root = this.doc?.contents;
    if (!root) return { range: this.lineIndex.range(0, 0), path: [], exact: path.length === 0 };
    let node: YamlNode = root as YamlNode;
    let key: YamlNode | undefined;
    let depth = 0;
    for (; depth < path.length; depth++) {
      const next = childOf(node, path[depth]);
      if (!next) break;
      node = next.value;
      key = next.key;
    }
    return { range: this.rangeOf(node, key), path: path.slice(0, depth), exact: depth === path.length };
  }

  /** The full range of the value at `path` (which must exist), for edits that replace it. */
  locateValue(path: readonly PathSegment[]): Range {
    let node: YamlNode | undefined = this.doc?.contents as YamlNode | undefined;
    for (const segment of path) node = node ? childOf(node, segment)?.value : undefined;
    const [start, end] = node?.range ?? [0, 0];
    return this.lineIndex.range(start, end);
  }

  /** `value` written inline in this file's syntax (YAML flow style or JSON). */
  inlineText(value: unknown): string {
    return this.format === 'json'
      ? JSON.stringify(value)
      : stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trimEnd();
  }

  /** The range of the key naming the last step of `path` (for unknown fields); else as `locate`. */
  locateKey(path: readonly PathSegment[]): Range {
    const parent = path.length > 0 ? this.locate(path.slice(0, -1)) : undefined;
    if (parent?.exact && this.doc?.contents) {
      let node: YamlNode = this.doc.contents as YamlNode;
      for (const segment of path.slice(0, -1)) node = childOf(node, segment)!.value;
      const child = childOf(node, path[path.length - 1]);
      if (child?.key?.range) return this.lineIndex.range(child.key.range[0], child.key.range[1]);
    }
    return this.locate(path).range;
  }

  private rangeOf(node: YamlNode, key: YamlNode | undefined): Range {
    const [start, valueEnd] = node.range ?? [0, 0];
    const isCollection = isMap(node) || isSeq(node);
    if (isCollection && key?.range && (node.items.length > 0 || !node.flow)) {
      return this.lineIndex.range(key.range[0], key.range[1]);
    }
    if (isCollection && node.items.length > 0) {
      // An item of a list (e.g. one log entry) or the root: its first line is enough to find it.
      return this.lineIndex.range(start, Math.min(valueEnd, this.lineIndex.lineEnd(start)));
    }
    if (isScalar(node) && node.range && valueEnd === start && key?.range) {
      // `key:` with nothing after it: point at the key.
      return this.lineIndex.range(key.range[0], key.range[1]);
    }
    return this.lineIndex.range(start, valueEnd);
  }
}

function childOf(node: YamlNode, segment: PathSegment): { key?: YamlNode; value: YamlNode } | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YamlNode | null;
      const keyValue = isScalar(keyNode) ? keyNode.value : keyNode;
      if (String(keyValue) === String(segment)) {
        const value = (pair.value as YamlNode | null) ?? (keyNode as YamlNode);
        return { key: keyNode ?? undefined, value };
      }
    }
    return undefined;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment] as YamlNode | undefined;
    return item ? { value: item } : undefined;
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

const JSON_ERROR_TEXT: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'a property name in double quotes was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: "':' was expected",
  CommaExpected: "',' was expected",
  CloseBraceExpected: "'}' was expected",
  CloseBracketExpected: "']' was expected",
  EndOfFileExpected: 'text after the end of the data',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in string',
};

function describeJsonError(code: string): string {
  return JSON_ERROR_TEXT[code] ?? code;
}
