import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { runCli, type CliIo } from '../../src/cli/cli';
import { colorWanted } from '../../src/cli/colors';
import { InputError } from '../../src/node/findCrimeFiles';
import { readStream } from '../../src/node/readStream';
import { FORMATS, errorsOnly, type AuditRun } from '../../src/report';
import { escapeData, escapeProperty, githubAnnotations } from '../../src/report/formats/github';
import { junitReport } from '../../src/report/formats/junit';
import { ruleName } from '../../src/report/formats/sarif';
import type { FileReport, Finding, Severity } from '../../src/engine';
import { REPO_ROOT, range, sarifValidator, type CliRun } from './helpers';

// Issue 16, section 1: the CLI behaves like the linters people know (eslint, markdownlint-cli2, spectral).

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'cli');
const QUICK_FILED = path.join(FIXTURES, 'sample', 'quick-filed.crime.yaml');
const GOOD = path.join(FIXTURES, 'sample', 'good.crime.yaml');
const ESC = '\x1b[';

/** Runs the CLI in-process with what `main.ts` would pass: stdin, a terminal or not, an environment. */
async function run(args: string[], cwd = FIXTURES, extra: Partial<CliIo> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    progress: false,
    cwd,
    ...extra,
  });
  return { status, stdout, stderr };
}

const stdinOf = (text: string) => ({ readStdin: async () => text });

interface JsonFinding {
  rule: string;
  severity: Severity;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}
interface JsonReport {
  files: Array<{ path: string; reference: string; findings: JsonFinding[] }>;
  summary: { files: number; findings: Record<string, number> };
  hiddenFindings?: Record<string, number>;
}

async function json(args: string[], cwd = FIXTURES, extra: Partial<CliIo> = {}): Promise<JsonReport> {
  const result = await run([...args, '--format', 'json'], cwd, extra);
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as JsonReport;
}

const paths = (report: JsonReport) => report.files.map((file) => file.path);

/** A temporary folder tree: { 'a/b.crime.yaml': text }. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'dipsample-cli16-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

const good = readFileSync(GOOD, 'utf8');
const quickFiled = readFileSync(QUICK_FILED, 'utf8');

describe('dipsample audit: the conventions of linters (issue 16)', () => {
  const temporary: string[] = [];
  const temp = (files: Record<string, string>) => {
    const root = tree(files);
    temporary.push(root);
    return root;
  };
  after(() => {
    for (const root of temporary) rmSync(root, { recursive: true, force: true });
  });

  describe('audit - (one file from stdin)', () => {
    it('audits the text read from stdin exactly as the file on disk, named <stdin>', async () => {
      const fromDisk = await json(['audit', 'sample/quick-filed.crime.yaml']);
      const fromStdin = await json(['audit', '-'], FIXTURES, stdinOf(quickFiled));
      assert.deepEqual(paths(fromStdin), ['<stdin>']);
      assert.deepEqual(fromStdin.files[0].findings, fromDisk.files[0].findings);
      assert.equal(fromStdin.files[0].reference, 'XS/21/000102');
    });

    it('--stdin-filename names the file in messages and decides which configuration applies', async () => {
      const root = temp({ 'strict/.dipsample.yaml': 'rules:\n  supervision-recorded: off\n' });
      const strict = await json(['audit', '-', '--stdin-filename', 'strict/new.crime.yaml'], root, stdinOf(quickFiled));
      assert.deepEqual(paths(strict), ['strict/new.crime.yaml']);
      assert.ok(!strict.files[0].findings.some((finding) => finding.rule === 'supervision-recorded'));
      const elsewhere = await json(
        ['audit', '-', '--stdin-filename', 'other/new.crime.yaml'],
        root,
        stdinOf(quickFiled),
      );
      assert.ok(elsewhere.files[0].findings.some((finding) => finding.rule === 'supervision-recorded'));

      const text = await run(['audit', '-', '--stdin-filename', 'strict/new.crime.yaml'], root, stdinOf(quickFiled));
      assert.match(text.stdout, /^strict\/new\.crime\.yaml {2}\(XS\/21\/000102\)$/m);
      // A .json name reads the text as JSON, as it would the file.
      const asJson = await json(['audit', '-', '--stdin-filename', 'x.crime.json'], root, stdinOf('{ "a": 1, }'));
      assert.match(asJson.files[0].findings[0].message, /^Invalid JSON/);
    });

    it('refuses - with other paths, --stdin-filename without -, and - with no stdin (exit 2, one line)', async () => {
      for (const [args, message] of [
        [['audit', '-', 'sample'], /^dipsample: - \(read stdin\) cannot be combined with other paths\n$/],
        [['audit', 'sample', '--stdin-filename', 'x.crime.yaml'], /^dipsample: --stdin-filename needs -/],
      ] as const) {
        const result = await run([...args], FIXTURES, stdinOf(good));
        assert.equal(result.status, 2, args.join(' '));
        assert.equal(result.stdout, '');
        assert.match(result.stderr, message);
      }
      const none = await run(['audit', '-']);
      assert.equal(none.status, 2);
      assert.equal(none.stderr, 'dipsample: there is no standard input to read\n');
    });

    it('reads stdin up to the file limit and no further', async () => {
      assert.equal(await readStream(Readable.from([Buffer.from('a: '), Buffer.from('1\n')])), 'a: 1\n');
      // Bytes that are not UTF-8 arrive as U+FFFD, as from a file, for the engine to report.
      assert.equal(await readStream(Readable.from([Buffer.from([0x61, 0xe9, 0x0a])])), 'a\ufffd\n');
      await assert.rejects(
        readStream(Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), 'standard input', 1024),
        (error: Error) => error instanceof InputError && /larger than/.test(error.message),
      );
    });

    it('reads real standard input through main.ts', function () {
      this.timeout(60_000);
      const child = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          path.join(REPO_ROOT, 'src', 'cli', 'main.ts'),
          'audit',
          '-',
          '--stdin-filename',
          'piped.crime.yaml',
        ],
        { cwd: FIXTURES, input: quickFiled, encoding: 'utf8' },
      );
      assert.equal(child.status, 0, child.stderr);
      assert.match(child.stdout, /^piped\.crime\.yaml {2}\(XS\/21\/000102\)$/m);
      assert.ok(!child.stdout.includes(ESC), 'no colour when piped');
    });
  });

  describe('globs, expanded by the tool', () => {
    it('expands a quoted glob, keeping only crime files', async () => {
      assert.deepEqual(paths(await json(['audit', 'sample/**/*.crime.yaml'])), [
        'sample/broken/bad-syntax.crime.yaml',
        'sample/good.crime.yaml',
        'sample/quick-filed.crime.yaml',
        'sample/schema/unknown-field.crime.yaml',
      ]);
      // sample/*.yaml matches notes.yaml too, which is not a crime file.
      assert.deepEqual(paths(await json(['audit', 'sample/*.yaml'])), [
        'sample/good.crime.yaml',
        'sample/quick-filed.crime.yaml',
      ]);
      assert.deepEqual(paths(await json(['audit', 'sample/{open,good}.crime.*', 'sample/nested/**'])), [
        'sample/good.crime.yaml',
        'sample/nested/deeper/deep.crime.yml',
        'sample/open.crime.json',
      ]);
    });

    it('refuses a glob or a folder that matches no crime file (exit 2 with a message)', async () => {
      for (const [input, message] of [
        ['sample/*.txt', 'match sample/*.txt'],
        ['nowhere/**/*.crime.yaml', 'match nowhere/**/*.crime.yaml'],
        ['configs', 'in configs'],
      ]) {
        const result = await run(['audit', 'sample/good.crime.yaml', input]);
        assert.equal(result.status, 2, input);
        assert.equal(result.stdout, '');
        assert.equal(result.stderr, `dipsample: No crime files (*.crime.yaml, *.crime.yml, *.crime.json) ${message}\n`);
      }
      const missing = await run(['audit', 'nowhere']);
      assert.equal(missing.status, 2);
      assert.equal(missing.stderr, 'dipsample: No such file or folder: nowhere\n');
    });
  });

  describe('ignores (.dipsample.yaml) and --ignore-pattern', () => {
    let root: string;
    before(() => {
      root = temp({
        '.dipsample.yaml': 'ignores:\n  - /drafts/\n  - "*.old.crime.yaml"\n',
        'a.crime.yaml': good,
        'local.crime.yaml': good,
        'drafts/b.crime.yaml': good,
        'sub/.dipsample.yaml': 'extends: ../.dipsample.yaml\nignores: [local.crime.yaml]\n',
        'sub/c.old.crime.yaml': good,
        'sub/local.crime.yaml': good,
        'sub/drafts/d.crime.yaml': good,
        'sub/e.crime.yaml': good,
      });
    });

    it('leaves out what ignores list, each glob relative to the folder of the file that lists it', async () => {
      // /drafts/ is the root's drafts folder, not sub/drafts; sub's local.crime.yaml is not the root's.
      assert.deepEqual(paths(await json(['audit', '.'], root)), [
        'a.crime.yaml',
        'local.crime.yaml',
        'sub/drafts/d.crime.yaml',
        'sub/e.crime.yaml',
      ]);
      // The same from inside sub, and for globs.
      assert.deepEqual(paths(await json(['audit', '.'], path.join(root, 'sub'))), [
        'drafts/d.crime.yaml',
        'e.crime.yaml',
      ]);
      assert.deepEqual(paths(await json(['audit', '**/*.crime.yaml'], root)), [
        'a.crime.yaml',
        'local.crime.yaml',
        'sub/drafts/d.crime.yaml',
        'sub/e.crime.yaml',
      ]);
    });

    it('--config decides the ignores, relative to its own folder', async () => {
      const config = temp({ 'force/.dipsample.yaml': 'ignores: [a.crime.yaml]\n' });
      const report = await json(['audit', root, '--config', path.join(config, 'force', '.dipsample.yaml')], root);
      assert.ok(
        report.files.some((file) => file.path === 'a.crime.yaml'),
        'outside its folder: not ignored',
      );
      const inside = temp({
        '.dipsample.yaml': 'ignores: [a.crime.yaml]\n',
        'a.crime.yaml': good,
        'b.crime.yaml': good,
      });
      assert.deepEqual(paths(await json(['audit', '.', '--config', '.dipsample.yaml'], inside)), ['b.crime.yaml']);
    });

    it('--ignore-pattern adds globs relative to the working folder (repeatable)', async () => {
      assert.deepEqual(
        paths(await json(['audit', '.', '--ignore-pattern', 'sub/drafts', '--ignore-pattern', 'a.*'], root)),
        ['local.crime.yaml', 'sub/e.crime.yaml'],
      );
      assert.deepEqual(
        paths(await json(['audit', 'sample', '--ignore-pattern', '**/broken/', '--ignore-pattern', '*.json'])),
        [
          'sample/good.crime.yaml',
          'sample/nested/deeper/deep.crime.yml',
          'sample/quick-filed.crime.yaml',
          'sample/schema/unknown-field.crime.yaml',
        ],
      );
    });

    it('audits a file named on the command line whatever the ignores say', async () => {
      assert.deepEqual(
        paths(await json(['audit', 'drafts/b.crime.yaml', 'a.crime.yaml', '--ignore-pattern', 'a.*'], root)),
        ['a.crime.yaml', 'drafts/b.crime.yaml'],
      );
    });

    it('says how many files were ignored when nothing is left (exit 2)', async () => {
      const result = await run(['audit', 'drafts', 'sub', '--ignore-pattern', 'sub'], root);
      assert.equal(result.status, 2);
      assert.equal(
        result.stderr,
        'dipsample: No crime files (*.crime.yaml, *.crime.yml, *.crime.json) in drafts (1 ignored by ignores or --ignore-pattern)\n',
      );
    });

    it('is part of the configuration schema: a bad value is a located configuration error', async () => {
      const bad = temp({ '.dipsample.yaml': 'ignores: drafts\n', 'a.crime.yaml': good });
      const result = await run(['audit', '.'], bad);
      assert.equal(result.status, 2);
      assert.equal(
        result.stderr,
        'dipsample: configuration error: .dipsample.yaml:1:10: Configuration: `ignores` must be a list (found string "drafts")\n',
      );
      const schema = JSON.parse(
        readFileSync(path.join(REPO_ROOT, 'rules', 'schemas', 'dipsample-config.schema.json'), 'utf8'),
      ) as { properties: Record<string, { type?: string }> };
      assert.equal(schema.properties.ignores.type, 'array');
    });

    it('holds for dipsample report too: ignored files are not part of the sample', async () => {
      const result = await run(['report', '.', '--format', 'json'], root);
      assert.equal(result.status, 0, result.stderr);
      const report = JSON.parse(result.stdout) as { samples: Array<{ files: number }> };
      assert.equal(report.samples[0].files, 4);
    });
  });

  describe('the folder search keeps its protections', () => {
    it('follows links to crime files only: not to folders (loops, the whole disk), devices or pipes', async function () {
      this.timeout(30_000);
      const root = temp({ 'real/real.crime.yaml': good, 'sample/a.crime.yaml': good });
      const sample = path.join(root, 'sample');
      symlinkSync(path.join(root, 'real', 'real.crime.yaml'), path.join(sample, 'linked.crime.yaml'));
      symlinkSync(sample, path.join(sample, 'loop'));
      symlinkSync('/', path.join(sample, 'disk'));
      symlinkSync(path.join(sample, 'self-a.crime.yaml'), path.join(sample, 'self-b.crime.yaml'));
      symlinkSync(path.join(sample, 'self-b.crime.yaml'), path.join(sample, 'self-a.crime.yaml'));
      symlinkSync(path.join(root, 'nowhere.crime.yaml'), path.join(sample, 'dangling.crime.yaml'));
      if (existsSync('/dev/zero')) symlinkSync('/dev/zero', path.join(sample, 'zero.crime.yaml'));
      execFileSync('mkfifo', [path.join(sample, 'pipe.crime.yaml')]);
      const started = Date.now();
      for (const input of ['sample', 'sample/**/*.crime.yaml']) {
        assert.deepEqual(
          paths(await json(['audit', input], root)),
          ['sample/a.crime.yaml', 'sample/linked.crime.yaml'],
          input,
        );
      }
      assert.ok(Date.now() - started < 10_000, `${Date.now() - started} ms`);
      assert.ok(lstatSync(path.join(sample, 'pipe.crime.yaml')).isFIFO());
    });
  });

  describe('-o, --output FILE', () => {
    it('writes the output to the file (atomically), never over an existing one without --force', async () => {
      const root = temp({});
      const target = path.join(root, 'audit.sarif');
      const first = await run(['audit', 'sample', '--format', 'sarif', '-o', target]);
      assert.equal(first.status, 0, first.stderr);
      assert.equal(first.stdout, '');
      const written = readFileSync(target, 'utf8');
      assert.equal(written, (await run(['audit', 'sample', '--format', 'sarif'])).stdout);

      const again = await run(['audit', 'sample/good.crime.yaml', '--output', target]);
      assert.equal(again.status, 2);
      assert.equal(again.stderr, `dipsample: ${target} already exists: use --force to overwrite it\n`);
      assert.equal(readFileSync(target, 'utf8'), written);

      const forced = await run(['audit', 'sample/good.crime.yaml', '--output', target, '--force']);
      assert.equal(forced.status, 0, forced.stderr);
      assert.match(readFileSync(target, 'utf8'), /^Sample summary: 1 file audited$/m);
    });

    it('never writes through a symbolic link, even with --force; a missing folder is exit 2', async () => {
      const root = temp({ 'precious.txt': 'keep me\n' });
      symlinkSync(path.join(root, 'precious.txt'), path.join(root, 'out.txt'));
      const linked = await run(['audit', 'sample', '-o', path.join(root, 'out.txt'), '--force']);
      assert.equal(linked.status, 2);
      assert.match(linked.stderr, /it is a symbolic link/);
      assert.equal(readFileSync(path.join(root, 'precious.txt'), 'utf8'), 'keep me\n');
      const nowhere = await run(['audit', 'sample', '-o', path.join(root, 'no', 'such', 'out.txt')]);
      assert.equal(nowhere.status, 2);
      assert.match(nowhere.stderr, /no such folder/);
    });

    it('keeps the exit status of the audit (--fail-on, --max-warnings) and never colours the file', async () => {
      const root = temp({});
      const target = path.join(root, 'audit.txt');
      const result = await run(['audit', 'sample', '-o', target, '--fail-on', 'error'], FIXTURES, {
        stdoutIsTTY: true,
        env: { FORCE_COLOR: '1' },
      });
      assert.equal(result.status, 1);
      assert.ok(!readFileSync(target, 'utf8').includes(ESC));
    });
  });

  describe('--format github (workflow annotations)', () => {
    it('prints one ::error/::warning/::notice command per finding, with GitHub escaping', () => {
      const finding = (rule: string, severity: Severity, message: string, line: number): RawFinding => ({
        rule,
        severity,
        message,
        range: range(line, 2, line, 9),
      });
      const text = githubAnnotations(
        runOf([
          {
            path: 'force,a/odd:name 100%.crime.yaml',
            findings: [
              finding('filed-within-24h', 'error', 'Filed 100% too early,\r\nsee: log', 4),
              finding('advice-given', 'warning', 'Advice: none', 9),
              finding('x-info', 'information', 'FYI', 0),
              finding('x-hint', 'hint', 'Hint \u001b[31m', 1),
            ],
          },
        ]),
      );
      assert.equal(
        text,
        [
          '::error file=force%2Ca/odd%3Aname 100%25.crime.yaml,line=5,endLine=5,col=3,endColumn=10,title=dipsample filed-within-24h::Filed 100%25 too early,%0D%0Asee: log',
          '::warning file=force%2Ca/odd%3Aname 100%25.crime.yaml,line=10,endLine=10,col=3,endColumn=10,title=dipsample advice-given::Advice: none',
          '::notice file=force%2Ca/odd%3Aname 100%25.crime.yaml,line=1,endLine=1,col=3,endColumn=10,title=dipsample x-info::FYI',
          '::notice file=force%2Ca/odd%3Aname 100%25.crime.yaml,line=2,endLine=2,col=3,endColumn=10,title=dipsample x-hint::Hint \\u{1b}[31m',
          '',
        ].join('\n'),
      );
      assert.equal(escapeData('a%b\r\nc'), 'a%25b%0D%0Ac');
      assert.equal(escapeProperty('a%b\r\nc:d,e'), 'a%25b%0D%0Ac%3Ad%2Ce');
      assert.equal(githubAnnotations(runOf([{ path: 'clean.crime.yaml', findings: [] }])), '');
    });

    it('annotates every finding of a real audit at its 1-based place (exact lines, from the JSON report)', async () => {
      const report = await json(['audit', 'sample']);
      const expected = report.files.flatMap((file) =>
        file.findings.map(
          (f) =>
            `::${f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice'} file=${file.path},line=${f.range.start.line + 1},endLine=${f.range.end.line + 1},col=${f.range.start.character + 1},endColumn=${f.range.end.character + 1},title=dipsample ${f.rule}::${f.message}`,
        ),
      );
      const result = await run(['audit', 'sample', '--format', 'github']);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stdout, `${expected.join('\n')}\n`);
      assert.ok(expected.some((line) => line.startsWith('::warning ')));
      assert.ok(expected.some((line) => line.startsWith('::error ')));
      assert.ok(!result.stdout.includes('%'), 'nothing in this sample needs escaping');
    });

    it('escapes a real file name with , : and %', async () => {
      const root = temp({ 'odd,name:100%.crime.yaml': 'format: [\n' });
      const report = await json(['audit', '.'], root);
      const [finding] = report.files[0].findings;
      const result = await run(['audit', '.', '--format', 'github'], root);
      assert.equal(
        result.stdout,
        `::error file=odd%2Cname%3A100%25.crime.yaml,line=${finding.range.start.line + 1},endLine=${finding.range.end.line + 1},col=${finding.range.start.character + 1},endColumn=${finding.range.end.character + 1},title=dipsample syntax::${escapeData(finding.message)}\n`,
      );
    });

    it('with --quiet, ends with a notice of what was hidden', async () => {
      const result = await run(['audit', 'sample', '--format', 'github', '--quiet']);
      const lines = result.stdout.trimEnd().split('\n');
      assert.ok(lines.slice(0, -1).every((line) => line.startsWith('::error ')));
      assert.equal(lines.at(-1), '::notice title=dipsample::--quiet: 3 warning not shown');
    });
  });

  describe('--format junit', () => {
    it('is well-formed XML: <testsuites>, one <testcase> per file, a <failure> per finding', async () => {
      const report = await json(['audit', 'sample']);
      const result = await run(['audit', 'sample', '--format', 'junit']);
      assert.equal(result.status, 0, result.stderr);
      assert.ok(result.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n'));
      const root = parseXml(result.stdout);
      assert.equal(root.name, 'testsuites');
      const withFindings = report.files.filter((file) => file.findings.length > 0).length;
      assert.deepEqual(root.attributes, {
        name: 'dipsample',
        tests: String(report.files.length),
        failures: String(withFindings),
        errors: '0',
      });
      assert.deepEqual(
        root.children.map((child) => child.name),
        ['testsuite'],
      );
      const [suite] = root.children;
      assert.equal(suite.attributes.tests, String(report.files.length));
      assert.equal(suite.attributes.failures, String(withFindings));
      const cases = suite.children.filter((child) => child.name === 'testcase');
      assert.deepEqual(
        suite.children.map((child) => child.name),
        ['properties', ...cases.map(() => 'testcase')],
      );
      assert.deepEqual(
        cases.map((testcase) => testcase.attributes.name),
        paths(report),
      );
      for (const [index, file] of report.files.entries()) {
        const testcase = cases[index];
        assert.equal(testcase.attributes.file, file.path);
        assert.equal(testcase.attributes.classname, file.reference || file.path);
        assert.deepEqual(
          testcase.children.map((failure) => ({ name: failure.name, ...failure.attributes, text: failure.text })),
          file.findings.map((finding) => ({
            name: 'failure',
            message: finding.message,
            type: finding.rule,
            text: `${file.path}:${finding.range.start.line + 1}:${finding.range.start.character + 1}: ${finding.severity} ${finding.message} [${finding.rule}]`,
          })),
        );
      }
    });

    it('escapes markup and what XML cannot hold; an engine failure is an <error>', () => {
      const nasty = `<b>&"quoted" 'x'</b>\u0007\ud800 \t end`;
      const text = junitReport(
        runOf([
          {
            path: 'a&b<c>.crime.yaml',
            reference: 'R"1\'',
            findings: [{ rule: 'advice-given', severity: 'warning', message: nasty, range: range(0, 0, 0, 1) }],
          },
          {
            path: 'broken.crime.yaml',
            findings: [{ rule: 'internal', severity: 'error', message: 'engine failed', range: range(0, 0, 0, 0) }],
          },
        ]),
      );
      const root = parseXml(text);
      assert.deepEqual(root.attributes, { name: 'dipsample', tests: '2', failures: '1', errors: '1' });
      const [first, second] = root.children[0].children.filter((child) => child.name === 'testcase');
      assert.equal(first.attributes.name, 'a&b<c>.crime.yaml');
      assert.equal(first.attributes.classname, 'R"1\'');
      assert.equal(first.children[0].attributes.message, `<b>&"quoted" 'x'</b>\\u{7}\\u{d800} \t end`);
      assert.deepEqual(
        second.children.map((child) => child.name),
        ['error'],
      );
    });

    it('with --quiet, only error findings fail, and a property says what was hidden', async () => {
      const root = parseXml((await run(['audit', 'sample', '--format', 'junit', '--quiet'])).stdout);
      const [suite] = root.children;
      const failures = suite.children.flatMap((child) => child.children.filter((c) => c.name === 'failure'));
      assert.ok(failures.length > 0);
      assert.ok(failures.every((failure) => / error /.test(failure.text)));
      const properties = suite.children.find((child) => child.name === 'properties')!;
      assert.deepEqual(
        properties.children.map((property) => property.attributes),
        [
          { name: 'tool', value: `dipsample ${packageVersion()}` },
          { name: 'hidden', value: '--quiet: 3 warning not shown' },
        ],
      );
    });
  });

  describe('--quiet', () => {
    it('shows error findings only; the summary still counts every finding and says what was hidden', async () => {
      const full = await run(['audit', 'sample']);
      const quiet = await run(['audit', 'sample', '-q']);
      assert.equal(quiet.status, 0);
      assert.ok(!/^ +\S+ +(warning|info|hint) /m.test(quiet.stdout), 'no warning lines');
      assert.match(quiet.stdout, /^ +\d+:\d+ +error /m);
      const summary = (text: string) => text.slice(text.indexOf('Sample summary:'));
      assert.equal(
        summary(quiet.stdout),
        summary(full.stdout).replace(/hint\n$/, 'hint (--quiet: 3 warning not shown)\n'),
      );
      assert.match(
        quiet.stdout,
        /^Findings: \d+ error, 3 warning, 0 information, 0 hint \(--quiet: 3 warning not shown\)$/m,
      );
      const report = await json(['audit', 'sample', '--quiet']);
      assert.deepEqual(report.hiddenFindings, { warning: 3 });
      assert.equal(report.summary.findings.warning, 3);
      assert.ok(report.files.every((file) => file.findings.every((finding) => finding.severity === 'error')));
    });

    it('hides nothing (and says nothing) when there are only errors; exit statuses count hidden findings', async () => {
      const run1 = errorsOnly(runOf([{ path: 'a.crime.yaml', findings: [] }]));
      assert.equal(run1.hiddenFindings, undefined);
      assert.equal((await run(['audit', 'sample', '--quiet', '--max-warnings', '0'])).status, 1);
      assert.equal((await run(['audit', 'configured', '--quiet', '--fail-on', 'warning'])).status, 1);
    });
  });

  describe('--max-warnings N', () => {
    it('exits 1 when there are more than N warnings, saying so on stderr', async () => {
      const three = await run(['audit', 'sample', '--max-warnings', '3']);
      assert.equal(three.status, 0);
      assert.equal(three.stderr, '');
      const two = await run(['audit', 'sample', '--max-warnings', '2']);
      assert.equal(two.status, 1);
      assert.equal(two.stderr, 'dipsample: 3 warnings, more than --max-warnings 2\n');
      assert.equal((await run(['audit', 'sample/good.crime.yaml', '--max-warnings', '0'])).status, 0);
    });

    it('refuses a count that is not a whole number (exit 2)', async () => {
      for (const value of ['x', '-1', '1.5', '']) {
        const result = await run(['audit', 'sample', '--max-warnings', value]);
        assert.equal(result.status, 2, value);
        assert.match(result.stderr, /^dipsample: option '--max-warnings <n>' argument '.*' is invalid/);
      }
    });
  });

  describe('colour', () => {
    const colored = async (args: string[], extra: Partial<CliIo>) =>
      (await run(['audit', 'sample', ...args], FIXTURES, extra)).stdout.includes(ESC);

    it('colours the text output on a terminal only, or as --color/--no-color, NO_COLOR and FORCE_COLOR say', async () => {
      assert.equal(await colored([], { stdoutIsTTY: true }), true);
      assert.equal(await colored([], { stdoutIsTTY: false }), false);
      assert.equal(await colored([], {}), false);
      assert.equal(await colored(['--no-color'], { stdoutIsTTY: true }), false);
      assert.equal(await colored(['--color'], { stdoutIsTTY: false }), true);
      assert.equal(await colored([], { stdoutIsTTY: true, env: { NO_COLOR: '1' } }), false);
      assert.equal(await colored([], { stdoutIsTTY: true, env: { NO_COLOR: '' } }), true);
      assert.equal(await colored([], { stdoutIsTTY: false, env: { FORCE_COLOR: '1' } }), true);
      assert.equal(await colored([], { stdoutIsTTY: true, env: { FORCE_COLOR: '0' } }), false);
      assert.equal(await colored([], { stdoutIsTTY: true, env: { TERM: 'dumb' } }), false);
      assert.equal(await colored(['--format', 'json'], { stdoutIsTTY: true, env: { FORCE_COLOR: '1' } }), false);
      assert.equal(colorWanted(undefined, { FORCE_COLOR: 'true', NO_COLOR: '1' }, false), true);
      assert.equal(colorWanted(true, { NO_COLOR: '1' }, false), true);
      assert.equal(colorWanted(false, { FORCE_COLOR: '1' }, true), false);
    });

    it('changes nothing but the colours: the columns line up the same', async () => {
      const plain = (await run(['audit', 'sample'])).stdout;
      const painted = (await run(['audit', 'sample'], FIXTURES, { stdoutIsTTY: true })).stdout;
      assert.equal(painted.replace(/\x1b\[[0-9;]*m/g, ''), plain);
      assert.match(painted, /\x1b\[33mwarning\x1b\[39m/);
    });

    it('is off when main.ts writes to a pipe, on with FORCE_COLOR', function () {
      this.timeout(60_000);
      const main = ['--import', 'tsx', path.join(REPO_ROOT, 'src', 'cli', 'main.ts'), 'audit', 'sample'];
      const env = { ...process.env };
      delete env.FORCE_COLOR;
      delete env.NO_COLOR;
      const piped = spawnSync(process.execPath, main, { cwd: FIXTURES, encoding: 'utf8', env });
      assert.equal(piped.status, 0, piped.stderr);
      assert.ok(!piped.stdout.includes(ESC));
      const forced = spawnSync(process.execPath, main, {
        cwd: FIXTURES,
        encoding: 'utf8',
        env: { ...env, FORCE_COLOR: '1' },
      });
      assert.ok(forced.stdout.includes(ESC));
    });
  });

  describe('SARIF that code-scanning services accept', () => {
    it('names each rule differently from its id and gives the tool an informationUri', async () => {
      const log = JSON.parse((await run(['audit', 'sample', 'configured', '--format', 'sarif'])).stdout) as {
        runs: Array<{
          tool: { driver: { informationUri?: string; rules: Array<{ id: string; name?: string; help?: unknown }> } };
        }>;
      };
      const { driver } = log.runs[0].tool;
      assert.equal(driver.informationUri, 'https://github.com/dipsample/dipsample#readme');
      for (const rule of driver.rules) {
        assert.ok(rule.name && rule.name.toLowerCase() !== rule.id.toLowerCase(), rule.id);
        assert.match(rule.name, /^[A-Z][A-Za-z0-9]*$/);
        assert.ok(rule.help, `${rule.id} has help`);
      }
      assert.equal(driver.rules.find((rule) => rule.id === 'filed-within-24h')?.name, 'FiledWithin24h');
      assert.deepEqual(ruleName('syntax', 'File is valid YAML or JSON'), { name: 'FileIsValidYAMLOrJSON' });
      assert.deepEqual(ruleName('a', 'A'), {});
      assert.ok(sarifValidator()(log));
    });

    it("validates clean with Microsoft's SARIF Multitool (validate --rule-kind Gh;Sarif)", async function () {
      this.timeout(180_000);
      const tool = path.join(REPO_ROOT, 'node_modules', '@microsoft', 'sarif-multitool-linux', 'Sarif.Multitool');
      if (process.platform !== 'linux' || process.arch !== 'x64' || !existsSync(tool)) {
        console.log(`      (skipped: the SARIF Multitool is not installed here: ${tool})`);
        this.skip();
      }
      const root = temp({});
      const logs: string[] = [];
      for (const [name, args, cwd] of [
        ['fixtures.sarif', ['sample', 'configured'], FIXTURES],
        ['samples.sarif', ['.'], path.join(REPO_ROOT, 'samples')],
        ['outside.sarif', [path.join(FIXTURES, 'sample')], root],
      ] as const) {
        const result = await run(['audit', ...args, '--format', 'sarif', '-o', path.join(root, name)], cwd);
        assert.equal(result.status, 0, result.stderr);
        logs.push(path.join(root, name));
      }
      const child = spawnSync(tool, ['validate', '--rule-kind', 'Gh;Sarif', ...logs], {
        encoding: 'utf8',
        timeout: 150_000,
        env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
      });
      if (child.error || (child.status !== 0 && !/analyzing/i.test(child.stdout))) {
        console.log(`      (skipped: the SARIF Multitool does not run here: ${child.error?.message ?? child.stderr})`);
        this.skip();
      }
      const problems = child.stdout.split('\n').filter((line) => /: (error|warning|note) [A-Z]+\d+/.test(line));
      assert.deepEqual(problems, [], child.stdout);
      assert.equal(child.status, 0, child.stdout + child.stderr);
      assert.match(child.stdout, /Analysis completed successfully/);
    });
  });

  describe('the CLI ships', () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      private?: boolean;
      repository: { url: string };
      homepage: string;
      bugs: { url: string };
      icon: string;
      files: string[];
      bin: Record<string, string>;
    };

    it('is publishable: not private, a real repository, homepage and bugs, the files it needs', () => {
      assert.equal(pkg.private, undefined);
      assert.equal(pkg.repository.url, 'https://github.com/dipsample/dipsample.git');
      assert.equal(pkg.homepage, 'https://github.com/dipsample/dipsample#readme');
      assert.equal(pkg.bugs.url, 'https://github.com/dipsample/dipsample/issues');
      for (const needed of ['dist/cli.js', 'dist/extension.js', 'rules/', 'README.md', 'LICENSE', pkg.icon])
        assert.ok(pkg.files.includes(needed), needed);
      assert.equal(pkg.bin.dipsample, 'dist/cli.js');
      // vsce refuses a .vscodeignore beside `files`: `files` is the one list, for npm and the .vsix.
      assert.ok(!existsSync(path.join(REPO_ROOT, '.vscodeignore')));
      assert.ok(!readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8').includes('dipsample.invalid'));
    });

    it('has an icon: a 128×128 PNG', () => {
      const png = readFileSync(path.join(REPO_ROOT, pkg.icon));
      assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      assert.equal(png.subarray(12, 16).toString('ascii'), 'IHDR');
      assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    });

    it('pins @vscode/test-electron to a version whose engines accept Node 20 (no EBADENGINE)', () => {
      const installed = JSON.parse(
        readFileSync(path.join(REPO_ROOT, 'node_modules', '@vscode', 'test-electron', 'package.json'), 'utf8'),
      ) as { engines: { node: string } };
      const minimum = /^>=\s*(\d+)/.exec(installed.engines.node);
      assert.ok(minimum && Number(minimum[1]) <= 20, installed.engines.node);
    });

    it('runs from the packaged extension folder, with nothing but what the .vsix holds', function () {
      this.timeout(240_000);
      execFileSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, stdio: 'pipe' });
      // `vsce ls` lists what `vsce package` puts in the .vsix's extension/ folder.
      const listed = execFileSync(
        process.execPath,
        [path.join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'],
        { cwd: REPO_ROOT, encoding: 'utf8' },
      )
        .split('\n')
        .filter(Boolean);
      assert.ok(listed.includes('dist/cli.js'));
      assert.ok(listed.includes('rules/core.pack.yaml'));
      const root = temp({});
      const extension = path.join(root, 'extension');
      for (const file of listed) {
        mkdirSync(path.dirname(path.join(extension, file)), { recursive: true });
        copyFileSync(path.join(REPO_ROOT, file), path.join(extension, file));
      }
      const work = path.join(root, 'work');
      mkdirSync(work);
      copyFileSync(QUICK_FILED, path.join(work, 'quick-filed.crime.yaml'));
      const child = spawnSync(
        process.execPath,
        [path.join(extension, 'dist', 'cli.js'), 'audit', '.', '--format', 'sarif'],
        {
          cwd: work,
          encoding: 'utf8',
          env: { PATH: process.env.PATH },
        },
      );
      assert.equal(child.status, 0, child.stderr);
      const log = JSON.parse(child.stdout) as { runs: Array<{ results: unknown[] }> };
      assert.ok(log.runs[0].results.length > 0);
    });
  });

  it('registers github and junit as audit formats', () => {
    assert.equal(FORMATS.github.renders, 'audit');
    assert.equal(FORMATS.junit.renders, 'audit');
    assert.equal(FORMATS.junit.extension, 'xml');
  });
});

function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** An audit run of hand-made file reports, for the renderers alone. */
type RawFinding = Omit<Finding, 'path'>;

function runOf(files: Array<{ path: string; reference?: string; findings: RawFinding[] }>): AuditRun {
  const reports = files.map(
    (file) =>
      ({
        path: file.path,
        reference: file.reference,
        findings: file.findings.map((finding) => ({ ...finding, path: [] })),
        results: [],
        syntaxError: false,
        schemaError: false,
      }) as unknown as FileReport,
  );
  return {
    files: reports,
    ruleSets: [],
    summary: {
      files: reports.length,
      filesWithSyntaxErrors: 0,
      filesWithSchemaErrors: 0,
      filesWithInternalErrors: 0,
      findings: { error: 0, warning: 0, information: 0, hint: 0 },
      rules: [],
      verdicts: [],
    } as unknown as AuditRun['summary'],
    tool: { name: 'dipsample', version: packageVersion() },
  };
}

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/**
 * Parses XML strictly with sax (a well-known streaming parser, installed here through @vscode/vsce's
 * xml2js): any malformed markup, bad entity or character XML cannot hold throws.
 */
function parseXml(text: string): XmlElement {
  const sax = require('sax') as {
    parser(
      strict: boolean,
      options: object,
    ): {
      onopentag: (node: { name: string; attributes: Record<string, string> }) => void;
      onclosetag: () => void;
      ontext: (text: string) => void;
      onerror: (error: Error) => void;
      write(text: string): { close(): void };
    };
  };
  const parser = sax.parser(true, {});
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.onopentag = (node) => {
    const element = { name: node.name, attributes: { ...node.attributes }, children: [], text: '' };
    if (stack.length > 0) stack[stack.length - 1].children.push(element);
    else root = element;
    stack.push(element);
  };
  parser.onclosetag = () => {
    stack.pop();
  };
  parser.ontext = (chunk) => {
    if (stack.length > 0 && chunk.trim()) stack[stack.length - 1].text += chunk;
  };
  parser.onerror = (error) => {
    throw error;
  };
  parser.write(text).close();
  assert.ok(root, 'a root element');
  return root;
}
