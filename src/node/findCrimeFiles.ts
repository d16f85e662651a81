import { promises as fs, stat, statSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { glob, isDynamicPattern, type GlobOptions } from 'tinyglobby';
import { CRIME_FILE_GLOB, CRIME_FILE_NAMES, isCrimeFile, type IgnoreList } from '../engine';

/** Folders never searched: tools' caches, not samples. */
const SKIPPED_DIRECTORIES = ['**/node_modules/**', '**/.git/**'];

export class InputError extends Error {}

export interface FindOptions {
  /** The `ignores` of the configuration that governs a folder (`Auditor.ignoresFor`). */
  ignoresFor?: (directory: string) => Promise<readonly IgnoreList[]>;
  /** More .gitignore-style globs, relative to `cwd` (`--ignore-pattern`). */
  ignorePatterns?: readonly string[];
  /** A folder or glob that yields no crime file is an InputError (`dipsample audit`), not an empty audit. */
  requireMatch?: boolean;
  /** Told of each crime file the ignores left out (its sample was not audited whole). */
  onIgnored?: (file: string) => void;
}

/**
 * Expands files, folders and globs into crime files, in a stable order. Folders are searched
 * recursively and globs expanded by tinyglobby (quoted globs work on every shell); what the
 * configuration's `ignores` or `ignorePatterns` match is left out. A named file is audited whatever
 * its name or the ignores; a missing path is an input error. Symbolic links to crime files are
 * followed, links to folders (loops) and to anything but a regular file (devices) are not.
 */
export async function findCrimeFiles(
  inputs: readonly string[],
  cwd: string = process.cwd(),
  options: FindOptions = {},
): Promise<string[]> {
  const found = new Set<string>();
  const isIgnored = ignoredBy(cwd, options);
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    const stats = await fs.stat(absolute).catch(() => undefined);
    if (stats && !stats.isDirectory()) {
      found.add(absolute);
      continue;
    }
    let candidates: string[];
    if (stats) candidates = await search(absolute, [CRIME_FILE_GLOB], true);
    else if (isDynamicPattern(input)) candidates = (await search(cwd, [toPattern(input)], false)).filter(isCrimeFile);
    else throw new InputError(`No such file or folder: ${input}`);
    let ignored = 0;
    let matched = 0;
    for (const file of candidates) {
      if (await isIgnored(file)) {
        ignored++;
        options.onIgnored?.(file);
      } else {
        matched++;
        found.add(file);
      }
    }
    if (matched === 0 && options.requireMatch) {
      const why = ignored > 0 ? ` (${ignored} ignored by ignores or --ignore-pattern)` : '';
      throw new InputError(
        stats
          ? `No crime files (${CRIME_FILE_NAMES}) in ${input}${why}`
          : `No crime files (${CRIME_FILE_NAMES}) match ${input}${why}`,
      );
    }
  }
  return [...found].sort();
}

async function search(cwd: string, patterns: string[], dot: boolean): Promise<string[]> {
  const files = await glob(patterns, {
    cwd,
    absolute: true,
    dot,
    expandDirectories: false,
    ignore: SKIPPED_DIRECTORIES,
    // Links are resolved only to files: fdir stats a link's target, and a folder (a possible loop, or
    // the whole disk), a device or a pipe behind a link is refused there, so it is neither entered nor listed.
    followSymbolicLinks: true,
    fs: LINKS_TO_FILES_ONLY,
  });
  return files.map((file) => path.normalize(file));
}

const notAFile = () => Object.assign(new Error('not a regular file'), { code: 'ENOTFILE' });

/** The `fs` fdir resolves symbolic links with: a link's target must be a regular file. */
const LINKS_TO_FILES_ONLY: NonNullable<GlobOptions['fs']> = {
  stat: ((file: string, callback: (error: NodeJS.ErrnoException | null, stats?: Stats) => void) =>
    stat(file, (error, stats) => {
      if (error) callback(error);
      else if (!stats.isFile()) callback(notAFile());
      else callback(null, stats);
    })) as unknown as NonNullable<GlobOptions['fs']>['stat'],
  statSync: ((file: string) => {
    const stats = statSync(file);
    if (!stats.isFile()) throw notAFile();
    return stats;
  }) as unknown as NonNullable<GlobOptions['fs']>['statSync'],
};

/** Globs take forward slashes: a Windows path typed with backslashes is turned round. */
function toPattern(input: string): string {
  return path.sep === '\\' ? input.replace(/\\/g, '/') : input;
}

/**
 * Whether a found file is ignored: by the `ignores` of its configuration, or by `ignorePatterns`
 * (relative to `cwd`). Also the editor's: `.dipsample.yaml` ignores and `dipsample.files.*` settings.
 */
export function ignoredBy(cwd: string, options: FindOptions): (file: string) => Promise<boolean> {
  const fromFlag = options.ignorePatterns?.length ? ignore().add([...options.ignorePatterns]) : undefined;
  const matchers = new WeakMap<IgnoreList, Ignore>();
  return async (file) => {
    if (fromFlag && matches(fromFlag, cwd, file)) return true;
    if (!options.ignoresFor) return false;
    for (const list of await options.ignoresFor(path.dirname(file))) {
      let matcher = matchers.get(list);
      if (!matcher) {
        matcher = ignore().add(list.patterns);
        matchers.set(list, matcher);
      }
      if (matches(matcher, list.base, file)) return true;
    }
    return false;
  };
}

/** Globs are relative to `base`: a file outside it is matched by none of them. */
function matches(matcher: Ignore, base: string, file: string): boolean {
  const relative = path.relative(base, file);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative))
    return false;
  return matcher.ignores(relative.split(path.sep).join('/'));
}
