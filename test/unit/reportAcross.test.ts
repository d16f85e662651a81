import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import type { RuleRow, SamplesJson } from '../../src/report';
import { REPO_ROOT, runCliCapturing } from './helpers';

const UNATTENDED = 'samples/hmic-2014-lancashire-unattended';
const SUSPECTS = 'samples/hmic-2014-lancashire-suspects';
const TRAINING = 'samples/training-basics';

const ruleOf = (rules: RuleRow[], id: string) => rules.find((rule) => rule.rule === id)!;

describe('dipsample report across samples: a row group per sample and the total', function () {
  this.timeout(120_000);
  let json: SamplesJson;
  before(async () => {
    const run = await runCliCapturing(['report', UNATTENDED, SUSPECTS, TRAINING, '--format', 'json'], REPO_ROOT);
    assert.equal(run.status, 0, run.stderr);
    json = JSON.parse(run.stdout) as SamplesJson;
  });

  it('prints the JSON contract: samples[].{path, name, force, rules} in the order given, and total.{files, rules}', () => {
    assert.deepEqual(
      json.samples.map((sample) => [sample.path, sample.force, sample.files]),
      [
        [UNATTENDED, 'Ashcombe Constabulary', 50],
        [SUSPECTS, 'Ashcombe Constabulary', 20],
        [TRAINING, 'Northmoor Constabulary', 8],
      ],
    );
    assert.equal(json.total.files, 78);
    // The Lancashire letter's 34 of 50 with no investigation before filing, as in the single-sample report.
    const unattended = ruleOf(json.samples[0].rules, 'hmic14-investigation-before-filing');
    assert.deepEqual([unattended.failed, unattended.passed], [34, 16]);
    for (const rule of json.total.rules) {
      const counts = json.samples.map((sample) => sample.rules.find((candidate) => candidate.rule === rule.rule));
      const sum = (field: 'failed' | 'passed' | 'notApplicable') =>
        counts.reduce((total, row) => total + (row?.[field] ?? 0), 0);
      assert.deepEqual(
        [rule.failed, rule.passed, rule.notApplicable],
        [sum('failed'), sum('passed'), sum('notApplicable')],
        `total of ${rule.rule} is the sum over the samples`,
      );
    }
    assert.ok(ruleOf(json.total.rules, 'investigation-plan-present'), 'rules of every sample are in the total');
    assert.ok(ruleOf(json.total.rules, 'hmic14-investigation-before-filing'));
  });

  it('every percentage carries n and its 95% interval', () => {
    const row = ruleOf(json.samples[0].rules, 'hmic14-investigation-before-filing');
    assert.equal(row.applicable, 50);
    assert.equal(row.failedPercent, 68);
    assert.deepEqual([row.interval!.low.toFixed(1), row.interval!.high.toFixed(1)], ['54.2', '79.2']);
  });

  it('renders the same groups in Markdown, HTML and CSV', async () => {
    const markdown = await runCliCapturing(['report', UNATTENDED, SUSPECTS, '-f', 'markdown'], REPO_ROOT);
    assert.match(markdown.stdout, /^# Report across 2 samples/);
    assert.match(markdown.stdout, /\| Total \| {2}\| {2}\| 70 \|/);
    assert.match(markdown.stdout, /\| Total \| Evidence of investigation before filing .* \| 34 \| 16 \|/);
    const html = await runCliCapturing(['report', UNATTENDED, SUSPECTS, '-f', 'html'], REPO_ROOT);
    assert.equal((html.stdout.match(/<th scope="rowgroup"/g) ?? []).length, 3, 'two samples and the total');
    const csv = await runCliCapturing(['report', UNATTENDED, SUSPECTS, '-f', 'csv-summary'], REPO_ROOT);
    const lines = csv.stdout.trim().split('\n');
    assert.match(lines[0], /^sample,force,pack,rule,/);
    assert.ok(lines.some((line) => line.startsWith('Total,,')));
    const files = await runCliCapturing(['report', UNATTENDED, SUSPECTS, '-f', 'csv-files'], REPO_ROOT);
    assert.equal(files.stdout.trim().split('\n').length - 1, 70 * json.samples[0].rules.length);
  });

  it('one sample renders exactly as before; a missing folder among several is a usage error', async () => {
    const one = await runCliCapturing(['report', TRAINING], REPO_ROOT);
    assert.match(one.stdout, /^# Training basics: the four core rules/);
    const missing = await runCliCapturing(['report', TRAINING, path.join('samples', 'nowhere')], REPO_ROOT);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /No such folder/);
  });
});

describe('the pass/fail toggle: failed shares (what the tool checks) or passed shares (as inspectorates publish)', function () {
  this.timeout(60_000);
  it('shows the passed share with the complement interval: 6 of 8 passed is 75.0% (40.9–92.9), failed 2 of 8 is 25.0% (7.1–59.1)', async () => {
    const failed = await runCliCapturing(['report', TRAINING], REPO_ROOT);
    assert.match(failed.stdout, /\| % failed \(95% CI\) \|/);
    assert.match(failed.stdout, /\(investigation-plan-present\) \| 2 \| 6 \| 0 \| 0 \| 25\.0% \(7\.1–59\.1\), n=8 \|/);
    const passed = await runCliCapturing(['report', TRAINING, '--share', 'passed'], REPO_ROOT);
    assert.match(passed.stdout, /\| % passed \(95% CI\) \|/);
    assert.match(passed.stdout, /\(investigation-plan-present\) \| 2 \| 6 \| 0 \| 0 \| 75\.0% \(40\.9–92\.9\), n=8 \|/);
    const html = await runCliCapturing(['report', TRAINING, '--share', 'passed', '-f', 'html'], REPO_ROOT);
    assert.match(
      html.stdout,
      /aria-label="Investigation plan with lines of enquiry: 75\.0% passed, 95% CI 40\.9–92\.9%, n=8"/,
    );
    const csv = await runCliCapturing(['report', TRAINING, '-f', 'csv-summary'], REPO_ROOT);
    const [header, first] = csv.stdout.split('\n');
    assert.match(header, /,failed_percent,ci_low,ci_high,.*,passed_percent,passed_ci_low,passed_ci_high$/);
    assert.match(first, /,25\.0,7\.1,59\.1,.*,75\.0,40\.9,92\.9$/);
    const wrong = await runCliCapturing(['report', TRAINING, '--share', 'both'], REPO_ROOT);
    assert.equal(wrong.status, 2);
  });
});

describe('breakdowns by any fact (--by), with subtotals', function () {
  this.timeout(60_000);
  it('cuts by the values of a field path, and by two with a subtotal per first value', async () => {
    const run = await runCliCapturing(
      [
        'report',
        'samples/peel-2017-file-review',
        '--by',
        'domestic_abuse',
        '--by',
        'classification.category,attendance.status',
        '-f',
        'json',
      ],
      REPO_ROOT,
    );
    assert.equal(run.status, 0, run.stderr);
    const json = JSON.parse(run.stdout) as SamplesJson;
    const [sample] = json.samples;
    const byDomestic = sample.breakdowns.find((breakdown) => breakdown.id === 'by:domestic_abuse')!;
    assert.deepEqual(byDomestic.dimensions, ['domestic_abuse']);
    const fixed = sample.breakdowns.find((breakdown) => breakdown.id === 'domesticAbuse')!;
    // The same cut as the built-in domestic abuse breakdown, by the raw values.
    assert.deepEqual(
      byDomestic.groups.map((group) => [group.labels[0], group.files]).sort(),
      fixed.groups.map((group) => [group.labels[0] === 'domestic abuse' ? 'true' : 'false', group.files]).sort(),
    );
    const markdown = await runCliCapturing(
      ['report', 'samples/peel-2017-file-review', '--by', 'classification.category,attendance.status'],
      REPO_ROOT,
    );
    const start = markdown.stdout.indexOf('## By classification.category and attendance.status');
    const section = markdown.stdout.slice(start, markdown.stdout.indexOf('\n## ', start + 1));
    // The groups table comes first; one table per rule follows it.
    const groupsTable = section.slice(section.indexOf('\n|')).split('\n\n')[0];
    const rows = groupsTable.split('\n').filter((line) => line.startsWith('| harassment |'));
    // Each attendance value, then the subtotal of harassment: its files add up.
    const files = rows.map((line) => Number(line.split('|')[3].trim()));
    assert.equal(rows[rows.length - 1].split('|')[2].trim(), 'all');
    assert.equal(
      files[files.length - 1],
      files.slice(0, -1).reduce((a, b) => a + b, 0),
    );
  });
});
