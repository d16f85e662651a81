import type { HostPaths, Problem } from '../engine';

/** Anything carrying configuration problems: a rule set, or an open pack's own check. */
export interface ProblemSource {
  readonly problems: readonly Problem[];
}

/**
 * Problems of packs, configurations and manifests grouped by the file they are in, each once:
 * many rule sets share a configuration and report its problems again. Problems whose file is not
 * an absolute path (settings-level ones, "(settings)") have no file to show them on and are left out.
 */
export function problemsByFile(
  sources: Iterable<ProblemSource>,
  paths: Pick<HostPaths, 'isAbsolute'>,
): Map<string, Problem[]> {
  const byFile = new Map<string, Map<string, Problem>>();
  for (const { problems } of sources) {
    for (const problem of problems) {
      if (!paths.isAbsolute(problem.file)) continue;
      const entries = byFile.get(problem.file) ?? new Map<string, Problem>();
      const key = `${problem.range.start.line}:${problem.range.start.character}:${problem.message}`;
      if (!entries.has(key)) entries.set(key, problem);
      byFile.set(problem.file, entries);
    }
  }
  return new Map([...byFile].map(([file, entries]) => [file, [...entries.values()]]));
}

/**
 * The configuration problems the editor shows: those of the rule sets in use plus those of open
 * packs that no audited file uses yet (checked on their own as they are edited).
 */
export class ConfigProblems {
  private readonly openPacks = new Map<string, readonly Problem[]>();

  constructor(private readonly paths: Pick<HostPaths, 'isAbsolute'>) {}

  /** An open pack's problems, from checking its text on its own. */
  setOpenPack(file: string, problems: readonly Problem[]): void {
    this.openPacks.set(file, problems);
  }

  /** The pack (or any file) was closed: its own check no longer applies. */
  closed(file: string): void {
    this.openPacks.delete(file);
  }

  /** Every problem to show, per file, deduplicated. */
  byFile(ruleSets: Iterable<ProblemSource>): Map<string, Problem[]> {
    const packs = [...this.openPacks.values()].map((problems) => ({ problems }));
    return problemsByFile([...new Set(ruleSets), ...packs], this.paths);
  }
}
