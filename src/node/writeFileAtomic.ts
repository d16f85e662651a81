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

/**
 * The one way dipsample writes a file a person may rely on: the text goes to a temporary file in the
 * same folder, is flushed to disk, and only then takes the file's name in one step. A full disk, a
 * crash or a kill leaves the old file (or no file) — never half of the new one. Without `overwrite`
 * an existing file is never replaced, even one that appears while we write (`link` fails on it).
 */
export async function writeFileAtomic(file: string, text: string, options: AtomicWriteOptions = {}): Promise<void> {
  let target = file;
  const existing = await fs.lstat(file).catch(() => undefined);
  if (existing?.isSymbolicLink()) {
    if (!options.followSymlinks) throw fsError('ELOOP', `${file} is a symbolic link: not written through`);
    target = await fs.realpath(file);
  } else if (existing?.isDirectory()) {
    throw fsError('EISDIR', `${file} is a folder`);
  }
  if (existing && !options.overwrite) throw fsError('EEXIST', `${file} already exists`);

  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temporary, 'wx', 0o644);
  try {
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await options.beforeReplace?.();
    if (options.overwrite) {
      await fs.rename(temporary, target);
    } else {
      await fs.link(temporary, target); // fails with EEXIST if the name was taken meanwhile
      await fs.unlink(temporary);
    }
  } catch (error) {
    await fs.unlink(temporary).catch(() => undefined);
    throw error;
  }
}
