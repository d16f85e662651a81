import type { FileReport } from '../../engine';
import type { AuditRun, AuditRunEnd, AuditRunHead } from '../model';
import type { AuditRenderOptions } from './paint';

/**
 * An audit format written piece by piece, so a run of any size is written as its files complete and
 * no file's report is held after it is written: the head before the first file, one piece per file
 * (in input order), the tail after the last. Concatenated, the pieces are the format's whole output.
 * A writer keeps only what its tail needs (counts, a comma), never the reports.
 */
export interface AuditWriter {
  head(): string;
  file(report: FileReport): string;
  tail(end: AuditRunEnd): string;
}

export type AuditWriterFactory = (head: AuditRunHead, options?: AuditRenderOptions) => AuditWriter;

/** The whole output of a format for a run held in memory: its writer fed every file. */
export function renderWhole(stream: AuditWriterFactory, run: AuditRun, options?: AuditRenderOptions): string {
  const writer = stream(run, options);
  const pieces = [writer.head()];
  for (const file of run.files) pieces.push(writer.file(file));
  pieces.push(writer.tail(run));
  return pieces.join('');
}

/**
 * `value` as `JSON.stringify(value, null, 2)` writes it `depth` levels deep inside a larger
 * document: every line after the first indented by the depth, so pieces written one by one read as
 * the whole document stringified at once.
 */
export function nestedJson(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

/**
 * The items of a JSON array written one by one, `depth` levels deep: `[` … `]` laid out as
 * `JSON.stringify(…, null, 2)` lays them out (`[]` when there are none).
 */
export class JsonArrayPieces {
  private count = 0;

  constructor(private readonly depth: number) {}

  item(value: unknown): string {
    const indent = '  '.repeat(this.depth + 1);
    return `${this.count++ === 0 ? '' : ','}\n${indent}${nestedJson(value, this.depth + 1)}`;
  }

  /** The closing bracket (the opening one is the caller's, after its key). */
  close(): string {
    return this.count === 0 ? ']' : `\n${'  '.repeat(this.depth)}]`;
  }
}
