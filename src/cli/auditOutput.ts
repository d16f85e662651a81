import { AtomicFile } from '../node/writeFileAtomic';
import { writeError } from './runReport';

/** Pieces written to stdout at least this large: one write per file of a 10,000-file run would be slow. */
const STDOUT_BUFFER_CHARS = 64 * 1024;

/**
 * Where a streamed audit's output goes as its files complete: the `-o` file (written atomically:
 * it appears whole, or not at all) or stdout. Output that an error found at the end must withhold
 * (exit 2 shows no results) is `hold`-ed: kept until `commit`, then written, or dropped by `discard`.
 */
export class AuditOutput {
  private buffered: string[] = [];
  private length = 0;
  private holding = false;
  private pending: Promise<void> = Promise.resolve();
  private failure: unknown;

  private constructor(
    private readonly stdout: (text: string) => void,
    private readonly file?: { atomic: AtomicFile; shown: string },
  ) {}

  static toStdout(stdout: (text: string) => void): AuditOutput {
    return new AuditOutput(stdout);
  }

  /** Opens the `-o` file's temporary twin; an InputError when the file may not or cannot be written. */
  static async toFile(file: string, overwrite: boolean, shown: string): Promise<AuditOutput> {
    try {
      return new AuditOutput(() => undefined, { atomic: await AtomicFile.open(file, { overwrite }), shown });
    } catch (error) {
      throw writeError(error, shown);
    }
  }

  /** Keep stdout's output until `commit` (a file is only ever seen whole anyway). */
  hold(): void {
    if (!this.file) this.holding = true;
  }

  write(text: string): void {
    if (text === '') return;
    this.buffered.push(text);
    this.length += text.length;
    if (!this.holding && this.length >= STDOUT_BUFFER_CHARS) this.flush();
  }

  /** Writes what is left and, for a file, gives it its name. */
  async commit(): Promise<void> {
    this.flush();
    await this.pending;
    if (this.failure !== undefined) {
      await this.file?.atomic.abort();
      throw writeError(this.failure, this.file?.shown ?? 'stdout');
    }
    if (this.file) {
      try {
        await this.file.atomic.commit();
      } catch (error) {
        throw writeError(error, this.file.shown);
      }
    }
  }

  /** Drops the output: nothing reaches stdout that was held, and the `-o` file is not written. */
  async discard(): Promise<void> {
    this.buffered = [];
    this.length = 0;
    await this.pending;
    await this.file?.atomic.abort();
  }

  private flush(): void {
    if (this.length === 0) return;
    const text = this.buffered.join('');
    this.buffered = [];
    this.length = 0;
    if (!this.file) {
      this.stdout(text);
      return;
    }
    const { atomic } = this.file;
    this.pending = this.pending.then(() =>
      atomic.write(text).catch((error: unknown) => {
        this.failure ??= error;
      }),
    );
  }
}
