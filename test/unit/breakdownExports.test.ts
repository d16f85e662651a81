import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { parse as parseCsvText } from 'csv-parse/sync';
import {
  BREAKDOWN_COLUMNS,
  breakdownRuleTables,
  breakdownsCsv,
  REPORT_FORMATS,
  sampleInfo,
  sampleReport,
  type Breakdown,
  type RuleRow,
  type SampleOverview,
  type SampleReport,
} from '../../src/report';
import { sampleHtml } from '../../src/report/formats/html';
import { sampleMarkdown } from '../../src/report/formats/markdown';
import { REPO_ROOT, auditFolder } from './helpers';

const LANCASHIRE = path.join(REPO_ROOT, 'samples', 'hmic-2014-lancashire-unattended');

function records(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsvText(text) as string[][];
  assert.deepEqual(header, [...BREAKDOWN_COLUMNS]);
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]])));
}

const rule = (id: string, failed: number, passed: number, interval?: { low: number; high: number }): RuleRow =>
  ({
    pack: 'core',
    rule: id,
    title: `Title of ${id}`,
    severity: 'warning',
    judgment: false,
    failed,
    passed,
    notApplicable: 0,
    awaitingJudgment: 0,
    notAudited: 0,
    applicable: failed + passed,
    ...(failed + passed > 0 ? { failedPercent: (100 * failed) / (failed + passed), interval } : {}),
  }) as unknown as RuleRow;

// Ten files: burglary attended 4 (plan failed 1 of 4), burglary not attended 3 (2 of 3), theft not
// attended 3 (0 of 3); `never` applied to no file. Intervals below are Wilson's, worked by hand
// (z = 1.96): 1/4 → 4.6–69.9, 2/3 → 20.8–93.9, 3/7 → 15.8–75.0, 0/3 → 0.0–56.1, 3/10 → 10.8–60.3.
const BREAKDOWN: Breakdown = {
  id: 'categoryAttendance',
  title: 'By crime category and attendance',
  dimensions: ['Category', 'Attendance'],
  groups: [
    {
      labels: ['burglary_dwelling', 'attended'],
      files: 4,
      filesFailingAny: 1,
      rules: { plan: { failed: 1, passed: 3 } },
    },
    {
      labels: ['burglary_dwelling', 'not_attended'],
      files: 3,
      filesFailingAny: 2,
      rules: { plan: { failed: 2, passed: 1 } },
    },
    {
      labels: ['theft_from_vehicle', 'not_attended'],
      files: 3,
      filesFailingAny: 0,
      rules: { plan: { failed: 0, passed: 3 } },
    },
  ] as unknown as Breakdown['groups'],
};
const RULES = [rule('plan', 3, 7, { low: 10.7789, high: 60.3226 }), rule('never', 0, 0)];
const OVERVIEW = {
  sample: { name: 'Hand-made', folder: '/force/sample', packs: ['core'] },
  rules: RULES,
  breakdowns: [BREAKDOWN],
} as unknown as SampleOverview;

describe('breakdowns in long format (one row per group × rule, one table per rule)', () => {
  it('csv-breakdowns: one row per breakdown group × rule, with hand-checked shares and Wilson intervals', () => {
    const rows = records(breakdownsCsv(OVERVIEW));
    // 3 groups + the burglary subtotal + all files, × 2 rules; theft has one group, so no subtotal.
    assert.equal(rows.length, 10);
    const plan = rows.filter((row) => row.rule === 'plan');
    assert.deepEqual(
      plan.map((row) => [
        row.group,
        row.group_kind,
        row.files,
        row.files_failing_any,
        row.failed,
        row.passed,
        row.applicable,
        row.failed_percent,
        row.ci_low,
        row.ci_high,
        row.passed_percent,
        row.passed_ci_low,
        row.passed_ci_high,
      ]),
      [
        [
          'burglary_dwelling × attended',
          'group',
          '4',
          '1',
          '1',
          '3',
          '4',
          '25.0',
          '4.6',
          '69.9',
          '75.0',
          '30.1',
          '95.4',
        ],
        [
          'burglary_dwelling × not_attended',
          'group',
          '3',
          '2',
          '2',
          '1',
          '3',
          '66.7',
          '20.8',
          '93.9',
          '33.3',
          '6.1',
          '79.2',
        ],
        [
          'burglary_dwelling × all',
          'subtotal',
          '7',
          '3',
          '3',
          '4',
          '7',
          '42.9',
          '15.8',
          '75.0',
          '57.1',
          '25.0',
          '84.2',
        ],
        [
          'theft_from_vehicle × not_attended',
          'group',
          '3',
          '0',
          '0',
          '3',
          '3',
          '0.0',
          '0.0',
          '56.1',
          '100.0',
          '43.9',
          '100.0',
        ],
        ['All files', 'total', '10', '3', '3', '7', '10', '30.0', '10.8', '60.3', '70.0', '39.7', '89.2'],
      ],
    );
    for (const row of plan) {
      assert.equal(row.breakdown, 'categoryAttendance');
      assert.equal(row.breakdown_title, 'By crime category and attendance');
      assert.equal(row.dimensions, 'Category × Attendance');
      assert.equal(row.pack, 'core');
      assert.equal(row.title, 'Title of plan');
    }
    // A rule decided for no file of a group has its counts and blank shares, never a made-up 0%.
    const never = rows.filter((row) => row.rule === 'never');
    assert.equal(never.length, 5);
    for (const row of never) {
      assert.deepEqual([row.failed, row.passed, row.applicable], ['0', '0', '0']);
      assert.deepEqual([row.failed_percent, row.ci_low, row.ci_high, row.passed_percent], ['', '', '', '']);
    }
    // Group-major: each group's rules together, in the report's rule order.
    assert.deepEqual(
      rows.slice(0, 4).map((row) => `${row.group}/${row.rule}`),
      [
        'burglary_dwelling × attended/plan',
        'burglary_dwelling × attended/never',
        'burglary_dwelling × not_attended/plan',
        'burglary_dwelling × not_attended/never',
      ],
    );
  });

  it('csv-breakdowns: a broken configuration comes first and switched-off rules last', () => {
    const overview = {
      ...OVERVIEW,
      sample: {
        ...OVERVIEW.sample,
        configuration: {
          unusableFiles: ['/force/sample/.dipsample.yaml'],
          unloadedPacks: [],
          brokenRules: [],
          problems: [],
        },
        switchedOff: [
          { pack: 'core', rule: 'advice-given', title: 'Advice given', source: '/force/sample/.dipsample.yaml' },
        ],
      },
    } as unknown as SampleOverview;
    const rows = records(breakdownsCsv(overview));
    assert.equal(rows[0].rule, 'configuration');
    assert.match(rows[0].title, /configuration has problems/i);
    const last = rows[rows.length - 1];
    assert.equal(last.rule, 'advice-given');
    assert.match(last.title, /^Advice given \(switched off/);
    assert.equal(last.failed, '');
    assert.equal(rows.filter((row) => row.rule === 'plan').length, 5, 'the counts are still all there');
  });

  it('breakdownRuleTables: one table per rule, each with every group, subtotal and all files', () => {
    const tables = breakdownRuleTables(BREAKDOWN, RULES);
    assert.deepEqual(
      tables.map((table) => table.rule.rule),
      ['plan', 'never'],
    );
    const subtotal = tables[0].rows.find((row) => row.subtotal)!;
    assert.deepEqual([subtotal.failed, subtotal.applicable], [3, 7]);
    assert.equal(subtotal.failedPercent!.toFixed(1), '42.9');
    assert.deepEqual([subtotal.interval!.low.toFixed(1), subtotal.interval!.high.toFixed(1)], ['15.8', '75.0']);
    assert.ok(tables[1].rows.every((row) => row.applicable === 0 && row.interval === undefined));
  });

  describe('on the Lancashire-style sample (34 of 50 with no investigation, as the letter counts)', () => {
    let report: SampleReport;
    before(async () => {
      const audited = await auditFolder(LANCASHIRE);
      report = sampleReport(sampleInfo(LANCASHIRE, audited.manifest, audited.ruleSets), audited.tally);
    });

    it('Markdown: a groups table, then a table per decided rule with n and the 95% interval; no rule columns', () => {
      const markdown = sampleMarkdown(report);
      const section = markdown.slice(markdown.indexOf('\n## By crime category and attendance\n'));
      const body = section.slice(0, section.indexOf('\n## ', 1));
      assert.match(body, /\| Category \| Attendance \| Files \| Failing any rule \|\n/);
      assert.ok(!body.includes('| hmic14-plan-completed-and-outstanding |'), 'no column per rule');
      const plan = body.slice(body.indexOf('(hmic14-plan-completed-and-outstanding)\n'));
      const table = plan.split('\n\n')[1].split('\n');
      assert.equal(table[0], '| Category | Attendance | Failed | Passed | % failed (95% CI) |');
      // The letter's 34 of 50: 68.0%, Wilson 54.2–79.2.
      assert.equal(table[table.length - 1], '| All files |  | 34 | 16 | 68.0% (54.2–79.2), n=50 |');
      const decided = report.rules.filter((row) => row.applicable > 0);
      assert.equal(body.match(/^### /gm)?.length, decided.length, 'one table per decided rule');
      const undecided = report.rules.filter((row) => row.applicable === 0);
      if (undecided.length > 0) assert.match(body, new RegExp(`Decided for no file: .*\\(${undecided[0].rule}\\)`));
    });

    it('Markdown: the passed share when asked for it', () => {
      const markdown = sampleMarkdown(report, { share: 'passed' });
      assert.ok(markdown.includes('| All files |  | 34 | 16 | 32.0% (20.8–45.8), n=50 |'));
    });

    it('HTML: a groups table and a captioned table per decided rule', () => {
      const page = sampleHtml(report);
      const section = page.match(/<section aria-labelledby="breakdown-1">[\s\S]*?<\/section>/)![0];
      const tables = section.match(/<table>[\s\S]*?<\/table>/g)!;
      const decided = report.rules.filter((row) => row.applicable > 0);
      assert.equal(tables.length, 1 + decided.length);
      assert.match(tables[0], /<th scope="col">Files<\/th><th scope="col">Failing any rule<\/th><\/tr><\/thead>/);
      assert.ok(!tables[0].includes('hmic14-plan-completed-and-outstanding'));
      const plan = tables.find((table) => table.includes(': hmic14-plan-completed-and-outstanding, '))!;
      assert.match(
        plan,
        /<tr class="total"><th scope="row" colspan="2">All files<\/th><td class="num">34<\/td><td class="num">16<\/td><td class="num">68\.0% \(54\.2–79\.2\), n=50<\/td><\/tr>/,
      );
    });

    it('csv-breakdowns through the report formats: one sample as breakdownsCsv, several with sample and force in front', () => {
      const input = { report, reports: [], path: '.' };
      const one = REPORT_FORMATS['csv-breakdowns'].render({ samples: [input], total: report });
      assert.equal(one, breakdownsCsv(report));
      const many = parseCsvText(
        REPORT_FORMATS['csv-breakdowns'].render({ samples: [input, input], total: report }),
      ) as string[][];
      assert.deepEqual(many[0], ['sample', 'force', ...BREAKDOWN_COLUMNS]);
      const perSample = records(breakdownsCsv(report)).length;
      assert.equal(many.length - 1, 3 * perSample, 'two samples and their total');
    });
  });
});
