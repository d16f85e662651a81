import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { stringify } from 'yaml';
import {
  convertRow,
  headerRules,
  isCrimeFile,
  ParsedDocument,
  rulesFor,
  type ConversionSettings,
  type FieldRule,
} from '../engine';
import { openCsv } from './csvRows';
import { InputError } from './findCrimeFiles';
import { MAX_FILE_BYTES } from './nodeHost';

/** One record of a frame as the draw reads it. */
export interface FrameRecord {
  /** Where it is: `frame.csv:12` or the crime file's path relative to the folder. */
  source: string;
  /** The record as far as placing it needs; undefined when it could not be read (never drawn). */
  record?: unknown;
  /** Why it could not be read. */
  problem?: string;
  /** The whole record for the drawn sample: the file's bytes, or the row converted in full (with any cells that would not convert). */
  full(): Promise<{ content: string | Buffer; extension: string; warnings: string[] }>;
}

export interface FrameSummary {
  sha256: string;
  rows: number;
  rejected: number;
}

/** A sampling frame, read in a stable order. */
export interface SampleFrame {
  read(visit: (item: FrameRecord) => void): Promise<FrameSummary>;
}

export class FrameProblem extends InputError {}

/**
 * A CSV crime list. Only the columns placing a record reads (`neededPaths`) are converted;
 * a drawn row is converted in full when it is written. Headers are crime-file/1 field paths, or
 * `rules` (a map's first table) say what the columns are.
 */
export async function csvFrame(
  file: string,
  shown: string,
  settings: ConversionSettings,
  neededPaths: readonly string[],
  mapRules?: readonly FieldRule[],
): Promise<SampleFrame> {
  const probe = await openCsv(file, shown);
  let rules: readonly FieldRule[];
  if (mapRules) {
    const missing = mapRules.filter((rule) => rule.column !== undefined && !probe.header.includes(rule.column));
    if (missing.length > 0)
      throw new FrameProblem(
        `${shown}:1: no column ${missing.map((rule) => rule.column).join(', ')} (named in the map)`,
      );
    rules = mapRules;
  } else {
    const fromHeader = headerRules(probe.header);
    if (fromHeader.unknown.length > 0)
      throw new FrameProblem(
        `${shown}:1: not crime-file/1 field paths: ${fromHeader.unknown.join(', ')} (give a --map saying what these columns are)`,
      );
    rules = fromHeader.rules;
  }
  const placing = rulesFor(rules, neededPaths);
  return {
    async read(visit) {
      const table = await openCsv(file, shown);
      const index = new Map(table.header.map((column, i) => [column, i]));
      const conversion: RowConversion = { shown, index, rules, settings };
      // One accessor for the row being placed (not a closure per row): a million rows are read.
      let current: string[] = [];
      const cell = (column: string) => current[index.get(column) ?? -1];
      let rows = 0;
      let rejected = 0;
      for await (const batch of table.rows)
        for (const row of batch) {
          rows++;
          const item = new CsvRecord(conversion, row.line, row.cells);
          if (row.cells.length !== table.header.length) {
            rejected++;
            item.problem = `${row.cells.length} cells, the header has ${table.header.length}`;
            visit(item);
            continue;
          }
          current = row.cells;
          const { record, problems } = convertRow(placing, cell, settings, { format: 'crime-file/1' });
          if (problems.length > 0) {
            rejected++;
            item.problem = problems.map((p) => `${p.column}: ${p.message}`).join('; ');
          } else item.record = record;
          visit(item);
        }
      return { sha256: table.sha256(), rows, rejected };
    },
  };
}

/** What converting a frame's rows needs: the same for every row. */
interface RowConversion {
  shown: string;
  index: ReadonlyMap<string, number>;
  rules: readonly FieldRule[];
  settings: ConversionSettings;
}

/**
 * A CSV row as the draw sees it: its cells and line, its source worked out only when asked (for a
 * rejected or a drawn row), and its full conversion only when it is drawn.
 */
class CsvRecord implements FrameRecord {
  record?: unknown;
  problem?: string;

  constructor(
    private readonly conversion: RowConversion,
    private readonly line: number,
    private readonly cells: readonly string[],
  ) {}

  get source(): string {
    return `${this.conversion.shown}:${this.line}`;
  }

  full(): Promise<{ content: string; extension: string; warnings: string[] }> {
    const { index, rules, settings } = this.conversion;
    const source = this.source;
    const converted = convertRow(rules, (column) => this.cells[index.get(column) ?? -1], settings, {
      format: 'crime-file/1',
    });
    return Promise.resolve({
      content: `# Drawn by dipsample from ${source}.\n${stringify(converted.record, { lineWidth: 0 })}`,
      extension: '.crime.yaml',
      warnings: converted.problems.map((p) => `${source}: ${p.column}: ${p.message} (left out of the drawn file)`),
    });
  }
}

/** A folder of crime files (searched recursively), in the order of their relative paths with `/`. */
export async function folderFrame(folder: string): Promise<SampleFrame> {
  const stats = await fs.stat(folder).catch(() => undefined);
  if (!stats?.isDirectory()) throw new InputError(`Not a folder: ${folder}`);
  const files = (await listCrimeFiles(folder)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    async read(visit) {
      const hash = createHash('sha256');
      let rejected = 0;
      for (const rel of files) {
        const bytes = await fs.readFile(path.join(folder, ...rel.split('/')));
        hash.update(`${rel}\0${createHash('sha256').update(bytes).digest('hex')}\n`);
        const full = () =>
          Promise.resolve({
            content: bytes,
            extension:
              path.extname(rel) === '.json'
                ? '.crime.json'
                : path.extname(rel) === '.yml'
                  ? '.crime.yml'
                  : '.crime.yaml',
            warnings: [],
          });
        if (bytes.length > MAX_FILE_BYTES) {
          rejected++;
          visit({ source: rel, problem: 'too large to be a crime file', full });
          continue;
        }
        const document = new ParsedDocument(bytes.toString('utf8'), /\.json$/i.test(rel) ? 'json' : 'yaml');
        if (document.problems.length > 0) {
          rejected++;
          visit({ source: rel, problem: `not valid YAML/JSON: ${document.problems[0].message}`, full });
        } else visit({ source: rel, record: document.value, full });
      }
      return { sha256: hash.digest('hex'), rows: files.length, rejected };
    },
  };
}

async function listCrimeFiles(root: string, rel = ''): Promise<string[]> {
  const entries = await fs.readdir(path.join(root, ...rel.split('/').filter(Boolean)), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.'))
        files.push(...(await listCrimeFiles(root, child)));
    } else if (entry.isFile() && isCrimeFile(entry.name)) files.push(child);
  }
  return files;
}
