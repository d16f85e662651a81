import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  stringify,
  visit,
  type Document,
  type Node as YamlNode,
} from 'yaml';
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { PathSegment, Range } from '../model';
import { parseByEvents } from './eventParse';
import { LineIndex } from './lineIndex';
import { childOf, type SourceNode } from './sourceTree';
import { UNREADABLE, unreadableCharacter } from './unreadable';
import { yamlSourceTree } from './yamlSourceTree';

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
 * How far aliases may expand a file: uses of an anchor × the aliases inside it (the `yaml` library's
 * measure). A crime file whose 1,000 log entries all say `author: *oic` stays well inside it; a
 * "billion laughs" file (9 aliases of 9 aliases, five deep: 59,049) does not.
 */
export const MAX_ALIAS_EXPANSIONS = 10_000;

/**
 * How deeply maps and lists may nest. Crime files nest about 6 levels, rule packs about 15; a
 * limit far above both keeps every later step (conversion, schema checks) off the edge of the
 * stack, and a file beyond it gets the same located finding however warm the process is.
 */
export const MAX_NESTING_DEPTH = 100;

/**
 * The largest text read (in UTF-16 units, about a mebibyte): a crime file is a few kilobytes, a
 * rule pack tens. Beyond it the parser's memory grows without bound (a 2 MB list of a million
 * items took 1 GB), so the file is refused with one finding.
 */
export const MAX_DOCUMENT_LENGTH = 1024 * 1024;

/**
 * A parsed YAML or JSON file that keeps source positions, so findings can point at the exact node.
 * JSON is checked strictly with jsonc-parser, then read through the same YAML AST (JSON is YAML 1.2),
 * so both formats share one locator.
 */
export class ParsedDocument {
  readonly value: unknown;
  readonly problems: SyntaxProblem[];
  private lines: LineIndex | undefined;
  private readonly root: SourceNode | undefined;

  constructor(
    readonly text: string,
    readonly format: SourceFormat,
    /** False reads with `yaml` alone: the reference the fast parse is tested against. */
    private readonly fastParse = true,
  ) {
    const problems: SyntaxProblem[] = [];
    let read: { root: SourceNode | undefined; value?: unknown; doc?: Document.Parsed } = { root: undefined };
    try {
      read = this.parse(problems);
    } catch (error) {
      // The parsers recurse: a file nested thousands deep can still exhaust the stack.
      if (!(error instanceof RangeError)) throw error;
      problems.push({
        message: this.invalid(tooDeep()),
        range: this.lineIndex.range(0, 1),
      });
    }
    this.root = read.root;
    this.value = problems.length > 0 ? undefined : read.doc ? this.toValue(read.doc, problems) : read.value;
    this.problems = problems;
  }

  /** The file read: on the fast path its value and tree, else `yaml`'s document and its tree. */
  private parse(problems: SyntaxProblem[]): { root: SourceNode | undefined; value?: unknown; doc?: Document.Parsed } {
    const { format } = this;
    if (this.text.length > MAX_DOCUMENT_LENGTH) {
      problems.push({
        message: `The file is too large to read (more than ${MAX_DOCUMENT_LENGTH / 1024} KiB of text): no crime file, pack or configuration is this big`,
        range: this.lineIndex.range(0, 0),
      });
      return { root: undefined };
    }
    const unreadable = unreadableCharacter(this.text);
    if (unreadable) {
      problems.push({
        message: unreadable.message,
        range: this.lineIndex.range(unreadable.offset, unreadable.offset + 1),
      });
      return { root: undefined };
    }
    const text = sameLengthSource(this.text, format);
    if (format === 'json') {
      const deep = jsonDeeperThan(text, MAX_NESTING_DEPTH);
      if (deep !== undefined) {
        problems.push({ message: this.invalid(tooDeep()), range: this.lineIndex.range(deep, deep + 1) });
        return { root: undefined };
      }
      const errors: ParseError[] = [];
      // What JSON.parse reads is strict JSON, with nothing for jsonc-parser to locate (and it is native).
      if (!(this.fastParse && isStrictJson(text)))
        parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
      for (const error of errors) {
        problems.push({
          message: `Invalid JSON: ${describeJsonError(printParseErrorCode(error.error))}`,
          range: this.lineIndex.range(error.offset, error.offset + Math.max(1, error.length)),
        });
      }
    }
    if (problems.length === 0) {
      const fast = this.fastParse ? parseByEvents(text, MAX_NESTING_DEPTH) : undefined;
      if (fast) return fast;
      // Timestamps stay strings: the YAML 1.2 core schema has no timestamp type, and we parse times ourselves.
      // Duplicate keys are checked below, in one pass: the parser's own check is quadratic (20,000 keys: 3.3 s).
      const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false, strict: true });
      // Unresolved tags (`!!js/function`, `!evil`) are warnings to the library: data with a tag we do
      // not know is not data we can judge, so they stop the file like errors.
      const reported = [...doc.errors, ...doc.warnings.filter((warning) => warning.code === 'TAG_RESOLVE_FAILED')];
      // A file too deep for the parser's stack says so once, not at every level it unwinds.
      const exhausted = reported.find((error) => error.code === 'RESOURCE_EXHAUSTION');
      for (const error of exhausted ? [exhausted] : reported) {
        const [start, end] = error.pos;
        const message =
          error.code === 'RESOURCE_EXHAUSTION'
            ? tooDeep()
            : firstLine(error.message).replace(
                /^Unresolved tag: tag:yaml\.org,2002:(\w+)$/,
                'the value does not fit its tag !!$1',
              );
        problems.push({ message: this.invalid(message), range: this.unclosedAt(text, start, end, message) });
      }
      if (problems.length === 0) {
        const flaw = treeFlaw(doc, MAX_NESTING_DEPTH);
        if (flaw?.node.range) {
          const [start, end] = flaw.node.range;
          problems.push(
            flaw.kind === 'deep'
              ? { message: this.invalid(tooDeep()), range: this.lineIndex.range(start, this.lineIndex.lineEnd(start)) }
              : flaw.kind === 'duplicate'
                ? { message: this.invalid('Map keys must be unique'), range: this.lineIndex.range(start, end) }
                : flaw.kind === 'tag'
                  ? {
                      message: this.invalid(`tag ${flaw.tag} is not one dipsample reads (use plain values)`),
                      range: this.lineIndex.range(start, end),
                    }
                  : {
                      message: `A value holds a control character (written as an escape, U+${flaw.code}): crime files are plain text`,
                      range: this.lineIndex.range(start, end),
                    },
          );
        }
      }
      return { root: yamlSourceTree(doc.contents), doc };
    }
    return { root: undefined };
  }

  /**
   * The document as plain data. Aliases are resolved up to MAX_ALIAS_EXPANSIONS; an alias with no
   * anchor before it, or too many expansions, becomes a located problem rather than an exception.
   */
  private toValue(doc: Document.Parsed, problems: SyntaxProblem[]): unknown {
    try {
      return doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const unresolved = /^Unresolved alias[^:]*: (.*)$/.exec(message);
      const alias = firstAlias(doc, unresolved?.[1]);
      const [start, end] = alias?.range ?? [0, 1];
      problems.push({
        message: unresolved
          ? this.invalid(`alias *${unresolved[1]} has no anchor &${unresolved[1]} before it`)
          : /alias count/i.test(message)
            ? this.invalid(`aliases expand this file more than ${MAX_ALIAS_EXPANSIONS} times`)
            : this.invalid(firstLine(message)),
        range: this.lineIndex.range(start, Math.max(end, start + 1)),
      });
      return undefined;
    }
  }

  /**
   * Where to show a syntax error. The parser notices an unclosed `[`, `{` or quote only where the
   * next line starts, one line (or more) after the mistake: point at the end of the last line that
   * has text before it instead, which is where the closing character is missing.
   */
  private unclosedAt(text: string, start: number, end: number, message: string): Range {
    const unclosed = /end with an? [\]}]|Missing closing/.test(message);
    if (unclosed && this.lineIndex.position(start).character === 0) {
      let before = start;
      while (before > 0 && /\s/.test(text[before - 1])) before--;
      if (before > 0) return this.lineIndex.range(before - 1, before);
    }
    return this.lineIndex.range(start, Math.max(end, start + 1));
  }

  /** "Invalid YAML: …" / "Invalid JSON: …". */
  private invalid(message: string): string {
    return `Invalid ${this.format === 'json' ? 'JSON' : 'YAML'}: ${message}`;
  }

  get lineIndex(): LineIndex {
    return (this.lines ??= new LineIndex(this.text));
  }

  /**
   * The range for a path. A scalar gives its value; a map or list under a key gives the key (the value
   * may span many lines); a missing node gives its deepest existing ancestor, located the same way.
   */
  locate(path: readonly PathSegment[]): Location {
    const { root } = this;
    if (!root) return { range: this.lineIndex.range(0, 0), path: [], exact: path.length === 0 };
    let node: SourceNode = root;
    let key: SourceNode | undefined;
    let depth = 0;
    for (; depth < path.length; depth++) {
      const next = childOf(node, path[depth]);
      if (!next) break;
      node = next.value;
      key = next.key;
    }
    return { range: this.rangeOf(node, key), path: path.slice(0, depth), exact: depth === path.length };
  }

  /**
   * The full range of the value at `path` (which must exist), for edits that replace it: a
   * scalar or a flow collection exactly; a block collection to about its last line (`yaml` ends
   * one after trailing comments by rules of its own, and no edit replaces one).
   */
  locateValue(path: readonly PathSegment[]): Range {
    let node: SourceNode | undefined = this.root;
    for (const segment of path) node = node ? childOf(node, segment)?.value : undefined;
    return this.lineIndex.range(node?.start ?? 0, node?.valueEnd ?? 0);
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
    if (parent?.exact && this.root) {
      let node: SourceNode = this.root;
      for (const segment of path.slice(0, -1)) node = childOf(node, segment)!.value;
      const key = childOf(node, path[path.length - 1])?.key;
      if (key) return this.lineIndex.range(key.start, key.valueEnd);
    }
    return this.locate(path).range;
  }

  private rangeOf(node: SourceNode, key: SourceNode | undefined): Range {
    const { start, valueEnd } = node;
    const isCollection = node.kind === 'map' || node.kind === 'seq';
    if (isCollection && key && (node.entries.length > 0 || !node.flow)) {
      return this.lineIndex.range(key.start, key.valueEnd);
    }
    if (isCollection && node.entries.length > 0) {
      // An item of a list (e.g. one log entry) or the root: its first line is enough to find it.
      const lineEnd = this.lineIndex.lineEnd(start);
      return this.lineIndex.range(start, node.flow ? Math.min(valueEnd, lineEnd) : lineEnd);
    }
    if (node.kind === 'scalar' && valueEnd === start && key) {
      // `key:` with nothing after it: point at the key.
      return this.lineIndex.range(key.start, key.valueEnd);
    }
    return this.lineIndex.range(start, valueEnd);
  }
}

/**
 * The text as the parsers should see it, every offset unchanged: a lone CR ends a line (as YAML 1.2
 * and our line index say, though the parser does not), and a UTF-8 byte-order mark is read past in
 * JSON as YAML already does.
 */
export function sameLengthSource(text: string, format: SourceFormat): string {
  const unixLines = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
  return format === 'json' && unixLines.charCodeAt(0) === 0xfeff ? ` ${unixLines.slice(1)}` : unixLines;
}

/** The tags of YAML's core schema: data as JSON has it. */
const CORE_TAGS = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`),
);

function tooDeep(): string {
  return `maps and lists nested more than ${MAX_NESTING_DEPTH} levels deep`;
}

function isStrictJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Offset of the first `[` or `{` nested deeper than `limit` in JSON text (strings skipped), if any. */
function jsonDeeperThan(text: string, limit: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \\ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > limit) return i;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return undefined;
}

/** The first map or list nested deeper than `limit`, or string holding a control character, found without recursion. */
function treeFlaw(
  doc: Document.Parsed,
  limit: number,
):
  | { kind: 'deep'; node: YamlNode }
  | { kind: 'duplicate'; node: YamlNode }
  | { kind: 'control'; node: YamlNode; code: string }
  | { kind: 'tag'; node: YamlNode; tag: string }
  | undefined {
  const stack: Array<{ node: unknown; depth: number }> = [{ node: doc.contents, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    // A tag the core schema resolves can still change what a value is (`!!set`, `!!binary`, `!!omap`).
    const tag = (node as YamlNode | null)?.tag;
    if (tag !== undefined && !CORE_TAGS.has(tag))
      return { kind: 'tag', node: node as YamlNode, tag: tag.replace(/^tag:yaml\.org,2002:/, '!!') };
    if (isScalar(node) && typeof node.value === 'string') {
      // A raw control character was refused before parsing; an escaped one ("\e", "\u001b") lands here.
      const control = UNREADABLE.exec(node.value);
      if (control)
        return { kind: 'control', node, code: control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0') };
    }
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth >= limit) return { kind: 'deep', node };
    if (isMap(node)) {
      // Keys are equal as the parser's own check has them: the same scalar value (`<<` merges exempt).
      const keys = new Set<string>();
      for (const pair of node.items) {
        const key = pair.key;
        if (!isScalar(key) || key.value === '<<') continue;
        const identity = `${typeof key.value}:${String(key.value)}`;
        if (keys.has(identity)) return { kind: 'duplicate', node: key };
        keys.add(identity);
      }
    }
    for (const item of node.items) {
      if (isPair(item)) stack.push({ node: item.value, depth: depth + 1 }, { node: item.key, depth: depth + 1 });
      else stack.push({ node: item, depth: depth + 1 });
    }
  }
  return undefined;
}

/** The first alias in document order (named `name`, when given). */
function firstAlias(doc: Document.Parsed, name?: string): YamlNode | undefined {
  let found: YamlNode | undefined;
  visit(doc, {
    Alias(_, node) {
      if (name !== undefined && node.source !== name) return undefined;
      found = node;
      return visit.BREAK;
    },
  });
  return found;
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
