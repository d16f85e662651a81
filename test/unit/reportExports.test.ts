import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseCsvText } from 'csv-parse/sync';
import MarkdownIt from 'markdown-it';
import { auditText, type FileReport } from '../../src/engine';
import {
  escapeHtml,
  FORMATS,
  SAMPLE_FORMAT_IDS,
  sampleInfo,
  sampleReport,
  SampleTally,
  wilsonInterval,
  type SampleInfo,
  type SampleReport,
} from '../../src/report';
import { csvTable } from '../../src/report/formats/csvTable';
import { escapeMarkdown } from '../../src/report/formats/escapeMarkdown';
import { fileRuleCsv } from '../../src/report/formats/fileRuleCsv';
import { sampleHtml } from '../../src/report/formats/html';
import { sampleMarkdown } from '../../src/report/formats/markdown';
import { summaryCsv } from '../../src/report/formats/summaryCsv';
import { verdictsCsv } from '../../src/report/formats/verdictsCsv';
import { REPO_ROOT, auditFolder, range, type AuditedFolder } from './helpers';

const NORTHMOOR = path.join(REPO_ROOT, 'samples', 'hmic-2014-northmoor');
const LANCASHIRE = path.join(REPO_ROOT, 'samples', 'hmic-2014-lancashire-unattended');

const parseCsv = (text: string): string[][] => parseCsvText(text, { relaxColumnCount: false });

/** CSV rows as records keyed by the header. */
function records(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text);
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]])));
}

interface Audited extends AuditedFolder {
  report: SampleReport;
}

async function audit(folder: string): Promise<Audited> {
  const audited = await auditFolder(folder);
  return { ...audited, report: sampleReport(sampleInfo(folder, audited.manifest, audited.ruleSets), audited.tally) };
}

/** The cells of a Markdown table row, split at pipes that are not backslash-escaped. */
function markdownCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') {
      cell += line.slice(i, i + 2);
      i++;
    } else if (line[i] === '|') {
      cells.push(cell);
      cell = '';
    } else cell += line[i];
  }
  cells.push(cell);
  assert.equal(cells[0], '', `row does not start with a pipe: ${line}`);
  assert.equal(cells[cells.length - 1], '', `row does not end with a pipe: ${line}`);
  return cells.slice(1, -1).map((c) => c.trim());
}

/** Every Markdown table in a document, as rows of cells (delimiter rows left out); asserts rows are rectangular. */
function markdownTables(markdown: string): string[][][] {
  const tables: string[][][] = [];
  let current: string[][] | undefined;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      current = undefined;
      continue;
    }
    if (!current) tables.push((current = []));
    const cells = markdownCells(line);
    if (current.length > 0)
      assert.equal(
        cells.length,
        current[0].length,
        `row has ${cells.length} cells, header ${current[0].length}: ${line}`,
      );
    if (!cells.every((c) => /^-+:?$/.test(c))) current.push(cells);
  }
  return tables;
}

/** The Markdown table under a `## heading`. */
function tableAfter(markdown: string, heading: string): string[][] {
  const at = markdown.indexOf(`\n## ${heading}\n`);
  assert.ok(at >= 0, `no "## ${heading}"`);
  const [table] = markdownTables(markdown.slice(at + 1).split('\n## ')[0]);
  assert.ok(table, `no table under ${heading}`);
  return table;
}

let lancashireAudit: Promise<Audited> | undefined;
/** The Lancashire-style unattended sample (hmic-2014-core-business pack, verdicts, judgment criteria), audited once. */
const lancashire = () => (lancashireAudit ??= audit(LANCASHIRE));

describe('report exports', () => {
  let northmoor: Audited;
  before(async () => {
    northmoor = await audit(NORTHMOOR);
  });

  describe('file × rule CSV', () => {
    it('has one row per file and rule, files by name, rules in the given order', () => {
      const { report, reports } = northmoor;
      const text = fileRuleCsv(report.sample, reports, report.rules);
      const [header] = parseCsv(text);
      assert.deepEqual(header, [
        'file',
        'reference',
        'category',
        'attendance',
        'domestic_abuse',
        'rule',
        'rule_title',
        'outcome',
        'judgment',
        'findings',
        'first_line',
        'message',
        'reviewer',
        'note',
        'machine_outcome',
        'disputed',
      ]);
      const rows = records(text);
      assert.equal(rows.length, reports.length * report.rules.length);
      const ruleIds = report.rules.map((r) => r.rule);
      const files: string[] = [];
      rows.forEach((row, i) => {
        assert.equal(row.rule, ruleIds[i % ruleIds.length]);
        if (i % ruleIds.length === 0) files.push(row.file);
        else assert.equal(row.file, files[files.length - 1]);
      });
      assert.deepEqual(
        files,
        [...files].sort((a, b) => a.localeCompare(b)),
      );
      assert.equal(new Set(files).size, reports.length);
      for (const file of files)
        assert.ok(
          !file.includes('\\') &&
            !path.isAbsolute(file) &&
            file.endsWith('.crime.yaml') !== file.endsWith('.crime.json'),
          file,
        );
    });

    it('gives outcomes that add up to the tally, and the facts, findings, first line and message of each file', () => {
      const { report, reports, tally } = northmoor;
      const rows = records(fileRuleCsv(report.sample, reports, report.rules));
      const labels = {
        failed: 'failed',
        passed: 'passed',
        notApplicable: 'not applicable',
        awaitingJudgment: 'awaiting judgment',
      } as const;
      for (const rule of tally.summary().rules) {
        const ofRule = rows.filter((r) => r.rule === rule.rule);
        for (const [key, label] of Object.entries(labels)) {
          assert.equal(
            ofRule.filter((r) => r.outcome === label).length,
            rule[key as keyof typeof labels],
            `${rule.rule} ${label}`,
          );
        }
        assert.ok(ofRule.every((r) => r.rule_title === rule.title));
      }
      for (const file of reports) {
        const name = path.relative(NORTHMOOR, file.path).split(path.sep).join('/');
        for (const rule of report.rules) {
          const row = rows.find((r) => r.file === name && r.rule === rule.rule)!;
          const findings = file.findings.filter((f) => f.rule === rule.rule);
          assert.equal(row.reference, file.reference ?? '');
          assert.equal(row.category, file.facts?.category ?? '');
          assert.equal(row.attendance, file.facts?.attendance ?? '');
          assert.equal(
            row.domestic_abuse,
            file.facts?.domesticAbuse === true ? 'yes' : file.facts?.domesticAbuse === false ? 'no' : '',
          );
          assert.equal(row.findings, String(findings.length));
          assert.equal(row.first_line, findings.length ? String(findings[0].range.start.line + 1) : '');
          assert.equal(row.message, findings[0]?.message ?? '');
          if (findings.length > 0) assert.equal(row.outcome, 'failed');
        }
      }
    });

    it('says "not audited" for a file with a syntax error and gives the reviewer\'s recorded judgment', async () => {
      const {
        ruleSets: [ruleSet],
        report: lancashireReport,
      } = await lancashire();
      const file = path.join(LANCASHIRE, 'AC-13-041807.crime.yaml');
      const judged = auditText(readFileSync(file, 'utf8'), file, ruleSet, {
        'hmic14-meaningful-investigation': 'partly',
      });
      const broken = auditText('reference: [unclosed', path.join(LANCASHIRE, 'broken.crime.yaml'), ruleSet);
      assert.ok(broken.syntaxError);
      const rows = records(fileRuleCsv(lancashireReport.sample, [judged, broken], lancashireReport.rules));
      const meaningful = rows.find(
        (r) => r.file === 'AC-13-041807.crime.yaml' && r.rule === 'hmic14-meaningful-investigation',
      )!;
      assert.deepEqual([meaningful.outcome, meaningful.judgment], ['failed', 'partly']);
      const awaiting = rows.find(
        (r) => r.file === 'AC-13-041807.crime.yaml' && r.rule === 'hmic14-supervisory-guidance-quality',
      )!;
      assert.ok(['awaiting judgment', 'not applicable'].includes(awaiting.outcome), awaiting.outcome);
      assert.equal(awaiting.judgment, '');
      const unreadable = rows.filter((r) => r.file === 'broken.crime.yaml');
      assert.equal(unreadable.length, lancashireReport.rules.length);
      assert.ok(unreadable.every((r) => r.outcome === 'not audited' && r.findings === '0' && r.first_line === ''));
    });
  });

  describe('summary CSV', () => {
    it('has one row per rule whose counts equal the tally, with 1-decimal shares and Wilson intervals', () => {
      const { report, tally } = northmoor;
      const rows = records(summaryCsv(report));
      const summary = tally.summary();
      assert.deepEqual(
        rows.map((r) => r.rule),
        summary.rules.map((r) => r.rule),
      );
      summary.rules.forEach((rule, i) => {
        const row = rows[i];
        assert.deepEqual(
          [row.failed, row.passed, row.not_applicable, row.awaiting_judgment, row.not_audited].map(Number),
          [rule.failed, rule.passed, rule.notApplicable, rule.awaitingJudgment, rule.notAudited],
          rule.rule,
        );
        assert.equal(row.title, rule.title);
        assert.equal(row.severity, rule.severity);
        assert.equal(row.pack, 'core');
        const applicable = rule.failed + rule.passed;
        assert.equal(row.applicable, String(applicable));
        const interval = wilsonInterval(rule.failed, applicable)!;
        assert.equal(row.failed_percent, ((100 * rule.failed) / applicable).toFixed(1));
        assert.equal(row.ci_low, interval.low.toFixed(1));
        assert.equal(row.ci_high, interval.high.toFixed(1));
      });
    });

    it('leaves the percentages blank for a rule that applied to no file', async () => {
      const { report: lancashireReport } = await lancashire();
      const row = records(summaryCsv(lancashireReport)).find((r) => r.rule === 'hmic14-suspect-supervisory-review')!;
      assert.equal(row.applicable, '0');
      assert.deepEqual([row.failed_percent, row.ci_low, row.ci_high], ['', '', '']);
      const plan = records(summaryCsv(lancashireReport)).find((r) => r.rule === 'hmic14-investigation-before-filing')!;
      assert.deepEqual(
        [plan.failed, plan.applicable, plan.failed_percent, plan.ci_low, plan.ci_high],
        ['34', '50', '68.0', '54.2', '79.2'],
      );
    });

    it('has a verdicts CSV with one row per verdict', async () => {
      const { report: lancashireReport } = await lancashire();
      const rows = records(verdictsCsv(lancashireReport));
      assert.equal(rows.length, lancashireReport.verdicts.length);
      assert.ok(rows.length > 0);
      rows.forEach((row, i) => {
        const verdict = lancashireReport.verdicts[i];
        assert.equal(row.verdict, verdict.verdict);
        assert.equal(row.failed_files, String(verdict.failedFiles));
        assert.equal(row.applicable_files, String(verdict.applicableFiles));
        assert.equal(row.rules, verdict.rules.join(' '));
      });
    });
  });

  describe('Markdown', () => {
    it('heads the document with the sample name and the manifest header', () => {
      const markdown = sampleMarkdown(northmoor.report);
      assert.ok(
        markdown.startsWith('# HMIC 2014 crime-file dip-sample (re-enactment): Northmoor Constabulary\n\n'),
        markdown.slice(0, 80),
      );
      assert.match(markdown, /^- \*\*Force:\*\* Northmoor Constabulary$/m);
      assert.match(markdown, /^- \*\*Period:\*\* 2013-11-01 to 2013-11-30 \(by date reported\)$/m);
      assert.match(markdown, /^- \*\*Selection:\*\* stratified\\_random: /m);
      assert.match(markdown, /^- \*\*Rule packs:\*\* core$/m);
      assert.match(markdown, new RegExp(`^- \\*\\*Files audited:\\*\\* ${northmoor.reports.length}$`, 'm'));
      assert.match(markdown, /^- \*\*Files with syntax errors \(not audited\):\*\* 0$/m);
      assert.match(markdown, /^- \*\*Files with schema errors:\*\* 0$/m);
    });

    it('gives each rule its counts and its failed share with the 95% interval', async () => {
      const { report, tally } = northmoor;
      const rules = tally.summary().rules;
      const table = tableAfter(sampleMarkdown(report), 'Rules');
      assert.deepEqual(table[0], ['Rule', 'Failed', 'Passed', 'N/A', 'Awaiting', '% failed (95% CI)']);
      assert.equal(table.length, rules.length + 1);
      const plan = rules.find((r) => r.rule === 'investigation-plan-present')!;
      const applicable = plan.failed + plan.passed;
      const interval = wilsonInterval(plan.failed, applicable)!;
      const share = `${((100 * plan.failed) / applicable).toFixed(1)}% (${interval.low.toFixed(1)}–${interval.high.toFixed(1)}), n=${applicable}`;
      assert.deepEqual(
        table.find((row) => row[0].endsWith('(investigation-plan-present)')),
        [
          `${plan.title} (investigation-plan-present)`,
          String(plan.failed),
          String(plan.passed),
          String(plan.notApplicable),
          String(plan.awaitingJudgment),
          share,
        ],
      );
      assert.deepEqual(
        table.find((row) => row[0].endsWith('(investigation-plan-present)')),
        [
          'Investigation plan with lines of enquiry (investigation-plan-present)',
          '39',
          '61',
          '0',
          '0',
          '39.0% (30.0–48.8), n=100',
        ],
      );

      // HMIC's Lancashire figure: 34 of 50 unattended files showed no investigation.
      const lancashireRules = tableAfter(sampleMarkdown((await lancashire()).report), 'Rules');
      const investigation = lancashireRules.find((row) => row[0].endsWith('(hmic14-investigation-before-filing)'))!;
      assert.deepEqual(investigation.slice(1), ['34', '16', '0', '0', '68.0% (54.2–79.2), n=50']);
      const never = lancashireRules.find((row) => row[0].endsWith('(hmic14-suspect-supervisory-review)'))!;
      assert.equal(never[5], '—');
      const awaiting = lancashireRules.find((row) => row[0].endsWith('(hmic14-meaningful-investigation)'))!;
      assert.equal(awaiting[4], '50');
    });

    it('tabulates verdicts with status, failed/applicable files and threshold', async () => {
      const { report: lancashireReport } = await lancashire();
      const table = tableAfter(sampleMarkdown(lancashireReport), 'Verdicts');
      assert.deepEqual(table[0], ['Verdict', 'Status', 'Failed files / applicable', 'Threshold']);
      assert.equal(table.length, lancashireReport.verdicts.length + 1);
      lancashireReport.verdicts.forEach((verdict, i) => {
        const row = table[i + 1];
        assert.ok(row[0].endsWith(`(${verdict.verdict})`), row[0]);
        assert.equal(row[2], `${verdict.failedFiles}/${verdict.applicableFiles}`);
        assert.equal(row[3], verdict.threshold);
        assert.ok(
          row[1]
            .toLowerCase()
            .startsWith(
              verdict.status === 'awaitingJudgment'
                ? 'awaiting judgment'
                : verdict.status === 'notApplicable'
                  ? 'not applicable'
                  : verdict.status,
            ),
          row[1],
        );
      });
      assert.match(
        sampleMarkdown(northmoor.report),
        /## Verdicts\n\nThe rule packs declare no sample-level verdicts\./,
      );
    });

    it('breaks the sample down by category × attendance and by domestic abuse: groups, then a table per rule', () => {
      const { report, reports } = northmoor;
      const markdown = sampleMarkdown(report);

      const byCategory = tableAfter(markdown, 'By crime category and attendance');
      assert.deepEqual(byCategory[0], ['Category', 'Attendance', 'Files', 'Failing any rule']);
      const groups = report.breakdowns[0].groups;
      // Header, the groups, a subtotal per category with more than one attendance value, all files.
      const categories = new Map<string, number>();
      for (const g of groups) categories.set(g.labels[0], (categories.get(g.labels[0]) ?? 0) + 1);
      const subtotals = [...categories.values()].filter((count) => count > 1).length;
      assert.equal(byCategory.length, groups.length + subtotals + 2);
      const burglarySubtotal = byCategory.find((row) => row[0] === 'burglary\\_dwelling' && row[1] === 'all')!;
      assert.equal(
        burglarySubtotal[2],
        String(groups.filter((g) => g.labels[0] === 'burglary_dwelling').reduce((n, g) => n + g.files, 0)),
      );
      const all = byCategory[byCategory.length - 1];
      assert.deepEqual(all, [
        'All files',
        '',
        String(reports.length),
        String(groups.reduce((n, g) => n + g.filesFailingAny, 0)),
      ]);

      // One table per rule (under its "### title (id)"), the same rows as the groups table.
      const section = markdown.slice(markdown.indexOf('\n## By crime category and attendance\n') + 1).split('\n## ')[0];
      const ruleTables = markdownTables(section).slice(1);
      const decided = report.rules.filter((rule) => rule.applicable > 0);
      assert.equal(ruleTables.length, decided.length);
      decided.forEach((rule, i) => {
        assert.ok(section.includes(`### ${escapeMarkdown(rule.title)} (${escapeMarkdown(rule.rule)})\n`), rule.rule);
        const table = ruleTables[i];
        assert.deepEqual(table[0], ['Category', 'Attendance', 'Failed', 'Passed', '% failed (95% CI)']);
        assert.equal(table.length, byCategory.length);
        const interval = wilsonInterval(rule.failed, rule.applicable)!;
        assert.deepEqual(table[table.length - 1], [
          'All files',
          '',
          String(rule.failed),
          String(rule.passed),
          `${((100 * rule.failed) / rule.applicable).toFixed(1)}% (${interval.low.toFixed(1)}–${interval.high.toFixed(1)}), n=${rule.applicable}`,
        ]);
      });
      const planIndex = decided.findIndex((rule) => rule.rule === 'investigation-plan-present');
      const plan = ruleTables[planIndex];
      const group = groups.find((g) => g.labels.join() === 'burglary_dwelling,attended')!;
      const counts = group.rules['investigation-plan-present'];
      const attendedBurglary = plan.find((row) => row[0] === 'burglary\\_dwelling' && row[1] === 'attended')!;
      assert.deepEqual(attendedBurglary.slice(2, 4), [String(counts.failed), String(counts.passed)]);

      const byDomesticAbuse = tableAfter(markdown, 'Domestic abuse');
      assert.deepEqual(byDomesticAbuse[0], ['Domestic abuse', 'Files', 'Failing any rule']);
      const domestic = byDomesticAbuse.find((row) => row[0] === 'domestic abuse')!;
      assert.equal(domestic[1], String(reports.filter((r) => r.facts?.domesticAbuse === true).length));
      assert.deepEqual(byDomesticAbuse[byDomesticAbuse.length - 1].slice(0, 2), ['All files', String(reports.length)]);
    });

    it('lists every finding of the files with findings', () => {
      const { report, reports } = northmoor;
      const table = tableAfter(sampleMarkdown(report), 'Files with findings');
      assert.deepEqual(table[0], ['File', 'Reference', 'Rule', 'Severity', 'Line', 'Message']);
      assert.equal(
        table.length - 1,
        reports.reduce((n, r) => n + r.findings.length, 0),
      );
      const first = report.files[0];
      assert.deepEqual(table[1].slice(0, 5), [
        first.name,
        first.reference ?? '',
        first.findings[0].rule,
        first.findings[0].severity,
        String(first.findings[0].range.start.line + 1),
      ]);
    });
  });

  describe('HTML', () => {
    let page: string;
    before(() => {
      page = sampleHtml(northmoor.report, { generated: '2024-05-01T09:00:00Z' });
    });

    it('is a standalone page: doctype, charset, a strict CSP, inline style, no script and no remote resource', () => {
      assert.ok(page.startsWith('<!doctype html>\n'));
      assert.match(page, /<meta charset="utf-8">/);
      assert.ok(
        page.includes(
          `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
        ),
      );
      assert.match(page, /<style>[\s\S]*@media \(prefers-color-scheme: dark\)[\s\S]*@media print[\s\S]*<\/style>/);
      assert.ok(!/<script/i.test(page));
      assert.ok(!/\s(src|href)=/i.test(page), 'no src or href attributes');
      assert.ok(!/url\(|@import/i.test(page), 'no url() or @import in styles');
      assert.match(page, /generated 2024-05-01T09:00:00Z/);
      assert.ok(!sampleHtml(northmoor.report).includes('generated'), 'no date unless given');
    });

    it('has the sections as real tables with captions and scoped headers', () => {
      for (const heading of [
        'Rules',
        'Verdicts',
        'By crime category and attendance',
        'Domestic abuse',
        'Outcomes',
        'Timeliness',
        'Files with findings',
      ]) {
        assert.match(page, new RegExp(`<h2 id="[^"]+">${heading}</h2>`), heading);
      }
      const tables = page.match(/<table>[\s\S]*?<\/table>/g) ?? [];
      const perBreakdown = 1 + northmoor.report.rules.filter((rule) => rule.applicable > 0).length;
      assert.equal(
        tables.length,
        7 + 2 * perBreakdown,
        'rules, two breakdowns (groups and a table per rule), outcome groups and codes, three timeliness tables, files (Northmoor has no verdicts)',
      );
      for (const table of tables) {
        assert.match(
          table,
          /^<table>\n<caption>[^<]+<\/caption>\n<thead><tr>(<th scope="col"[^>]*>[^<]*<\/th>)+<\/tr><\/thead>/,
        );
        const rows = table.match(/<tbody>[\s\S]*<\/tbody>/)![0].match(/<tr[^>]*>.*<\/tr>/g)!;
        for (const row of rows) assert.match(row, /^<tr[^>]*><th scope="row"/);
      }
      const files = tables[tables.length - 1].match(/<tbody>[\s\S]*<\/tbody>/)![0].match(/<tr>/g)!;
      assert.equal(
        files.length,
        northmoor.reports.reduce((n, r) => n + r.findings.length, 0),
      );
    });

    it('draws a described bar with a 95% CI whisker for each rule that applied', async () => {
      const svgs = page.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
      assert.equal(svgs.length, northmoor.report.rules.filter((r) => r.applicable > 0).length);
      for (const svg of svgs) {
        assert.match(svg, /^<svg role="img" aria-label="([^"]+)"[^>]*><title>([^<]+)<\/title>/);
        const [, label, title] = svg.match(/aria-label="([^"]+)"[^>]*><title>([^<]+)<\/title>/)!;
        assert.equal(label, title);
        assert.match(svg, /<path class="whisker" d="M[\d.]+ 7H[\d.]+/);
      }
      const lancashirePage = sampleHtml((await lancashire()).report);
      assert.ok(
        lancashirePage.includes(
          'aria-label="Evidence of investigation before filing: 68.0% failed, 95% CI 54.2–79.2%, n=50"',
        ),
      );
      assert.ok(
        lancashirePage.includes('<rect class="bar" x="0" y="3" width="136" height="8"/>'),
        '68% of a 200-unit bar',
      );
      assert.ok(lancashirePage.includes('d="M108.38 7H158.48'), 'whisker from 54.2% to 79.2%');
      assert.match(lancashirePage, /<td class="status-(unsatisfactory|satisfactory|awaitingJudgment|notApplicable)">/);
    });
  });

  describe('escaping values from crime files', () => {
    const HOSTILE = '=HYPERLINK("http://x") <img src=x onerror=alert(1)> a|b';
    let sample: SampleInfo;
    let report: SampleReport;
    let reports: FileReport[];

    before(() => {
      const { ruleSets } = northmoor;
      const folder = path.join(REPO_ROOT, 'hostile');
      const ids = northmoor.report.rules.map((r) => r.rule);
      const hostile: FileReport = {
        path: path.join(folder, '@evil `name` *x*.crime.yaml'),
        reference: HOSTILE,
        facts: { kind: 'crime', category: '<script>alert(1)</script>', attendance: '+cmd|calc', domesticAbuse: true },
        findings: [
          {
            rule: ids[0],
            severity: 'error',
            message: `${HOSTILE}\nsecond line | \\ [link](javascript:x) &amp;`,
            range: range(2, 0, 2, 5),
            path: [],
          },
          { rule: ids[0], severity: 'error', message: 'second finding', range: range(7, 0, 7, 5), path: [] },
        ],
        results: ids.map((rule, i) => ({ rule, outcome: i === 0 ? 'failed' : 'passed' })),
        syntaxError: false,
        schemaError: false,
      };
      const plain: FileReport = {
        ...hostile,
        path: path.join(folder, 'plain.crime.yaml'),
        reference: '-1',
        facts: { category: 'theft', attendance: 'attended' },
        findings: [],
        results: ids.map((rule) => ({ rule, outcome: 'passed' })),
      };
      const tally = new SampleTally(ruleSets);
      reports = [hostile, plain];
      for (const file of reports) tally.set(file);
      sample = {
        name: '<b>Sample</b> | # not a heading',
        folder,
        packs: ['core'],
        force: '<i>Force</i>',
        description: 'line one\n## line two <script>x</script>',
      };
      report = sampleReport(sample, tally);
    });

    it('escapes & < > " \' in HTML', () => {
      assert.equal(
        escapeHtml(`<a href="x" title='y'>&amp;</a>`),
        '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
      );
    });

    it('HTML: every value is escaped, so a reference or message cannot inject markup', () => {
      const page = sampleHtml(report, { generated: '<script>alert(1)</script>' });
      assert.ok(page.includes('&lt;img src=x onerror=alert(1)&gt;'));
      assert.ok(!page.includes('<img'));
      assert.ok(!/<script/i.test(page));
      assert.ok(!page.includes('<b>') && !page.includes('<i>'));
      assert.ok(page.includes('&lt;b&gt;Sample&lt;/b&gt; | # not a heading'));
      assert.ok(page.includes('=HYPERLINK(&quot;http://x&quot;)'));
      assert.ok(page.includes('@evil `name` *x*.crime.yaml'));
      assert.ok(page.includes('<th scope="row">&lt;script&gt;alert(1)&lt;/script&gt;</th>'));
      // Still one row per finding, each with its six cells.
      const files = page.match(/<caption>Findings, by file<\/caption>[\s\S]*?<\/table>/)![0];
      const rows = files.match(/<tbody>[\s\S]*<\/tbody>/)![0].match(/<tr>[\s\S]*?<\/tr>/g)!;
      assert.equal(rows.length, 2);
      for (const row of rows) assert.equal(row.match(/<t[hd][ >]/g)!.length, 6);
    });

    it('Markdown: table cells stay intact and no HTML, link or code span can form', () => {
      const markdown = sampleMarkdown(report);
      const tables = markdownTables(markdown); // asserts every row has as many cells as its header
      // Rules, two breakdowns (groups and a table per decided rule), outcome groups and codes, three timeliness tables, files.
      assert.equal(tables.length, 7 + 2 * (1 + report.rules.filter((rule) => rule.applicable > 0).length));
      assert.ok(!/(?<!\\)<(img|script|b|i)\b/i.test(markdown), 'no unescaped tag');
      assert.ok(!/(?<!\\)\[link\]/.test(markdown));
      assert.ok(!/(?<!\\)`/.test(markdown), 'no unescaped backtick');
      assert.ok(!/(?<!\\)&amp;/.test(markdown), 'no entity');
      assert.ok(markdown.startsWith('# \\<b\\>Sample\\</b\\> \\| \\# not a heading\n'));
      assert.match(markdown, /^- \*\*Description:\*\* line one \\#\\# line two \\<script\\>x\\</m);
      const files = tableAfter(markdown, 'Files with findings');
      assert.equal(files.length, 3); // header + 2 findings of the hostile file (the plain file has none)
      const [file, reference, rule, , line, message] = files[1];
      assert.equal(file, '@evil \\`name\\` \\*x\\*.crime.yaml');
      // `http\\://`: a bare URL is escaped so that a preview does not link it (docs/security.md).
      assert.equal(reference, '=HYPERLINK("http\\://x") \\<img src=x onerror=alert(1)\\> a\\|b');
      assert.equal(rule, report.rules[0].rule);
      assert.equal(line, '3');
      assert.ok(
        message.startsWith(
          '=HYPERLINK("http\\://x") \\<img src=x onerror=alert(1)\\> a\\|b second line \\| \\\\ \\[link\\](javascript:x) \\&amp;',
        ),
        message,
      );
      const byCategory = tableAfter(markdown, 'By crime category and attendance');
      assert.ok(byCategory.some((row) => row[0] === '\\<script\\>alert(1)\\</script\\>' && row[1] === '+cmd\\|calc'));
    });

    it('escapeMarkdown turns line breaks into spaces and escapes a trailing backslash', () => {
      assert.equal(escapeMarkdown('a\r\nb\nc\rd\te\u2028f'), 'a b c d e f');
      assert.equal(escapeMarkdown('ends with \\'), 'ends with \\\\');
      // A preview's linkifier (markdown-it, as VS Code's) must not turn crime-file text into links.
      const linkify = new MarkdownIt({ linkify: true });
      for (const value of [
        'see https://evil.example/x now',
        'www.evil.example',
        'bob@evil.example',
        'ftp://x.example',
      ]) {
        assert.ok(!linkify.renderInline(escapeMarkdown(value)).includes('<a'), value);
        assert.equal(linkify.renderInline(escapeMarkdown(value)), value.replace(/&/g, '&amp;'));
      }
    });

    it('CSV: a cell a spreadsheet would run as a formula starts with a quote; computed numbers are left alone', () => {
      const rows = records(fileRuleCsv(sample, reports, report.rules));
      const hostile = rows.filter((r) => r.file === "'@evil `name` *x*.crime.yaml");
      assert.equal(hostile.length, report.rules.length, 'the file name starting with @ is neutralised');
      for (const row of hostile) {
        assert.ok(row.reference.startsWith(`'=HYPERLINK("http://x")`), row.reference);
        assert.equal(row.attendance, "'+cmd|calc");
        assert.equal(row.domestic_abuse, 'yes');
      }
      assert.ok(hostile[0].message.startsWith(`'=HYPERLINK`), hostile[0].message);
      assert.deepEqual([hostile[0].findings, hostile[0].first_line], ['2', '3']);
      const plain = rows.filter((r) => r.file === 'plain.crime.yaml');
      assert.ok(plain.every((r) => r.reference === "'-1"));
      assert.ok(plain.every((r) => r.domestic_abuse === ''));

      assert.equal(
        csvTable(['a', 'b', 'c', 'd', 'e'], [[-1, '-1', '\tx', '@x', 'safe =1']]),
        "a,b,c,d,e\n-1,'-1,'\tx,'@x,safe =1\n",
      );
      assert.equal(csvTable(['a'], [['\rx']]), `a\n"'\rx"\n`);
      // Spreadsheets skip leading spaces and read full-width signs as formula starts too.
      assert.equal(
        csvTable(['a', 'b', 'c'], [[' =1+1', '\u3000＝SUM(A1)', '＠cmd']]),
        "a,b,c\n' =1+1,'\u3000＝SUM(A1),'＠cmd\n",
      );
      const summary = records(summaryCsv(report));
      assert.ok(summary.every((r) => /^\d+$/.test(r.failed) && !r.title.startsWith("'")));
    });
  });

  describe('sample formats', () => {
    it('renders every format from one input, each as its function does', () => {
      const { report, tally, reports } = northmoor;
      assert.deepEqual(SAMPLE_FORMAT_IDS, ['markdown', 'html', 'csv-files', 'csv-summary', 'csv-verdicts']);
      const input = { report, reports: tally.files(), generated: '2024-05-01' };
      assert.equal(FORMATS.markdown.render(input), sampleMarkdown(report));
      assert.equal(FORMATS.html.render(input), sampleHtml(report, { generated: '2024-05-01' }));
      assert.equal(
        FORMATS['csv-files'].render({ report, reports: tally.files() }),
        fileRuleCsv(report.sample, reports, report.rules),
      );
      assert.equal(FORMATS['csv-summary'].render(input), summaryCsv(report));
      assert.equal(FORMATS['csv-verdicts'].render(input), verdictsCsv(report));
      assert.deepEqual(
        SAMPLE_FORMAT_IDS.map((id) => FORMATS[id]).map((f) => f.extension),
        ['md', 'html', 'csv', 'csv', 'csv'],
      );
      for (const format of SAMPLE_FORMAT_IDS.map((id) => FORMATS[id])) assert.ok(format.label.length > 0);
    });
  });
});
