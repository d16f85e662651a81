import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseReviewFile, type FileReport, type RuleSet } from '../../src/engine';
import {
  AGREEMENT_FORMATS,
  agreementReport,
  cohenKappa,
  krippendorffAlpha,
  type AgreementReport,
} from '../../src/report';
import { lines, REPO_ROOT, runCliCapturing } from './helpers';

const close = (actual: number | null | undefined, expected: number, digits = 4, what = '') => {
  assert.ok(actual !== null && actual !== undefined, `${what}: no value`);
  assert.ok(Math.abs(actual - expected) < 10 ** -digits, `${what}: ${actual} ≠ ${expected}`);
};

describe("agreement statistics: Cohen's kappa and Krippendorff's alpha, checked against hand-computed values", () => {
  it('kappa of a 2 × 2 table, with the Fleiss–Cohen–Everitt standard error worked by hand', () => {
    // 50 items: key yes / rater yes 20, yes/no 5, no/yes 10, no/no 15.
    // po = 35/50 = .7; rows (key) .5/.5, columns (rater) .6/.4; pe = .5·.6 + .5·.4 = .5; κ = (.7 − .5)/.5 = .4.
    // var = [ .4(1 − 1.1·.6)² + .3(1 − .9·.6)² + .6²(.1(.6+.5)² + .2(.4+.5)²) − (.4 − .5·.6)² ] / (50 · .5²)
    //     = [ .04624 + .06348 + .36 · .283 − .01 ] / 12.5 = .2016 / 12.5 = .016128; SE = .126996
    const result = cohenKappa([
      [20, 5],
      [10, 15],
    ]);
    close(result?.observed, 0.7, 9, 'po');
    close(result?.chance, 0.5, 9, 'pe');
    close(result?.kappa, 0.4, 9, 'kappa');
    close(result?.standardError, Math.sqrt(0.016128), 9, 'SE');
    close(result?.interval?.low, 0.4 - 1.959964 * 0.1269961, 5, 'low');
    close(result?.interval?.high, 0.4 + 1.959964 * 0.1269961, 5, 'high');
  });

  it('kappa of a 3 × 3 table (Fleiss, Levin & Paik’s diagnoses: κ = .676)', () => {
    // Proportions ×100: po = .75 + .04 + .10 = .89; rows .80/.10/.10, columns .80/.05/.15;
    // pe = .64 + .005 + .015 = .66; κ = .23 / .34 = .67647.
    const result = cohenKappa([
      [75, 1, 4],
      [5, 4, 1],
      [0, 0, 10],
    ]);
    close(result?.observed, 0.89, 9);
    close(result?.chance, 0.66, 9);
    close(result?.kappa, 0.23 / 0.34, 9);
    assert.ok(result!.interval!.low < 0.676 && result!.interval!.high > 0.676);
  });

  it('degenerate tables: empty, one value each side, perfect, total disagreement, one side constant', () => {
    assert.equal(cohenKappa([]), undefined);
    assert.equal(cohenKappa([[0]]), undefined);
    const single = cohenKappa([[8]])!;
    assert.equal(single.kappa, null, 'pe = 1: kappa undefined');
    assert.equal(single.observed, 1);
    assert.equal(single.chance, 1);
    assert.equal(single.interval, null);
    const perfect = cohenKappa([
      [3, 0],
      [0, 5],
    ])!;
    assert.equal(perfect.kappa, 1);
    assert.equal(perfect.interval, null, 'a zero standard error gives no interval');
    const opposite = cohenKappa([
      [0, 5],
      [5, 0],
    ])!;
    close(opposite.kappa, -1, 9, 'po 0, pe .5');
    // The rater says "passed" every time; the key failed 1 of 8: po = pe = 7/8, κ = 0.
    const constant = cohenKappa([
      [0, 1],
      [0, 7],
    ])!;
    close(constant.kappa, 0, 9);
    assert.equal(constant.interval, null);
  });

  it("Krippendorff's alpha, nominal: his 2011 worked example (4 observers, 12 units, missing values) is .743", () => {
    // Krippendorff (2011), "Computing Krippendorff's alpha-reliability", section C; "." is missing.
    const data = [
      '1 2 3 3 2 1 4 1 2 . . .',
      '1 2 3 3 2 2 4 1 2 5 . 3',
      '. 3 3 3 2 3 4 2 2 5 1 .',
      '1 2 3 3 2 4 4 1 2 5 1 .',
    ].map((row) => row.split(' '));
    const units = data[0].map((_, unit) => data.map((row) => row[unit]).filter((value) => value !== '.'));
    const { alpha, units: pairable } = krippendorffAlpha(units);
    assert.equal(pairable, 11, 'unit 12 has one value: not pairable');
    close(alpha, 0.743, 3);
    // By hand, his coincidence matrix: margins n_c = 9, 13, 10, 5, 3 (n = 40); off-diagonal o sums to 8;
    // Σ n_c·n_k (c ≠ k) = 40² − (81 + 169 + 100 + 25 + 9) = 1216; alpha = 1 − 39 · 8 / 1216 = .74342.
    close(alpha, 1 - (39 * 8) / 1216, 9);
  });

  it('alpha: undefined without variation or pairs, 1 for perfect agreement, and order-free', () => {
    assert.equal(krippendorffAlpha([]).alpha, null);
    assert.equal(krippendorffAlpha([['a'], ['b']]).alpha, null, 'no unit has two values');
    assert.equal(
      krippendorffAlpha([
        ['a', 'a'],
        ['a', 'a'],
      ]).alpha,
      null,
      'one value only',
    );
    assert.equal(
      krippendorffAlpha([
        ['a', 'a'],
        ['b', 'b'],
      ]).alpha,
      1,
    );
    assert.equal(
      krippendorffAlpha([
        ['a', 'b'],
        ['b', 'b', 'a'],
      ]).alpha,
      krippendorffAlpha([
        ['b', 'a'],
        ['a', 'b', 'b'],
      ]).alpha,
    );
  });
});

/** A fake rule set of one machine check and one judgment criterion. */
const RULES = {
  rules: [
    {
      id: 'check',
      declaration: { id: 'check', title: 'A check', source: [{ report: 'R', paragraph: '1.1', quote: 'Q' }] },
    },
    {
      id: 'judge',
      declaration: {
        id: 'judge',
        title: 'A judgment',
        source: [],
        judgment: {
          question: '?',
          scale: [
            { value: 'good', outcome: 'passed' },
            { value: 'bad', outcome: 'failed' },
          ],
        },
      },
    },
  ],
} as unknown as RuleSet;

const file = (reference: string, check: string, reviewed?: string): FileReport => ({
  path: `${reference}.crime.yaml`,
  reference,
  findings: [],
  results: [
    {
      rule: 'check',
      outcome: (reviewed ?? check) as 'passed',
      ...(reviewed ? { machineOutcome: check as 'passed' } : {}),
    },
    { rule: 'judge', outcome: 'awaitingJudgment' },
  ],
  syntaxError: false,
  schemaError: false,
});

const reviewText = (id: string, role: string, extra: string[], ...body: string[]) =>
  lines('format: dipsample-review/1', `reviewer: { id: ${id}, role: ${role} }`, ...extra, 'files:', ...body);

describe('agreementReport: raters against a key', () => {
  // Machine: F1 passed, F2 failed, F3 passed (the key overrode F3 to failed), F4 notApplicable.
  const reports = [
    file('F1', 'passed'),
    file('F2', 'failed'),
    file('F3', 'passed', 'failed'),
    file('F4', 'notApplicable'),
  ];
  const key = parseReviewFile(
    reviewText(
      'KEY',
      'trainer',
      [],
      '  F1: { judge: { answer: good, note: Clear plan. } }',
      '  F2: { judge: { answer: bad, note: No plan at all. } }',
      '  F3: { check: { outcome: failed, note: The review was by the OIC. }, judge: { answer: bad } }',
    ),
    'reviews/KEY.review.yaml',
  );
  const trainee = parseReviewFile(
    reviewText(
      'TRN-1',
      'trainee',
      ['submitted: 2026-12-01T10:00:00Z'],
      '  F1: { check: { confirmed: true }, judge: { answer: good } }',
      '  F2: { check: { outcome: passed, note: Looks fine. }, judge: { answer: good } }',
      '  F3: { check: { outcome: passed }, judge: { answer: bad } }',
      '  F4: { judge: { answer: off-the-scale } }',
    ),
    'reviews/TRN-1.review.yaml',
  );
  const report: AgreementReport = agreementReport({
    sample: { folder: 'sample' },
    reviews: [key, trainee],
    reports,
    ruleSets: [RULES],
    key: 'KEY',
  });
  const rater = report.raters[0];
  const check = rater.criteria.find((criterion) => criterion.rule === 'check')!;
  const judge = rater.criteria.find((criterion) => criterion.rule === 'judge')!;

  it('counts n as files where both have a value, the machine standing in for the key on checks', () => {
    assert.equal(report.key, 'KEY');
    assert.deepEqual(
      report.raters.map((r) => r.reviewer),
      ['TRN-1'],
      'the key is not a rater',
    );
    // Key on the check: F1 passed (machine), F2 failed (machine), F3 failed (own), F4 notApplicable (machine).
    // Trainee: F1 passed (confirmed = machine's), F2 passed, F3 passed, F4 none → n 3, agreed 1, 1 unmarked.
    assert.equal(check.n, 3);
    assert.equal(check.agreed, 1);
    assert.equal(check.unmarked, 1);
    // Judgment: key F1 good, F2 bad, F3 bad; trainee good, good, bad (F4 off the scale: no value).
    assert.equal(judge.n, 3);
    assert.equal(judge.agreed, 2);
    assert.equal(judge.unmarked, 0);
  });

  it('gives the confusion matrix (key rows × rater columns), kappa and the Wilson interval', () => {
    assert.deepEqual(check.matrix, {
      categories: ['passed', 'failed'],
      counts: [
        [1, 0],
        [2, 0],
      ],
    });
    // The rater said passed every time: po = pe = 1/3, κ = 0.
    close(check.kappa, 0, 9);
    assert.deepEqual(judge.matrix, {
      categories: ['good', 'bad'],
      counts: [
        [1, 0],
        [1, 1],
      ],
    });
    // po = 2/3; rows good 1/3, bad 2/3; columns good 2/3, bad 1/3; pe = 2/9 + 2/9 = 4/9; κ = (2/3 − 4/9)/(5/9) = .4.
    close(judge.kappa, 0.4, 9);
    close(judge.chanceAgreement, 4 / 9, 9);
    close(judge.percent, 66.6667, 3);
    // Wilson 2 of 3: centre (2/3 + 1.9208/3)/(1 + 3.8415/3) …: 20.8–93.9.
    close(judge.interval?.low, 20.77, 1);
    close(judge.interval?.high, 93.85, 1);
  });

  it('pools every criterion into the rater’s score, and lists what was missed with the key’s note and source', () => {
    assert.equal(rater.overall.n, 6);
    assert.equal(rater.overall.agreed, 3);
    assert.equal(rater.overall.marked, 6);
    assert.equal(rater.overall.keyed, 7);
    assert.equal(rater.submitted, '2026-12-01T10:00:00Z');
    close(rater.overall.meanKappa, 0.2, 9);
    const missed = report.missed.map((mark) => `${mark.reference} ${mark.rule} ${mark.key}/${mark.keySource}`);
    assert.deepEqual(
      missed.sort(),
      ['F2 check failed/machine', 'F2 judge bad/answer', 'F3 check failed/outcome'].sort(),
    );
    const f3 = report.missed.find((mark) => mark.reference === 'F3')!;
    assert.equal(f3.keyNote, 'The review was by the OIC.');
    assert.equal(f3.source[0].paragraph, '1.1');
    const f2 = check.disagreements.find((disagreement) => disagreement.reference === 'F2')!;
    assert.equal(f2.note, 'Looks fine.');
  });

  it('says in its notes what is missing: no key file, a review file it could not use, not submitted yet', () => {
    const broken = parseReviewFile('format: [', 'reviews/BROKEN.review.yaml');
    const noKey = agreementReport({
      sample: { folder: 'sample' },
      reviews: [trainee, broken],
      reports,
      ruleSets: [RULES],
      key: 'NOBODY',
    });
    assert.ok(noKey.notes.some((note) => note.includes('No review file of NOBODY')));
    assert.ok(noKey.notes.some((note) => note.includes('BROKEN.review.yaml could not be used')));
    const draft = parseReviewFile(
      reviewText('TRN-2', 'trainee', [], '  F1: { judge: { answer: good } }'),
      'reviews/TRN-2.review.yaml',
    );
    const withDraft = agreementReport({
      sample: { folder: 's' },
      reviews: [key, draft],
      reports,
      ruleSets: [RULES],
      key: 'KEY',
    });
    assert.equal(withDraft.raters[0].submitted, null);
    assert.ok(withDraft.notes.some((note) => note.includes('TRN-2 has not submitted yet')));
  });

  it('without a key: no per-rater criteria, pairwise agreement and alpha among the raters', () => {
    const second = parseReviewFile(
      reviewText('INSP-2', 'inspector', [], '  F1: { judge: { answer: good } }', '  F2: { judge: { answer: bad } }'),
      'reviews/INSP-2.review.yaml',
    );
    const moderation = agreementReport({ sample: { folder: 's' }, reviews: [key, second], reports, ruleSets: [RULES] });
    assert.equal(moderation.key, null);
    assert.deepEqual(
      moderation.raters.map((r) => [r.reviewer, r.criteria.length]),
      [
        ['INSP-2', 0],
        ['KEY', 0],
      ],
    );
    assert.equal(moderation.pairs.length, 1);
    assert.equal(moderation.pairs[0].n, 2);
    assert.equal(moderation.pairs[0].agreed, 2);
    const judgeAlpha = moderation.criteria.find((criterion) => criterion.rule === 'judge')!;
    assert.equal(judgeAlpha.alphaUnits, 2);
    assert.equal(judgeAlpha.alpha, 1);
    assert.deepEqual(moderation.missed, []);
  });
});

describe('dipsample agreement (CLI) on the bundled training sample', function () {
  this.timeout(120_000);
  const SAMPLE = path.join(REPO_ROOT, 'samples', 'training-basics');

  it('prints the JSON contract: key, raters[].reviewer, criteria[].{rule, n, agreed, kappa}', async () => {
    const run = await runCliCapturing(['agreement', SAMPLE, '--key', 'TRAINER', '--format', 'json'], REPO_ROOT);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as AgreementReport;
    assert.equal(report.key, 'TRAINER');
    assert.deepEqual(
      report.raters.map((rater) => rater.reviewer),
      ['TRAINEE-A', 'TRAINEE-B'],
    );
    const a = report.raters[0];
    const plan = a.criteria.find((criterion) => criterion.rule === 'investigation-plan-present')!;
    // Key: failed on TRAIN-02 and -03, passed on the other six; TRAINEE-A passed TRAIN-03.
    // po = 7/8; rows failed 2/8, passed 6/8; columns failed 1/8, passed 7/8; pe = 2/64 + 42/64; κ = (56 − 44)/(64 − 44) = .6.
    assert.equal(plan.n, 8);
    assert.equal(plan.agreed, 7);
    close(plan.kappa, 0.6, 9);
    assert.deepEqual(plan.matrix, {
      categories: ['passed', 'failed'],
      counts: [
        [6, 0],
        [1, 1],
      ],
    });
    assert.equal(a.overall.n, 32);
    assert.equal(a.overall.agreed, 30);
    const b = report.raters[1];
    assert.equal(b.overall.marked, 31);
    assert.equal(b.criteria.find((criterion) => criterion.rule === 'advice-given')!.unmarked, 1);
    // The clock-change file is the one both trainees missed: first in the feedback, with the key's reason.
    assert.equal(report.missed[0].reference, 'TRAIN-07');
    assert.equal(report.missed[0].missedBy.length, 2);
    assert.match(report.missed[0].keyNote ?? '', /clocks went back/);
    assert.match(report.missed[0].source[0].quote, /quickly the crime was filed/);
  });

  it('renders text, CSV, Markdown and HTML from the same report', async () => {
    const text = await runCliCapturing(['agreement', SAMPLE, '--key', 'TRAINER'], REPO_ROOT);
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /TRAINEE-A .*submitted 2026-11-30T10:05:00Z/);
    assert.match(text.stdout, /overall {2}93\.8% \(79\.9–98\.3\), 30 of 32/);
    assert.match(
      text.stdout,
      /Most often missed\n {2}TRAIN-07\.crime\.yaml \(TRAIN-07\) · filed-within-24h: key passed — missed by 2 of 2/,
    );
    const csv = await runCliCapturing(['agreement', SAMPLE, '--key', 'TRAINER', '--format', 'csv'], REPO_ROOT);
    const rows = csv.stdout.trim().split('\n');
    assert.equal(
      rows[0].split(',').slice(0, 10).join(','),
      'key,reviewer,name,role,submitted,rule,title,kind,n,agreed',
    );
    assert.equal(rows.length, 1 + 2 * 4);
    const markdown = await runCliCapturing(
      ['agreement', SAMPLE, '--key', 'TRAINER', '--format', 'markdown'],
      REPO_ROOT,
    );
    assert.match(markdown.stdout, /^# Agreement with the answer key TRAINER/);
    assert.match(markdown.stdout, /\| Key \\\\ rater \| passed \| failed \|/);
    const html = await runCliCapturing(['agreement', SAMPLE, '--key', 'TRAINER', '--format', 'html'], REPO_ROOT);
    assert.match(html.stdout, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
    assert.match(html.stdout, /Confusion matrix, Investigation plan/);
  });

  it('without --key: alpha per criterion and every pair of raters', async () => {
    const run = await runCliCapturing(['agreement', SAMPLE, '--format', 'json'], REPO_ROOT);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as AgreementReport;
    assert.equal(report.key, null);
    assert.deepEqual(
      report.pairs.map((pair) => `${pair.a}–${pair.b}`),
      ['TRAINEE-A–TRAINEE-B', 'TRAINEE-A–TRAINER', 'TRAINEE-B–TRAINER'],
    );
    assert.ok(report.criteria.every((criterion) => 'alpha' in criterion));
  });

  it('an unknown key is a usage error naming the reviewers; a broken review file is noted and exits 3', async () => {
    const unknown = await runCliCapturing(['agreement', SAMPLE, '--key', 'NOBODY'], REPO_ROOT);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /no review file of NOBODY .*reviewers: .*TRAINER/);
    assert.equal(unknown.stdout, '');

    const folder = mkdtempSync(path.join(tmpdir(), 'dipsample-agreement-'));
    try {
      cpSync(SAMPLE, folder, { recursive: true });
      mkdirSync(path.join(folder, 'reviews'), { recursive: true });
      writeFileSync(
        path.join(folder, 'reviews', 'TRAINEE-C.review.yaml'),
        lines(
          'format: dipsample-review/1',
          'reviewer: { id: TRAINEE-C, role: trainee }',
          'files:',
          '  TRAIN-01: { advice-given: { answer: yes } }',
        ),
      );
      const run = await runCliCapturing(['agreement', '.', '--key', 'TRAINER', '--format', 'json'], folder);
      assert.equal(run.status, 3, run.stderr);
      assert.match(run.stderr, /review file problem \(entry not counted\): reviews\/TRAINEE-C\.review\.yaml:4:/);
      const report = JSON.parse(run.stdout) as AgreementReport;
      assert.ok(report.notes.some((note) => note.includes('TRAINEE-C.review.yaml:4')));
      assert.equal(report.raters.find((rater) => rater.reviewer === 'TRAINEE-C')?.overall.n, 0);
      // -o writes the file and refuses to overwrite it without --force.
      const out = path.join(folder, 'agreement.md');
      assert.equal(
        (await runCliCapturing(['agreement', '.', '-k', 'TRAINER', '-f', 'markdown', '-o', out], folder)).status,
        3,
      );
      assert.match(readFileSync(out, 'utf8'), /^# Agreement/);
      const again = await runCliCapturing(['agreement', '.', '-k', 'TRAINER', '-o', out], folder);
      assert.equal(again.status, 2);
      assert.match(again.stderr, /already exists/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('every format is in the registry', () => {
    assert.deepEqual(Object.keys(AGREEMENT_FORMATS), ['text', 'json', 'csv', 'markdown', 'html']);
  });
});
