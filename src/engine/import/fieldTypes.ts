import crimeFileSchema from '../../../rules/schemas/crime-file.schema.json';
import { isRecord } from '../path';

/** What a crime-file/1 field holds, as far as turning a cell's text into it goes. */
export interface FieldType {
  type: 'string' | 'integer' | 'number' | 'boolean' | 'any';
  /** `date` (YYYY-MM-DD) or `local-date-time` (crime-file timestamps). */
  format?: 'date' | 'local-date-time';
  /** The values an enumerated field allows. */
  enum?: readonly unknown[];
  /** The field is a list of such values (a cell is split into items). */
  list?: boolean;
}

/** A field path's place in the schema: a value a cell can fill, a list of records (`into`), or nothing. */
export type FieldSlot =
  { kind: 'value'; field: FieldType } | { kind: 'records' } | { kind: 'object' } | { kind: 'unknown'; reason: string };

type Schema = Record<string, unknown>;
const ROOT = crimeFileSchema as unknown as Schema;

function resolve(schema: Schema): Schema {
  let current = schema;
  for (let depth = 0; depth < 10 && typeof current.$ref === 'string'; depth++) {
    const name = current.$ref.replace('#/$defs/', '');
    const target = (ROOT.$defs as Record<string, Schema>)[name];
    if (!target) break;
    current = { ...target, ...Object.fromEntries(Object.entries(current).filter(([key]) => key !== '$ref')) };
  }
  return current;
}

function valueType(schema: Schema): FieldType | undefined {
  const s = resolve(schema);
  const enumeration = Array.isArray(s.enum) ? (s.enum as unknown[]) : 'const' in s ? [s.const] : undefined;
  const format = s.format === 'date' || s.format === 'local-date-time' ? s.format : undefined;
  const type = s.type;
  if (type === 'string' || type === 'integer' || type === 'number' || type === 'boolean')
    return { type, ...(format ? { format } : {}), ...(enumeration ? { enum: enumeration } : {}) };
  if (enumeration) return { type: 'string', enum: enumeration };
  if (type === undefined && !('properties' in s) && !('items' in s)) return { type: 'any' };
  return undefined;
}

/** The schema at a dotted path from `base` (the record, or the items of an `into` list). */
export function fieldSlot(path: string, base: readonly string[] = []): FieldSlot {
  let schema: Schema = ROOT;
  const steps = [...base, ...path.split('.')];
  for (let index = 0; index < steps.length; index++) {
    const step = steps[index];
    schema = resolve(schema);
    if (schema.type === 'array' && isRecord(schema.items)) schema = resolve(schema.items as Schema);
    const properties = isRecord(schema.properties) ? (schema.properties as Record<string, Schema>) : {};
    if (Object.prototype.hasOwnProperty.call(properties, step)) schema = properties[step];
    else if (/^x_/.test(step) && isRecord(schema.patternProperties)) return { kind: 'value', field: { type: 'any' } };
    else return { kind: 'unknown', reason: `no field ${steps.slice(0, index + 1).join('.')} in crime-file/1` };
    const here = resolve(schema);
    const last = index === steps.length - 1;
    if (here.type === 'array' && !last && index >= base.length)
      return {
        kind: 'unknown',
        reason: `${steps.slice(0, index + 1).join('.')} is a list: map it from its own table (into: ${steps.slice(0, index + 1).join('.')})`,
      };
  }
  const target = resolve(schema);
  if (target.type === 'array') {
    const items = isRecord(target.items) ? resolve(target.items as Schema) : {};
    const item = valueType(items);
    return item ? { kind: 'value', field: { ...item, list: true } } : { kind: 'records' };
  }
  const field = valueType(target);
  return field ? { kind: 'value', field } : { kind: 'object' };
}
