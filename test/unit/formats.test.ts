import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseCsvText } from 'csv-parse/sync';

const parseCsv = (text: string): string[][] => parseCsvText(text, { relaxColumnCount: false });
import type { CompiledRule, FileReport, Finding, RuleResult, RuleSet, Severity } from '../../src/engine';
import { summarize, type AuditRun } from '../../src/report';
import { findingsCsv as formatCsv } from '../../src/report/formats/findingsCsv';
import { jsonReport as formatJson } from '../../src/report/formats/json';
import { sarifLog as formatSarif } from '../../src/report/formats/sarif';
import { textReport as formatText } from '../../src/report/formats/text';
import { runAudit } from '../../src/cli/runAudit';
import { nodeHost } from '../../src/node/nodeHost';
import { range, REPO_ROOT, RULES_DIR, sarifValidator } from './helpers';

const CSV_HEADER = 'path,reference,rule,severity,line,column,end_line,end_column,message';

/** A compiled rule with just what the formats read (id, title, severity, declaration). */
function rule(id: string, severity: Severity, title = `Title of ${id}`): CompiledRule {
  return {
    id,
    title,
    severity,
    parameters: {},
    applies: undefined,
    kinds: new Set(['crime']),
    check: undefined,
    message: undefined,
    declaration: {
      id,
      title,
      description: `What ${id} checks.\n`,
      severity,
      check: { function: 'present', options: {} },
      kinds: ['crime'],
      parameters: {},
      source: [{ report: 'HMIC, Invented report (2099)', paragraph: '1.1', quote: 'a quote, with "quotes"' }],
      tags: ['test'],
      pack: 'test-pack',
      file: '/packs/test.pack.yaml',
      range: range(0, 0, 0, 0),
    },
  };
}

function ruleSet(rules: CompiledRule[]): RuleSet {
  return { rules, disabled: [], packs: [], timeZone: 'Europe/London', files: [], problems: [] };
}

function finding(rule: string, severity: Severity, message: string, at = range(0, 0, 0, 4)): Finding {
  return { rule, severity, message, range: at, path: [] };
}

function report(file: string, findings: Finding[], results: RuleResult[], extra: Partial<FileReport> = {}): FileReport {
  return {
    path: file,
    reference: `REF/${path.basename(file)}`,
    findings,
    results,
    syntaxError: false,
    schemaError: false,
    ...extra,
  };
}

function auditRun(files: FileReport[], rules: CompiledRule[]): AuditRun {
  const sets = rules.length ? [ruleSet(rules)] : [];
  return { files, ruleSets: sets, summary: summarize(files, sets), tool: { name: 'dipsample', version: '9.9.9' } };
}

const RULES = [
  rule('plan', 'error'),
  rule('quick', 'warning'),
  rule('info-rule', 'information'),
  rule('hint-rule', 'hint'),
];

/** Three files: one failing several rules, one clean, one unreadable; `quick` applies to none. */
function sampleRun(): AuditRun {
  return auditRun(
    [
      report(
        'a/first.crime.yaml',
        [
          finding('plan', 'error', 'No plan', range(2, 4, 2, 10)),
          finding('info-rule', 'information', 'For information', range(5, 0, 5, 3)),
          finding('hint-rule', 'hint', 'A hint', range(7, 2, 7, 2)), // empty range
        ],
        [
          { rule: 'plan', outcome: 'failed' },
          { rule: 'quick', outcome: 'notApplicable' },
          { rule: 'info-rule', outcome: 'failed' },
          { rule: 'hint-rule', outcome: 'failed' },
        ],
      ),
      report(
        'a/second.crime.json',
        [],
        [
          { rule: 'plan', outcome: 'passed' },
          { rule: 'quick', outcome: 'notApplicable' },
          { rule: 'info-rule', outcome: 'passed' },
          { rule: 'hint-rule', outcome: 'passed' },
        ],
      ),
      report(
        'b/broken.crime.yaml',
        [finding('syntax', 'error', 'Invalid YAML: bad indentation', range(0, 0, 0, 0))],
        [],
        {
          reference: undefined,
          syntaxError: true,
        },
      ),
    ],
    RULES,
  );
}

describe('output formats', () => {
  describe('formatText', () => {
    it('lists files with findings (1-based line:col, severity, message, [rule]) and skips clean files', () => {
      const text = formatText(sampleRun());
      const lines = text.split('\n');
      assert.deepEqual(lines.slice(0, 8), [
        'a/first.crime.yaml  (REF/first.crime.yaml)',
        '  3:5     error    No plan  [plan]',
        '  6:1     info     For information  [info-rule]',
        '  8:3     hint     A hint  [hint-rule]',
        '',
        'b/broken.crime.yaml',
        '  1:1     error    Invalid YAML: bad indentation  [syntax]',
        '',
      ]);
      assert.ok(!text.includes('second.crime.json'));
    });

    it('ends with the summary: failed / passed / n/a, % of applicable, "—" when no file was applicable', () => {
      const lines = formatText(sampleRun()).trimEnd().split('\n');
      assert.deepEqual(lines.slice(-8), [
        'Sample summary: 3 files audited; 1 unreadable (syntax errors)',
        '  rule       failed  passed  n/a   not audited  failed % of applicable (95% CI), n',
        '  plan            1       1     0            1  50.0% (9.5–90.5), 1 of 2',
        '  quick           0       0     2            1  —',
        '  info-rule       1       1     0            1  50.0% (9.5–90.5), 1 of 2',
        '  hint-rule       1       1     0            1  50.0% (9.5–90.5), 1 of 2',
        '  (not audited: the file was unreadable, or the rule read a field that breaks the crime-file schema)',
        'Findings: 2 error, 0 warning, 1 information, 1 hint',
      ]);
    });

    it('rounds percentages to one decimal place', () => {
      const files = ['x', 'y', 'z'].map((name, i) =>
        report(`${name}.crime.yaml`, i === 0 ? [finding('plan', 'error', 'No plan')] : [], [
          { rule: 'plan', outcome: i === 0 ? 'failed' : 'passed' },
        ]),
      );
      assert.match(
        formatText(auditRun(files, [rule('plan', 'error')])),
        /^ {2}plan +1 +2 +0 {2}33\.3% \(6\.1–79\.2\), 1 of 3$/m,
      );
    });

    it('with zero files prints a one-line summary (and the rules, all "—", when rules ran)', () => {
      assert.equal(formatText(auditRun([], [])), 'Sample summary: 0 files audited\n');
      const lines = formatText(auditRun([], [rule('plan', 'error')]))
        .trimEnd()
        .split('\n');
      assert.equal(lines[0], 'Sample summary: 0 files audited');
      assert.match(lines[2], /^ {2}plan +0 +0 +0 {2}—$/);
      assert.equal(lines[3], 'Findings: 0 error, 0 warning, 0 information, 0 hint');
    });

    it('says "1 file" in the singular', () => {
      const run = auditRun(
        [report('x.crime.yaml', [], [{ rule: 'plan', outcome: 'passed' }])],
        [rule('plan', 'error')],
      );
      assert.match(formatText(run), /^Sample summary: 1 file audited$/m);
    });
  });

  describe('formatJson', () => {
    it('has the documented shape: files[{path, reference, findings[{rule, severity, message, range}]}], summary{files, rules[]}', () => {
      const report = JSON.parse(formatJson(sampleRun())) as {
        files: Array<{ path: string; reference: string | null; findings: Array<Record<string, unknown>> }>;
        summary: {
          files: number;
          rules: Array<{ rule: string; failed: number; passed: number; notApplicable: number }>;
        };
      };
      assert.deepEqual(
        report.files.map((f) => [f.path, f.reference]),
        [
          ['a/first.crime.yaml', 'REF/first.crime.yaml'],
          ['a/second.crime.json', 'REF/second.crime.json'],
          ['b/broken.crime.yaml', ''],
        ],
      );
      assert.deepEqual(report.files[0].findings[0], {
        rule: 'plan',
        severity: 'error',
        message: 'No plan',
        range: range(2, 4, 2, 10),
      });
      for (const f of report.files.flatMap((file) => file.findings))
        assert.deepEqual(Object.keys(f).sort(), ['message', 'range', 'rule', 'severity']); // no internal `path`
      assert.equal(report.summary.files, 3);
      assert.deepEqual(
        report.summary.rules.map(({ rule, failed, passed, notApplicable }) => ({
          rule,
          failed,
          passed,
          notApplicable,
        })),
        [
          { rule: 'plan', failed: 1, passed: 1, notApplicable: 0 },
          { rule: 'quick', failed: 0, passed: 0, notApplicable: 2 },
          { rule: 'info-rule', failed: 1, passed: 1, notApplicable: 0 },
          { rule: 'hint-rule', failed: 1, passed: 1, notApplicable: 0 },
        ],
      );
    });

    it('with zero files is an empty list and a zero summary', () => {
      const report = JSON.parse(formatJson(auditRun([], []))) as {
        files: unknown[];
        summary: { files: number; rules: unknown[] };
      };
      assert.deepEqual(report.files, []);
      assert.equal(report.summary.files, 0);
      assert.deepEqual(report.summary.rules, []);
    });

    it('is pretty-printed and ends with a newline', () => {
      const text = formatJson(auditRun([], []));
      assert.ok(text.endsWith('}\n'));
      assert.ok(text.includes('\n  "files": []'));
    });
  });

  describe('formatCsv', () => {
    it('writes a header and one row per finding with 1-based positions', () => {
      const csv = formatCsv(sampleRun());
      const rows = parseCsv(csv);
      assert.deepEqual(rows[0], CSV_HEADER.split(','));
      assert.equal(rows.length, 1 + 4);
      assert.deepEqual(rows[1], [
        'a/first.crime.yaml',
        'REF/first.crime.yaml',
        'plan',
        'error',
        '3',
        '5',
        '3',
        '11',
        'No plan',
      ]);
      assert.deepEqual(rows[3], [
        'a/first.crime.yaml',
        'REF/first.crime.yaml',
        'hint-rule',
        'hint',
        '8',
        '3',
        '8',
        '3',
        'A hint',
      ]);
      assert.deepEqual(rows[4], [
        'b/broken.crime.yaml',
        '',
        'syntax',
        'error',
        '1',
        '1',
        '1',
        '1',
        'Invalid YAML: bad indentation',
      ]);
    });

    it('quotes messages with commas, double quotes and newlines so they survive a round trip', () => {
      const nasty = 'Filed 3 h, "too quickly"\nsecond line, too';
      const run = auditRun(
        [
          report('q.crime.yaml', [finding('plan', 'error', nasty)], [{ rule: 'plan', outcome: 'failed' }], {
            reference: 'A,"B"',
          }),
        ],
        [rule('plan', 'error')],
      );
      const csv = formatCsv(run);
      assert.ok(csv.includes('"Filed 3 h, ""too quickly""\nsecond line, too"'), csv);
      const rows = parseCsv(csv);
      assert.equal(rows.length, 2);
      assert.equal(rows[1].length, CSV_HEADER.split(',').length);
      assert.equal(rows[1][1], 'A,"B"');
      assert.equal(rows[1][8], nasty);
    });

    it('is the header alone when there are no findings or no files', () => {
      assert.equal(formatCsv(auditRun([], [])), `${CSV_HEADER}\n`);
      assert.equal(formatCsv(auditRun([report('x.crime.yaml', [], [])], [])), `${CSV_HEADER}\n`);
    });
  });

  describe('formatSarif', () => {
    let validate: ReturnType<typeof sarifValidator>;
    before(() => {
      validate = sarifValidator();
    });

    interface SarifLog {
      version: string;
      runs: Array<{
        tool: {
          driver: {
            name: string;
            version: string;
            rules: Array<{
              id: string;
              defaultConfiguration: { level: string };
              help?: { text: string };
              helpUri?: string;
            }>;
          };
        };
        results: Array<{
          ruleId: string;
          ruleIndex: number;
          level: string;
          message: { text: string };
          locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }>;
          properties?: { reference?: string };
        }>;
      }>;
    }
    const sarif = (run: AuditRun) => JSON.parse(formatSarif(run)) as SarifLog;

    function assertValid(log: unknown) {
      const valid = validate(log);
      assert.deepEqual(validate.errors ?? [], []);
      assert.ok(valid);
    }

    it('is valid SARIF 2.1.0, for a sample and for zero files', () => {
      assertValid(sarif(sampleRun()));
      const empty = sarif(auditRun([], []));
      assertValid(empty);
      assert.deepEqual(empty.runs[0].results, []);
    });

    it('the schema check is not vacuous: a 0-based region or a bad level is rejected', () => {
      const log = sarif(sampleRun());
      log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
      assert.equal(validate(log), false);
      const other = sarif(sampleRun());
      other.runs[0].results[0].level = 'information';
      assert.equal(validate(other), false);
    });

    it('maps severities to levels: error → error, warning → warning, information and hint → note', () => {
      const run = auditRun(
        [
          report(
            'x.crime.yaml',
            (['error', 'warning', 'information', 'hint'] as const).map((severity, i) =>
              finding(`r-${severity}`, severity, severity, range(i, 0, i, 1)),
            ),
            [],
          ),
        ],
        (['error', 'warning', 'information', 'hint'] as const).map((severity) => rule(`r-${severity}`, severity)),
      );
      const log = sarif(run);
      assertValid(log);
      assert.deepEqual(
        log.runs[0].results.map((r) => [r.ruleId, r.level]),
        [
          ['r-error', 'error'],
          ['r-warning', 'warning'],
          ['r-information', 'note'],
          ['r-hint', 'note'],
        ],
      );
      const levels = Object.fromEntries(log.runs[0].tool.driver.rules.map((r) => [r.id, r.defaultConfiguration.level]));
      assert.deepEqual(levels, {
        syntax: 'error',
        schema: 'error',
        'r-error': 'error',
        'r-warning': 'warning',
        'r-information': 'note',
        'r-hint': 'note',
      });
    });

    it('gives 1-based regions; an empty range has endColumn = startColumn', () => {
      const log = sarif(sampleRun());
      const regions = log.runs[0].results.map((r) => r.locations[0].physicalLocation.region);
      assert.deepEqual(regions, [
        { startLine: 3, startColumn: 5, endLine: 3, endColumn: 11 },
        { startLine: 6, startColumn: 1, endLine: 6, endColumn: 4 },
        { startLine: 8, startColumn: 3, endLine: 8, endColumn: 3 },
        { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
      ]);
    });

    it('describes syntax, schema and every rule that ran in the driver; ruleIndex points at them', () => {
      const [run] = sarif(sampleRun()).runs;
      assert.equal(run.tool.driver.name, 'dipsample');
      assert.equal(run.tool.driver.version, '9.9.9');
      assert.deepEqual(
        run.tool.driver.rules.map((r) => r.id),
        ['syntax', 'schema', 'plan', 'quick', 'info-rule', 'hint-rule'],
      );
      for (const result of run.results) assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
      assert.match(
        run.tool.driver.rules[2].help!.text,
        /Source: HMIC, Invented report \(2099\) 1\.1: "a quote, with "quotes""/,
      );
    });

    it('gives every rule a help text, syntax and schema included (GitHub code scanning requires one)', () => {
      const rules = sarif(sampleRun()).runs[0].tool.driver.rules;
      for (const rule of rules) assert.ok((rule.help?.text ?? '').trim() !== '', `${rule.id} has no help text`);
      const byId = Object.fromEntries(rules.map((rule) => [rule.id, rule]));
      assert.match(byId.syntax.help!.text, /not valid YAML .* or JSON/);
      assert.match(byId.schema.help!.text, /crime-file\/1 schema/);
    });

    it('links a rule to its doc page (helpUri) only when the run knows the page', () => {
      const plain = sarif(sampleRun()).runs[0].tool.driver.rules;
      assert.deepEqual(
        plain.filter((rule) => 'helpUri' in rule).map((rule) => rule.id),
        [],
      );
      const run: AuditRun = {
        ...sampleRun(),
        ruleDocs: {
          syntax: 'file:///opt/dipsample/rules/docs/README.md',
          schema: 'file:///opt/dipsample/rules/docs/README.md',
          plan: 'file:///packs/docs/plan.md',
          'info-rule': 'file:///packs/docs/info%20rule.md',
        },
      };
      const log = sarif(run);
      assertValid(log);
      const helpUris = Object.fromEntries(log.runs[0].tool.driver.rules.map((rule) => [rule.id, rule.helpUri]));
      assert.deepEqual(helpUris, {
        syntax: 'file:///opt/dipsample/rules/docs/README.md',
        schema: 'file:///opt/dipsample/rules/docs/README.md',
        plan: 'file:///packs/docs/plan.md',
        quick: undefined,
        'info-rule': 'file:///packs/docs/info%20rule.md',
        'hint-rule': undefined,
      });
      // Nothing else changes: the log without the links is the log with them, minus helpUri.
      const stripped = JSON.parse(
        JSON.stringify(log, (key, value: unknown) => (key === 'helpUri' ? undefined : value)),
      );
      assert.deepEqual(stripped, sarif(sampleRun()));
    });

    describe('helpUri from a real audit (runAudit)', () => {
      const tool = { name: 'dipsample', version: '9.9.9' };
      let temp: string;
      beforeEach(() => {
        temp = mkdtempSync(path.join(tmpdir(), 'dipsample-sarif-'));
      });
      afterEach(() => rmSync(temp, { recursive: true, force: true }));

      it('points built-in rules at rules/docs/<id>.md and syntax and schema at rules/docs/README.md', async () => {
        const { run, problems } = await runAudit(
          nodeHost(RULES_DIR),
          { inputs: ['test/fixtures/cli/sample'], cwd: REPO_ROOT },
          tool,
        );
        assert.deepEqual(problems, []);
        const log = sarif(run);
        assertValid(log);
        const rules = log.runs[0].tool.driver.rules;
        const index = pathToFileURL(path.join(RULES_DIR, 'docs', 'README.md')).href;
        assert.equal(rules.find((rule) => rule.id === 'syntax')?.helpUri, index);
        assert.equal(rules.find((rule) => rule.id === 'schema')?.helpUri, index);
        for (const rule of rules.filter((r) => r.id !== 'syntax' && r.id !== 'schema')) {
          assert.equal(rule.helpUri, pathToFileURL(path.join(RULES_DIR, 'docs', `${rule.id}.md`)).href);
          assert.ok(existsSync(fileURLToPath(rule.helpUri!)), `${rule.helpUri} does not exist`);
        }
        assert.ok(rules.some((rule) => rule.id === 'filed-within-24h'));
      });

      it("links a force pack's rule only once its docs/<id>.md exists beside the pack", async () => {
        writeFileSync(
          path.join(temp, 'force.pack.yaml'),
          [
            'pack: force-extras',
            'title: Force extras',
            'rules:',
            '  - id: force-reference-present',
            '    title: Reference present',
            '    description: The record has a reference.',
            '    severity: warning',
            '    check: { function: present, options: { path: reference } }',
            '    source: [{ report: Force policy (2013), quote: Every crime has a reference. }]',
            '',
          ].join('\n'),
        );
        writeFileSync(path.join(temp, '.dipsample.yaml'), 'packs: [core, ./force.pack.yaml]\n');
        writeFileSync(
          path.join(temp, 'one.crime.yaml'),
          [
            'format: crime-file/1',
            'reference: "XS/21/0001"',
            'classification: { category: burglary_dwelling }',
            'reported_at: 2021-03-01T10:00',
            'recorded_at: 2021-03-01T10:30',
            '',
          ].join('\n'),
        );
        const audit = async () => {
          const { run, problems } = await runAudit(nodeHost(RULES_DIR), { inputs: [temp], cwd: temp }, tool);
          assert.deepEqual(problems, []);
          return run;
        };
        const before = await audit();
        assert.ok(before.ruleSets[0].rules.some((rule) => rule.id === 'force-reference-present'));
        assert.equal(before.ruleDocs?.['force-reference-present'], undefined);
        assert.ok(before.ruleDocs?.['advice-given']);
        assert.ok(
          !('helpUri' in sarif(before).runs[0].tool.driver.rules.find((r) => r.id === 'force-reference-present')!),
        );

        mkdirSync(path.join(temp, 'docs'));
        const page = path.join(temp, 'docs', 'force-reference-present.md');
        writeFileSync(page, '# force-reference-present: Reference present\n');
        const after = await audit();
        assert.equal(after.ruleDocs?.['force-reference-present'], pathToFileURL(page).href);
        const log = sarif(after);
        assertValid(log);
        assert.equal(
          log.runs[0].tool.driver.rules.find((r) => r.id === 'force-reference-present')?.helpUri,
          pathToFileURL(page).href,
        );
      });
    });

    it('locates results by relative URI (percent-encoded) and carries the crime reference', () => {
      const run = auditRun(
        [
          report(
            'odd dir/#1 file?.crime.yaml',
            [finding('plan', 'error', 'No plan')],
            [{ rule: 'plan', outcome: 'failed' }],
          ),
        ],
        [rule('plan', 'error')],
      );
      const log = sarif(run);
      assertValid(log);
      const [result] = log.runs[0].results;
      assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'odd%20dir/%231%20file%3F.crime.yaml');
      assert.deepEqual(result.properties, { reference: 'REF/#1 file?.crime.yaml' });
      const [unreadable] = sarif(sampleRun()).runs[0].results.slice(-1);
      assert.equal(unreadable.properties, undefined);
    });
  });
});
