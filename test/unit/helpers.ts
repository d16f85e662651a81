import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Auditor, type EngineHost, type Range } from '../../src/engine';
import { findRulesDir } from '../../src/node/nodeHost';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const RULES_DIR = findRulesDir(REPO_ROOT);

/** An engine host over in-memory files (absolute paths), falling back to the real built-in packs. */
export function memoryHost(files: Record<string, string>): EngineHost {
  return {
    builtinRulesDir: RULES_DIR,
    async readFile(file) {
      if (file in files) return files[file];
      if (file.startsWith(RULES_DIR + path.sep)) {
        try {
          return readFileSync(file, 'utf8');
        } catch {
          return undefined;
        }
      }
      return undefined;
    },
  };
}

/** Audits one in-memory crime file with whatever configuration the other in-memory files give. */
export async function auditIn(files: Record<string, string>, file: string) {
  return new Auditor(memoryHost(files)).auditFile(file);
}

/** `range(1, 2, 1, 8)` — 0-based line/character, as the engine reports them. */
export function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

/** Joins lines into a file text (keeps fixtures readable in tests). */
export function lines(...text: string[]): string {
  return `${text.join('\n')}\n`;
}

/** The OASIS SARIF 2.1.0 schema (test/fixtures/sarif), compiled once with ajv's draft-07 validator. */
let sarif: ValidateFunction | undefined;
export function sarifValidator(): ValidateFunction {
  if (!sarif) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    sarif = ajv.compile(JSON.parse(readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')));
  }
  return sarif;
}
