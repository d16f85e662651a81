import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { iteratePeel2017Records, PEEL_2017_FILE_REVIEW, recordFile, manifestText } from '../../scripts/generator';
import type { Breakdown, RuleRow, SamplesJson } from '../../src/report';
import { runCliCapturing } from './helpers';

/**
 * Held out: HMICFRS PEEL 2017, Figure 15 (seed 001, L1523–1531) — 2,700 case files, 978 of them with
 * a domestic abuse element: effective investigation 77% (domestic abuse 83%), good victim care 84%
 * (87%), appropriate or effective supervision 62% (72%). A generated 2,700-file sample, reviewers'
 * answers recorded so as to give those shares, must come back through the CLI with those figures.
 */
const FIGURE_15 = {
  'peel17-effective-investigation': { all: 0.77, domestic: 0.83, pass: 'effective', fail: 'not_effective' },
  'peel17-good-victim-care': { all: 0.84, domestic: 0.87, pass: 'good', fail: 'not_good' },
  'peel17-supervision-quality': { all: 0.62, domestic: 0.72, pass: 'appropriate', fail: 'limited' },
} as const;

describe('PEEL 2017 Figure 15 reproduced from 2,700 files with recorded judgments', function () {
  this.timeout(300_000);
  let folder: string;
  let json: SamplesJson;
  let domesticFiles = 0;
  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'dipsample-figure15-'));
    const { manifest, records } = iteratePeel2017Records({ ...PEEL_2017_FILE_REVIEW, count: 2700, seed: 2017_15 });
    writeFileSync(path.join(folder, 'sample.yaml'), manifestText({ ...manifest, size: 2700 }));
    const references: Array<{ reference: string; domestic: boolean }> = [];
    for (const generated of records) {
      const file = recordFile(generated);
      writeFileSync(path.join(folder, file.name), file.text);
      references.push({ reference: generated.record.reference, domestic: generated.record.domestic_abuse === true });
    }
    const domestic = references.filter((file) => file.domestic);
    const other = references.filter((file) => !file.domestic);
    domesticFiles = domestic.length;
    // Per criterion: round(share × files) passes among domestic abuse files, and as many among the
    // others as make the national share come out; the rest fail.
    const answers = new Map<string, string[]>();
    for (const [rule, figure] of Object.entries(FIGURE_15)) {
      const domesticPasses = Math.round(figure.domestic * domestic.length);
      const otherPasses = Math.round(figure.all * references.length) - domesticPasses;
      for (const [files, passes] of [
        [domestic, domesticPasses],
        [other, otherPasses],
      ] as const)
        files.forEach((file, index) => {
          const lines = answers.get(file.reference) ?? [];
          answers.set(file.reference, lines);
          lines.push(`    ${rule}: { answer: ${index < passes ? figure.pass : figure.fail} }`);
        });
    }
    mkdirSync(path.join(folder, 'reviews'));
    writeFileSync(
      path.join(folder, 'reviews', 'HMICFRS.review.yaml'),
      [
        'format: dipsample-review/1',
        'reviewer: { id: HMICFRS, name: Synthetic file review, role: inspector }',
        'files:',
        ...[...answers].flatMap(([reference, lines]) => [`  ${reference}:`, ...lines]),
        '',
      ].join('\n'),
    );
    const run = await runCliCapturing(['report', '.', '--format', 'json'], folder);
    assert.equal(run.status, 0, run.stderr);
    json = JSON.parse(run.stdout) as SamplesJson;
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  const passedPercent = (counts: Pick<RuleRow, 'failed' | 'passed'>) =>
    Math.round((100 * counts.passed) / (counts.passed + counts.failed));

  it('all 2,700 files: 77% effective investigation, 84% good victim care, 62% appropriate or effective supervision', () => {
    const sample = json.samples[0];
    assert.equal(sample.files, 2700);
    for (const [rule, figure] of Object.entries(FIGURE_15)) {
      const row = sample.rules.find((candidate) => candidate.rule === rule)!;
      assert.equal(row.passed + row.failed, 2700, `${rule} decided on every file`);
      assert.equal(row.awaitingJudgment, 0);
      assert.equal(passedPercent(row), Math.round(100 * figure.all), rule);
    }
  });

  it('files with a domestic abuse element: 83%, 87%, 72%', () => {
    assert.ok(domesticFiles > 700 && domesticFiles < 1300, `${domesticFiles} domestic abuse files (978 in the review)`);
    const breakdown = json.samples[0].breakdowns.find((candidate: Breakdown) => candidate.id === 'domesticAbuse')!;
    const group = breakdown.groups.find((candidate) => candidate.labels[0] === 'domestic abuse')!;
    assert.equal(group.files, domesticFiles);
    for (const [rule, figure] of Object.entries(FIGURE_15))
      assert.equal(passedPercent(group.rules[rule]), Math.round(100 * figure.domestic), rule);
  });
});
