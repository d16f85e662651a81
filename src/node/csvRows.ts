import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { parse, CsvError } from 'csv-parse';
import { InputError } from './findCrimeFiles';

/** One data row of a CSV file: its physical line (1-based; the header is line 1) and its cells. */
export interface CsvRow {
  line: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  /** The data rows, in batches (one await per batch, not per row). */
  rows: AsyncIterable<CsvRow[]>;
  /** SHA-256 of the file's bytes, once `rows` has been read to the end. */
  sha256(): string;
}

/** The largest cell accepted; a longer one is a malformed file (an unclosed quote swallowing the rest). */
const MAX_RECORD_SIZE = 1024 * 1024;

/**
 * Streams a CSV file (csv-parse's stream API, back-pressured: memory stays flat whatever the
 * size), hashing its bytes on the way. The first row is the header. A malformed file (an unclosed
 * quote, a stray quote) throws InputError `file:line: message`; rows of the wrong length are the
 * caller's to report (they come through with their cells as read).
 */
export async function openCsv(file: string, shown = file): Promise<CsvTable> {
  const hash: Hash = createHash('sha256');
  const input = createReadStream(file);
  input.on('data', (chunk) => hash.update(chunk));
  const parser = input.pipe(
    parse({
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: MAX_RECORD_SIZE,
    }),
  );
  input.on('error', (error) => parser.destroy(error));
  // Line numbers without `info: true`, which builds an object of a dozen fields per record (it
  // alone made a million-row read ~1.7× slower): the parser pushes each record synchronously while
  // its running count `parser.info.lines` is the record's last line, the number `info.lines` would
  // carry; it is noted in a queue read in step with the records.
  const ends: number[] = [];
  let head = 0;
  const push = parser.push.bind(parser);
  parser.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (chunk !== null) ends.push(parser.info.lines);
    return push(chunk, encoding);
  };
  const nextEnd = (): number => {
    const end = ends[head++];
    if (head > 4096 && head * 2 > ends.length) {
      ends.splice(0, head);
      head = 0;
    }
    return end;
  };
  // A row right after the previous one is on the next line; one spanning lines (a quoted newline)
  // is reported at its first line, after any empty lines skipped before it.
  let previousEnd = 0;
  const row = (cells: string[]): CsvRow => {
    const end = nextEnd();
    let line = end;
    if (end !== previousEnd + 1) {
      let newlines = 0;
      for (const cell of cells) if (cell.includes('\n')) newlines += cell.split('\n').length - 1;
      line = Math.max(previousEnd + 1, end - newlines);
    }
    previousEnd = end;
    return { line, cells };
  };
  let ended = false;
  let failure: unknown;
  parser.on('end', () => (ended = true));
  parser.on('error', (error) => (failure = error));
  // Pull model: take what the parser has (up to a batch) synchronously, wait only when it has none,
  // so the file is read no faster than rows are handled and one promise serves a thousand rows.
  const take = async (limit: number): Promise<CsvRow[]> => {
    for (;;) {
      const batch: CsvRow[] = [];
      let next: string[] | null;
      while (batch.length < limit && (next = parser.read() as string[] | null) !== null) batch.push(row(next));
      if (batch.length > 0) return batch;
      if (failure !== undefined) located(failure);
      if (ended) return [];
      await new Promise<void>((wake) => {
        const done = () => {
          parser.off('readable', done).off('end', done).off('error', done);
          wake();
        };
        parser.on('readable', done).on('end', done).on('error', done);
      });
    }
  };
  const located = (error: unknown): never => {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new InputError(
        `${shown}:${line ?? '?'}: not a readable CSV file: ${error.message.replace(/^Invalid \w+: /, '')}`,
      );
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`No such file: ${shown}`);
    if (code === 'EISDIR') throw new InputError(`${shown} is a folder, not a CSV file`);
    if (code) throw new InputError(`${shown} could not be read: ${code}`);
    throw error;
  };
  const [first] = await take(1);
  if (!first) throw new InputError(`${shown} is empty: no header row`);
  const header = first.cells.map((cell) => cell.trim());
  let digest: string | undefined;
  async function* rows(): AsyncGenerator<CsvRow[]> {
    for (;;) {
      const batch = await take(1000);
      if (batch.length === 0) break;
      yield batch;
    }
    digest = hash.digest('hex');
  }
  return {
    header,
    rows: rows(),
    sha256: () => {
      if (digest === undefined) throw new Error('csv: sha256 before the end of the file');
      return digest;
    },
  };
}
