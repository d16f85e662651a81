import * as path from 'node:path';
import { stringify } from 'yaml';
import {
  convertRow,
  crimeFileProblems,
  missingColumns,
  parseImportMap,
  type ImportMap,
  type MapTable,
  type Problem,
} from '../engine';
import { openCsv, type CsvTable } from './csvRows';
import { readConfigText } from './drawSample';
import { InputError } from './findCrimeFiles';
import { checkOutputFolder, OutputCancelled, referenceFileName, writeFolderAtomic } from './writeFolderAtomic';

export interface ImportOptions {
  /** The map file (absolute) and the output folder (absolute), with the output as the user gave it. */
  map: string;
  output: string;
  outputShown: string;
  force?: boolean;
  /** Rows read so far (all tables). */
  onProgress?: (rows: number) => void;
  isCancelled?: () => boolean;
}

export interface ImportOutcome {
  output: string;
  crimes: number;
  /** Rows read per table, in map order. */
  rows: Array<{ file: string; rows: number; rejected: number }>;
  /** `crimes.csv:<line>: <column>: message`, one per rejected row (or crime failing the schema). */
  rejected: string[];
}

/** The map has located problems (or a table or column it names is missing): nothing was imported. */
export class ImportMapError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`${problems.length} problem(s) in the import map`);
  }
}

interface Crime {
  line: number;
  record: Record<string, unknown>;
  /** Tables without `into` that already gave this crime its row. */
  joined: Set<number>;
  /** Rows of `into` tables, added to the record once each is known to fit the schema. */
  children: Array<{ table: number; line: number; into: string; item: Record<string, unknown> }>;
}

/**
 * `dipsample import`: each table of the map read as a stream, the first giving one crime per row,
 * the others joined to it by key (`into` a list, or fields of the crime). A bad row (a date that
 * does not exist, a code not in `values`, a key matching no crime) is reported and left out; every
 * crime is checked against the crime-file schema before anything is written, and the folder is
 * written in one step. Throws ImportMapError for map problems, InputError for what the user can fix.
 */
export async function importExtract(options: ImportOptions): Promise<ImportOutcome> {
  const parsed = parseImportMap(await readConfigText(options.map, 'map'), options.map);
  if (!parsed.map) throw new ImportMapError(parsed.problems);
  const map = parsed.map;
  await checkOutputFolder(options.output, options.force === true, options.outputShown);

  const tables = await openTables(map);
  const rejected: string[] = [];
  const crimes = new Map<string, Crime>();
  const settings = { timezone: map.timezone, dates: map.dates };
  let read = 0;
  const counts = map.tables.map((table) => ({ file: table.file, rows: 0, rejected: 0 }));
  const reject = (index: number, message: string) => {
    counts[index].rejected++;
    rejected.push(message);
  };

  for (const [index, table] of map.tables.entries()) {
    const csv = tables[index];
    const column = new Map(csv.header.map((name, i) => [name, i]));
    for await (const batch of csv.rows)
      for (const row of batch) {
        counts[index].rows++;
        if (++read % 5000 === 0) {
          if (options.isCancelled?.()) throw new OutputCancelled();
          options.onProgress?.(read);
        }
        const where = `${table.file}:${row.line}`;
        if (row.cells.length !== csv.header.length) {
          reject(index, `${where}: ${row.cells.length} cells, the header has ${csv.header.length}`);
          continue;
        }
        const cell = (name: string) => row.cells[column.get(name) ?? -1];
        const key = (cell(table.key) ?? '').trim();
        if (key === '') {
          reject(index, `${where}: ${table.key}: no crime reference`);
          continue;
        }
        const converted = convertRow(table.fields, cell, settings, index === 0 ? { format: 'crime-file/1' } : {});
        if (converted.problems.length > 0) {
          for (const problem of converted.problems) reject(index, `${where}: ${problem.column}: ${problem.message}`);
          continue;
        }
        if (index === 0) {
          const first = crimes.get(key);
          if (first) reject(index, `${where}: ${table.key}: "${key}" is already on line ${first.line}`);
          else crimes.set(key, { line: row.line, record: converted.record, joined: new Set(), children: [] });
          continue;
        }
        const crime = crimes.get(key);
        if (!crime) {
          reject(index, `${where}: ${table.key}: "${key}" matches no crime in ${map.tables[0].file}`);
          continue;
        }
        if (table.into) crime.children.push({ table: index, line: row.line, into: table.into, item: converted.record });
        else if (crime.joined.has(index))
          reject(index, `${where}: ${table.key}: a second row for crime "${key}" (this table gives one row per crime)`);
        else {
          crime.joined.add(index);
          merge(crime.record, converted.record);
        }
      }
  }
  options.onProgress?.(read);

  const files = new Map<string, string>();
  const taken = new Set<string>();
  let imported = 0;
  for (const [reference, crime] of crimes) {
    const problems = withChildren(crime, (index, line, message) =>
      reject(index, `${map.tables[index].file}:${line}: ${message}`),
    );
    if (problems.length > 0) {
      for (const problem of problems)
        reject(0, `${map.tables[0].file}:${crime.line}: ${problem.path.join('.') || 'record'}: ${problem.message}`);
      continue;
    }
    const header = `# Imported by dipsample from ${map.tables.map((t) => t.file).join(', ')} (${path.basename(map.file)}), ${map.tables[0].file} line ${crime.line}.\n`;
    files.set(
      referenceFileName(String(crime.record.reference ?? reference), taken, '.crime.yaml'),
      header + stringify(crime.record, { lineWidth: 0 }),
    );
    imported++;
  }
  if (imported === 0)
    throw new InputError(
      `No crime of ${map.tables[0].file} could be imported (${rejected.length} rows rejected): nothing written`,
    );
  await writeFolderAtomic(options.output, files, {
    force: options.force,
    shown: options.outputShown,
    isCancelled: options.isCancelled,
  });
  return { output: options.output, crimes: imported, rows: counts, rejected };
}

/** Opens every table, checking its file and columns against the map first: problems are located in the map. */
async function openTables(map: ImportMap): Promise<CsvTable[]> {
  const problems: Problem[] = [];
  const tables: CsvTable[] = [];
  for (const table of map.tables) {
    try {
      const csv = await openCsv(path.resolve(path.dirname(map.file), table.file), table.file);
      problems.push(...missingColumns(map, table, csv.header));
      tables.push(csv);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(tableProblem(map, table, error.message));
    }
  }
  if (problems.length > 0) throw new ImportMapError(problems);
  return tables;
}

function tableProblem(map: ImportMap, table: MapTable, message: string): Problem {
  return {
    code: 'bad-map',
    file: map.file,
    range: map.document.locate([...table.declared, 'file']).range,
    severity: 'error',
    message: `Import map: ${message}`,
  };
}

/**
 * The crime's schema problems once its child rows are in: a child row that breaks the schema (a log
 * entry without its time, say) is rejected on its own line and left out, not the crime with it.
 */
function withChildren(crime: Crime, rejectChild: (table: number, line: number, message: string) => void) {
  const base = structuredClone(crime.record);
  const build = (children: Crime['children']) => {
    crime.record = structuredClone(base);
    for (const child of children) appendItem(crime.record, child.into, child.item);
  };
  let children = crime.children;
  build(children);
  let problems = crimeFileProblems(crime.record);
  const badChildren = new Set<number>();
  for (const problem of problems) {
    // A problem inside list item i of an `into` path belongs to the i-th child row of that list.
    for (const into of new Set(children.map((child) => child.into))) {
      const keys = into.split('.');
      if (keys.every((key, k) => problem.path[k] === key) && typeof problem.path[keys.length] === 'number') {
        const position = problem.path[keys.length] as number;
        const child = children.filter((c) => c.into === into)[position];
        if (child && !badChildren.has(children.indexOf(child))) {
          badChildren.add(children.indexOf(child));
          rejectChild(child.table, child.line, problem.message);
        }
      }
    }
  }
  if (badChildren.size > 0) {
    children = children.filter((_, index) => !badChildren.has(index));
    build(children);
    problems = crimeFileProblems(crime.record);
  }
  return problems;
}

/** Adds an item to the list at a dotted path, making the list (and the objects on the way). */
function appendItem(record: Record<string, unknown>, listPath: string, item: Record<string, unknown>): void {
  const keys = listPath.split('.');
  let node = record;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  const list = Array.isArray(node[last]) ? (node[last] as unknown[]) : [];
  list.push(item);
  node[last] = list;
}

/** Deep-merges a joined table's fields into the crime. */
function merge(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      typeof existing === 'object' &&
      existing !== null &&
      !Array.isArray(existing)
    )
      merge(existing as Record<string, unknown>, value as Record<string, unknown>);
    else target[key] = value;
  }
}
