import { strict as assert } from 'node:assert';
import { Auditor, auditText, formatProblem, type FileReport } from '../../src/engine';
import { FORMATS, summarize } from '../../src/report';
import { lines, memoryHost } from './helpers';

const PACK = lines(
  'pack: suspects',
  'title: Named suspects',
  'rules:',
  '  - id: suspect-updated-since-circulation',
  '    title: Update since circulation',
  '    description: A log entry after the suspect was circulated on the PNC.',
  '    severity: error',
  '    kinds: [named_suspect, pnc_wanted]',
  '    check:',
  '      function: count',
  '      options: { path: log, where: { path: at, after: "suspects[0].circulated_pnc_at" }, min: 1, description: updates since circulation }',
  '    source: [{ report: HMIC Core business (2014), paragraph: "4.132", quote: little or no evidence of either a recent update }]',
  '  - id: supervision-quality',
  '    title: Quality of supervision',
  '    description: The reviewer judges the supervision.',
  '    severity: warning',
  '    kinds: [crime, named_suspect, pnc_wanted]',
  '    judgment:',
  '      question: How effective was the supervision of this file?',
  '      scale:',
  '        - { value: effective, outcome: passed }',
  '        - { value: appropriate, outcome: passed }',
  '        - { value: limited, outcome: failed }',
  '        - { value: none, outcome: failed }',
  '    source: [{ report: HMICFRS PEEL 2017, quote: supervision }]',
  'verdicts:',
  '  - id: suspect-files-unsatisfactory',
  '    title: Named-suspect and PNC files',
  '    rules: [suspect-updated-since-circulation]',
  '    unsatisfactoryWhen: { failedFilesAtLeast: 6 }',
  '    source: [{ report: HMIC Core business (2014), paragraph: "4.132", quote: unsatisfactory in at least six of the 20 files examined }]',
);

const suspectFile = (updated: boolean) =>
  lines(
    'format: crime-file/1',
    'kind: named_suspect',
    'reference: S1',
    'suspects: [{ id: SUS-1, named: true, circulated_pnc_at: 2014-01-10T09:00 }]',
    'log:',
    `  - { at: ${updated ? '2014-02-01T10:00' : '2014-01-09T10:00'}, author: { id: PC 1, role: officer }, type: investigation_update, text: Address checked. }`,
  );

describe('record kinds, judgment criteria and sample verdicts', () => {
  async function ruleSet() {
    const auditor = new Auditor(
      memoryHost({ '/s/.dipsample.yaml': 'packs: [core, ./suspects.pack.yaml]\n', '/s/suspects.pack.yaml': PACK }),
    );
    const set = await auditor.ruleSetFor('/s/a.crime.yaml');
    assert.deepEqual(set.problems.map(formatProblem), []);
    return set;
  }

  it('applies rules only to the record kinds they declare (crime by default)', async () => {
    const set = await ruleSet();
    const report = auditText(suspectFile(true), '/s/a.crime.yaml', set);
    const outcome = (rule: string) => report.results.find((r) => r.rule === rule)?.outcome;
    assert.equal(outcome('investigation-plan-present'), 'notApplicable', 'core rules are for crime records');
    assert.equal(outcome('suspect-updated-since-circulation'), 'passed');
    assert.equal(
      auditText(suspectFile(false), '/s/a.crime.yaml', set).results.find(
        (r) => r.rule === 'suspect-updated-since-circulation',
      )?.outcome,
      'failed',
    );
    assert.equal(report.facts?.kind, 'named_suspect');
  });

  it('reports a judgment criterion as awaiting judgment until a reviewer answers it', async () => {
    const set = await ruleSet();
    const text = suspectFile(true);
    const awaiting = auditText(text, '/s/a.crime.yaml', set);
    assert.deepEqual(
      awaiting.results.find((r) => r.rule === 'supervision-quality'),
      { rule: 'supervision-quality', outcome: 'awaitingJudgment' },
    );
    assert.equal(
      awaiting.findings.some((f) => f.rule === 'supervision-quality'),
      false,
      'no finding while awaiting',
    );
    assert.deepEqual(
      auditText(text, '/s/a.crime.yaml', set, { 'supervision-quality': 'limited' }).results.find(
        (r) => r.rule === 'supervision-quality',
      ),
      {
        rule: 'supervision-quality',
        outcome: 'failed',
        judgment: 'limited',
      },
    );
    assert.equal(
      auditText(text, '/s/a.crime.yaml', set, { 'supervision-quality': 'not-on-scale' }).results.find(
        (r) => r.rule === 'supervision-quality',
      )?.outcome,
      'awaitingJudgment',
    );
  });

  it('counts awaiting judgments apart from passes and failures in the summary', async () => {
    const set = await ruleSet();
    const reports = [
      auditText(suspectFile(true), '/s/a.crime.yaml', set),
      auditText(suspectFile(true), '/s/b.crime.yaml', set, { 'supervision-quality': 'effective' }),
    ];
    const quality = summarize(reports, [set]).rules.find((r) => r.rule === 'supervision-quality')!;
    assert.deepEqual([quality.passed, quality.failed, quality.awaitingJudgment, quality.notApplicable], [1, 0, 1, 0]);
  });

  it('judges a sample unsatisfactory when at least six of twenty suspect files fail (HMIC R 4.132)', async () => {
    const set = await ruleSet();
    const sample = (failing: number): FileReport[] =>
      Array.from({ length: 20 }, (_, i) => auditText(suspectFile(i >= failing), `/s/${i}.crime.yaml`, set));
    const five = summarize(sample(5), [set]).verdicts[0];
    assert.deepEqual(
      { ...five },
      {
        verdict: 'suspect-files-unsatisfactory',
        title: 'Named-suspect and PNC files',
        pack: 'suspects',
        status: 'satisfactory',
        failedFiles: 5,
        applicableFiles: 20,
        awaitingFiles: 0,
        threshold: 'unsatisfactory when at least 6 files fail',
        rules: ['suspect-updated-since-circulation'],
      },
    );
    const six = summarize(sample(6), [set]);
    assert.equal(six.verdicts[0].status, 'unsatisfactory');
    const run = { files: sample(6), ruleSets: [set], summary: six, tool: { name: 'dipsample', version: 'test' } };
    assert.deepEqual(
      (
        JSON.parse(FORMATS.json.render(run)) as { summary: { verdicts: Array<{ status: string }> } }
      ).summary.verdicts.map((v) => v.status),
      ['unsatisfactory'],
    );
    assert.match(
      FORMATS.text.render(run),
      /Verdict suspect-files-unsatisfactory: UNSATISFACTORY — 6 of 20 files fail \(unsatisfactory when at least 6 files fail\)/,
    );
  });

  it('awaits judgment when a verdict over a judgment criterion is not yet decided', async () => {
    const judged = PACK.replace('rules: [suspect-updated-since-circulation]', 'rules: [supervision-quality]');
    const auditor = new Auditor(
      memoryHost({ '/s/.dipsample.yaml': 'packs: [./suspects.pack.yaml]\n', '/s/suspects.pack.yaml': judged }),
    );
    const set = await auditor.ruleSetFor('/s/a.crime.yaml');
    const reports = Array.from({ length: 10 }, (_, i) =>
      auditText(suspectFile(true), `/s/${i}.crime.yaml`, set, i < 3 ? { 'supervision-quality': 'none' } : {}),
    );
    const verdict = summarize(reports, [set]).verdicts[0];
    assert.deepEqual([verdict.status, verdict.failedFiles, verdict.awaitingFiles], ['awaitingJudgment', 3, 7]);
    const decided = reports.map((_, i) =>
      auditText(suspectFile(true), `/s/${i}.crime.yaml`, set, { 'supervision-quality': i < 6 ? 'none' : 'effective' }),
    );
    assert.equal(summarize(decided, [set]).verdicts[0].status, 'unsatisfactory');
  });

  it('fills parameters into a rule scope (when) and checks the result', async () => {
    const scoped = (codes: string) =>
      lines(
        'pack: scoped',
        'title: Scoped',
        'rules:',
        '  - id: scoped-rule',
        '    title: t',
        '    description: d',
        '    severity: warning',
        '    when: { path: filed.outcome.code, in: { $param: codes } }',
        '    check: { function: present, options: { path: filed.outcome.victim_wishes_recorded } }',
        '    parameters:',
        `      codes: { description: Outcome codes in scope, default: ${codes} }`,
        '    source: [{ report: r, quote: q }]',
      );
    const crime = lines(
      'format: crime-file/1',
      'reference: C1',
      'classification: { category: other }',
      'reported_at: 2014-01-01T10:00',
      'recorded_at: 2014-01-01T10:00',
      'filed: { at: 2014-01-05T10:00, outcome: { code: 16 } }',
    );
    const outcomeWith = async (codes: string, config = '') => {
      const auditor = new Auditor(
        memoryHost({
          '/s/.dipsample.yaml': `packs: [./scoped.pack.yaml]\n${config}`,
          '/s/scoped.pack.yaml': scoped(codes),
          '/s/a.crime.yaml': crime,
        }),
      );
      const { report, ruleSet } = await auditor.auditFile('/s/a.crime.yaml');
      return {
        outcome: report.results[0]?.outcome,
        problems: ruleSet.problems.map((p) => formatProblem({ ...p, file: p.file.split('/').pop()! })),
      };
    };
    assert.deepEqual(await outcomeWith('[16]'), { outcome: 'failed', problems: [] });
    assert.deepEqual(await outcomeWith('[14, 15]'), { outcome: 'notApplicable', problems: [] });
    assert.deepEqual(await outcomeWith('[14]', 'rules: { scoped-rule: { options: { codes: [16] } } }\n'), {
      outcome: 'failed',
      problems: [],
    });
    const bad = await outcomeWith('16');
    assert.equal(bad.outcome, undefined);
    assert.deepEqual(bad.problems, [
      'scoped.pack.yaml:8:39: Rule scoped-rule: when `in` must be a list (found number 16)',
    ]);
  });

  it('is not applicable when no file is of a kind its rules apply to', async () => {
    const set = await ruleSet();
    const crime = lines(
      'format: crime-file/1',
      'reference: C1',
      'classification: { category: other }',
      'reported_at: 2014-01-01T10:00',
      'recorded_at: 2014-01-01T10:00',
    );
    assert.equal(summarize([auditText(crime, '/s/c.crime.yaml', set)], [set]).verdicts[0].status, 'notApplicable');
  });

  it('reports verdicts naming rules the pack does not have', async () => {
    const auditor = new Auditor(
      memoryHost({
        '/s/.dipsample.yaml': 'packs: [./suspects.pack.yaml]\n',
        '/s/suspects.pack.yaml': PACK.replace('rules: [suspect-updated-since-circulation]', 'rules: [suspect-updated]'),
      }),
    );
    const set = await auditor.ruleSetFor('/s/a.crime.yaml');
    assert.deepEqual(
      set.problems.map((p) => formatProblem({ ...p, file: 'suspects.pack.yaml' })),
      ['suspects.pack.yaml:29:13: Verdict suspect-files-unsatisfactory: no rule "suspect-updated" in this pack'],
    );
  });

  it('rejects a rule with both or neither of check and judgment', async () => {
    const both = PACK.replace(
      '    judgment:\n',
      '    check: { function: present, options: { path: log } }\n    judgment:\n',
    );
    const auditor = new Auditor(
      memoryHost({ '/s/.dipsample.yaml': 'packs: [./suspects.pack.yaml]\n', '/s/suspects.pack.yaml': both }),
    );
    const set = await auditor.ruleSetFor('/s/a.crime.yaml');
    assert.ok(set.problems.length > 0);
  });
});

describe('time conditions and the condition function', () => {
  const pack = (check: string) =>
    lines(
      'pack: force',
      'title: Force',
      'rules:',
      '  - id: force-rule',
      '    title: t',
      '    description: d',
      '    severity: warning',
      `    check: ${check}`,
      '    source: [{ report: Force policy, quote: q }]',
    );
  const record = lines(
    'format: crime-file/1',
    'reference: C1',
    'classification: { category: burglary_dwelling }',
    'reported_at: 2013-10-26T09:00',
    'recorded_at: 2013-10-26T10:00',
    'officer_in_case: { id: PC 1 }',
    'log:',
    '  - { at: 2013-10-29T09:30, author: { id: PS 2, role: supervisor }, type: supervisor_review, text: Reviewed. }',
    'filed: { at: 2013-11-10T10:00, outcome: { code: 16, victim_wishes_recorded: false } }',
  );
  async function outcome(check: string) {
    const auditor = new Auditor(
      memoryHost({
        '/f/.dipsample.yaml': 'packs: [./force.pack.yaml]\n',
        '/f/force.pack.yaml': pack(check),
        '/f/a.crime.yaml': record,
      }),
    );
    const { report, ruleSet } = await auditor.auditFile('/f/a.crime.yaml');
    assert.deepEqual(ruleSet.problems.map(formatProblem), []);
    return { outcome: report.results[0].outcome, findings: report.findings };
  }

  it('"supervisor review within 72 hours of recording" counts elapsed time across the clock change', async () => {
    // 10:00 BST on 26 Oct to 09:30 GMT on 29 Oct is 72.5 h elapsed (72 h 30 min), so 72h fails and 73h passes.
    const within = (max: string) =>
      `{ function: count, options: { path: log, where: { all: [{ path: type, equals: supervisor_review }, { path: at, within: { of: recorded_at, max: ${max} } }] }, min: 1 } }`;
    assert.equal((await outcome(within('72h'))).outcome, 'failed');
    assert.equal((await outcome(within('73h'))).outcome, 'passed');
  });

  it('compares date-times with after and before', async () => {
    assert.equal(
      (await outcome('{ function: count, options: { path: log, where: { path: at, before: filed.at }, min: 1 } }'))
        .outcome,
      'passed',
    );
    assert.equal(
      (await outcome('{ function: count, options: { path: log, where: { path: at, after: filed.at }, min: 1 } }'))
        .outcome,
      'failed',
    );
    assert.equal(
      (await outcome('{ function: count, options: { path: log, where: { path: at, after: no_such_field }, min: 1 } }'))
        .outcome,
      'failed',
    );
  });

  it('condition places its finding where the rule says', async () => {
    const check =
      '{ function: condition, options: { at: filed.outcome, description: "outcome 16 with the victim\'s wishes recorded", test: { any: [{ path: filed.outcome.code, notEquals: 16 }, { path: filed.outcome.victim_wishes_recorded, equals: true }] } } }';
    const { outcome: result, findings } = await outcome(check);
    assert.equal(result, 'failed');
    assert.equal(findings[0].message, "The record does not meet outcome 16 with the victim's wishes recorded");
    assert.deepEqual(findings[0].range.start, { line: 8, character: 31 });
  });
});
