import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Auditor, auditText, INTERNAL_RULE, type RuleSet } from '../../src/engine';
import {
  MAX_ALIAS_EXPANSIONS,
  MAX_DOCUMENT_LENGTH,
  MAX_NESTING_DEPTH,
  ParsedDocument,
} from '../../src/engine/parse/document';
import { FORMATS, SampleTally } from '../../src/report';
import { confineToFolders } from '../../src/node/confinedHost';
import { nodeHost } from '../../src/node/nodeHost';
import { runFunction } from './functionTester';
import { auditIn, lines, memoryHost, REPO_ROOT, runCliCapturing } from './helpers';

/** A file that used to abort the whole audit: each now becomes a located finding of its own file. */
const aliases = (count: number) =>
  lines('oic: &oic { id: PC 1, name: A. Officer }', 'log:', ...Array.from({ length: count }, () => '  - author: *oic'));
const laughs = lines(
  'a: &a [x, x, x, x, x, x, x, x, x]',
  ...['b', 'c', 'd', 'e', 'f'].map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcde'[i]}`).join(', ')}]`),
);

const throwingRuleSet = (): RuleSet => ({
  rules: [
    {
      id: 'explodes',
      title: 'A rule whose check throws',
      severity: 'error',
      declaration: {} as never,
      parameters: {},
      applies: undefined,
      kinds: new Set(['crime']),
      check: () => {
        throw new TypeError('boom');
      },
      message: undefined,
    },
  ],
  disabled: [],
  packs: [],
  timeZone: 'Europe/London',
  files: [],
  problems: [],
});

describe('hostile input', () => {
  describe('parse limits', () => {
    it(`resolves aliases in an ordinary file (1,000 uses of one anchor) and refuses more than ${MAX_ALIAS_EXPANSIONS} expansions`, () => {
      const many = new ParsedDocument(aliases(1000), 'yaml');
      assert.deepEqual(many.problems, []);
      assert.equal((many.value as { log: Array<{ author: { id: string } }> }).log[999].author.id, 'PC 1');
      const bomb = new ParsedDocument(laughs, 'yaml');
      assert.equal(bomb.value, undefined);
      assert.match(bomb.problems[0].message, /^Invalid YAML: aliases expand this file more than 10000 times$/);
      assert.equal(bomb.problems[0].range.start.line, 1);
    });

    it('locates an alias with no anchor before it', () => {
      for (const text of [lines('a: 1', 'b: *nope'), lines('a: *x', 'b: &x 1')]) {
        const document = new ParsedDocument(text, 'yaml');
        assert.equal(document.problems.length, 1);
        assert.match(document.problems[0].message, /^Invalid YAML: alias \*\w+ has no anchor &\w+ before it$/);
        assert.deepEqual(document.problems[0].range.start, { line: text.startsWith('a: *') ? 0 : 1, character: 3 });
      }
    });

    it(`reports nesting deeper than ${MAX_NESTING_DEPTH} levels, however deep, without exhausting the stack`, () => {
      const cases: Array<[string, 'yaml' | 'json']> = [
        [`${'['.repeat(150)}${']'.repeat(150)}`, 'yaml'],
        [`${'['.repeat(20_000)}${']'.repeat(20_000)}`, 'yaml'],
        [`${'['.repeat(150)}${']'.repeat(150)}`, 'json'],
        [`${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`, 'json'],
        [`${Array.from({ length: 1200 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} 1\n`, 'yaml'],
      ];
      for (const [text, format] of cases) {
        const document = new ParsedDocument(text, format);
        assert.equal(document.value, undefined);
        assert.equal(document.problems.length, 1, `${format} ${text.length}`);
        assert.match(
          document.problems[0].message,
          /^Invalid (YAML|JSON): maps and lists nested more than 100 levels deep$/,
        );
      }
      const fine = `${'['.repeat(MAX_NESTING_DEPTH)}${']'.repeat(MAX_NESTING_DEPTH)}`;
      assert.deepEqual(new ParsedDocument(fine, 'json').problems, []);
    });

    it('finds duplicate keys in one pass (cost linear in the keys, not quadratic) and refuses a text over 1 MiB', () => {
      const mapOf = (count: number) =>
        `${Array.from({ length: count }, (_, i) => `k${i}: ${i}`).join('\n')}\nk5: again\n`;
      const keys = mapOf(20_000);
      const document = new ParsedDocument(keys, 'yaml');
      assert.deepEqual(
        document.problems.map((p) => [p.range.start.line, p.message]),
        [[20_000, 'Invalid YAML: Map keys must be unique']],
      );
      // A ratio on one machine, not a time: 8× the keys costs ~8× in one pass, ~64× with the
      // parser's pairwise check (20,000 keys took 3.7 s). The fastest of 5 runs each: other work on
      // a shared CPU only ever adds time.
      const fastest = (text: string) =>
        Math.min(
          ...[0, 1, 2, 3, 4].map(() => {
            const started = process.hrtime.bigint();
            new ParsedDocument(text, 'yaml');
            return Number(process.hrtime.bigint() - started);
          }),
        );
      const ratio = fastest(keys) / fastest(mapOf(2_500));
      assert.ok(ratio < 24, `8× the keys cost ${ratio.toFixed(1)}× the time`);
      assert.deepEqual(new ParsedDocument('a: 1\n1: 2\n"1": 3\n<<: {}\n', 'yaml').problems, []);
      const huge = new ParsedDocument(`list: [${'1,'.repeat(MAX_DOCUMENT_LENGTH / 2)}1]\n`, 'yaml');
      assert.equal(huge.value, undefined);
      assert.match(huge.problems[0].message, /^The file is too large to read \(more than 1024 KiB of text\)/);
    });

    it('says what an infinite number is, with the right article', async () => {
      const sample = readFileSync(
        path.join(REPO_ROOT, 'samples', 'hmic-2014-northmoor', 'NM-13-037035.crime.yaml'),
        'utf8',
      );
      const text = sample.replace('frequency_days: 28', 'frequency_days: .inf');
      const { report } = await auditIn({ '/s/a.crime.yaml': text }, '/s/a.crime.yaml');
      const schema = report.findings.filter((f) => f.rule === 'schema').map((f) => f.message);
      assert.deepEqual(schema, [
        '`victims[0].needs_assessment.contact_agreement.frequency_days` must be an integer (found number Infinity)',
      ]);
    });

    it('points at the line whose bracket is left open, not at the next line', () => {
      const document = new ParsedDocument(
        lines('format: crime-file/1', 'reference: a', 'log: [1, 2', 'type: x'),
        'yaml',
      );
      assert.deepEqual(
        document.problems.map((p) => p.range.start),
        [{ line: 2, character: 9 }],
      );
    });

    it('refuses tags that change what a value is, and values that do not fit their tag', () => {
      const messages = (text: string) => new ParsedDocument(text, 'yaml').problems.map((p) => p.message);
      assert.deepEqual(messages('a: !!int "text"\n'), ['Invalid YAML: the value does not fit its tag !!int']);
      assert.deepEqual(messages('a: !!set { x }\n'), [
        'Invalid YAML: tag !!set is not one dipsample reads (use plain values)',
      ]);
      assert.deepEqual(messages('a: !!binary aGk=\n'), [
        'Invalid YAML: tag !!binary is not one dipsample reads (use plain values)',
      ]);
      assert.deepEqual(messages('a: !!str 12\nb: !!map { c: 1 }\n'), []);
    });

    it('refuses tags it does not know (data, never code)', () => {
      const document = new ParsedDocument(lines('a: 1', 'b: !!js/function "return 1"', 'c: !evil 3'), 'yaml');
      assert.deepEqual(
        document.problems.map((p) => [p.range.start.line, p.message]),
        [
          [1, 'Invalid YAML: Unresolved tag: tag:yaml.org,2002:js/function'],
          [2, 'Invalid YAML: Unresolved tag: !evil'],
        ],
      );
    });
  });

  describe('strict text', () => {
    it('locates bytes that were not UTF-8 (U+FFFD after decoding) and raw control characters', () => {
      const notUtf8 = new ParsedDocument(
        Buffer.from('format: crime-file/1\nreference: caf\xe9\n', 'latin1').toString('utf8'),
        'yaml',
      );
      assert.deepEqual(notUtf8.problems[0].range.start, { line: 1, character: 14 });
      assert.match(notUtf8.problems[0].message, /not valid UTF-8/);
      for (const [control, name] of [
        ['\u0000', '0000'],
        ['\u0007', '0007'],
        ['\u001b', '001B'],
      ]) {
        const document = new ParsedDocument(`a: 1\nb: "x${control}y"\n`, 'yaml');
        assert.equal(document.value, undefined);
        assert.deepEqual(
          document.problems.map((p) => [p.range.start.line, p.range.start.character]),
          [[1, 5]],
        );
        assert.match(document.problems[0].message, new RegExp(`control character \\(U\\+${name}\\)`));
      }
    });

    it('refuses control characters written as escapes, in YAML and JSON', () => {
      const yaml = new ParsedDocument('a: "\\e[31mred"\n', 'yaml');
      assert.match(yaml.problems[0].message, /control character \(written as an escape, U\+001B\)/);
      const json = new ParsedDocument('{"a": "\\u0007"}', 'json');
      assert.match(json.problems[0].message, /U\+0007/);
    });

    it('never prints a control character to the terminal (a file name can hold one)', () => {
      const report = auditText('reference: x\n', '/s/\u001b[2Jevil.crime.yaml', throwingRuleSet());
      const summary = (() => {
        const tally = new SampleTally([throwingRuleSet()]);
        tally.set(report);
        return tally.summary();
      })();
      const text = FORMATS.text.render({
        files: [report],
        ruleSets: [],
        summary,
        tool: { name: 'dipsample', version: '0' },
      });
      assert.ok(!text.includes('\u001b'));
      assert.match(text, /\\u\{1b\}\[2Jevil/);
    });

    it('reads a BOM and CR-only line endings the same way in YAML and JSON', () => {
      for (const [text, format] of [
        ['\ufeff{"a": 1}', 'json'],
        ['\ufeffa: 1\n', 'yaml'],
        ['a: 1\rb: 2\r', 'yaml'],
        ['{\r"a": 1\r}', 'json'],
      ] as const) {
        const document = new ParsedDocument(text, format);
        assert.deepEqual(document.problems, [], JSON.stringify(text));
      }
      assert.equal(new ParsedDocument('a: 1\rb: [2\r', 'yaml').problems.length > 0, true);
      assert.deepEqual(new ParsedDocument('a: 1\rb: 2\r', 'yaml').value, { a: 1, b: 2 });
    });
  });

  describe('the error boundary of one file', () => {
    it('turns an exception in the engine into an `internal` finding; the file counts as not audited', () => {
      const report = auditText(lines('format: crime-file/1', 'reference: X-1'), '/s/x.crime.yaml', throwingRuleSet());
      assert.equal(report.internalError, true);
      assert.deepEqual(
        report.findings.map((f) => [f.rule, f.severity, f.message]),
        [[INTERNAL_RULE, 'error', 'dipsample could not audit this file (internal error: TypeError: boom)']],
      );
      const tally = new SampleTally([throwingRuleSet()]);
      tally.set(report);
      const summary = tally.summary();
      assert.equal(summary.filesWithInternalErrors, 1);
      assert.equal(summary.rules[0].notAudited, 1);
      const run = {
        files: [report],
        ruleSets: [throwingRuleSet()],
        summary,
        tool: { name: 'dipsample', version: '0' },
      };
      assert.match(FORMATS.text.render(run), /1 NOT AUDITED \(internal error: the results are incomplete\)/);
    });

    it('gives up a file whose rules run past the time budget, as not audited, and says so', () => {
      const slow = throwingRuleSet();
      const busy = () => {
        const until = Date.now() + 30;
        while (Date.now() < until);
        return { outcome: 'passed' as const };
      };
      slow.rules = [1, 2, 3].map((n) => ({ ...slow.rules[0], id: `slow-${n}`, check: busy }));
      slow.timeBudgetMs = 50;
      const report = auditText(lines('format: crime-file/1', 'reference: T-1'), '/s/t.crime.yaml', slow);
      assert.equal(report.internalError, true);
      assert.match(report.findings[0].message, /the rules took longer than 50 ms and were stopped before slow-3/);
    });

    it('does not audit a rule that read a field breaking the schema; the rules that did not read it still run', async () => {
      const original = readFileSync(
        path.join(REPO_ROOT, 'samples', 'hmic-2014-northmoor', 'NM-13-037035.crime.yaml'),
        'utf8',
      );
      const broken = original.replace(/^filed:\n  at: "[^"]+"/m, 'filed:\n  at: "tomorrow"');
      assert.notEqual(broken, original);
      const file = '/s/NM-13-037035.crime.yaml';
      const before = await auditIn({ [file]: original }, file);
      const after = await auditIn({ [file]: broken }, file);
      const outcomes = (report: typeof before.report) =>
        Object.fromEntries(report.results.map((result) => [result.rule, result.outcome]));
      assert.equal(outcomes(before.report)['filed-within-24h'], 'passed');
      assert.deepEqual(outcomes(after.report), { ...outcomes(before.report), 'filed-within-24h': 'notAudited' });
      assert.equal(after.report.schemaError, true);
      assert.ok(!after.report.findings.some((finding) => finding.rule === 'filed-within-24h'));

      const tally = new SampleTally([after.ruleSet]);
      tally.set(after.report);
      const summary = tally.summary();
      const row = summary.rules.find((rule) => rule.rule === 'filed-within-24h');
      assert.deepEqual([row?.passed, row?.failed, row?.notApplicable, row?.notAudited], [0, 0, 0, 1]);
      const run = {
        files: [after.report],
        ruleSets: [after.ruleSet],
        summary,
        tool: { name: 'dipsample', version: '0' },
      };
      assert.match(FORMATS.text.render(run), /^ {2}filed-within-24h +0 +0 +0 +1 +—$/m);
    });

    it('reports a file the host cannot read (a device, permissions) and audits the rest', async () => {
      const good = lines('format: crime-file/1', 'reference: G-1');
      const files = { '/s/good.crime.yaml': good };
      const { report } = await auditIn(files, '/s/good.crime.yaml');
      assert.equal(report.syntaxError, false);
      const host = memoryHost(files);
      const failing = {
        ...host,
        readFile: async (file: string) => {
          if (file.endsWith('locked.crime.yaml')) throw new Error('EACCES: permission denied');
          return host.readFile(file);
        },
      };
      const locked = (await new Auditor(failing).auditFile('/s/locked.crime.yaml')).report;
      assert.deepEqual(
        locked.findings.map((f) => f.message),
        ['File could not be read: EACCES: permission denied'],
      );
      assert.equal(locked.syntaxError, true);
    });
  });

  describe('a hostile folder from the command line', () => {
    let folder: string;
    before(() => {
      folder = mkdtempSync(path.join(tmpdir(), 'dipsample-hostile-'));
      cpSync(path.join(REPO_ROOT, 'samples', 'training-basics'), path.join(folder, 'sample'), { recursive: true });
    });
    after(() => rmSync(folder, { recursive: true, force: true }));

    it('audits every file: each hostile one gets its own finding, the good ones keep their results (exit 0)', async () => {
      const sample = path.join(folder, 'sample');
      const before = await runCliCapturing(['audit', sample, '--format', 'json'], folder);
      const hostile: Record<string, string> = {
        'alias-bomb.crime.yaml': laughs,
        'undefined-alias.crime.yaml': lines('format: crime-file/1', 'reference: *ref'),
        'deep.crime.yaml': `${'- '.repeat(3000)}x\n`,
        'deep.crime.json': `${'['.repeat(30_000)}${']'.repeat(30_000)}`,
        'tagged.crime.yaml': lines('format: crime-file/1', 'reference: !!js/function "x"'),
        'nul.crime.yaml': lines('format: crime-file/1', 'reference: "A\u0000B"'),
        'big-string.crime.yaml': lines('format: crime-file/1', `reference: ${'x'.repeat(2_000_000)}`),
      };
      for (const [name, text] of Object.entries(hostile)) writeFileSync(path.join(sample, name), text);
      writeFileSync(
        path.join(sample, 'latin1.crime.yaml'),
        Buffer.from('format: crime-file/1\nreference: caf\xe9\n', 'latin1'),
      );
      const after = await runCliCapturing(['audit', sample, '--format', 'json'], folder);
      assert.equal(after.status, 0, after.stderr);
      type Json = { files: Array<{ path: string; findings: Array<{ rule: string; message: string }> }> };
      const beforeFiles = (JSON.parse(before.stdout) as Json).files;
      const afterFiles = new Map(
        (JSON.parse(after.stdout) as Json).files.map((file) => [path.basename(file.path), file]),
      );
      assert.equal(afterFiles.size, beforeFiles.length + Object.keys(hostile).length + 1);
      for (const file of beforeFiles) assert.deepEqual(afterFiles.get(path.basename(file.path)), file);
      for (const name of [
        'alias-bomb.crime.yaml',
        'undefined-alias.crime.yaml',
        'deep.crime.yaml',
        'deep.crime.json',
        'tagged.crime.yaml',
      ]) {
        assert.equal(afterFiles.get(name)?.findings[0]?.rule, 'syntax', name);
      }
    });
  });

  describe('regular expressions and schemas from a workspace', () => {
    it('runs a catastrophic pattern in linear time (`^(\\w+\\s?)*$` took 108 s on one log line)', async () => {
      const started = Date.now();
      const result = await runFunction(
        'pattern',
        '{ path: "log[*].text", match: "^(\\\\w+\\\\s?)*$" }',
        lines(
          'format: crime-file/1',
          'log:',
          `  - { text: "${'word '.repeat(40)}!" }`,
          `  - { text: "${'a'.repeat(5000)}!" }`,
        ),
      );
      assert.deepEqual(result.problems, []);
      assert.equal(result.outcome, 'failed');
      assert.equal(result.findings.length, 2);
      assert.ok(Date.now() - started < 1000, `${Date.now() - started} ms`);
    });

    it('refuses patterns that need backtracking (lookaround, backreferences), located at the option', async () => {
      for (const source of ['(?=x)a', '(a)\\\\1']) {
        const result = await runFunction('pattern', `{ path: reference, match: "${source}" }`, lines('reference: x'));
        assert.equal(result.problems.length, 1, result.problems.join());
        assert.match(result.problems[0], /^9:\d+ Rule under-test: Invalid regular expression: /);
      }
    });

    it('reports a parameter schema it cannot use, at the schema, instead of crashing the pack', async () => {
      const schemas = [
        '{ type: integer, colour: red }',
        '{ type: string, pattern: "(" }',
        '{ type: string, pattern: "(?=x)" }',
        '{ type: string, format: email }',
        '{ $ref: "https://example.invalid/schema.json" }',
      ];
      for (const schema of schemas) {
        const pack = lines(
          'pack: tested',
          'title: t',
          'rules:',
          '  - id: r',
          '    title: t',
          '    description: d',
          '    severity: warning',
          '    source: [{ report: r, quote: q }]',
          '    check: { function: present, options: { path: { $param: field } } }',
          '    parameters:',
          `      field: { description: d, default: reference, schema: ${schema} }`,
        );
        const files = {
          '/t/p.pack.yaml': pack,
          '/t/.dipsample.yaml': 'packs: [./p.pack.yaml]\n',
          '/t/a.crime.yaml': 'reference: x\n',
        };
        const { ruleSet } = await new Auditor(memoryHost(files)).auditFile('/t/a.crime.yaml');
        assert.deepEqual(
          ruleSet.problems.map((p) => [p.code, p.range.start.line]),
          [['bad-schema', 10]],
          schema,
        );
        assert.match(ruleSet.problems[0].message, /^Rule r: parameter field: its schema cannot be used: /);
      }
    });
  });

  describe('a hostile workspace on disk', () => {
    let folder: string;
    beforeEach(() => {
      folder = mkdtempSync(path.join(tmpdir(), 'dipsample-workspace-'));
    });
    afterEach(() => rmSync(folder, { recursive: true, force: true }));
    const auditor = () => new Auditor(nodeHost(path.join(REPO_ROOT, 'rules')));
    const crime = lines('format: crime-file/1', 'reference: W-1');

    it('reads each layer of a wide extends graph once (19 files extending the next two took 93 s)', async () => {
      for (let i = 0; i < 19; i++) {
        const parents = i < 17 ? `extends: [./c${i + 1}.yaml, ./c${i + 2}.yaml]\n` : '';
        writeFileSync(
          path.join(folder, `c${i}.yaml`),
          `${parents}rules: { advice-given: ${i % 2 ? 'warning' : 'error'} }\n`,
        );
      }
      writeFileSync(path.join(folder, '.dipsample.yaml'), 'extends: ./c0.yaml\n');
      writeFileSync(path.join(folder, 'a.crime.yaml'), crime);
      const started = Date.now();
      const { ruleSet } = await auditor().auditFile(path.join(folder, 'a.crime.yaml'));
      assert.deepEqual(ruleSet.problems, []);
      assert.equal(ruleSet.rules.find((rule) => rule.id === 'advice-given')?.severity, 'error');
      assert.ok(Date.now() - started < 2000, `${Date.now() - started} ms`);
    });

    it('refuses to read a pipe, a device or a symbolic-link loop, with a located problem and no hang', async function () {
      this.timeout(10_000);
      execFileSync('mkfifo', [path.join(folder, 'pipe.yaml')]);
      symlinkSync(path.join(folder, 'loop-b.yaml'), path.join(folder, 'loop-a.yaml'));
      symlinkSync(path.join(folder, 'loop-a.yaml'), path.join(folder, 'loop-b.yaml'));
      for (const [parent, reason] of [
        ['./pipe.yaml', /not a regular file/],
        ['/dev/zero', /not a regular file/],
        ['./loop-a.yaml', /loop of symbolic links/],
      ] as const) {
        writeFileSync(path.join(folder, '.dipsample.yaml'), `extends: ${parent}\n`);
        writeFileSync(path.join(folder, 'a.crime.yaml'), crime);
        const { ruleSet, report } = await auditor().auditFile(path.join(folder, 'a.crime.yaml'));
        assert.deepEqual(
          ruleSet.problems.map((p) => p.code),
          ['unreadable-file'],
          parent,
        );
        assert.match(ruleSet.problems[0].message, reason);
        assert.equal(report.syntaxError, false);
      }
    });

    it('audits a crime file behind a symbolic link, and reports a pipe named as a crime file', async () => {
      writeFileSync(path.join(folder, 'real.crime.yaml'), crime);
      mkdirSync(path.join(folder, 'sample'));
      symlinkSync(path.join(folder, 'real.crime.yaml'), path.join(folder, 'sample', 'linked.crime.yaml'));
      execFileSync('mkfifo', [path.join(folder, 'piped.crime.yaml')]);
      const run = await runCliCapturing(
        ['audit', 'sample', path.join(folder, 'piped.crime.yaml'), '--format', 'json'],
        folder,
      );
      assert.equal(run.status, 0, run.stderr);
      const files = (JSON.parse(run.stdout) as { files: Array<{ path: string; findings: Array<{ message: string }> }> })
        .files;
      assert.deepEqual(files.map((f) => path.basename(f.path)).sort(), ['linked.crime.yaml', 'piped.crime.yaml']);
      const piped = files.find((f) => f.path.endsWith('piped.crime.yaml'))!;
      assert.match(piped.findings[0].message, /^File could not be read: not a regular file/);
    });
  });

  describe('an untrusted workspace (confined host)', () => {
    let root: string;
    beforeEach(() => {
      root = mkdtempSync(path.join(tmpdir(), 'dipsample-untrusted-'));
      mkdirSync(path.join(root, 'workspace', 'sample'), { recursive: true });
      writeFileSync(path.join(root, 'secret.yaml'), 'API_KEY: dummy-secret-value\nrules: { advice-given: off }\n');
      writeFileSync(
        path.join(root, 'outside.pack.yaml'),
        'pack: outside\ntitle: API_KEY=dummy-secret-value\nrules: []\n',
      );
      writeFileSync(
        path.join(root, 'workspace', 'sample', 'a.crime.yaml'),
        lines('format: crime-file/1', 'reference: U-1'),
      );
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    const audit = async (config: string) => {
      writeFileSync(path.join(root, 'workspace', 'sample', '.dipsample.yaml'), config);
      const host = confineToFolders(nodeHost(path.join(REPO_ROOT, 'rules')), [path.join(root, 'workspace')]);
      return new Auditor(host).auditFile(path.join(root, 'workspace', 'sample', 'a.crime.yaml'));
    };

    it('refuses extends and packs that leave the workspace (../, absolute, symlinked), quoting nothing of them', async () => {
      symlinkSync(path.join(root, 'secret.yaml'), path.join(root, 'workspace', 'linked.yaml'));
      for (const config of [
        'extends: ../../secret.yaml\n',
        `extends: ${path.join(root, 'secret.yaml')}\n`,
        'extends: ../linked.yaml\n',
        'packs: [core, ../../outside.pack.yaml]\n',
      ]) {
        const { ruleSet, report } = await audit(config);
        assert.deepEqual(
          ruleSet.problems.map((p) => p.code),
          ['unreadable-file'],
          config,
        );
        assert.match(ruleSet.problems[0].message, /outside the workspace \(not read in an untrusted workspace\)/);
        assert.ok(!JSON.stringify([ruleSet.problems, report]).includes('dummy-secret'), config);
        assert.ok(!ruleSet.disabled.includes('advice-given'), 'the outside settings were not applied');
      }
    });

    it('still reads the workspace and the built-in packs, and ignores configurations above the workspace', async () => {
      writeFileSync(path.join(root, '.dipsample.yaml'), 'rules: { advice-given: off }\n');
      rmSync(path.join(root, 'workspace', 'sample', '.dipsample.yaml'), { force: true });
      const host = confineToFolders(nodeHost(path.join(REPO_ROOT, 'rules')), [path.join(root, 'workspace')]);
      const { ruleSet } = await new Auditor(host).auditFile(path.join(root, 'workspace', 'sample', 'a.crime.yaml'));
      assert.deepEqual(ruleSet.problems, []);
      assert.deepEqual(ruleSet.disabled, []);
      assert.ok(ruleSet.rules.some((rule) => rule.id === 'advice-given'));
    });
  });
});
