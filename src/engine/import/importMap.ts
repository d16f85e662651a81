import type { ValidateFunction } from 'ajv';
import type { PathSegment } from '../model';
import { ParsedDocument } from '../parse/document';
import { isRecord } from '../path';
import { problem, type Problem } from '../problems';
import { sharedAjv } from '../schemas/ajv';
import { schemaViolations, syntaxProblems } from '../schemas/documentProblems';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../time/instant';
import { fieldSlot, type FieldType } from './fieldTypes';
import { mapSchema, type MapValueType } from './mapSchema';

/** How one field of a record is filled: from a column (with codes, a split, a type) or a fixed value. */
export interface FieldRule {
  path: string;
  column?: string;
  values?: Readonly<Record<string, string | number | boolean>>;
  split?: string;
  type?: MapValueType;
  value?: string | number | boolean;
  /** What the crime-file schema says the field holds. */
  field: FieldType;
  /** Where the rule is written in the map. */
  declared: PathSegment[];
}

export interface MapTable {
  file: string;
  key: string;
  into?: string;
  fields: FieldRule[];
  declared: PathSegment[];
}

/** A dipsample-map/1 file, checked. */
export interface ImportMap {
  file: string;
  document: ParsedDocument;
  timezone: string;
  dates: string[];
  tables: MapTable[];
}

let validateMap: ValidateFunction | undefined;

/**
 * Reads an import map: syntax, its schema, then what only the crime-file schema can tell (every
 * path a field that takes a value, `into` a list of records, a valid zone). Problems are located
 * in the map; a map is returned only when there are none.
 */
export function parseImportMap(text: string, file: string): { map?: ImportMap; problems: Problem[] } {
  const document = new ParsedDocument(text, /\.json$/i.test(file) ? 'json' : 'yaml');
  const syntax = syntaxProblems(file, document);
  if (syntax.length > 0) return { problems: syntax };
  validateMap ??= sharedAjv().compile(mapSchema);
  const schema = schemaViolations(file, document, validateMap, 'Import map');
  if (schema.length > 0) return { problems: schema };

  const problems: Problem[] = [];
  const at = (path: PathSegment[], message: string, atKey = false) =>
    problems.push(
      problem(
        'bad-map',
        file,
        atKey ? document.locateKey(path) : document.locate(path).range,
        `Import map: ${message}`,
      ),
    );
  const value = document.value as { timezone?: string; dates?: string[]; tables: Array<Record<string, unknown>> };
  const timezone = value.timezone ?? DEFAULT_TIME_ZONE;
  if (!isValidTimeZone(timezone)) at(['timezone'], `unknown time zone ${timezone}`);

  const tables: MapTable[] = value.tables.map((raw, index) => {
    const declared: PathSegment[] = ['tables', index];
    const into = typeof raw.into === 'string' ? raw.into : undefined;
    if (index === 0 && into) at([...declared, 'into'], 'the first table holds the crimes themselves: it takes no into');
    if (into) {
      const slot = fieldSlot(into);
      if (slot.kind !== 'records')
        at([...declared, 'into'], slot.kind === 'unknown' ? slot.reason : `${into} is not a list of records`);
    }
    const fields: FieldRule[] = [];
    for (const [path, spec] of Object.entries(raw.fields as Record<string, unknown>)) {
      const where: PathSegment[] = [...declared, 'fields', path];
      if (path === 'format' && !into) {
        at(where, 'format is always crime-file/1: leave it out', true);
        continue;
      }
      const slot = fieldSlot(path, into ? [into] : []);
      if (slot.kind !== 'value') {
        const target = into ? `${into} item field ${path}` : path;
        at(
          where,
          slot.kind === 'unknown' ? slot.reason : `${target} holds fields of its own: map them one by one`,
          true,
        );
        continue;
      }
      const rule = isRecord(spec) ? spec : { column: spec };
      fields.push({
        ...(rule as Omit<FieldRule, 'path' | 'field' | 'declared'>),
        path,
        field: slot.field,
        declared: where,
      });
    }
    if (index === 0 && !fields.some((field) => field.path === 'reference'))
      at([...declared, 'fields'], 'the first table maps no reference (each crime file needs one)');
    return { file: raw.file as string, key: raw.key as string, ...(into ? { into } : {}), fields, declared };
  });
  if (problems.length > 0) return { problems };
  return { map: { file, document, timezone, dates: value.dates ?? [], tables }, problems };
}

/** A table's columns the header lacks (its key, its fields'), located at the map entry that names them. */
export function missingColumns(map: ImportMap, table: MapTable, header: readonly string[]): Problem[] {
  const have = new Set(header);
  const problems: Problem[] = [];
  if (!have.has(table.key))
    problems.push(
      problem(
        'bad-map',
        map.file,
        map.document.locate([...table.declared, 'key']).range,
        `Import map: ${table.file} has no column ${table.key}`,
      ),
    );
  for (const rule of table.fields)
    if (rule.column !== undefined && !have.has(rule.column))
      problems.push(
        problem(
          'bad-map',
          map.file,
          map.document.locate(rule.declared).range,
          `Import map: ${table.file} has no column ${rule.column}`,
        ),
      );
  return problems;
}
