import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { Auditor, formatProblem, loadPack, type Problem } from '../../src/engine';
import { lines, memoryHost } from './helpers';

const PACK = '/force/force.pack.yaml';
const CONFIG = '/force/.dipsample.yaml';

/** Problems from loading `pack` through a config that names it, as "line:col message" (1-based). */
async function packProblems(pack: string): Promise<string[]> {
  return (await packProblemList(pack)).map(short);
}

async function packProblemList(pack: string, config = 'packs: [./force.pack.yaml]\n'): Promise<Problem[]> {
  const auditor = new Auditor(memoryHost({ [PACK]: pack, [CONFIG]: config }));
  return (await auditor.ruleSetFor('/force/a.crime.yaml')).problems;
}

function short(problem: Problem): string {
  return `${path.basename(problem.file)}:${problem.range.start.line + 1}:${problem.range.start.character + 1} ${problem.message}`;
}

const header = ['pack: force-extras', 'title: Force extras', 'rules:'];
const rule = (...body: string[]) =>
  lines(
    ...header,
    '  - id: review-within-72h',
    '    title: Supervisor review within 72 hours',
    '    description: A supervisor reviews the file within 72 hours of recording.',
    '    severity: warning',
    '    source: [{ report: Force policy, quote: Supervisors review within 72 hours. }]',
    ...body,
  );

describe('rule packs', () => {
  it('loads the built-in core pack with no problems', async () => {
    const ruleSet = await new Auditor(memoryHost({})).ruleSetFor('/x/a.crime.yaml');
    assert.deepEqual(ruleSet.problems, []);
    assert.deepEqual(
      ruleSet.rules.map((r) => r.id),
      ['investigation-plan-present', 'supervision-recorded', 'filed-within-24h', 'advice-given'],
    );
    assert.equal(ruleSet.timeZone, 'Europe/London');
  });

  it('runs a force pack rule written only as data', async () => {
    const pack = rule('    check: { function: present, options: { path: officer_in_case.id } }');
    const auditor = new Auditor(
      memoryHost({
        [PACK]: pack,
        [CONFIG]: 'packs: [core, ./force.pack.yaml]\n',
        '/force/a.crime.yaml': lines('format: crime-file/1', 'reference: A'),
      }),
    );
    const { report, ruleSet } = await auditor.auditFile('/force/a.crime.yaml');
    assert.deepEqual(ruleSet.problems, []);
    assert.equal(ruleSet.rules.length, 5);
    assert.equal(report.results.find((r) => r.rule === 'review-within-72h')?.outcome, 'failed');
  });

  it('reports YAML errors in a pack at their position', async () => {
    const problems = await packProblems(lines(...header, '  - id: [oops'));
    assert.equal(problems.length > 0, true);
    assert.match(problems[0], /^force\.pack\.yaml:[45]:\d+ Invalid YAML: Flow sequence/);
  });

  it('reports schema errors at the offending key or value', async () => {
    assert.deepEqual(
      await packProblems(rule('    check: { function: present, options: { path: a } }', '    severity_level: high')),
      [
        'force.pack.yaml:10:5 Rule pack: Unknown field `rules[0].severity_level` (check the spelling; force-specific fields start with x_)',
      ],
    );
    const badSeverity = await packProblems(
      lines(
        ...header,
        '  - id: Bad_Id',
        '    title: t',
        '    description: d',
        '    severity: fatal',
        '    check: { function: present, options: { path: a } }',
        '    source: [{ report: r, quote: q }]',
      ),
    );
    assert.ok(
      badSeverity.some((p) => p.startsWith('force.pack.yaml:4:9 ') && p.includes('must match pattern')),
      badSeverity.join('\n'),
    );
    assert.ok(
      badSeverity.some(
        (p) => p.startsWith('force.pack.yaml:7:15 ') && p.includes('must be one of: error, warning, information, hint'),
      ),
      badSeverity.join('\n'),
    );
  });

  it('rejects unknown check functions (no code in packs)', async () => {
    const problems = await packProblems(rule('    check: { function: eval, options: { code: "process.exit()" } }'));
    assert.equal(problems.length, 1);
    assert.match(
      problems[0],
      /^force\.pack\.yaml:9:24 Rule pack: `rules\[0\]\.check\.function` must be one of: present, count, elapsed, enumeration, pattern, condition$/,
    );
  });

  it("checks each function's options against its schema, located in the pack", async () => {
    const problems = await packProblems(
      rule('    check: { function: elapsed, options: { from: recorded_at, too: filed.at, min: 72h } }'),
    );
    assert.deepEqual(problems, [
      'force.pack.yaml:9:33 Rule review-within-72h: elapsed option Missing required field `to`',
      'force.pack.yaml:9:63 Rule review-within-72h: elapsed option Unknown field `too` (check the spelling; force-specific fields start with x_)',
    ]);
  });

  it('reports option values the schema cannot judge (durations, regexes, paths)', async () => {
    assert.deepEqual(
      await packProblems(
        rule('    check: { function: elapsed, options: { from: recorded_at, to: filed.at, min: three days } }'),
      ),
      ['force.pack.yaml:9:82 Rule review-within-72h: "three days" is not a duration (try 24h, 90m, 3d or PT24H)'],
    );
    const regex = await packProblems(
      rule('    check: { function: pattern, options: { path: "log[*].text", match: "(" } }'),
    );
    assert.match(regex[0], /^force\.pack\.yaml:9:\d+ Rule review-within-72h: Invalid regular expression/);
    const badPath = await packProblems(rule('    check: { function: present, options: { path: "log[x]" } }'));
    // Field paths are checked by the options schema's field-path format, like every other option.
    assert.match(
      badPath[0],
      /^force\.pack\.yaml:9:\d+ Rule review-within-72h: present option `path` must be a field path such as log\[\*\]\.text \(found "log\[x\]"\)$/,
    );
  });

  it('reports bad scope conditions and unknown message placeholders', async () => {
    const scope = await packProblems(
      rule('    when: { path: filed.at, exists: true }', '    check: { function: present, options: { path: a } }'),
    );
    assert.ok(
      scope.some((p) => p.startsWith('force.pack.yaml:9:')),
      scope.join('\n'),
    );
    const placeholder = await packProblems(
      rule('    check: { function: present, options: { path: a } }', '    message: "{{path}} missing after {{hours}}"'),
    );
    assert.deepEqual(placeholder, [
      'force.pack.yaml:10:14 Rule review-within-72h: unknown placeholder {{hours}} (available: path, id, title)',
    ]);
  });

  it('reports undeclared parameters and defaults that break their own schema', async () => {
    const undeclared = await packProblems(
      rule('    check: { function: count, options: { path: log, min: { $param: reviews } } }'),
    );
    assert.deepEqual(undeclared, [
      'force.pack.yaml:9:53 Rule review-within-72h: refers to undeclared parameter "reviews"',
    ]);
    const badDefault = await packProblems(
      rule(
        '    check: { function: count, options: { path: log, min: { $param: reviews } } }',
        '    parameters:',
        '      reviews: { description: n, default: -1, schema: { type: integer, minimum: 0 } }',
      ),
    );
    assert.equal(badDefault.length, 1);
    assert.match(
      badDefault[0],
      /^force\.pack\.yaml:11:43 Rule review-within-72h: default of reviews: the value must be >= 0$/,
    );
  });

  it('reports duplicate rule ids within a pack and across packs', async () => {
    const twice = lines(
      ...header,
      ...['a', 'a'].flatMap((id) => [
        `  - id: ${id}`,
        '    title: t',
        '    description: d',
        '    severity: hint',
        '    check: { function: present, options: { path: a } }',
        '    source: [{ report: r, quote: q }]',
      ]),
    );
    const problems = await packProblems(twice);
    assert.ok(
      problems.some((p) => p.startsWith('force.pack.yaml:10:9 Duplicate rule id "a"')),
      problems.join('\n'),
    );
    const clash = rule('    check: { function: present, options: { path: a } }').replace(
      'review-within-72h',
      'advice-given',
    );
    const auditor = new Auditor(memoryHost({ [PACK]: clash, [CONFIG]: 'packs: [core, ./force.pack.yaml]\n' }));
    const ruleSet = await auditor.ruleSetFor('/force/a.crime.yaml');
    assert.match(
      formatProblem(ruleSet.problems[0]),
      /force\.pack\.yaml:4:9: Rule id "advice-given" is already declared by .*core\.pack\.yaml/,
    );
  });

  it('reports a missing pack where it was named', async () => {
    const auditor = new Auditor(
      memoryHost({ [CONFIG]: lines('packs:', '  - core', '  - ./missing.pack.yaml', '  - hmic-1066') }),
    );
    const ruleSet = await auditor.ruleSetFor('/force/a.crime.yaml');
    assert.deepEqual(ruleSet.problems.map(short), [
      '.dipsample.yaml:3:5 Rule pack not found: ./missing.pack.yaml (/force/missing.pack.yaml)',
      '.dipsample.yaml:4:5 No built-in rule pack "hmic-1066"',
    ]);
    assert.equal(ruleSet.rules.length, 4, 'the packs that exist still run');
  });

  it('never throws on packs that are not maps', () => {
    for (const text of ['', '42', '- a\n- b\n', 'rules: 7\n']) {
      const loaded = loadPack(text, 'x.pack.yaml');
      assert.equal(loaded.pack, undefined);
      assert.ok(loaded.problems.length > 0, JSON.stringify(text));
    }
  });

  describe('problem codes', () => {
    const codes = async (pack: string, config?: string) => (await packProblemList(pack, config)).map((p) => p.code);
    const present = '    check: { function: present, options: { path: a } }';

    it('names each kind of problem with a stable code, whatever the wording', async () => {
      assert.deepEqual(await codes('pack: [unclosed\n'), ['syntax']);
      const incomplete = await codes(lines(...header, '  - id: x'));
      assert.ok(incomplete.length > 0 && incomplete.every((code) => code === 'missing-field'), incomplete.join());
      assert.deepEqual(await codes(rule(present, '    colour: red')), ['unknown-field']);
      assert.deepEqual(await codes(rule('    check: { function: present, options: { path: "log[x]" } }')), [
        'bad-option',
      ]);
      assert.deepEqual(await codes(rule('    check: { function: pattern, options: { path: a, match: "(" } }')), [
        'bad-option',
      ]);
      assert.deepEqual(await codes(rule('    when: { path: "a[", equals: 1 }', present)), ['bad-condition']);
      assert.deepEqual(
        await codes(rule('    check: { function: count, options: { path: log, min: { $param: n } } }')),
        ['undeclared-parameter'],
      );
      assert.deepEqual(
        await codes(
          rule(
            present,
            '    parameters:',
            '      n: { description: n, default: -1, schema: { type: integer, minimum: 0 } }',
          ),
        ),
        ['bad-default'],
      );
      assert.deepEqual(await codes(rule(present, '    message: "{{nothing}}"')), ['unknown-placeholder']);
    });

    it('codes configuration problems too', async () => {
      const pack = rule(present);
      assert.deepEqual(await codes(pack, 'packs: [./force.pack.yaml]\nrules: { review-within-27h: off }\n'), [
        'unknown-rule',
      ]);
      assert.deepEqual(
        await codes(pack, 'packs: [./force.pack.yaml]\nrules: { review-within-72h: { options: { x: 1 } } }\n'),
        ['unknown-option'],
      );
      assert.deepEqual(await codes(pack, 'packs: [./force.pack.yaml, ./missing.pack.yaml]\n'), ['file-not-found']);
      assert.deepEqual(await codes(pack, 'packs: [./force.pack.yaml, no-such-pack]\n'), ['unknown-pack']);
      assert.deepEqual(await codes(pack, 'packs: [./force.pack.yaml]\ntimezone: Mars/Olympus\n'), ['bad-timezone']);
      assert.deepEqual(await codes(pack, 'packs: [./force.pack.yaml]\nextends: ./.dipsample.yaml\n'), [
        'extends-cycle',
      ]);
    });
  });
});
