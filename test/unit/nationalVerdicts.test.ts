import { strict as assert } from 'node:assert';
import type { VerdictDeclaration } from '../../src/engine';
import { loadPack } from '../../src/engine/rules/loadPack';
import { comparedWithNational, verdictStatus, verdictSummary, verdictThreshold } from '../../src/report/verdictStatus';
import { verdictStatusText } from '../../src/report/wording';

/**
 * Verdicts against a national figure (issue 15) and count verdicts scaled to the sample's size.
 * Intervals are 95% Wilson score intervals computed by hand (z = 1.96):
 * centre = (p + z²/2n) / (1 + z²/n), half = z / (1 + z²/n) · √(p(1−p)/n + z²/4n²).
 */
const base = { title: 't', rules: ['r'], source: [], pack: 'p', file: 'p.pack.yaml' };
const vulnerability: VerdictDeclaration = { ...base, id: 'v', comparedWith: { failed: 590, of: 2523 } }; // 23.4%
const repeat: VerdictDeclaration = { ...base, id: 'r', comparedWith: { failed: 821, of: 2540 } }; // 32.3%
const suspects: VerdictDeclaration = { ...base, id: 's', unsatisfactoryWhen: { failedFilesAtLeast: 6, ofFiles: 20 } };

describe('verdicts against a national figure', () => {
  it('13 of 50 (26.0%, 95% CI 15.9–39.6) is not distinguishable from 590 of 2,523 (23.4%)', () => {
    const counts = { failedFiles: 13, applicableFiles: 50, awaitingFiles: 0 };
    const summary = verdictSummary(vulnerability, counts);
    assert.equal(summary.status, 'notDistinguishable');
    assert.equal(summary.failedPercent, 26);
    assert.equal(summary.interval!.low.toFixed(1), '15.9');
    assert.equal(summary.interval!.high.toFixed(1), '39.6');
    assert.deepEqual(
      { failed: summary.national!.failed, of: summary.national!.of, percent: summary.national!.percent.toFixed(2) },
      { failed: 590, of: 2523, percent: '23.38' },
    );
    assert.equal(summary.threshold, 'compared with 590 of 2,523 nationally (23.4%)');
    assert.equal(
      verdictStatusText(summary),
      'Not distinguishable from the national figure: 26.0% failed (95% CI 15.9–39.6), n=50, against 23.4% nationally',
    );
  });

  it('40 of 50 (80.0%, 67.0–88.8) is above 821 of 2,540 (32.3%); 2 of 50 (4.0%, 1.1–13.5) is below 590 of 2,523', () => {
    assert.equal(comparedWithNational(40, 50, repeat.comparedWith!), 'above');
    assert.equal(comparedWithNational(2, 50, vulnerability.comparedWith!), 'below');
    // 16 of 50 (32.0%, 20.8–45.8) contains 32.3%.
    assert.equal(comparedWithNational(16, 50, repeat.comparedWith!), 'notDistinguishable');
  });

  it('waits for reviewers only while their answers could change the comparison', () => {
    // 2 failed + 3 awaiting of 50: 2/50 (1.1–13.5) and 5/50 (4.3–21.4) are both below 23.4%.
    assert.equal(verdictStatus(vulnerability, { failedFiles: 2, applicableFiles: 50, awaitingFiles: 3 }), 'below');
    // 2 failed + 10 awaiting: 12/50 (14.3–37.5) would not be distinguishable.
    assert.equal(
      verdictStatus(vulnerability, { failedFiles: 2, applicableFiles: 50, awaitingFiles: 10 }),
      'awaitingJudgment',
    );
    assert.equal(
      verdictStatus(vulnerability, { failedFiles: 0, applicableFiles: 0, awaitingFiles: 0 }),
      'notApplicable',
    );
  });

  it('rejects a national figure with more failures than files examined', () => {
    const { problems } = loadPack(
      [
        'pack: x',
        'title: X',
        'rules:',
        '  - id: r',
        '    title: R',
        '    description: d',
        '    severity: warning',
        '    check: { function: present, options: { path: reference } }',
        '    source: [{ report: R, quote: q }]',
        'verdicts:',
        '  - id: v',
        '    title: V',
        '    rules: [r]',
        '    comparedWith: { failed: 30, of: 20 }',
        '    source: [{ report: R, quote: q }]',
        '',
      ].join('\n'),
      'x.pack.yaml',
    );
    assert.deepEqual(
      problems.map((p) => p.code),
      ['bad-national-figure'],
    );
  });
});

describe('a count verdict set for 20 files', () => {
  it('is applied unchanged on 20 applicable files', () => {
    assert.equal(verdictStatus(suspects, { failedFiles: 6, applicableFiles: 20, awaitingFiles: 0 }), 'unsatisfactory');
    assert.equal(verdictStatus(suspects, { failedFiles: 5, applicableFiles: 20, awaitingFiles: 0 }), 'satisfactory');
    assert.equal(verdictThreshold(suspects, 20), 'unsatisfactory when at least 6 of 20 files fail');
    assert.equal(verdictSummary(suspects, { failedFiles: 5, applicableFiles: 20, awaitingFiles: 0 }).scaled, undefined);
  });

  it('is scaled to 6/20 = 30% on another number of applicable files, and says so', () => {
    // 17 files: 5 × 20 = 100 < 6 × 17 = 102, 6 × 20 = 120 ≥ 102. 40 files: 12 is exactly 30%.
    assert.equal(verdictStatus(suspects, { failedFiles: 5, applicableFiles: 17, awaitingFiles: 0 }), 'satisfactory');
    assert.equal(verdictStatus(suspects, { failedFiles: 6, applicableFiles: 17, awaitingFiles: 0 }), 'unsatisfactory');
    assert.equal(verdictStatus(suspects, { failedFiles: 11, applicableFiles: 40, awaitingFiles: 0 }), 'satisfactory');
    assert.equal(verdictStatus(suspects, { failedFiles: 12, applicableFiles: 40, awaitingFiles: 0 }), 'unsatisfactory');
    const summary = verdictSummary(suspects, { failedFiles: 6, applicableFiles: 17, awaitingFiles: 0 });
    assert.equal(summary.scaled, true);
    assert.equal(
      summary.threshold,
      'unsatisfactory when at least 6 of 20 files fail (scaled to 30% of the 17 applicable files)',
    );
  });
});
