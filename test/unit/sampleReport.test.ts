import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import type { FileReport } from '../../src/engine';
import { overviewOf, sampleInfo, sampleReport, SampleTally, summarize, wilsonInterval } from '../../src/report';
import { REPO_ROOT, auditFolder } from './helpers';

const SAMPLE = path.join(REPO_ROOT, 'samples', 'hmic-2014-northmoor');

describe('Wilson interval', () => {
  it('matches published values', () => {
    // 34 of 50 (HMIC's unattended files with no investigation): 54.2%–79.2% (Wilson, 95%).
    const i = wilsonInterval(34, 50)!;
    assert.equal(i.low.toFixed(1), '54.2');
    assert.equal(i.high.toFixed(1), '79.2');
    // 1 of 10: 1.8%–40.4%.
    const j = wilsonInterval(1, 10)!;
    assert.equal(j.low.toFixed(1), '1.8');
    assert.equal(j.high.toFixed(1), '40.4');
  });

  it('stays inside 0–100 at the extremes and is undefined for n = 0', () => {
    const none = wilsonInterval(0, 20)!;
    assert.equal(none.low, 0);
    assert.ok(none.high > 10 && none.high < 20, `${none.high}`);
    const all = wilsonInterval(20, 20)!;
    assert.equal(all.high, 100);
    assert.ok(all.low > 80 && all.low < 90, `${all.low}`);
    assert.equal(wilsonInterval(0, 0), undefined);
  });
});

describe('sample tally (incremental summary)', () => {
  it('equals a summary from scratch after adds, replacements and removals', async () => {
    const { reports, ruleSets } = await auditFolder(SAMPLE);
    assert.ok(reports.length >= 10);
    const tally = new SampleTally(ruleSets);
    for (const report of reports) tally.set(report);
    assert.deepEqual(tally.summary(), summarize(reports, ruleSets));

    // Replace one report with a copy whose outcomes all failed, remove another.
    const changed: FileReport = {
      ...reports[0],
      results: reports[0].results.map((r) => ({ ...r, outcome: 'failed' as const })),
    };
    tally.set(changed);
    tally.delete(reports[1].path);
    const expected = summarize([changed, ...reports.slice(2)], ruleSets);
    assert.deepEqual(tally.summary(), expected);
    assert.equal(tally.size, reports.length - 1);
    assert.equal(tally.delete('/not/there.crime.yaml'), false);

    // Breakdowns from the incremental tally equal those of a fresh one.
    const fresh = new SampleTally(ruleSets);
    for (const report of [changed, ...reports.slice(2)]) fresh.set(report);
    assert.deepEqual(tally.breakdowns(), fresh.breakdowns());
    assert.equal(tally.withFindings, fresh.withFindings);
  });

  it('cuts by category × attendance and by domestic abuse, counting every file once per breakdown', async () => {
    const { reports, ruleSets } = await auditFolder(SAMPLE);
    const tally = new SampleTally(ruleSets);
    for (const report of reports) tally.set(report);
    const [byCategory, byDomesticAbuse] = tally.breakdowns();
    assert.equal(byCategory.id, 'categoryAttendance');
    assert.equal(byDomesticAbuse.id, 'domesticAbuse');
    for (const breakdown of [byCategory, byDomesticAbuse]) {
      assert.equal(
        breakdown.groups.reduce((sum, g) => sum + g.files, 0),
        reports.length,
        breakdown.id,
      );
    }
    // Each group's outcomes for a rule equal a count over the files with those labels.
    const rule = 'investigation-plan-present';
    for (const group of byCategory.groups) {
      const members = reports.filter(
        (r) =>
          (r.facts?.category ?? r.facts?.kind ?? 'unreadable') === group.labels[0] &&
          (r.facts?.attendance ?? 'not recorded') === group.labels[1],
      );
      const failed = members.filter((r) => r.results.some((x) => x.rule === rule && x.outcome === 'failed')).length;
      assert.equal(group.rules[rule]?.failed ?? 0, failed, group.labels.join(' × '));
    }
    const da = byDomesticAbuse.groups.find((g) => g.labels[0] === 'domestic abuse');
    assert.equal(da?.files ?? 0, reports.filter((r) => r.facts?.domesticAbuse === true).length);
  });

  it('drops a breakdown group when its last file goes', async () => {
    const { reports, ruleSets } = await auditFolder(SAMPLE);
    const tally = new SampleTally(ruleSets);
    tally.set(reports[0]);
    assert.equal(tally.breakdowns()[0].groups.length, 1);
    tally.delete(reports[0].path);
    assert.deepEqual(
      tally.breakdowns().map((b) => b.groups.length),
      [0, 0],
    );
  });
});

describe('sample report', () => {
  it('gives the manifest header, per-rule shares with intervals, and the files with findings', async () => {
    const { reports, ruleSets, tally, manifest } = await auditFolder(SAMPLE);
    const report = sampleReport(sampleInfo(SAMPLE, manifest, ruleSets), tally);

    assert.equal(report.sample.name, manifest?.name);
    assert.equal(report.sample.folder, SAMPLE);
    assert.ok(report.sample.packs.length > 0);
    assert.equal(report.totals.files, reports.length);
    assert.equal(report.files.length, reports.filter((r) => r.findings.length > 0).length);
    assert.equal(report.totals.filesWithFindings, report.files.length);
    for (const file of report.files) {
      assert.ok(!file.name.includes('\\') && !path.isAbsolute(file.name), file.name);
      assert.ok(file.findings.length > 0);
    }
    assert.deepEqual(
      report.files.map((f) => f.name),
      [...report.files.map((f) => f.name)].sort((a, b) => a.localeCompare(b)),
    );

    for (const row of report.rules) {
      assert.equal(row.applicable, row.failed + row.passed);
      if (row.applicable === 0) {
        assert.equal(row.failedPercent, undefined);
        assert.equal(row.interval, undefined);
      } else {
        assert.equal(row.failedPercent, (100 * row.failed) / row.applicable);
        assert.ok(row.interval!.low <= row.failedPercent! && row.failedPercent! <= row.interval!.high);
      }
    }
    // The overview is the report without its file list.
    const { files: _files, reviews, ...overview } = report;
    assert.deepEqual(reviews, []);
    assert.deepEqual(overviewOf(report.sample, tally), overview);
  });

  it('names a folder without a manifest after the folder', () => {
    const info = sampleInfo('/audits/march/', undefined, []);
    assert.equal(info.name, 'march');
    assert.equal(info.force, undefined);
    assert.deepEqual(info.packs, []);
  });
});
