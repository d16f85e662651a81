import { isMap, isPair, isScalar, parseDocument, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import type { ConfiguredSeverity } from '../model';

/** Replace `length` characters at `offset` with `newText`: the smallest edit that makes a change. */
export interface TextChange {
  offset: number;
  length: number;
  newText: string;
}

const NEW_FILE_HEADER = '# dipsample configuration: see rules/docs/README.md';

/**
 * The one edit that sets `rules.<rule>` to `setting` (off, or a severity) in a `.dipsample.yaml`,
 * touching nothing else: comments, line endings (CRLF stays CRLF), a byte-order mark, indentation
 * and flow or block style all stay as written. An existing `{ severity, options }` entry keeps its
 * options. Undefined when the file cannot be edited safely: it does not parse, is not a map, or its
 * `rules` is not a map (a list, a scalar such as `off`, an alias): the user must fix it first; we
 * never overwrite what we cannot read.
 */
export function ruleSettingChange(text: string, rule: string, setting: ConfiguredSeverity): TextChange | undefined {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const key = yamlKey(rule);
  let document;
  try {
    document = parseDocument(text, { uniqueKeys: true });
  } catch {
    return undefined;
  }
  if (document.errors.length > 0) return undefined;
  const root = document.contents as YamlNode | null;
  const atEnd = (lines: string[]) => {
    const separator = text.length === 0 || text.endsWith('\n') ? '' : eol;
    return { offset: text.length, length: 0, newText: `${separator}${lines.join(eol)}${eol}` };
  };
  if (root === null || (isScalar(root) && root.value === null)) return atEnd(['rules:', `  ${key}: ${setting}`]);
  if (!isMap(root)) return undefined;

  const rulesPair = pairOf(root, 'rules');
  if (!rulesPair) {
    if (root.flow) return undefined;
    return atEnd([
      `${' '.repeat(columnOf(text, root))}rules:`,
      `${' '.repeat(columnOf(text, root) + 2)}${key}: ${setting}`,
    ]);
  }
  const rules = rulesPair.value as YamlNode | null;
  const rulesKey = rulesPair.key as YamlNode;
  if (rules === null || (isScalar(rules) && rules.value === null && !rules.source)) {
    // `rules:` with nothing after it: the entry goes on the next line, indented under the key.
    const end = lineEnd(text, rulesKey.range![1]);
    return { offset: end, length: 0, newText: `${eol}${' '.repeat(columnOf(text, rulesKey) + 2)}${key}: ${setting}` };
  }
  if (!isMap(rules)) return undefined;

  const entry = pairOf(rules, rule);
  if (entry) return changeEntry(text, entry, setting, eol);
  return addEntry(text, rules, `${key}: ${setting}`, eol);
}

/** `text` with the change applied; a new file's whole text when `text` is undefined or blank. */
export function setRuleSetting(
  text: string | undefined,
  rule: string,
  setting: ConfiguredSeverity,
): string | undefined {
  if (text === undefined || text.trim() === '') return `${NEW_FILE_HEADER}\nrules:\n  ${yamlKey(rule)}: ${setting}\n`;
  const change = ruleSettingChange(text, rule, setting);
  return change && applyChange(text, change);
}

export function applyChange(text: string, change: TextChange): string {
  return text.slice(0, change.offset) + change.newText + text.slice(change.offset + change.length);
}

/** An existing `rule: …` entry: replace its value, or the severity inside a `{ severity, options }` map. */
function changeEntry(text: string, entry: Pair, setting: string, eol: string): TextChange | undefined {
  const value = entry.value as YamlNode | null;
  const key = entry.key as YamlNode;
  if (value === null || (isScalar(value) && value.value === null && !value.source)) {
    const colon = text.indexOf(':', key.range![1]);
    return { offset: colon + 1, length: 0, newText: ` ${setting}` };
  }
  if (isScalar(value)) return replaceNode(value, setting);
  if (!isMap(value)) return undefined;
  const severity = pairOf(value, 'severity');
  if (severity && isScalar(severity.value)) return replaceNode(severity.value, setting);
  if (severity) return undefined;
  if (value.flow) {
    const open = text.indexOf('{', value.range![0]);
    return {
      offset: open + 1,
      length: 0,
      newText: value.items.length ? ` severity: ${setting},` : ` severity: ${setting} `,
    };
  }
  return addEntry(text, value, `severity: ${setting}`, eol);
}

/** A new entry in the `rules` map, after its last one, in the map's own style. */
function addEntry(text: string, rules: YAMLMap, entry: string, eol: string): TextChange | undefined {
  const last = rules.items[rules.items.length - 1];
  if (rules.flow) {
    if (!last) {
      const open = text.indexOf('{', rules.range![0]);
      const close = text.indexOf('}', open);
      return { offset: open, length: close - open + 1, newText: `{ ${entry} }` };
    }
    return { offset: endOf(last), length: 0, newText: `, ${entry}` };
  }
  const first = rules.items[0]?.key as YamlNode | undefined;
  if (!first?.range || !last) return undefined;
  const indent = first.range[0] - lineStart(text, first.range[0]);
  return { offset: lastLineEnd(text, last), length: 0, newText: `${eol}${' '.repeat(indent)}${entry}` };
}

function replaceNode(node: YamlNode, newText: string): TextChange | undefined {
  if (!node.range) return undefined;
  return { offset: node.range[0], length: node.range[1] - node.range[0], newText };
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair): pair is Pair => isPair(pair) && isScalar(pair.key) && String(pair.key.value) === key);
}

/** Where an entry's text ends (its value's, or its key's when it has no value). */
function endOf(pair: Pair): number {
  const node = (pair.value as YamlNode | null) ?? (pair.key as YamlNode);
  return node.range ? node.range[1] : 0;
}

/** The end of an entry's last line: a nested block's range runs past its final line break. */
function lastLineEnd(text: string, pair: Pair): number {
  let end = endOf(pair);
  while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return lineEnd(text, end);
}

function lineStart(text: string, offset: number): number {
  return Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
}

/** The end of the line holding `offset` (before its line break), past any trailing comment. */
function lineEnd(text: string, offset: number): number {
  const match = /\r\n|\r|\n/.exec(text.slice(offset));
  return match ? offset + match.index : text.length;
}

function columnOf(text: string, node: YamlNode): number {
  const start = node.range?.[0] ?? 0;
  return start - lineStart(text, start);
}

/** A rule id as a YAML key: plain when it is safe, quoted otherwise. */
function yamlKey(rule: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(rule) ? rule : JSON.stringify(rule);
}
