import type { Problem } from '../problems';
import { compileRule } from './compileRule';
import { loadPack } from './loadPack';

/** Every problem in a pack on its own: load it and compile each rule with its default parameters. */
export function checkPack(text: string, file: string): Problem[] {
  const loaded = loadPack(text, file);
  if (!loaded.pack || !loaded.document) return loaded.problems;
  const problems = [...loaded.problems];
  loaded.pack.rules.forEach((rule, index) =>
    problems.push(...compileRule(rule, { packDocument: loaded.document!, index }).problems),
  );
  return problems;
}
