import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  Auditor,
  type EngineHost,
  type FileReport,
  type Range,
  type RuleSet,
  type SampleManifest,
} from '../../src/engine';
import { SampleTally } from '../../src/report';
import { runCli } from '../../src/cli/cli';
import { findCrimeFiles } from '../../src/node/findCrimeFiles';
import { findRulesDir, nodeHost } from '../../src/node/nodeHost';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const RULES_DIR = findRulesDir(REPO_ROOT);

/** An engine host over in-memory files (absolute paths), falling back to the real built-in packs. */
export function memoryHost(files: Record<string, string>): EngineHost {
  return {
    builtinRulesDir: RULES_DIR,
    path,
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
    async listFiles(folder) {
      const prefix = folder.endsWith(path.sep) ? folder : folder + path.sep;
      return Object.keys(files)
        .filter((file) => file.startsWith(prefix) && !file.slice(prefix.length).includes(path.sep))
        .map((file) => file.slice(prefix.length));
    },
  };
}

/** Audits one in-memory crime file with whatever configuration the other in-memory files give. */
export async function auditIn(files: Record<string, string>, file: string) {
  return new Auditor(memoryHost(files)).auditFile(file);
}

/** A sample folder audited as the extension and `dipsample report` audit it: every crime file in it, with the real built-in packs. */
export interface AuditedFolder {
  auditor: Auditor;
  reports: FileReport[];
  /** The distinct rule sets the files were audited with, in the order first met. */
  ruleSets: RuleSet[];
  /** A tally holding every report. */
  tally: SampleTally;
  /** The folder's sample.yaml, if any. */
  manifest: SampleManifest | undefined;
}

/** Audits every crime file of `folder` (found as the CLI finds them) and tallies the reports. */
export async function auditFolder(folder: string): Promise<AuditedFolder> {
  const auditor = new Auditor(nodeHost(RULES_DIR));
  const reports: FileReport[] = [];
  const ruleSets = new Set<RuleSet>();
  for (const file of await findCrimeFiles([folder])) {
    const { report, ruleSet } = await auditor.auditFile(file);
    reports.push(report);
    ruleSets.add(ruleSet);
  }
  const tally = new SampleTally([...ruleSets]);
  for (const report of reports) tally.set(report);
  return { auditor, reports, ruleSets: [...ruleSets], tally, manifest: await auditor.manifestFor(folder) };
}

/** One `dipsample` run: its exit status and everything it wrote. */
export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process in `cwd`, capturing stdout and stderr. */
export async function runCliCapturing(args: string[], cwd: string, progress = false): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    progress,
    cwd,
  });
  return { status, stdout, stderr };
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
    sarif = ajv.compile(
      JSON.parse(readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')),
    );
  }
  return sarif;
}
