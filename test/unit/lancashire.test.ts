import { strict as assert } from 'node:assert';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/cli';
import {
  generateLancashireSuspectsSample,
  generateLancashireUnattendedSample,
  lancashireSuspectRecords,
  lancashireUnattendedRecords,
  manifestText,
} from '../../scripts/generator';
import { REPO_ROOT } from './helpers';

/**
 * The `hmic-2014-core-business` pack reproduces HMIC's 2014 letter to Lancashire Constabulary
 * (seed 003): through the CLI, on the bundled synthetic samples built to the letter's figures.
 *
 * - L49: "Fifty unattended crime reports were examined. Thirty four of those files contained no
 *   evidence of any investigation, 35 had no evidence of any form of supervisory input and 35
 *   were filed within 24 hours."
 * - L54-58: of ten named-suspect files only 6 were satisfactory; in four PNC-wanted files "there
 *   were no updates on the files since the individual had been circulated". 4 + 4 = 8 of 20, at
 *   least six: unsatisfactory (R 4.130-4.132).
 */

interface RuleSummary {
  rule: string;
  failed: number;
  passed: number;
  notApplicable: number;
  awaitingJudgment: number;
}
interface VerdictSummary {
  verdict: string;
  status: string;
  failedFiles: number;
  applicableFiles: number;
  threshold: string;
}
interface JsonReport {
  files: Array<{ path: string; findings: Array<{ rule: string }> }>;
  summary: {
    files: number;
    filesWithSyntaxErrors: number;
    filesWithSchemaErrors: number;
    rules: RuleSummary[];
    verdicts: VerdictSummary[];
  };
}

const UNATTENDED = path.join('samples', 'hmic-2014-lancashire-unattended');
const SUSPECTS = path.join('samples', 'hmic-2014-lancashire-suspects');

/** Audits through the CLI; stderr must hold nothing but the manifest warnings the caller expects. */
async function audit(args: string[], cwd = REPO_ROOT, expectedWarnings: RegExp[] = []): Promise<JsonReport> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(['audit', ...args, '--format', 'json'], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    progress: false,
    cwd,
  });
  assert.equal(status, 0, stderr);
  const lines = stderr.split('\n').filter(Boolean);
  assert.equal(lines.length, expectedWarnings.length, stderr);
  expectedWarnings.forEach((warning, index) => assert.match(lines[index], warning));
  return JSON.parse(stdout) as JsonReport;
}

function rule(report: JsonReport, id: string): RuleSummary {
  const found = report.summary.rules.find((r) => r.rule === id);
  assert.ok(found, `${id} is not in the summary`);
  return found;
}

function verdict(report: JsonReport, id: string): VerdictSummary {
  const found = report.summary.verdicts.find((v) => v.verdict === id);
  assert.ok(found, `verdict ${id} is not in the summary`);
  return found;
}

const counts = (r: RuleSummary) => ({ failed: r.failed, passed: r.passed, notApplicable: r.notApplicable });

describe('HMIC 2014: the Lancashire letter reproduced (hmic-2014-core-business)', () => {
  describe('50 unattended crime reports (LAN L49)', () => {
    let report: JsonReport;
    before(async () => {
      report = await audit([UNATTENDED]);
    });

    it('audits 50 schema-valid files with the pack the sample names', () => {
      assert.equal(report.summary.files, 50);
      assert.equal(report.summary.filesWithSyntaxErrors, 0);
      assert.equal(report.summary.filesWithSchemaErrors, 0);
      assert.ok(
        report.summary.rules.every((r) => r.rule.startsWith('hmic14-')),
        'only the hmic-2014-core-business pack runs',
      );
    });

    it('finds 34 of 50 with no evidence of any investigation', () => {
      assert.deepEqual(counts(rule(report, 'hmic14-investigation-before-filing')), {
        failed: 34,
        passed: 16,
        notApplicable: 0,
      });
    });

    it('finds 35 of 50 with no evidence of any form of supervisory input', () => {
      assert.deepEqual(counts(rule(report, 'hmic14-supervisory-review')), { failed: 35, passed: 15, notApplicable: 0 });
    });

    it('finds 35 of 50 filed within 24 hours of being reported', () => {
      assert.deepEqual(counts(rule(report, 'hmic14-filed-within-24h-of-report')), {
        failed: 35,
        passed: 15,
        notApplicable: 0,
      });
    });

    // Issue 15: R 4.102's "around half" is a finding about 13 forces, not a pass mark, so the
    // crime reports carry no verdict; the suspect-files verdict does not apply to them.
    it('declares no crime-report verdict (R 4.102 is a finding, not a pass mark)', () => {
      assert.equal(
        report.summary.verdicts.find((v) => v.verdict === 'hmic14-crime-files-unsatisfactory'),
        undefined,
      );
      assert.equal(verdict(report, 'hmic14-suspect-files-unsatisfactory').status, 'notApplicable');
    });

    it('fails each file exactly as the generator built it', () => {
      const built = new Map(lancashireUnattendedRecords().map(({ record, pattern }) => [record.reference, pattern]));
      for (const file of report.files) {
        const reference = path.basename(file.path).replace(/\.crime\.yaml$/, '');
        const pattern = built.get(reference);
        assert.ok(pattern, `${reference} was not generated`);
        const fails = (id: string) => file.findings.some((f) => f.rule === id);
        assert.equal(fails('hmic14-investigation-before-filing'), !pattern.investigated, `${reference}: investigation`);
        assert.equal(fails('hmic14-supervisory-review'), !pattern.supervised, `${reference}: supervision`);
        assert.equal(fails('hmic14-filed-within-24h-of-report'), pattern.filedWithin24h, `${reference}: filing`);
      }
    });

    it('runs beside the core pack without clashes', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'dipsample-lancashire-'));
      try {
        writeFileSync(path.join(dir, 'both.dipsample.yaml'), 'packs: [core, hmic-2014-core-business]\n');
        const both = await audit([path.join(REPO_ROOT, UNATTENDED), '--config', path.join(dir, 'both.dipsample.yaml')]);
        assert.deepEqual(counts(rule(both, 'hmic14-supervisory-review')), { failed: 35, passed: 15, notApplicable: 0 });
        assert.deepEqual(counts(rule(both, 'supervision-recorded')), { failed: 35, passed: 15, notApplicable: 0 });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('10 named-suspect and 10 PNC-wanted files (LAN L54-58, R 4.132)', () => {
    it('judges the sample unsatisfactory: 8 of 20 files fail (at least 6)', async () => {
      const report = await audit([SUSPECTS]);
      assert.equal(report.summary.files, 20);
      assert.equal(report.summary.filesWithSchemaErrors, 0);
      assert.deepEqual(counts(rule(report, 'hmic14-suspect-supervisory-review')), {
        failed: 4,
        passed: 16,
        notApplicable: 0,
      });
      assert.deepEqual(counts(rule(report, 'hmic14-suspect-updated-since-circulation')), {
        failed: 4,
        passed: 6,
        notApplicable: 10,
      });
      assert.deepEqual(counts(rule(report, 'hmic14-suspect-updated-since-wanted')), {
        failed: 0,
        passed: 20,
        notApplicable: 0,
      });
      assert.deepEqual(
        counts(rule(report, 'hmic14-investigation-before-filing')),
        { failed: 0, passed: 0, notApplicable: 20 },
        'crime-report rules do not apply',
      );
      const v = verdict(report, 'hmic14-suspect-files-unsatisfactory');
      assert.deepEqual(
        { status: v.status, failedFiles: v.failedFiles, applicableFiles: v.applicableFiles },
        { status: 'unsatisfactory', failedFiles: 8, applicableFiles: 20 },
      );
      assert.equal(v.threshold, 'unsatisfactory when at least 6 of 20 files fail');
    });

    it('is satisfactory with five failing files (below the threshold of six)', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'dipsample-suspects-'));
      try {
        // Drop three of the eight failing files: 5 of 17 fail.
        const failing = lancashireSuspectRecords()
          .filter(({ pattern }) => pattern !== 'satisfactory')
          .map(({ record }) => `${record.reference}.crime.yaml`);
        const dropped = new Set(failing.slice(0, 3));
        const source = path.join(REPO_ROOT, SUSPECTS);
        for (const name of readdirSync(source))
          if (!dropped.has(name)) copyFileSync(path.join(source, name), path.join(dir, name));
        // The copy is no longer the sample its manifest describes, and the audit says so.
        const report = await audit([dir], REPO_ROOT, [
          /^dipsample: warning: .*sample\.yaml:\d+:\d+: Sample manifest: stratum ".*" has 7 files, the manifest says 10$/,
          /^dipsample: warning: .*sample\.yaml:\d+:\d+: Sample manifest: the size is 20, the sample has 17 crime files$/,
        ]);
        const v = verdict(report, 'hmic14-suspect-files-unsatisfactory');
        assert.deepEqual(
          { status: v.status, failedFiles: v.failedFiles, applicableFiles: v.applicableFiles },
          { status: 'satisfactory', failedFiles: 5, applicableFiles: 17 },
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('bundled samples', () => {
    for (const [dir, generated] of [
      [UNATTENDED, generateLancashireUnattendedSample()],
      [SUSPECTS, generateLancashireSuspectsSample()],
    ] as const) {
      it(`${dir} matches the generator (regenerate with: npx tsx scripts/generate-samples.ts)`, () => {
        const folder = path.join(REPO_ROOT, dir);
        const onDisk = readdirSync(folder)
          .filter((n) => n === 'sample.yaml' || /\.crime\./.test(n))
          .sort();
        assert.deepEqual(onDisk, ['sample.yaml', ...generated.files.map((f) => f.name)].sort());
        assert.equal(readFileSync(path.join(folder, 'sample.yaml'), 'utf8'), manifestText(generated.manifest));
        for (const f of generated.files) assert.equal(readFileSync(path.join(folder, f.name), 'utf8'), f.text, f.name);
      });
    }
  });
});
