import { isRecord } from '../path';
import { parseDate, parseDateTime } from './extractDates';
import type { FieldType } from './fieldTypes';
import type { FieldRule } from './importMap';

/** A cell that could not become its field: the column and why (the row is left out). */
export interface CellProblem {
  column: string;
  message: string;
}

export interface ConversionSettings {
  /** Zone of date-times without an offset. */
  timezone: string;
  /** luxon date formats tried in order after ISO 8601. */
  dates: readonly string[];
}

const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);
const MAX_LISTED = 8;

/** Why a cell would not convert (a class of its own, so no converted value can be mistaken for one). */
class Unconvertible {
  constructor(readonly problem: string) {}
}

/**
 * Fills `target` from one CSV row by the rules: each rule's column (empty cells leave the field
 * out), mapped through `values`, split, and read as the field's type; or its fixed value. Only the
 * rules' columns are read, so nothing else of the row reaches the record. Problems name the column.
 * A draw converts a million rows this way, so a cell that is not split makes no arrays or wrappers.
 */
export function convertRow(
  rules: readonly FieldRule[],
  cell: (column: string) => string | undefined,
  settings: ConversionSettings,
  target: Record<string, unknown> = {},
): { record: Record<string, unknown>; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  for (const rule of rules) {
    if (rule.value !== undefined) {
      setPath(target, rule.path, rule.field.list ? [rule.value] : rule.value);
      continue;
    }
    const column = rule.column ?? '';
    const text = (cell(column) ?? '').trim();
    if (text === '') continue;
    const list = rule.field.list === true || (rule.field.type === 'any' && rule.split !== undefined);
    if (rule.split === undefined) {
      const converted = convertCell(text, rule, settings);
      if (converted instanceof Unconvertible) problems.push({ column, message: converted.problem });
      else setPath(target, rule.path, list ? [converted] : converted);
      continue;
    }
    const parts = text
      .split(rule.split)
      .map((part) => part.trim())
      .filter(Boolean);
    const values: unknown[] = [];
    for (const part of parts) {
      const converted = convertCell(part, rule, settings);
      if (converted instanceof Unconvertible) problems.push({ column, message: converted.problem });
      else values.push(converted);
    }
    if (values.length === 0) continue;
    setPath(target, rule.path, list ? [...new Set(values)] : values.length === 1 ? values[0] : values);
  }
  return { record: target, problems };
}

/** The cell's value, or why it has none. */
function convertCell(text: string, rule: FieldRule, settings: ConversionSettings): unknown {
  let value: unknown = text;
  if (rule.values) {
    if (!Object.prototype.hasOwnProperty.call(rule.values, text)) {
      const codes = Object.keys(rule.values);
      const listed = codes.slice(0, MAX_LISTED).join(', ') + (codes.length > MAX_LISTED ? ', …' : '');
      return new Unconvertible(`code ${JSON.stringify(text)} is not in the map's values (${listed})`);
    }
    value = rule.values[text];
    if (typeof value !== 'string') return value;
  }
  return readAs(value as string, effectiveType(rule.type, rule.field), settings);
}

type ReadType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'date-time' | 'any';

function effectiveType(type: FieldRule['type'], field: FieldType): ReadType {
  if (type) return type;
  if (field.format === 'local-date-time') return 'date-time';
  if (field.format === 'date') return 'date';
  return field.type;
}

function readAs(text: string, type: ReadType, settings: ConversionSettings): unknown {
  switch (type) {
    case 'integer':
      return /^[+-]?\d+$/.test(text) && Number.isSafeInteger(Number(text))
        ? Number(text)
        : new Unconvertible(`${JSON.stringify(text)} is not a whole number`);
    case 'number': {
      const number = Number(text);
      return Number.isFinite(number) && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)
        ? number
        : new Unconvertible(`${JSON.stringify(text)} is not a number`);
    }
    case 'boolean': {
      const lower = text.toLowerCase();
      if (TRUE.has(lower)) return true;
      if (FALSE.has(lower)) return false;
      return new Unconvertible(`${JSON.stringify(text)} is not true or false (true/false, yes/no, y/n, 1/0)`);
    }
    case 'date-time': {
      const value = parseDateTime(text, settings.dates, settings.timezone);
      return value !== undefined
        ? value
        : new Unconvertible(`${JSON.stringify(text)} is not a date-time that exists (${formatsSaid(settings)})`);
    }
    case 'date': {
      const value = parseDate(text, settings.dates);
      return value !== undefined
        ? value
        : new Unconvertible(`${JSON.stringify(text)} is not a date that exists (${formatsSaid(settings)})`);
    }
    default:
      return text;
  }
}

function formatsSaid(settings: ConversionSettings): string {
  return settings.dates.length > 0 ? `formats ${settings.dates.join(', ')} or ISO 8601` : 'ISO 8601';
}

const KEYS = new Map<string, string[]>();

/** Sets a dotted path, making the objects on the way. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  let keys = KEYS.get(path);
  if (!keys) KEYS.set(path, (keys = path.split('.')));
  let node = target;
  for (let index = 0; index < keys.length - 1; index++) {
    const key = keys[index];
    if (!isRecord(node[key])) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
}
