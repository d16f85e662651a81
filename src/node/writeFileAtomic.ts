import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export interface AtomicWriteOptions {
  /** Replace an existing file (default: refuse with EEXIST). */
  overwrite?: boolean;
  /** Write through a symbolic link at `file` (default: refuse with ELOOP; the link is never replaced either). */
  followSymlinks?: boolean;
  /**
   * Called once the new text is safely on disk, just before it takes the file's name: throw to give
   * up (the old file stays, the temporary file goes). Re-read-before-write checks go here.
   */
  beforeReplace?: () => Promise<void>;
}

/** An fs error with its code, as Node raises them. */
function fsError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

/** Written in pieces this large at least: one write per piece of a 10,000-file report would be slow. */
const WRITE_BUFFER_CHARS = 256 * 1024;

/**
 * The one way dipsample writes a file a person may rely on: the text goes to a temporary file in the
 * same folder, is flushed to disk, and only then takes the file's name in one step. A full disk, a
 * crash or a kill leaves the old file (or no file) — never half of the new one. Without `overwrite`
 * an existing file is never replaced, even one that appears while we write (`link` fails on it).
 */
export async function writeFileAtomic(file: string, text: string, options: AtomicWriteOptions = {}): Promise<void> {
  await writeFileAtomicChunks(file, [text], options);
}

/** `writeFileAtomic` for text made piece by piece (the audit cache): never whole in memory. */
export async function writeFileAtomicChunks(
  file: string,
  chunks: Iterable<string> | AsyncIterable<string>,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const atomic = await AtomicFile.open(file, options);
  try {
    for await (const chunk of chunks) await atomic.write(chunk);
  } catch (error) {
    await atomic.abort();
    throw error;
  }
  await atomic.commit();
}

/**
 * A file being written atomically, piece by piece, as a long job produces it (a report written as
 * its files complete): `commit` gives it its name, `abort` leaves the old file as it was.
 */
export class AtomicFile {
  private buffered: string[] = [];
  private length = 0;
  private done = false;

  private constructor(
    private readonly target: string,
    private readonly temporary: string,
    private readonly handle: fs.FileHandle,
    private readonly options: AtomicWriteOptions,
  ) {}

  /** Checks the name may be written (see `writeFileAtomic`) and opens the temporary file beside it. */
  static async open(file: string, options: AtomicWriteOptions = {}): Promise<AtomicFile> {
    let target = file;
    const existing = await fs.lstat(file).catch(() => undefined);
    if (existing?.isSymbolicLink()) {
      if (!options.followSymlinks) throw fsError('ELOOP', `${file} is a symbolic link: not written through`);
      target = await fs.realpath(file);
    } else if (existing?.isDirectory()) {
      throw fsError('EISDIR', `${file} is a folder`);
    }
    if (existing && !options.overwrite) throw fsError('EEXIST', `${file} already exists`);
    const temporary = path.join(
      path.dirname(target),
      `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`,
    );
    return new AtomicFile(target, temporary, await fs.open(temporary, 'wx', 0o644), options);
  }

  async write(chunk: string): Promise<void> {
    this.buffered.push(chunk);
    this.length += chunk.length;
    if (this.length >= WRITE_BUFFER_CHARS) await this.flush();
  }

  /** Flushes the text to disk and gives it the file's name; on any failure the old file stays. */
  async commit(): Promise<void> {
    try {
      await this.flush();
      await this.handle.sync();
      await this.close();
      await this.options.beforeReplace?.();
      if (this.options.overwrite) {
        await fs.rename(this.temporary, this.target);
      } else {
        await fs.link(this.temporary, this.target); // fails with EEXIST if the name was taken meanwhile
        await fs.unlink(this.temporary);
      }
    } catch (error) {
      await this.abort();
      throw error;
    }
  }

  /** Gives up: the temporary file goes, the old file (or none) stays. */
  async abort(): Promise<void> {
    await this.close().catch(() => undefined);
    await fs.unlink(this.temporary).catch(() => undefined);
  }

  private async flush(): Promise<void> {
    if (this.length === 0) return;
    const text = this.buffered.join('');
    this.buffered = [];
    this.length = 0;
    await this.handle.writeFile(text, 'utf8');
  }

  private async close(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await this.handle.close();
  }
}
