import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { compareReport, newcombeInterval, type CompareReport, type RuleRow, type SampleReport } from '../../src/report';
import { REPO_ROOT, runCliCapturing } from './helpers';

const close = (actual: number | null | undefined, expected: number, digits = 4) => {
  assert.ok(
    actual !== null && actual !== undefined && Math.abs(actual - expected) < 10 ** -digits,
    `${actual} ≠ ${expected}`,
  );
};

describe('Newcombe hybrid score interval for a difference of proportions', () => {
  // Newcombe (1998), Statistics in Medicine 17:873–890, Table II, method 10.
  const published: Array<[number, number, number, number, number, number]> = [
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [6, 7, 2, 7, 0.0582, 0.8062],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [0, 10, 0, 10, -0.2775, 0.2775],
    [10, 10, 0, 20, 0.6791, 1.0],
  ];
  for (const [x1, n1, x2, n2, low, high] of published) {
    it(`${x1}/${n1} − ${x2}/${n2}: ${low} to ${high}`, () => {
      const interval = newcombeInterval(x1, n1, x2, n2)!;
      close(interval.difference, x1 / n1 - x2 / n2, 12);
      close(interval.low, low, 4);
      close(interval.high, high, 4);
    });
  }

  it('is built from the two Wilson intervals, as worked by hand', () => {
    // 56/70 = .8: Wilson centre (.8 + 1.9208/70)/(1 + 3.8415/70) = .78439, half-width .09256 → (.69183, .87695).
    // 48/80 = .6: centre .59542, half-width .10496 → (.49046, .70038).
    // low = .2 − √(.10817² + .10038²) = .2 − .14757 = .05243; high = .2 + √(.07695² + .10954²) = .2 + .13387 = .33387.
    const interval = newcombeInterval(56, 70, 48, 80)!;
    close(interval.low, 0.2 - Math.hypot(0.8 - 0.69183, 0.70038 - 0.6), 4);
    close(interval.high, 0.2 + Math.hypot(0.87695 - 0.8, 0.6 - 0.49046), 4);
  });

  it('is undefined when either sample is empty', () => {
    assert.equal(newcombeInterval(0, 0, 1, 2), undefined);
    assert.equal(newcombeInterval(1, 2, 0, 0), undefined);
  });
});

const row = (rule: string, failed: number, passed: number, extra: Partial<RuleRow> = {}): RuleRow =>
  ({ rule, title: rule, failed, passed, notApplicable: 0, awaitingJudgment: 0, notAudited: 0, ...extra }) as RuleRow;
const report = (force: string, rules: RuleRow[]): SampleReport =>
  ({
    sample: { name: force, force, folder: '/x', packs: [] },
    totals: { files: 100 },
    rules,
  }) as unknown as SampleReport;

describe('compareReport: rule by rule, after − before', () => {
  const compared = compareReport({
    before: {
      path: 'a',
      report: report('Northmoor', [
        row('worse', 20, 80),
        row('better', 60, 40),
        row('same', 30, 70),
        row('gone', 1, 1),
      ]),
    },
    after: {
      path: 'b',
      report: report('Northmoor', [
        row('worse', 45, 55),
        row('better', 30, 70),
        row('same', 34, 66),
        row('new', 2, 2),
        row('none', 0, 0),
      ]),
    },
  });
  const rule = (id: string) => compared.rules.find((candidate) => candidate.rule === id)!;

  it('says worse, better or no distinguishable change from the interval of the difference', () => {
    assert.equal(rule('worse').change, 'worse');
    close(rule('worse').difference, 0.25, 12);
    assert.ok(rule('worse').low! > 0);
    assert.equal(rule('better').change, 'better');
    assert.ok(rule('better').high! < 0);
    assert.equal(rule('same').change, 'unchanged');
    assert.ok(rule('same').low! < 0 && rule('same').high! > 0);
    const interval = newcombeInterval(34, 100, 30, 100)!;
    assert.deepEqual([rule('same').low, rule('same').high], [interval.low, interval.high]);
  });

  it('shares are fractions with their Wilson intervals; a rule run on one side only is not comparable, and noted', () => {
    assert.equal(rule('worse').before!.share, 0.2);
    close(rule('worse').before!.low, 0.1333, 4);
    assert.equal(rule('gone').after, null);
    assert.equal(rule('gone').change, 'notComparable');
    assert.equal(rule('new').before, null);
    assert.equal(rule('none').change, 'notComparable');
    assert.equal(rule('none').after!.share, null);
    assert.deepEqual(
      compared.rules.map((candidate) => candidate.rule),
      ['worse', 'better', 'same', 'new', 'none', 'gone'],
    );
    assert.ok(compared.notes.some((note) => note.includes('earlier sample only') && note.includes('gone')));
    assert.ok(compared.notes.some((note) => note.includes('later sample only') && note.includes('new')));
  });
});

describe('dipsample compare (CLI)', function () {
  this.timeout(120_000);
  const SAMPLE = path.join(REPO_ROOT, 'samples', 'training-basics');
  let root: string;
  before(() => {
    // "Last year": the training sample; "this year": the same with a plan on the two files that had none.
    root = mkdtempSync(path.join(tmpdir(), 'dipsample-compare-'));
    cpSync(SAMPLE, path.join(root, 'before'), { recursive: true });
    cpSync(SAMPLE, path.join(root, 'after'), { recursive: true });
    // The answer key (a trainer's review file) would keep failing them: this year has no reviews yet.
    rmSync(path.join(root, 'after', 'reviews'), { recursive: true });
    const good = readFileSync(path.join(SAMPLE, 'TRAIN-01.crime.yaml'), 'utf8');
    for (const reference of ['TRAIN-02', 'TRAIN-03'])
      writeFileSync(
        path.join(root, 'after', `${reference}.crime.yaml`),
        good.replace('reference: TRAIN-01', `reference: ${reference}`),
      );
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('prints the JSON contract: rules[].{rule, before, after, difference, low, high}, shares as fractions', async () => {
    const run = await runCliCapturing(['compare', 'before', 'after', '--format', 'json'], root);
    assert.equal(run.status, 0, run.stderr);
    const compared = JSON.parse(run.stdout) as CompareReport;
    const plan = compared.rules.find((rule) => rule.rule === 'investigation-plan-present')!;
    assert.equal(plan.before!.failed, 2);
    assert.equal(plan.before!.passed, 6);
    assert.equal(plan.before!.share, 0.25);
    assert.equal(plan.after!.failed, 0);
    assert.equal(plan.difference, -0.25);
    const interval = newcombeInterval(0, 8, 2, 8)!;
    assert.equal(plan.low, interval.low);
    assert.equal(plan.high, interval.high);
    assert.equal(plan.change, 'unchanged', '8 files cannot tell 25% from 0%');
    const supervision = compared.rules.find((rule) => rule.rule === 'supervision-recorded')!;
    assert.equal(supervision.difference, 0);
  });

  it('renders text, Markdown and HTML; a missing folder is a usage error', async () => {
    // Wilson 0/8 = (0, .3244), 2/8 = (.0715, .5907): low = −.25 − √(0² + (.5907 − .25)²) = −.5907;
    // high = −.25 + √(.3244² + (.25 − .0715)²) = −.25 + .3703 = +.1203.
    const text = await runCliCapturing(['compare', 'before', 'after'], root);
    assert.match(
      text.stdout,
      /investigation-plan-present +25\.0% \(7\.1–59\.1\), 2 of 8 +0\.0% \(0\.0–32\.4\), 0 of 8 +−25\.0 points \(−59\.1 to \+12\.0\): no distinguishable change/,
    );
    const markdown = await runCliCapturing(['compare', 'before', 'after', '-f', 'markdown'], root);
    assert.match(markdown.stdout, /^# Training basics.* compared with Training basics/);
    const html = await runCliCapturing(['compare', 'before', 'after', '-f', 'html'], root);
    assert.match(html.stdout, /<td class="change-unchanged">no distinguishable change<\/td>/);
    const missing = await runCliCapturing(['compare', 'before', 'nowhere'], root);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /No such folder: nowhere/);
  });
});
