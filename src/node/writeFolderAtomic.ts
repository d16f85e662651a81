import { randomBytes } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { InputError } from './findCrimeFiles';
import { writeFileAtomic } from './writeFileAtomic';

/**
 * Writes a whole output folder or nothing: the files go to a fresh hidden folder beside `output`,
 * which takes its name in one rename once complete (with `force`, the old folder is moved aside
 * first and removed last). A failure or a throw from `isCancelled` leaves `output` as it was.
 */
export async function writeFolderAtomic(
  output: string,
  files: ReadonlyMap<string, string | Buffer>,
  options: { force?: boolean; shown?: string; isCancelled?: () => boolean } = {},
): Promise<void> {
  const shown = options.shown ?? output;
  const fresh = path.join(path.dirname(output), `.${path.basename(output)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.mkdir(fresh);
    for (const [rel, content] of files) {
      if (options.isCancelled?.()) throw new OutputCancelled();
      const target = path.join(fresh, rel);
      await fs.mkdir(path.dirname(target), { recursive: true });
      if (typeof content === 'string') await writeFileAtomic(target, content);
      else await fs.writeFile(target, content, { flag: 'wx' });
    }
    if (!existsSync(output)) {
      await fs.rename(fresh, output);
      return;
    }
    if (!options.force) throw new InputError(`${shown} already exists: use --force to replace it`);
    const old = `${fresh}.old`;
    await fs.rename(output, old);
    try {
      await fs.rename(fresh, output);
    } catch (error) {
      await fs.rename(old, output);
      throw error;
    }
    await fs.rm(old, { recursive: true, force: true });
  } catch (error) {
    await fs.rm(fresh, { recursive: true, force: true }).catch(() => undefined);
    const reason = WRITE_ERRORS[(error as NodeJS.ErrnoException).code ?? ''];
    throw reason ? new InputError(`Cannot write ${shown}: ${reason} (nothing was changed)`) : error;
  }
}

/** Refuses an output that exists (without force) or is not a folder, or whose parent is missing, before any work. */
export async function checkOutputFolder(output: string, force: boolean, shown: string): Promise<void> {
  const parent = await fs.stat(path.dirname(output)).catch(() => undefined);
  if (!parent?.isDirectory()) throw new InputError(`Cannot write ${shown}: no such folder ${path.dirname(output)}`);
  const existing = await fs.lstat(output).catch(() => undefined);
  if (existing && !force) throw new InputError(`${shown} already exists: use --force to replace it`);
  if (existing && !existing.isDirectory()) throw new InputError(`${shown} exists and is not a folder: not replaced`);
}

/** The user cancelled: nothing was written. */
export class OutputCancelled extends Error {
  constructor() {
    super('cancelled: nothing was written');
  }
}

const WRITE_ERRORS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOSPC: 'the disk is full',
  EDQUOT: 'over the disk quota',
  EROFS: 'the file system is read-only',
};

/** A crime reference as a file name: characters that are not safe on every platform become `_`. */
export function referenceFileName(reference: string, taken: Set<string>, extension: string): string {
  const base =
    reference
      .replace(/[^A-Za-z0-9._-]/g, '_')
      .replace(/^\.+/, '_')
      .slice(0, 120) || 'record';
  let name = `${base}${extension}`;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}${extension}`;
  taken.add(name.toLowerCase());
  return name;
}
