import type { Range, Severity } from './model';

/** A located problem in a rule pack, config or manifest: what the CLI reports with exit status 2. */
export interface Problem {
  file: string;
  range: Range;
  severity: Severity;
  message: string;
}

export function formatProblem(problem: Problem): string {
  const { line, character } = problem.range.start;
  return `${problem.file}:${line + 1}:${character + 1}: ${problem.message}`;
}
