import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseCsvText } from 'csv-parse/sync';

const parseCsv = (text: string): string[][] => parseCsvText(text, { relaxColumnCount: false });
import { REPO_ROOT, runCliCapturing, sarifValidator, type CliRun } from './helpers';

/** Working directory of every run: paths in the output are relative to it. */
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'cli');

/** Every crime file under `sample/`, in the order the CLI must report them (notes.yaml is not one). */
const SAMPLE_FILES = [
  'sample/broken/bad-syntax.crime.json',
  'sample/broken/bad-syntax.crime.yaml',
  'sample/good.crime.yaml',
  'sample/nested/deeper/deep.crime.yml',
  'sample/open.crime.json',
  'sample/quick-filed.crime.yaml',
  'sample/schema/unknown-field.crime.yaml',
];

interface Position {
  line: number;
  character: number;
}
interface JsonFinding {
  rule: string;
  severity: string;
  message: string;
  range: { start: Position; end: Position };
}
interface JsonFile {
  path: string;
  reference: string;
  findings: JsonFinding[];
}
interface JsonRuleSummary {
  rule: string;
  failed: number;
  passed: number;
  notApplicable: number;
  notAudited?: number;
}
interface JsonReport {
  files: JsonFile[];
  summary: { files: number; rules: JsonRuleSummary[] };
}

const cli = (args: string[], cwd = FIXTURES, progress = false) => runCliCapturing(args, cwd, progress);

async function json(args: string[], cwd = FIXTURES): Promise<JsonReport> {
  const run = await cli([...args, '--format', 'json'], cwd);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stderr, '');
  return JSON.parse(run.stdout) as JsonReport;
}

const fileIn = (report: JsonReport, file: string): JsonFile => {
  const found = report.files.find((f) => f.path === file);
  assert.ok(found, `${file} not in the report: ${report.files.map((f) => f.path).join(', ')}`);
  return found;
};
const rulesOf = (file: JsonFile) => file.findings.map((f) => f.rule);
/** 1-based "line:col" of a finding, as the text format shows it. */
const at = (finding: JsonFinding) => `${finding.range.start.line + 1}:${finding.range.start.character + 1}`;

/** A usage or configuration error: status 2, nothing on stdout, one `dipsample:` line per problem on stderr. */
function assertRefused(run: CliRun, lines = 1): string[] {
  assert.equal(run.status, 2, `expected exit 2, got ${run.status}; stderr: ${run.stderr}`);
  assert.equal(run.stdout, '');
  assert.ok(run.stderr.endsWith('\n'), JSON.stringify(run.stderr));
  const errors = run.stderr.slice(0, -1).split('\n');
  assert.equal(errors.length, lines, run.stderr);
  for (const line of errors) assert.match(line, /^dipsample: \S/);
  return errors;
}

describe('CLI: dipsample audit', function () {
  describe('finding files', () => {
    it('searches folders recursively for *.crime.yaml|yml|json, skips other files, and sorts paths', async () => {
      const report = await json(['audit', 'sample']);
      assert.deepEqual(
        report.files.map((f) => f.path),
        SAMPLE_FILES,
      );
      assert.equal(report.summary.files, SAMPLE_FILES.length);
    });

    it('reports the same files in the same order however the inputs are given (no duplicates)', async () => {
      const a = await cli(['audit', 'sample']);
      const b = await cli(['audit', 'sample/schema', 'sample/broken/bad-syntax.crime.json', 'sample', './sample/']);
      assert.equal(b.status, 0);
      assert.equal(b.stdout, a.stdout);
      const again = await cli(['audit', 'sample']);
      assert.equal(again.stdout, a.stdout);
    });

    it('audits a file named on the command line whatever its name', async () => {
      const report = await json(['audit', 'sample/notes.yaml']);
      assert.deepEqual(
        report.files.map((f) => f.path),
        ['sample/notes.yaml'],
      );
      assert.ok(rulesOf(report.files[0]).includes('schema'));
    });

    it('shows paths relative to the working directory, with forward slashes, for relative and absolute inputs', async () => {
      for (const input of ['sample', path.join(FIXTURES, 'sample')]) {
        const report = await json(['audit', input]);
        assert.deepEqual(
          report.files.map((f) => f.path),
          SAMPLE_FILES,
        );
      }
      const fromInside = await json(['audit', '.'], path.join(FIXTURES, 'sample', 'nested'));
      assert.deepEqual(
        fromInside.files.map((f) => f.path),
        ['deeper/deep.crime.yml'],
      );
    });
  });

  describe('text output', () => {
    let run: CliRun;
    before(async () => {
      run = await cli(['audit', 'sample']);
    });

    it('exits 0 although there are findings, and writes nothing on stderr', () => {
      assert.equal(run.status, 0);
      assert.equal(run.stderr, '');
    });

    it('lists each file with findings (and its reference), then one line per finding: 1-based line:col, severity, message, [rule]', async () => {
      const report = await json(['audit', 'sample']);
      const lines = run.stdout.split('\n');
      /** The finding lines under a file's header, checked against [line:col, severity label, rule] and the JSON message. */
      const expectBlock = (file: string, header: string, expected: Array<[string, string, string]>) => {
        const start = lines.indexOf(header);
        assert.ok(start >= 0, `no "${header}" line in:\n${run.stdout}`);
        const block = lines.slice(start + 1, lines.indexOf('', start));
        const messages = fileIn(report, file).findings.map((f) => f.message);
        assert.equal(block.length, expected.length, block.join('\n'));
        block.forEach((line, i) => {
          const [where, label, rule] = expected[i];
          assert.equal(line, `  ${where.padEnd(8)}${label.padEnd(9)}${messages[i]}  [${rule}]`);
        });
      };
      expectBlock('sample/quick-filed.crime.yaml', 'sample/quick-filed.crime.yaml  (XS/21/000102)', [
        ['3:1', 'error', 'investigation-plan-present'],
        ['14:1', 'warning', 'advice-given'],
        ['14:1', 'error', 'supervision-recorded'],
        ['25:7', 'warning', 'filed-within-24h'],
      ]);
      expectBlock('sample/broken/bad-syntax.crime.json', 'sample/broken/bad-syntax.crime.json', [
        ['5:3', 'error', 'syntax'],
      ]);
      expectBlock('sample/broken/bad-syntax.crime.yaml', 'sample/broken/bad-syntax.crime.yaml', [
        ['4:1', 'error', 'syntax'],
      ]);
      expectBlock('sample/schema/unknown-field.crime.yaml', 'sample/schema/unknown-field.crime.yaml  (XS/21/000301)', [
        ['7:1', 'error', 'schema'],
        ['9:11', 'error', 'schema'],
      ]);
      expectBlock('sample/open.crime.json', 'sample/open.crime.json  (XS/21/000103)', [
        ['13:3', 'error', 'supervision-recorded'],
      ]);
      expectBlock('sample/nested/deeper/deep.crime.yml', 'sample/nested/deeper/deep.crime.yml  (XS/21/000104)', [
        ['14:1', 'warning', 'advice-given'],
      ]);
      assert.match(run.stdout, /^ {2}5:3 {5}error {4}Invalid JSON: .+ {2}\[syntax\]$/m);
      assert.match(run.stdout, /^ {2}25:7 {4}warning {2}Filed 3 h .*\(less than 24h\) {2}\[filed-within-24h\]$/m);
    });

    it('leaves out files without findings and files that are not crime files', () => {
      assert.ok(!run.stdout.includes('good.crime.yaml'));
      assert.ok(!run.stdout.includes('XS/21/000101'));
      assert.ok(!run.stdout.includes('notes.yaml'));
    });

    it('lists files in sorted path order', () => {
      const headers = run.stdout.split('\n').filter((line) => line.startsWith('sample/'));
      const paths = headers.map((line) => line.split('  ')[0]);
      assert.deepEqual(
        paths,
        SAMPLE_FILES.filter((f) => f !== 'sample/good.crime.yaml'),
      );
    });

    it('ends with the sample summary: per rule failed / passed / n/a and the failed % of applicable files with its 95% Wilson interval and n', () => {
      // Wilson by hand: 1 of 5 → centre (.2 + 1.9208/5)/(1 + 3.8415/5) = .3303, half-width .2941 → 3.6–62.4;
      // 2 of 5 → .4435 ± .3258 → 11.8–76.9; 1 of 3 → .4269 ± .3654 → 6.1–79.2.
      const lines = run.stdout.trimEnd().split('\n');
      const start = lines.findIndex((line) => line.startsWith('Sample summary:'));
      assert.ok(start > 0);
      assert.deepEqual(lines.slice(start), [
        'Sample summary: 7 files audited; 2 unreadable (syntax errors), 1 breaking the crime-file schema',
        '  rule                        failed  passed  n/a   not audited  failed % of applicable (95% CI), n',
        '  investigation-plan-present       1       4     0            2  20.0% (3.6–62.4), 1 of 5',
        '  supervision-recorded             2       3     0            2  40.0% (11.8–76.9), 2 of 5',
        '  filed-within-24h                 1       2     2            2  33.3% (6.1–79.2), 1 of 3',
        '  advice-given                     2       3     0            2  40.0% (11.8–76.9), 2 of 5',
        '  (not audited: the file was unreadable, or the rule read a field that breaks the crime-file schema)',
        'Findings: 7 error, 3 warning, 0 information, 0 hint',
      ]);
      assert.ok(run.stdout.endsWith('hint\n'));
    });

    it('shows "—" for a rule no file was applicable to', async () => {
      const open = await cli(['audit', 'sample/open.crime.json']);
      assert.match(open.stdout, /^ {2}filed-within-24h +0 +0 +1 {2}—$/m);
    });

    it('refuses a folder with no crime file (exit 2), as linters refuse a pattern that matches nothing', async () => {
      const empty = await cli(['audit', 'configs']);
      assert.equal(empty.status, 2);
      assert.equal(empty.stdout, '');
      assert.equal(empty.stderr, 'dipsample: No crime files (*.crime.yaml, *.crime.yml, *.crime.json) in configs\n');
    });
  });

  describe('--format json', () => {
    let report: JsonReport;
    before(async () => {
      report = await json(['audit', 'sample']);
    });

    it('has exactly the documented shape (extra keys allowed)', () => {
      assert.ok(Array.isArray(report.files));
      for (const file of report.files) {
        assert.equal(typeof file.path, 'string');
        assert.equal(typeof file.reference, 'string', `reference of ${file.path}`);
        assert.ok(Array.isArray(file.findings));
        for (const finding of file.findings) {
          assert.equal(typeof finding.rule, 'string');
          assert.ok(['error', 'warning', 'information', 'hint'].includes(finding.severity), finding.severity);
          assert.equal(typeof finding.message, 'string');
          for (const end of [finding.range.start, finding.range.end]) {
            assert.ok(Number.isInteger(end.line) && end.line >= 0, JSON.stringify(finding.range));
            assert.ok(Number.isInteger(end.character) && end.character >= 0, JSON.stringify(finding.range));
          }
        }
      }
      assert.equal(typeof report.summary.files, 'number');
      assert.ok(Array.isArray(report.summary.rules));
      for (const rule of report.summary.rules) {
        assert.equal(typeof rule.rule, 'string');
        for (const key of ['failed', 'passed', 'notApplicable'] as const)
          assert.ok(Number.isInteger(rule[key]), `${rule.rule}.${key}`);
      }
    });

    it('gives references, 0-based ranges and the findings of each file', () => {
      assert.equal(fileIn(report, 'sample/quick-filed.crime.yaml').reference, 'XS/21/000102');
      assert.equal(fileIn(report, 'sample/broken/bad-syntax.crime.yaml').reference, '');
      assert.deepEqual(fileIn(report, 'sample/good.crime.yaml').findings, []);
      const filing = fileIn(report, 'sample/quick-filed.crime.yaml').findings.find(
        (f) => f.rule === 'filed-within-24h',
      )!;
      assert.deepEqual(filing, {
        rule: 'filed-within-24h',
        severity: 'warning',
        message: filing.message,
        range: { start: { line: 24, character: 6 }, end: { line: 24, character: 22 } },
      });
      assert.match(filing.message, /^Filed 3 h .*\(less than 24h\)$/);
      assert.deepEqual(rulesOf(fileIn(report, 'sample/open.crime.json')), ['supervision-recorded']);
      assert.deepEqual(rulesOf(fileIn(report, 'sample/nested/deeper/deep.crime.yml')), ['advice-given']);
    });

    it('summarises every core rule, with counts consistent with the findings', () => {
      assert.deepEqual(
        report.summary.rules.map((r) => r.rule),
        ['investigation-plan-present', 'supervision-recorded', 'filed-within-24h', 'advice-given'],
      );
      assert.equal(report.summary.files, report.files.length);
      const unreadable = report.files.filter((f) => f.findings.some((x) => x.rule === 'syntax')).length;
      for (const rule of report.summary.rules) {
        const failing = report.files.filter((f) => f.findings.some((x) => x.rule === rule.rule)).length;
        assert.equal(rule.failed, failing, `${rule.rule}: failed = files with a finding of the rule`);
        assert.equal(rule.failed + rule.passed + rule.notApplicable, report.files.length - unreadable, rule.rule);
        assert.equal(rule.notAudited, unreadable, rule.rule);
      }
      const filing = report.summary.rules.find((r) => r.rule === 'filed-within-24h')!;
      assert.deepEqual([filing.failed, filing.passed, filing.notApplicable], [1, 2, 2]);
    });
  });

  describe('--format sarif', () => {
    let validate: ReturnType<typeof sarifValidator>;
    before(() => {
      validate = sarifValidator();
    });

    interface SarifResult {
      ruleId: string;
      ruleIndex?: number;
      level: string;
      message: { text: string };
      locations: Array<{
        physicalLocation: {
          artifactLocation: { uri: string; uriBaseId?: string };
          region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
        };
      }>;
    }
    interface SarifLog {
      version: string;
      runs: Array<{ tool: { driver: { name: string; rules: Array<{ id: string }> } }; results: SarifResult[] }>;
    }

    for (const args of [['sample'], ['sample', 'configured'], ['sample/good.crime.yaml']]) {
      it(`is valid SARIF 2.1.0 against the OASIS schema (audit ${args.join(' ')})`, async () => {
        const run = await cli(['audit', ...args, '--format', 'sarif']);
        assert.equal(run.status, 0, run.stderr);
        const log = JSON.parse(run.stdout) as SarifLog;
        const valid = validate(log);
        assert.deepEqual(validate.errors ?? [], [], 'schema errors');
        assert.ok(valid);
      });
    }

    it('has one result per finding, each naming a rule the driver describes, with 1-based regions', async () => {
      const run = await cli(['audit', 'sample', '--format', 'sarif']);
      const log = JSON.parse(run.stdout) as SarifLog;
      const report = await json(['audit', 'sample']);
      assert.equal(log.version, '2.1.0');
      assert.equal(log.runs.length, 1);
      const [sarif] = log.runs;
      assert.equal(sarif.tool.driver.name, 'dipsample');
      const findings = report.files.flatMap((file) => file.findings.map((finding) => ({ file: file.path, finding })));
      assert.equal(sarif.results.length, findings.length);
      const ruleIds = sarif.tool.driver.rules.map((r) => r.id);
      for (const id of [
        'syntax',
        'schema',
        'investigation-plan-present',
        'supervision-recorded',
        'filed-within-24h',
        'advice-given',
      ])
        assert.ok(ruleIds.includes(id), id);
      sarif.results.forEach((result, i) => {
        const { file, finding } = findings[i];
        assert.equal(result.ruleId, finding.rule);
        assert.equal(sarif.tool.driver.rules[result.ruleIndex!].id, result.ruleId);
        assert.equal(
          result.level,
          finding.severity === 'error' ? 'error' : finding.severity === 'warning' ? 'warning' : 'note',
        );
        assert.equal(result.message.text, finding.message);
        const { artifactLocation, region } = result.locations[0].physicalLocation;
        assert.equal(artifactLocation.uri, file);
        assert.deepEqual(region, {
          startLine: finding.range.start.line + 1,
          startColumn: finding.range.start.character + 1,
          endLine: finding.range.end.line + 1,
          endColumn: finding.range.end.character + 1,
        });
      });
      const syntax = sarif.results.find(
        (r) => r.locations[0].physicalLocation.artifactLocation.uri === 'sample/broken/bad-syntax.crime.json',
      )!;
      assert.equal(syntax.ruleId, 'syntax');
      assert.equal(syntax.level, 'error');
      assert.deepEqual(syntax.locations[0].physicalLocation.region, {
        startLine: 5,
        startColumn: 3,
        endLine: 5,
        endColumn: 16,
      });
    });
  });

  describe('--format csv', () => {
    it('has a header and one row per finding, quoted where needed, with 1-based positions', async () => {
      const run = await cli(['audit', 'sample', '--format', 'csv']);
      assert.equal(run.status, 0);
      assert.equal(run.stdout.split('\n')[0], 'path,reference,rule,severity,line,column,end_line,end_column,message');
      const [header, ...rows] = parseCsv(run.stdout);
      const report = await json(['audit', 'sample']);
      const findings = report.files.flatMap((file) => file.findings.map((finding) => ({ file, finding })));
      assert.equal(rows.length, findings.length);
      rows.forEach((row, i) => {
        assert.equal(row.length, header.length, row.join('|'));
        const { file, finding } = findings[i];
        const record = Object.fromEntries(header.map((name, j) => [name, row[j]]));
        assert.deepEqual(record, {
          path: file.path,
          reference: file.reference ?? '',
          rule: finding.rule,
          severity: finding.severity,
          line: String(finding.range.start.line + 1),
          column: String(finding.range.start.character + 1),
          end_line: String(finding.range.end.line + 1),
          end_column: String(finding.range.end.character + 1),
          message: finding.message,
        });
      });
      assert.match(
        run.stdout,
        /^sample\/broken\/bad-syntax\.crime\.json,,syntax,error,5,3,5,16,"Invalid JSON: [^\n]*,[^\n]*"$/m,
      ); // quoted: the message has a comma
    });

    it('is just the header when there are no findings', async () => {
      const run = await cli(['audit', 'sample/good.crime.yaml', '--format', 'csv']);
      assert.equal(run.stdout, 'path,reference,rule,severity,line,column,end_line,end_column,message\n');
    });
  });

  describe('malformed files', () => {
    it('gives a located syntax finding and audits the rest of the sample', async () => {
      const report = await json(['audit', 'sample']);
      const yaml = fileIn(report, 'sample/broken/bad-syntax.crime.yaml');
      assert.deepEqual(rulesOf(yaml), ['syntax']);
      assert.equal(at(yaml.findings[0]), '4:1');
      assert.equal(yaml.findings[0].severity, 'error');
      const jsonFile = fileIn(report, 'sample/broken/bad-syntax.crime.json');
      assert.deepEqual(rulesOf(jsonFile), ['syntax']);
      assert.equal(at(jsonFile.findings[0]), '5:3');
      assert.equal(rulesOf(fileIn(report, 'sample/quick-filed.crime.yaml')).length, 4);
      assert.equal(report.files.length, SAMPLE_FILES.length);
    });

    it('reports schema breaches at the offending key or value and still runs the rules', async () => {
      const report = await json(['audit', 'sample/schema']);
      const [file] = report.files;
      assert.deepEqual(
        file.findings.map((f) => `${at(f)} ${f.rule}`),
        ['7:1 schema', '9:11 schema'],
      );
      assert.match(file.findings[0].message, /victim_name/);
      assert.match(file.findings[1].message, /attendance\.status/);
      const plan = report.summary.rules.find((r) => r.rule === 'investigation-plan-present')!;
      assert.equal(plan.passed, 1);
    });
  });

  describe('configuration', () => {
    it('applies the nearest .dipsample.yaml to the files beneath it only', async () => {
      const report = await json(['audit', 'sample', 'configured']);
      const configured = fileIn(report, 'configured/filed-48h.crime.yaml');
      assert.deepEqual(rulesOf(configured), ['filed-within-24h']); // advice-given is off there
      assert.match(configured.findings[0].message, /less than 72h/);
      assert.equal(configured.findings[0].severity, 'warning');
      const quick = fileIn(report, 'sample/quick-filed.crime.yaml');
      assert.match(quick.findings.find((f) => f.rule === 'filed-within-24h')!.message, /less than 24h/);
      assert.ok(rulesOf(quick).includes('advice-given'));
    });

    it('--config FILE overrides discovery', async () => {
      const report = await json(['audit', 'configured', '--config', 'configs/strict.dipsample.yaml']);
      const configured = fileIn(report, 'configured/filed-48h.crime.yaml');
      assert.deepEqual(rulesOf(configured), ['advice-given']); // 48 h passes the default 24 h; advice is checked again
      assert.ok(!report.summary.rules.some((r) => r.rule === 'supervision-recorded'));

      const sample = await json(['audit', 'sample', '--config', 'configs/strict.dipsample.yaml']);
      const quick = fileIn(sample, 'sample/quick-filed.crime.yaml');
      assert.ok(!rulesOf(quick).includes('supervision-recorded'));
      assert.equal(quick.findings.find((f) => f.rule === 'filed-within-24h')!.severity, 'error');
    });

    it('exits 2 with file:line:col for each problem in a broken configuration, and audits nothing', async () => {
      const errors = assertRefused(await cli(['audit', 'bad-config']), 2).sort();
      assert.match(
        errors[0],
        /^dipsample: configuration error: bad-config\/\.dipsample\.yaml:3:3: Unknown rule "advice-givn" \(did you mean "advice-given"\?\)$/,
      );
      assert.match(
        errors[1],
        /^dipsample: configuration error: bad-config\/\.dipsample\.yaml:6:18: Rule filed-within-24h: \S/,
      );
    });

    it('exits 2 when any audited folder has a broken configuration', async () => {
      assertRefused(await cli(['audit', 'sample', 'bad-config', '--format', 'json']), 2);
    });

    it('exits 2 for a broken or missing --config file', async () => {
      const [broken] = assertRefused(await cli(['audit', 'sample', '--config', 'bad-config/.dipsample.yaml']), 2);
      assert.match(broken, /^dipsample: configuration error: bad-config\/\.dipsample\.yaml:\d+:\d+: /);
      const [missing] = assertRefused(await cli(['audit', 'sample', '--config', 'configs/missing.yaml']));
      assert.match(missing, /^dipsample: configuration file not found: configs\/missing\.yaml$/);
    });
  });

  describe('exit status', () => {
    it('--fail-on error exits 1 when there is an error finding, still printing the report', async () => {
      const run = await cli(['audit', 'sample', '--fail-on', 'error']);
      assert.equal(run.status, 1);
      assert.match(run.stdout, /^Sample summary: 7 files audited/m);
      assert.equal(run.stderr, '');
      assert.equal((await cli(['audit', 'sample/broken/bad-syntax.crime.json', '--fail-on', 'error'])).status, 1);
    });

    it('--fail-on error exits 0 when there are only warnings; --fail-on warning exits 1', async () => {
      assert.equal((await cli(['audit', 'configured', '--fail-on', 'error'])).status, 0);
      assert.equal((await cli(['audit', 'configured', '--fail-on', 'warning'])).status, 1);
      assert.equal((await cli(['audit', 'configured', '--fail-on', 'warning', '--format', 'json'])).status, 1);
    });

    it('exits 0 with --fail-on when nothing reaches the threshold', async () => {
      assert.equal((await cli(['audit', 'sample/good.crime.yaml', '--fail-on', 'warning'])).status, 0);
    });

    it('exits 0 without --fail-on, whatever the findings', async () => {
      assert.equal((await cli(['audit', 'sample'])).status, 0);
    });
  });

  describe('progress', () => {
    it('shows a self-clearing progress line on stderr when it is a terminal, never on stdout', async () => {
      const quiet = await cli(['audit', 'sample', '--format', 'json']);
      const shown = await cli(['audit', 'sample', '--format', 'json'], FIXTURES, true);
      assert.equal(shown.stdout, quiet.stdout, 'the report is the same');
      assert.match(shown.stderr, /\rAuditing \d+\/\d+ files \(100%\)/);
      assert.ok(shown.stderr.endsWith('\r\x1b[2K'), 'the line is cleared before the report');
      assert.equal(quiet.stderr, '');
    });
  });

  describe('usage errors (exit 2, one line on stderr, nothing on stdout)', () => {
    const cases: Array<[string, string[], RegExp]> = [
      ['no paths', ['audit'], /missing required argument 'paths'/],
      ['an unknown format', ['audit', 'sample', '--format', 'xml'], /'xml' is invalid.*text, json, sarif, csv/],
      ['a missing format value', ['audit', 'sample', '--format'], /argument missing/],
      ['an unknown option', ['audit', 'sample', '--bogus'], /unknown option '--bogus'/],
      [
        'a misspelt option (suggestion on the same line)',
        ['audit', 'sample', '--formt', 'json'],
        /unknown option '--formt'.*--format/,
      ],
      ['an unknown --fail-on level', ['audit', 'sample', '--fail-on', 'info'], /'info' is invalid/],
      ['a nonexistent path', ['audit', 'does-not-exist'], /No such file or folder: .*does-not-exist$/],
      [
        'a nonexistent path beside a real one',
        ['audit', 'sample', 'does-not-exist.crime.yaml'],
        /No such file or folder: .*does-not-exist\.crime\.yaml$/,
      ],
      ['an unknown command', ['audti', 'sample'], /unknown command 'audti'/],
    ];
    for (const [what, args, reason] of cases) {
      it(`refuses ${what}`, async () => {
        const [line] = assertRefused(await cli(args));
        assert.match(line, reason);
      });
    }

    it('refuses a bare `dipsample` (no command) with exit 2 and help on stderr', async () => {
      const run = await cli([]);
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /Usage: dipsample/);
    });

    it('--help and --version exit 0 on stdout', async () => {
      const help = await cli(['audit', '--help']);
      assert.equal(help.status, 0);
      assert.match(help.stdout, /Usage: dipsample audit \[options\] <paths\.\.\.>/);
      assert.match(help.stdout, /--fail-on/);
      const version = await cli(['--version']);
      assert.equal(version.status, 0);
      assert.equal(
        version.stdout,
        `${(JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version}\n`,
      );
    });
  });

  describe('the built bundle (node dist/cli.js)', function () {
    this.timeout(120_000);
    const bundle = path.join(REPO_ROOT, 'dist', 'cli.js');
    const spawn = (...args: string[]) =>
      spawnSync(process.execPath, [bundle, ...args], { cwd: FIXTURES, encoding: 'utf8' });

    before(() => {
      execFileSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, stdio: 'pipe' });
    });

    it('audits a sample and prints the JSON report (exit 0)', () => {
      const child = spawn('audit', 'sample', '--format', 'json');
      assert.equal(child.status, 0, child.stderr);
      assert.equal(child.stderr, '');
      const report = JSON.parse(child.stdout) as JsonReport;
      assert.deepEqual(
        report.files.map((f) => f.path),
        SAMPLE_FILES,
      );
      assert.equal(report.summary.rules.length, 4);
    });

    it('exits 1 with --fail-on and 0 without', () => {
      assert.equal(spawn('audit', 'configured').status, 0);
      assert.equal(spawn('audit', 'configured', '--fail-on', 'warning').status, 1);
      assert.equal(spawn('audit', 'configured', '--fail-on', 'error').status, 0);
    });

    it('exits 2 with a one-line reason for usage and configuration errors', () => {
      for (const args of [['audit'], ['audit', 'nowhere'], ['audit', 'sample', '--format', 'xml']]) {
        const child = spawn(...args);
        assert.equal(child.status, 2, args.join(' '));
        assert.equal(child.stdout, '');
        assert.match(child.stderr, /^dipsample: [^\n]+\n$/);
      }
      const config = spawn('audit', 'bad-config');
      assert.equal(config.status, 2);
      assert.equal(config.stdout, '');
      assert.match(
        config.stderr,
        /^(dipsample: configuration error: bad-config\/\.dipsample\.yaml:\d+:\d+: [^\n]+\n){2}$/,
      );
    });
  });
});
