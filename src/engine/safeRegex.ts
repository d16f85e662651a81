import { RE2JS } from 're2js';

/** A compiled regular expression that matches in time linear in the text (no backtracking). */
export interface SafeRegex {
  readonly source: string;
  test(text: string): boolean;
}

const FLAGS: Record<string, number> = { i: RE2JS.CASE_INSENSITIVE, m: RE2JS.MULTILINE, s: RE2JS.DOTALL, u: 0 };

/**
 * Compiles a regular expression from a pack or configuration with RE2 semantics (re2js), so that no
 * pattern, however written, can hang an audit (`^(\w+\s?)*$` on a log line took 108 s with
 * JavaScript's backtracking engine). Flags: i, m, s (u is implied: RE2 matches Unicode text).
 * Lookaround and backreferences, which need backtracking, are refused: throws with RE2's reason.
 */
export function compileSafeRegex(source: string, flags = ''): SafeRegex {
  let bits = 0;
  for (const flag of flags) {
    if (!(flag in FLAGS)) throw new Error(`unknown flag "${flag}" (use i, m, s)`);
    bits |= FLAGS[flag];
  }
  const compiled = RE2JS.compile(source, bits);
  return { source, test: (text) => compiled.test(text) };
}

/** The same engine for ajv's `pattern` keyword (ajv's `code.regExp` option). */
export const safeRegExpForAjv = Object.assign((pattern: string, flags: string) => compileSafeRegex(pattern, flags), {
  code: 'compileSafeRegex',
});
