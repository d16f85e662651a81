import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseReviewFile, recordDecision, type FileReport, type RuleResult } from '../../src/engine';
import { FORMATS } from '../../src/report';
import { recordReview } from '../../src/node/reviewWriter';
import { lines, REPO_ROOT, runCliCapturing } from './helpers';

const SAMPLE = path.join(REPO_ROOT, 'samples', 'peel-2017-file-review');
const FILES = ['EM-17-038915.crime.yaml', 'EM-17-039311.crime.yaml', 'EM-17-039426.crime.yaml'];
const INSPECTOR = { id: 'INSP-07', name: 'A. Inspector', role: 'inspector' as const };

interface JsonRun {
  files: Array<FileReport & { results: RuleResult[] }>;
  summary: { rules: Array<Record<string, number | string>> };
}

/** A three-file copy of the PEEL 2017 sample with the given review files (name → YAML). */
function sampleWith(reviews: Record<string, string>): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'dipsample-reviews-'));
  copyFileSync(path.join(SAMPLE, 'sample.yaml'), path.join(folder, 'sample.yaml'));
  for (const file of FILES) copyFileSync(path.join(SAMPLE, file), path.join(folder, file));
  mkdirSync(path.join(folder, 'reviews'));
  for (const [name, text] of Object.entries(reviews)) writeFileSync(path.join(folder, 'reviews', name), text);
  return folder;
}

const review = (id: string, role: string, ...body: string[]) =>
  lines('format: dipsample-review/1', `reviewer: { id: ${id}, role: ${role} }`, 'files:', ...body);

async function auditJson(folder: string, ...extra: string[]): Promise<JsonRun> {
  const run = await runCliCapturing(['audit', '.', '--format', 'json', ...extra], folder);
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as JsonRun;
}

const resultOf = (run: JsonRun, reference: string, rule: string) =>
  run.files.find((file) => file.reference === reference)?.results.find((result) => result.rule === rule);
const summaryOf = (run: JsonRun, rule: string) => run.summary.rules.find((row) => row.rule === rule);

describe('reviews: answers, overrides and disputes from reviews/*.review.yaml', function () {
  this.timeout(60_000);
  const folders: string[] = [];
  const sample = (reviews: Record<string, string>) => {
    const folder = sampleWith(reviews);
    folders.push(folder);
    return folder;
  };
  after(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  it('decides a judgment criterion through its scale, and carries the answer, reviewer and note', async () => {
    const folder = sample({
      'INSP-07.review.yaml': review(
        'INSP-07',
        'inspector',
        '  EM-17-038915:',
        '    peel17-effective-investigation:',
        '      answer: not_effective',
        '      note: Filed after one phone call; CCTV never checked.',
        '      at: 2026-11-30T10:12:00Z',
        '    peel17-supervision-quality: { answer: effective, at: 2026-11-30T10:13:00Z }',
      ),
    });
    const run = await auditJson(folder);
    assert.deepEqual(resultOf(run, 'EM-17-038915', 'peel17-effective-investigation'), {
      rule: 'peel17-effective-investigation',
      outcome: 'failed',
      judgment: 'not_effective',
      reviewer: 'INSP-07',
      note: 'Filed after one phone call; CCTV never checked.',
      at: '2026-11-30T10:12:00Z',
    });
    assert.equal(resultOf(run, 'EM-17-038915', 'peel17-supervision-quality')?.outcome, 'passed');
    assert.equal(resultOf(run, 'EM-17-039311', 'peel17-effective-investigation')?.outcome, 'awaitingJudgment');
    const row = summaryOf(run, 'peel17-effective-investigation');
    assert.deepEqual([row?.failed, row?.passed, row?.awaitingJudgment, row?.reviewed], [1, 0, 2, 1]);
  });

  it('overrides a machine check with the reviewer’s outcome, keeping the machine’s beside it', async () => {
    const folder = sample({
      'INSP-07.review.yaml': review(
        'INSP-07',
        'inspector',
        '  EM-17-038915:',
        '    peel17-bwv-considered: { outcome: passed, note: BWV was viewed; the plan omits it., at: 2026-11-30T10:00:00Z }',
        // Issue 15: EM-17-038915 is a rape, now in peel17-cctv-considered's scope; the override of a
        // not-applicable machine outcome uses peel17-safeguarding-referral (not applicable: no flag).
        '    peel17-safeguarding-referral: { outcome: failed, note: The CCTV entry was never done., at: 2026-11-30T10:01:00Z }',
        '  EM-17-039311:',
        // peel17-plan-where-required became a judgment criterion; its old check is peel17-plan-for-listed-crimes.
        '    peel17-plan-for-listed-crimes: { outcome: notApplicable, note: Crime withdrawn the same day., at: 2026-11-30T10:02:00Z }',
        '    peel17-dash-completed: { confirmed: true, at: 2026-11-30T10:03:00Z }',
      ),
    });
    const before = await auditJson(sampleWith({}));
    const run = await auditJson(folder);
    const bwv = resultOf(run, 'EM-17-038915', 'peel17-bwv-considered');
    assert.deepEqual(
      [bwv?.outcome, bwv?.machineOutcome, bwv?.reviewer, bwv?.note],
      ['passed', 'failed', 'INSP-07', 'BWV was viewed; the plan omits it.'],
    );
    const file = run.files.find((f) => f.reference === 'EM-17-038915')!;
    const bwvFindings = file.findings.filter((finding) => finding.rule === 'peel17-bwv-considered');
    assert.deepEqual(
      bwvFindings.map((finding) => [finding.severity, finding.message]),
      [['information', 'Overridden on review by INSP-07: passed: BWV was viewed; the plan omits it.']],
    );
    const cctv = resultOf(run, 'EM-17-038915', 'peel17-safeguarding-referral');
    assert.deepEqual([cctv?.outcome, cctv?.machineOutcome], ['failed', 'notApplicable']);
    assert.ok(file.findings.some((f) => f.message === 'Failed on review by INSP-07: The CCTV entry was never done.'));
    const exception = resultOf(run, 'EM-17-039311', 'peel17-plan-for-listed-crimes');
    assert.deepEqual([exception?.outcome, exception?.machineOutcome], ['notApplicable', 'failed']);
    const confirmed = resultOf(run, 'EM-17-039311', 'peel17-dash-completed');
    assert.deepEqual([confirmed?.outcome, confirmed?.machineOutcome, confirmed?.confirmed], ['failed', 'failed', true]);

    const bwvRow = summaryOf(run, 'peel17-bwv-considered');
    const bwvBefore = summaryOf(before, 'peel17-bwv-considered');
    assert.equal(bwvRow?.overridden, 1);
    assert.equal(bwvRow?.passed, (bwvBefore?.passed as number) + 1);
    assert.equal(summaryOf(run, 'peel17-dash-completed')?.confirmed, 1);
    assert.equal(summaryOf(run, 'peel17-dash-completed')?.overridden, 0);
  });

  it('marks a criterion disputed when reviewers differ: awaiting judgment, with a finding naming both', async () => {
    const folder = sample({
      'INSP-07.review.yaml': review(
        'INSP-07',
        'inspector',
        '  EM-17-039311:',
        '    peel17-effective-investigation: { answer: effective, at: 2026-11-30T11:00:00Z }',
        '  EM-17-039426:',
        '    peel17-effective-investigation: { answer: effective, note: Thorough., at: 2026-11-30T11:00:00Z }',
      ),
      'AUD-2.review.yaml': review(
        'AUD-2',
        'auditor',
        '  EM-17-039311:',
        '    peel17-effective-investigation: { answer: not_effective, note: Witness never traced, at: 2026-11-30T12:00:00Z }',
        '  EM-17-039426:',
        '    peel17-effective-investigation: { answer: effective, at: 2026-11-30T12:00:00Z }',
      ),
    });
    const run = await auditJson(folder);
    const disputed = resultOf(run, 'EM-17-039311', 'peel17-effective-investigation');
    assert.equal(disputed?.outcome, 'awaitingJudgment');
    assert.deepEqual(disputed?.disputed, [
      { reviewer: 'INSP-07', value: 'effective' },
      { reviewer: 'AUD-2', value: 'not_effective', note: 'Witness never traced' },
    ]);
    const file = run.files.find((f) => f.reference === 'EM-17-039311')!;
    assert.ok(
      file.findings.some(
        (f) =>
          f.severity === 'warning' &&
          f.message ===
            'Disputed: INSP-07 answered effective; AUD-2 answered not_effective. It awaits judgment until they agree.',
      ),
    );
    const agreed = resultOf(run, 'EM-17-039426', 'peel17-effective-investigation');
    assert.deepEqual(
      [agreed?.outcome, agreed?.reviewer, agreed?.reviewers, agreed?.note],
      ['passed', 'AUD-2', ['INSP-07', 'AUD-2'], 'Thorough.'],
    );
    const row = summaryOf(run, 'peel17-effective-investigation');
    assert.deepEqual([row?.disputed, row?.awaitingJudgment, row?.passed], [1, 2, 1]);

    // --reviewer: one reviewer's answers alone, so nothing is disputed.
    const alone = await auditJson(folder, '--reviewer', 'AUD-2');
    assert.equal(resultOf(alone, 'EM-17-039311', 'peel17-effective-investigation')?.outcome, 'failed');
    assert.equal(summaryOf(alone, 'peel17-effective-investigation')?.disputed, 0);
  });

  it('never lets a trainee’s marks change an audit (unless asked for by --reviewer), and needs no note from them', async () => {
    const folder = sample({
      'TRN-1.review.yaml': review(
        'TRN-1',
        'trainee',
        '  EM-17-038915:',
        '    peel17-good-victim-care: { answer: good }',
        '    peel17-bwv-considered: { outcome: passed }',
      ),
    });
    const run = await auditJson(folder);
    assert.equal(resultOf(run, 'EM-17-038915', 'peel17-good-victim-care')?.outcome, 'awaitingJudgment');
    assert.equal(resultOf(run, 'EM-17-038915', 'peel17-bwv-considered')?.outcome, 'failed');
    const marks = await auditJson(folder, '--reviewer', 'TRN-1');
    assert.equal(resultOf(marks, 'EM-17-038915', 'peel17-good-victim-care')?.outcome, 'passed');
    assert.equal(resultOf(marks, 'EM-17-038915', 'peel17-bwv-considered')?.outcome, 'passed');
  });

  it('reports every problem of a review file located, and exits 2, as configuration problems do', async () => {
    const folder = sample({
      'INSP-07.review.yaml': review(
        'INSP-07',
        'inspector',
        '  EM-17-000000:',
        '    peel17-effective-investigation: { answer: effective }',
        '  EM-17-038915:',
        '    peel17-good-victim-care: { answer: great }',
        '    no-such-rule: { outcome: passed, note: x }',
        '    peel17-cctv-considered: { outcome: passed }',
        '    peel17-bwv-considered: { answer: "yes" }',
        '    peel17-forensics-considered: {}',
      ),
      'BROKEN.review.yaml': lines('format: dipsample-review/1', 'reviewer: { id: BROKEN, role: boss }'),
      'WRONG.review.yaml': review('SOMEONE', 'inspector'),
      'SYNTAX.review.yaml': 'format: [\n',
    });
    const run = await runCliCapturing(['audit', '.'], folder);
    assert.equal(run.status, 2);
    const errors = run.stderr.trimEnd().split('\n');
    assert.deepEqual(errors, [
      'dipsample: review file error: reviews/BROKEN.review.yaml:2:31: Review file: `reviewer.role` must be one of: inspector, auditor, trainer, trainee',
      'dipsample: review file error: reviews/INSP-07.review.yaml:4:3: Review file: no crime file in this sample has the reference "EM-17-000000"',
      'dipsample: review file error: reviews/INSP-07.review.yaml:7:40: Review file: "great" is not on the scale of peel17-good-victim-care (good, not_good)',
      'dipsample: review file error: reviews/INSP-07.review.yaml:8:5: Review file: no rule "no-such-rule" is run on this sample (unknown, or switched off)',
      'dipsample: review file error: reviews/INSP-07.review.yaml:9:40: Review file: an outcome needs a note saying why (peel17-cctv-considered for EM-17-038915): the note is what a report quotes',
      'dipsample: review file error: reviews/INSP-07.review.yaml:10:38: Review file: peel17-bwv-considered is a machine check: give an outcome (passed, failed or notApplicable) with a note, or confirmed: true',
      'dipsample: review file error: reviews/INSP-07.review.yaml:11:5: Review file: the review of peel17-forensics-considered for EM-17-038915 gives no answer, outcome or confirmation',
      errors.find((line) => line.startsWith('dipsample: review file error: reviews/SYNTAX.review.yaml:1:')),
      'dipsample: review file error: reviews/WRONG.review.yaml:2:17: Review file: the reviewer id "SOMEONE" does not match the file name (WRONG.review.yaml)',
    ]);
    // Auditing one file of the sample cannot tell an unknown reference: it is not reported then.
    const one = await runCliCapturing(['audit', FILES[0]], folder);
    assert.equal(one.status, 2);
    assert.doesNotMatch(one.stderr, /EM-17-000000/);
  });

  it('says so when --reviewer names no reviewer of the sample (exit 2)', async () => {
    const folder = sample({ 'INSP-07.review.yaml': review('INSP-07', 'inspector') });
    const run = await runCliCapturing(['audit', '.', '--reviewer', 'NOBODY'], folder);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /no review file of reviewer NOBODY \(reviews\/NOBODY\.review\.yaml\).*reviewers: INSP-07/);
  });

  it('shows decisions and notes in the text output and the report formats', async () => {
    const folder = sample({
      'INSP-07.review.yaml': review(
        'INSP-07',
        'inspector',
        '  EM-17-038915:',
        '    peel17-effective-investigation: { answer: not_effective, note: "CCTV | never checked", at: 2026-11-30T10:00:00Z }',
        '    peel17-bwv-considered: { outcome: passed, note: BWV viewed., at: 2026-11-30T10:01:00Z }',
      ),
    });
    const text = await runCliCapturing(['audit', '.'], folder);
    assert.match(
      text.stdout,
      /^ {2}review +answered not_effective → failed \(INSP-07\): CCTV \| never checked {2}\[peel17-effective-investigation\]$/m,
    );
    assert.match(
      text.stdout,
      /^ {2}review +overridden: passed \(machine: failed\) \(INSP-07\): BWV viewed\. {2}\[peel17-bwv-considered\]$/m,
    );
    const markdown = await runCliCapturing(['report', '.', '--format', 'markdown'], folder);
    assert.equal(markdown.status, 0, markdown.stderr);
    assert.match(markdown.stdout, /^## Reviews$/m);
    assert.match(
      markdown.stdout,
      /\| EM-17-038915\.crime\.yaml \| EM-17-038915 \| peel17-effective-investigation \| answered not\\_effective → failed \| INSP-07 \| CCTV \\\| never checked \|/,
    );
    assert.match(markdown.stdout, /\| 1 \| 1 of 1 \(100\.0%, 95% CI 20\.7–100\.0\) \| 0 \| 0 \| 0 \|/);
    const html = await runCliCapturing(['report', '.', '--format', 'html'], folder);
    assert.match(html.stdout, /<td>CCTV \| never checked<\/td>/);
    const csv = await runCliCapturing(['report', '.', '--format', 'csv-files'], folder);
    assert.match(csv.stdout, /,peel17-bwv-considered,[^\n]*,INSP-07,BWV viewed\.,failed,\n/);
    assert.ok(FORMATS.json);
  });
});

describe('review files: reading and writing', () => {
  const file = '/s/reviews/INSP-07.review.yaml';

  it('keeps comments, key order and earlier answers (history) when an answer is recorded', () => {
    const original = lines(
      '# Northmoor, second pass',
      'format: dipsample-review/1',
      'reviewer: { id: INSP-07, name: A. Inspector, role: inspector }',
      'files:',
      '  NM-1:',
      '    # re-read on Tuesday',
      '    peel17-effective-investigation:',
      '      answer: effective',
      '      at: 2026-11-30T10:00:00Z',
    );
    const first = recordDecision(original, file, INSPECTOR, 'NM-1', 'peel17-effective-investigation', {
      answer: 'not_effective',
      note: 'CCTV never checked',
      at: '2026-11-30T11:00:00Z',
    });
    assert.ok('text' in first);
    const second = recordDecision(first.text, file, INSPECTOR, 'NM-2', 'supervision-recorded', {
      outcome: 'failed',
      note: 'A sign-off, no direction',
      at: '2026-11-30T11:05:00Z',
    });
    assert.ok('text' in second);
    assert.equal(
      second.text,
      lines(
        '# Northmoor, second pass',
        'format: dipsample-review/1',
        'reviewer: { id: INSP-07, name: A. Inspector, role: inspector }',
        'files:',
        '  NM-1:',
        '    # re-read on Tuesday',
        '    peel17-effective-investigation:',
        '      answer: not_effective',
        '      note: CCTV never checked',
        '      at: 2026-11-30T11:00:00Z',
        '      history:',
        '        - answer: effective',
        '          at: 2026-11-30T10:00:00Z',
        '  NM-2:',
        '    supervision-recorded:',
        '      outcome: failed',
        '      note: A sign-off, no direction',
        '      at: 2026-11-30T11:05:00Z',
      ),
    );
    const parsed = parseReviewFile(second.text, file);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.entries[0].history, [{ answer: 'effective', at: '2026-11-30T10:00:00Z' }]);
  });

  it('starts a new file with the reviewer’s header, and keeps CRLF line endings', () => {
    const created = recordDecision(undefined, file, INSPECTOR, 'NM-1', 'advice-given', {
      confirmed: true,
      at: '2026-11-30T09:00:00Z',
    });
    assert.ok('text' in created);
    assert.deepEqual(parseReviewFile(created.text, file).problems, []);
    assert.match(created.text, /^# dipsample review file/);
    const crlf = recordDecision(created.text.replace(/\n/g, '\r\n'), file, INSPECTOR, 'NM-2', 'advice-given', {
      confirmed: true,
      at: '2026-11-30T09:01:00Z',
    });
    assert.ok('text' in crlf);
    assert.equal(crlf.text.split('\r\n').length, crlf.text.split('\n').length);
  });

  it('refuses to write over a file that is not a readable review file of this reviewer', () => {
    const at = '2026-11-30T09:00:00Z';
    for (const [text, why] of [
      ['format: [\n', /INSP-07\.review\.yaml:1:\d+: Invalid YAML.*it is not overwritten/],
      ['files: {}\n', /Missing required field `format`.*it is not overwritten/],
      [review('SOMEONE', 'inspector'), /does not match the file name.*it is not overwritten/],
    ] as const) {
      const outcome = recordDecision(text, file, INSPECTOR, 'NM-1', 'advice-given', { confirmed: true, at });
      assert.ok('refused' in outcome, text);
      assert.match(outcome.refused, why);
    }
  });

  it('reads review answers in a file that is otherwise fine even when one entry is wrong (it is reported)', () => {
    const parsed = parseReviewFile(
      review('INSP-07', 'inspector', '  NM-1:', '    a: { outcome: failed }', '    b: { answer: x }'),
      file,
    );
    assert.equal(parsed.problems.length, 1);
    assert.equal(parsed.problems[0].code, 'review-note-required');
    assert.deepEqual(
      parsed.entries.map((entry) => entry.rule),
      ['b'],
    );
  });
});

describe('review files: nothing is lost', function () {
  this.timeout(180_000);
  const worker = path.join(__dirname, 'workers', 'recordReviews.ts');
  const run = (folder: string, ...args: string[]) =>
    new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, ['-r', 'tsx/cjs', worker, folder, ...args], {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      child.on('error', reject);
      child.on('exit', (code, signal) => resolve(signal ? -1 : code));
    });
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'dipsample-writers-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('two processes answering different criteria of the same file 200 times each lose nothing', async () => {
    const codes = await Promise.all([run(folder, 'a', '200'), run(folder, 'b', '200')]);
    assert.deepEqual(codes, [0, 0]);
    const text = readFileSync(path.join(folder, 'reviews', 'INSP-07.review.yaml'), 'utf8');
    const parsed = parseReviewFile(text, path.join(folder, 'reviews', 'INSP-07.review.yaml'));
    assert.deepEqual(parsed.problems, []);
    const rules = new Set(parsed.entries.map((entry) => entry.rule));
    assert.equal(rules.size, 400);
    for (const prefix of ['a', 'b'])
      for (let n = 0; n < 200; n++) assert.ok(rules.has(`${prefix}-${n}`), `${prefix}-${n} lost`);
    assert.deepEqual(
      readdirSync(path.join(folder, 'reviews')).filter((name) => name !== 'INSP-07.review.yaml'),
      [],
      'no lock or temporary file is left behind',
    );
  });

  it('a crash between the temporary write and the rename leaves the old file intact', async () => {
    mkdirSync(path.join(folder, 'reviews'));
    const file = path.join(folder, 'reviews', 'INSP-07.review.yaml');
    const before = review('INSP-07', 'inspector', '  NM-1:', '    advice-given: { confirmed: true }');
    writeFileSync(file, before);
    assert.equal(await run(folder, 'x', '0', 'crash'), -1);
    assert.equal(readFileSync(file, 'utf8'), before);
  });

  it('takes over a lock left by a writer that died', async () => {
    mkdirSync(path.join(folder, 'reviews'));
    const file = path.join(folder, 'reviews', 'INSP-07.review.yaml');
    writeFileSync(`${file}.lock`, '99999\n');
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${file}.lock`, old, old);
    await recordReview(folder, INSPECTOR, 'NM-1', 'advice-given', { confirmed: true, at: '2026-11-30T09:00:00Z' });
    assert.ok(!existsSync(`${file}.lock`));
    const parsed = parseReviewFile(readFileSync(file, 'utf8'), file);
    assert.deepEqual(
      parsed.entries.map((entry) => entry.rule),
      ['advice-given'],
    );
  });
});
