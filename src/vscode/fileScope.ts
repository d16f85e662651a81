import type { IgnoreList } from '../engine';
import { ignoredBy } from '../node/findCrimeFiles';

/** `dipsample.files.include` / `exclude`: .gitignore-style globs relative to the workspace folder. */
export interface FilesSettings {
  /** When not empty, only crime files these match are audited. */
  include: readonly string[];
  exclude: readonly string[];
}

/**
 * Whether a crime file is left out of the editor's audits: outside `include` or inside `exclude`
 * (globs of the workspace folder `folder`; a file outside every folder has neither), or matched by
 * the `ignores` of the `.dipsample.yaml` that governs it, as the CLI leaves it out. One pattern
 * language throughout (the `ignore` package's), so a glob means the same in a setting, a
 * configuration file and `--ignore-pattern`.
 */
export function fileScope(
  folder: string | undefined,
  files: FilesSettings,
  ignoresFor: (directory: string) => Promise<readonly IgnoreList[]>,
): (file: string) => Promise<boolean> {
  const byConfiguration = ignoredBy(folder ?? '', { ignoresFor });
  const included = folder && files.include.length ? ignoredBy(folder, { ignorePatterns: files.include }) : undefined;
  const excluded = folder && files.exclude.length ? ignoredBy(folder, { ignorePatterns: files.exclude }) : undefined;
  return async (file) => {
    if (included && !(await included(file))) return true;
    if (excluded && (await excluded(file))) return true;
    // A configuration that cannot be read has no ignores: its problems are reported with the rules.
    return byConfiguration(file).catch(() => false);
  };
}
