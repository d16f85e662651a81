import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  openSync,
  promises as fs,
  readFileSync,
  type Stats,
} from 'node:fs';
import * as path from 'node:path';
import type { EngineHost } from '../engine';

/** The engine's host on Node: files from disk, built-in packs from the package's `rules/` folder. */
export function nodeHost(builtinRulesDir = findRulesDir()): EngineHost {
  return {
    builtinRulesDir,
    path,
    readFile: readTextFile,
    listFiles,
  };
}

/**
 * The host of a batch audit (the CLI, a pool's workers): files read synchronously, which costs a
 * third of the asynchronous read's round trips through libuv's thread pool. Only where nothing
 * else waits on the thread; the editor keeps `nodeHost`.
 */
export function batchHost(builtinRulesDir = findRulesDir()): EngineHost {
  return { ...nodeHost(builtinRulesDir), readFile: async (file) => readTextFileSync(file)?.text };
}

/** Names of the files (and links to files) in a folder; empty when it does not exist or is not a folder. */
export async function listFiles(folder: string): Promise<string[]> {
  try {
    const entries = await fs.readdir(folder, { withFileTypes: true });
    return entries.filter((entry) => entry.isFile() || entry.isSymbolicLink()).map((entry) => entry.name);
  } catch {
    return [];
  }
}

/** Larger than any crime file, pack or configuration: a file this size is refused unread. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

// Opening a pipe for reading would wait for a writer: open without blocking, then refuse it.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * A file's text; undefined when there is none (missing, or a folder). Throws, with a reason a person
 * can act on, for what is not a regular file (a pipe, a device such as /dev/zero, a socket), for a
 * file over MAX_FILE_BYTES and for a symbolic-link loop: the engine turns that into a finding.
 */
export async function readTextFile(file: string): Promise<string | undefined> {
  let handle;
  try {
    handle = await fs.open(file, OPEN_FLAGS);
  } catch (error) {
    return notOpened(error);
  }
  try {
    return readable(await handle.stat()) ? await handle.readFile('utf8') : undefined;
  } finally {
    await handle.close();
  }
}

/**
 * `readTextFile`, synchronously, with the size and modification time the file had when read (the
 * audit cache's metadata): the same answers and the same refusals.
 */
export function readTextFileSync(file: string): { text: string; size: number; mtimeMs: number } | undefined {
  let descriptor;
  try {
    descriptor = openSync(file, OPEN_FLAGS);
  } catch (error) {
    return notOpened(error);
  }
  try {
    const stats = fstatSync(descriptor);
    if (!readable(stats)) return undefined;
    return { text: readFileSync(descriptor, 'utf8'), size: stats.size, mtimeMs: stats.mtimeMs };
  } finally {
    closeSync(descriptor);
  }
}

/** A file that could not be opened: none (missing, a folder), or a reason a person can act on. */
function notOpened(error: unknown): undefined {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
  if (code === 'ELOOP') throw new Error('a loop of symbolic links');
  throw error;
}

/** False for a folder (no text); throws for what must not be read: not a regular file, or too large. */
function readable(stats: Stats): boolean {
  if (stats.isDirectory()) return false;
  if (!stats.isFile()) throw new Error('not a regular file (a pipe, device or socket)');
  if (stats.size > MAX_FILE_BYTES) throw new Error(`larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`);
  return true;
}

/** The package's `rules/` folder: beside `dist/` when bundled, above `src/node/` when run from source. */
export function findRulesDir(start = __dirname): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'rules', 'core.pack.yaml');
    if (existsSync(candidate)) return path.dirname(candidate);
    if (path.dirname(dir) === dir) throw new Error(`Cannot find the built-in rule packs above ${start}`);
  }
}
