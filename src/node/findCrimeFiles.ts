import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isCrimeFile } from '../engine';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

export class InputError extends Error {}

/**
 * Expands files and folders into crime files, folders searched recursively, in a stable order.
 * A named file is audited whatever its name; a missing path is an input error.
 */
export async function findCrimeFiles(inputs: readonly string[], cwd: string = process.cwd()): Promise<string[]> {
  const found = new Set<string>();
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    let stats;
    try {
      stats = await fs.stat(absolute);
    } catch {
      throw new InputError(`No such file or folder: ${input}`);
    }
    if (stats.isDirectory()) for (const file of await walk(absolute)) found.add(file);
    else found.add(absolute);
  }
  return [...found].sort();
}

async function walk(directory: string): Promise<string[]> {
  const entries = await fs.readdir(directory, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) files.push(...(await walk(full)));
    } else if (
      isCrimeFile(entry.name) &&
      (entry.isFile() || (entry.isSymbolicLink() && (await isFileBehindLink(full))))
    ) {
      // A linked crime file is audited like any other (folders behind links are not followed: loops).
      files.push(full);
    }
  }
  return files;
}

async function isFileBehindLink(file: string): Promise<boolean> {
  const target = await fs.stat(file).catch(() => undefined);
  return target?.isFile() === true;
}
