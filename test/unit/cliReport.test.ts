import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse as parseCsvText } from 'csv-parse/sync';
import { REPO_ROOT, runCliCapturing, type CliRun } from './helpers';

/** Working directory of every run (the fixtures `dipsample audit` is tested with). */
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'cli');
const NORTHMOOR = path.join(REPO_ROOT, 'samples', 'hmic-2014-northmoor');

const cli = (args: string[], cwd = FIXTURES, progress = false) => runCliCapturing(args, cwd, progress);

/** Exit 2, nothing on stdout, exactly one `dipsample: …` line on stderr; returns that line. */
function assertRefused(run: CliRun): string {
  assert.equal(run.status, 2, `expected exit 2, got ${run.status}; stderr: ${run.stderr}`);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, /^dipsample: [^\n]+\n$/);
  return run.stderr.slice(0, -1);
}

describe('CLI: dipsample report', () => {
  let temp: string;
  beforeEach(() => {
    temp = mkdtempSync(path.join(tmpdir(), 'dipsample-report-'));
  });
  afterEach(() => {
    rmSync(temp, { recursive: true, force: true });
  });

  it('prints a Markdown report of the folder on stdout by default', async () => {
    const run = await cli(['report', 'sample']);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.ok(run.stdout.startsWith('# sample\n'), 'named after the folder when there is no manifest');
    assert.match(run.stdout, /^- \*\*Files audited:\*\* 7$/m);
    assert.match(run.stdout, /^- \*\*Files with syntax errors \(not audited\):\*\* 2$/m);
    assert.match(
      run.stdout,
      /^\| Investigation plan with lines of enquiry \(investigation-plan-present\) \| 1 \| 4 \| 0 \| 0 \| 20\.0% \(3\.6–62\.4\), n=5 \|$/m,
    );
    assert.match(
      run.stdout,
      /^\| At least 24 hours from report to filing \(filed-within-24h\) \| 1 \| 2 \| 2 \| 0 \| 33\.3% \(6\.1–79\.2\), n=3 \|$/m,
    );
    // Files are named relative to the sample folder.
    assert.match(
      run.stdout,
      /^\| quick-filed\.crime\.yaml \| XS\/21\/000102 \| investigation-plan-present \| error \| 3 \| /m,
    );
    assert.match(run.stdout, /^\| nested\/deeper\/deep\.crime\.yml \| /m);
    assert.equal((await cli(['report', 'sample', '--format', 'markdown'])).stdout, run.stdout);
  });

  it('takes the header from the sample manifest, whatever the working folder', async () => {
    const run = await cli(['report', NORTHMOOR], temp);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(run.stdout.startsWith('# HMIC 2014 crime-file dip-sample (re-enactment): Northmoor Constabulary\n'));
    assert.match(run.stdout, /^- \*\*Force:\*\* Northmoor Constabulary$/m);
    assert.match(run.stdout, /^- \*\*Files audited:\*\* 100$/m);
    assert.match(run.stdout, /^\| NM-13-037035\.crime\.yaml \| /m);
  });

  it('writes a standalone HTML report to --output, nothing on stdout', async () => {
    const out = path.join(temp, 'report.html');
    const run = await cli(['report', 'sample', '--format', 'html', '-o', out]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, '');
    const page = readFileSync(out, 'utf8');
    assert.ok(page.startsWith('<!doctype html>\n'));
    assert.ok(page.includes(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`));
    assert.ok(!/<script/i.test(page));
    assert.match(page, /<h1>sample<\/h1>/);
    assert.match(page, /generated \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/);
    assert.match(page, /aria-label="Investigation plan with lines of enquiry: 20\.0% failed, 95% CI 3\.6–62\.4%, n=5"/);
  });

  it('resolves a relative --output against the working folder', async () => {
    mkdirSync(path.join(temp, 'out'));
    writeFileSync(path.join(temp, 'out', 'placeholder'), '');
    const run = await cli(
      ['report', path.join(FIXTURES, 'sample'), '--format', 'csv-summary', '--output', 'out/summary.csv'],
      temp,
    );
    assert.equal(run.status, 0, run.stderr);
    assert.match(
      readFileSync(path.join(temp, 'out', 'summary.csv'), 'utf8'),
      /^pack,rule,title,severity,failed,passed,not_applicable,awaiting_judgment,not_audited,applicable,failed_percent,ci_low,ci_high,reviewed,overridden,confirmed,disputed,passed_percent,passed_ci_low,passed_ci_high\n/,
    );
  });

  it('--format csv-breakdowns: one row per breakdown group × rule (long format)', async () => {
    const run = await cli(['report', 'sample', '--format', 'csv-breakdowns']);
    assert.equal(run.status, 0, run.stderr);
    const [header, ...rows] = parseCsvText(run.stdout) as string[][];
    assert.deepEqual(header.slice(0, 5), ['breakdown', 'breakdown_title', 'dimensions', 'group', 'group_kind']);
    const column = (name: string) => header.indexOf(name);
    const plan = rows.find(
      (row) =>
        row[column('breakdown')] === 'categoryAttendance' &&
        row[column('group_kind')] === 'total' &&
        row[column('rule')] === 'investigation-plan-present',
    )!;
    // The same 1 of 5 (20.0%, 3.6–62.4) as the rules table.
    assert.deepEqual(
      ['failed', 'passed', 'applicable', 'failed_percent', 'ci_low', 'ci_high'].map((name) => plan[column(name)]),
      ['1', '4', '5', '20.0', '3.6', '62.4'],
    );
  });

  it('refuses to overwrite an existing --output file unless --force is given', async () => {
    const out = path.join(temp, 'report.md');
    writeFileSync(out, 'keep me\n');
    const line = assertRefused(await cli(['report', 'sample', '-o', out]));
    assert.match(line, /already exists.*--force/);
    assert.equal(readFileSync(out, 'utf8'), 'keep me\n', 'the file is untouched');

    const forced = await cli(['report', 'sample', '-o', out, '--force']);
    assert.equal(forced.status, 0, forced.stderr);
    assert.equal(forced.stdout, '');
    assert.ok(readFileSync(out, 'utf8').startsWith('# sample\n'));
  });

  it('exits 2 with a clear reason for a missing folder, a file, an unwritable --output, or an unknown format', async () => {
    assert.match(assertRefused(await cli(['report', 'does-not-exist'])), /^dipsample: No such folder: does-not-exist$/);
    assert.match(
      assertRefused(await cli(['report', 'sample/good.crime.yaml'])),
      /^dipsample: Not a folder: sample\/good\.crime\.yaml/,
    );
    const nowhere = path.join(temp, 'missing', 'report.md');
    assert.match(
      assertRefused(await cli(['report', 'sample', '-o', nowhere])),
      /^dipsample: Cannot write .*report\.md: no such folder$/,
    );
    assert.ok(!existsSync(nowhere));
    assert.match(
      assertRefused(await cli(['report', 'sample', '--format', 'pdf'])),
      /'pdf' is invalid.*markdown, html, json, csv-files, csv-summary, csv-verdicts, csv-breakdowns/,
    );
    assert.match(assertRefused(await cli(['report'])), /missing required argument 'folders'/);
  });

  it('exits 2 for configuration errors, like audit', async () => {
    const run = await cli(['report', 'bad-config']);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^(dipsample: configuration error: bad-config\/\.dipsample\.yaml:\d+:\d+: [^\n]+\n){2}$/);
    assert.match(
      assertRefused(await cli(['report', 'sample', '--config', 'configs/missing.yaml'])),
      /configuration file not found: configs\/missing\.yaml$/,
    );
  });

  it('honours --config', async () => {
    const run = await cli(['report', 'sample', '--format', 'csv-summary', '-c', 'configs/strict.dipsample.yaml']);
    assert.equal(run.status, 0, run.stderr);
    const rows = (parseCsvText(run.stdout) as string[][]).slice(1);
    // Switched off: listed last with severity "off" and no counts, never dropped without trace.
    const off = rows.filter((row) => row[1] === 'supervision-recorded');
    assert.equal(off.length, 1, rows.map((row) => row[1]).join());
    assert.equal(off[0][3], 'off');
    assert.equal(off[0][4], '', 'no counts for a rule that did not run');
    assert.match(off[0][2], /switched off in /);
  });

  it('writes one CSV row per file and rule with --format csv-files', async () => {
    const run = await cli(['report', 'sample', '--format', 'csv-files']);
    assert.equal(run.status, 0, run.stderr);
    const [header, ...rows] = parseCsvText(run.stdout) as string[][];
    assert.equal(header[0], 'file');
    assert.equal(rows.length, 7 * 4);
    const outcome = header.indexOf('outcome');
    assert.ok(
      rows.filter((row) => row[0] === 'broken/bad-syntax.crime.json').every((row) => row[outcome] === 'not audited'),
    );
  });

  it('shows progress on stderr only when it is a terminal, and clears it', async () => {
    const quiet = await cli(['report', 'sample']);
    const shown = await cli(['report', 'sample'], FIXTURES, true);
    assert.equal(shown.stdout, quiet.stdout);
    assert.match(shown.stderr, /\rAuditing \d+\/\d+ files \(100%\)/);
    assert.ok(shown.stderr.endsWith('\r\x1b[2K'));
    assert.equal(quiet.stderr, '');
  });
});
