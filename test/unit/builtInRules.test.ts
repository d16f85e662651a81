import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { auditText, Auditor } from '../../src/engine';
import { parse } from 'yaml';
import { nodeHost } from '../../src/node/nodeHost';
import { memoryHost, REPO_ROOT, RULES_DIR } from './helpers';

/**
 * Every core rule against its fixtures in test/fixtures/rules/<rule>/: the file name says the outcome
 * (pass-, fail-, na-) and `# expect: <rule>` comments mark the lines its findings must start on.
 */
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'rules');

function applyEdit(
  text: string,
  edit: {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    newText: string;
  },
): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) =>
    lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(0, offset(edit.range.start)) + edit.newText + text.slice(offset(edit.range.end));
}

function expectedLines(text: string, rule: string): number[] {
  return text.split(/\r?\n/).flatMap((line, index) => (line.includes(`# expect: ${rule}`) ? [index] : []));
}

/** Built-in pack name → the rule ids it declares, read from rules/*.pack.yaml. */
const judgmentRules = new Set<string>();

function builtInPacks(): Map<string, string[]> {
  const packs = new Map<string, string[]>();
  for (const name of readdirSync(RULES_DIR).filter((n) => n.endsWith('.pack.yaml'))) {
    const pack = parse(readFileSync(path.join(RULES_DIR, name), 'utf8')) as {
      pack: string;
      rules: Array<{ id: string; judgment?: unknown }>;
    };
    packs.set(
      pack.pack,
      pack.rules.map((r) => r.id),
    );
    for (const rule of pack.rules) if (rule.judgment) judgmentRules.add(rule.id);
  }
  return packs;
}

describe('built-in rules against fixtures', () => {
  const auditor = new Auditor(nodeHost(RULES_DIR));
  const packs = builtInPacks();
  const packOf = (rule: string) => [...packs].find(([, ids]) => ids.includes(rule))?.[0];
  /** The rule set of the pack declaring `rule`, as a sample configured with just that pack gets it. */
  const ruleSetFor = (rule: string) => {
    const pack = packOf(rule);
    assert.ok(pack, `no built-in pack declares ${rule}`);
    return new Auditor(memoryHost({ [`/packs/${pack}/.dipsample.yaml`]: `packs: [${pack}]\n` })).ruleSetFor(
      `/packs/${pack}/x.crime.yaml`,
    );
  };

  it('has passing, failing and (for scoped rules) not-applicable fixtures for every built-in rule', () => {
    for (const [pack, ids] of packs) {
      for (const rule of ids) {
        let names: string[] = [];
        try {
          names = readdirSync(path.join(FIXTURES, rule));
        } catch {
          assert.fail(`${pack}: ${rule} has no fixtures folder test/fixtures/rules/${rule}`);
        }
        if (judgmentRules.has(rule)) {
          // A judgment criterion cannot pass or fail on its own: it awaits a reviewer.
          assert.ok(
            names.some((n) => n.startsWith('awaiting-')),
            `${rule} (a judgment criterion) has no awaiting- fixture`,
          );
        } else {
          assert.ok(
            names.some((n) => n.startsWith('pass-')),
            `${rule} has no passing fixture`,
          );
          assert.ok(
            names.some((n) => n.startsWith('fail-')),
            `${rule} has no failing fixture`,
          );
        }
        if (pack !== 'core')
          assert.ok(
            names.some((n) => n.startsWith('na-')),
            `${rule} has no not-applicable fixture`,
          );
      }
    }
  });

  for (const rule of readdirSync(FIXTURES)) {
    describe(rule, () => {
      for (const name of readdirSync(path.join(FIXTURES, rule))) {
        const expected = name.startsWith('pass-')
          ? 'passed'
          : name.startsWith('fail-')
            ? 'failed'
            : name.startsWith('awaiting-')
              ? 'awaitingJudgment'
              : 'notApplicable';
        it(`${name} → ${expected}`, async () => {
          const file = path.join(FIXTURES, rule, name);
          const text = readFileSync(file, 'utf8');
          const ruleSet = await ruleSetFor(rule);
          assert.deepEqual(ruleSet.problems, []);
          const report = auditText(text, file, ruleSet);
          const schemaFindings = report.findings.filter((f) => f.rule === 'schema' || f.rule === 'syntax');
          assert.deepEqual(schemaFindings, [], 'fixtures must be valid crime files');
          assert.equal(report.results.find((r) => r.rule === rule)?.outcome, expected);
          const lines = report.findings.filter((f) => f.rule === rule).map((f) => f.range.start.line);
          if (file.endsWith('.json')) assert.equal(lines.length > 0, expected === 'failed');
          else assert.deepEqual(lines, expectedLines(text, rule));
        });
      }
    });
  }

  it('places the empty-list finding on the list in JSON files too', async () => {
    const file = path.join(FIXTURES, 'investigation-plan-present', 'fail-empty-lines.json.crime.json');
    const { report } = await auditor.auditFile(file, undefined, undefined);
    const finding = report.findings.find((f) => f.rule === 'investigation-plan-present')!;
    assert.deepEqual(finding.range, { start: { line: 6, character: 46 }, end: { line: 6, character: 48 } });
  });

  it("offers a mechanical fix for an empty list of lines of enquiry, in the file's own syntax, that still fails until filled in", async () => {
    const yamlFile = path.join(FIXTURES, 'investigation-plan-present', 'fail-empty-lines.crime.yaml');
    const yamlReport = (await auditor.auditFile(yamlFile)).report;
    const fix = yamlReport.findings.find((f) => f.rule === 'investigation-plan-present')!.fix!;
    assert.equal(fix.title, 'Add a line of enquiry to the plan');
    assert.deepEqual(fix.range, { start: { line: 8, character: 20 }, end: { line: 8, character: 22 } });
    assert.equal(
      fix.newText,
      '[ { action: "TODO: describe the line of enquiry (e.g. obtain CCTV, house-to-house, forensic examination)", status: outstanding } ]',
    );
    const ruleSet = await auditor.ruleSetFor('/nowhere/x.crime.yaml');
    const fixed = applyEdit(readFileSync(yamlFile, 'utf8'), fix);
    const again = auditText(fixed, yamlFile, ruleSet);
    // The placeholder is no line of enquiry: the rule fails until someone writes one.
    assert.equal(again.results.find((r) => r.rule === 'investigation-plan-present')?.outcome, 'failed');
    const still = again.findings.find((f) => f.rule === 'investigation-plan-present')!;
    assert.match(still.message, /holds only TODO placeholders/);
    assert.equal(still.fix, undefined, 'no fix over what is there now: a fix fills in only what is empty');
    assert.deepEqual(
      again.findings.filter((f) => f.rule === 'schema'),
      [],
    );
    const filledIn = fixed.replace(/TODO: describe the line of enquiry \([^)]*\)/, 'Obtain CCTV from the Co-op');
    const done = auditText(filledIn, yamlFile, ruleSet);
    assert.equal(done.results.find((r) => r.rule === 'investigation-plan-present')?.outcome, 'passed', filledIn);
    const blank = auditText(fixed.replace(/"TODO: [^"]*"/, '""'), yamlFile, ruleSet);
    // A blank action breaks the schema too: not audited, and never passed.
    assert.notEqual(blank.results.find((r) => r.rule === 'investigation-plan-present')?.outcome, 'passed');

    const jsonFile = path.join(FIXTURES, 'investigation-plan-present', 'fail-empty-lines.json.crime.json');
    const jsonFix = (await auditor.auditFile(jsonFile)).report.findings.find(
      (f) => f.rule === 'investigation-plan-present',
    )!.fix!;
    const jsonFixed = applyEdit(readFileSync(jsonFile, 'utf8'), jsonFix);
    assert.equal(
      (JSON.parse(jsonFixed) as { investigation_plan: { lines_of_enquiry: unknown[] } }).investigation_plan
        .lines_of_enquiry.length,
      1,
    );
  });

  it('offers no fix where the plan is missing altogether (nothing to replace)', async () => {
    const { report } = await auditor.auditFile(
      path.join(FIXTURES, 'investigation-plan-present', 'fail-no-plan.crime.yaml'),
    );
    assert.equal(report.findings.find((f) => f.rule === 'investigation-plan-present')!.fix, undefined);
  });

  it('words findings for an auditor, with the configured values', async () => {
    const file = path.join(FIXTURES, 'filed-within-24h', 'fail-filed-same-day.crime.yaml');
    const ruleSet = await auditor.ruleSetFor('/nowhere/x.crime.yaml');
    const report = auditText(readFileSync(file, 'utf8'), file, ruleSet);
    const messages = report.findings.map((f) => f.message);
    // Issue 15: measured from reported_at (09:15), as R 4.102 counts; filed 12:40.
    assert.ok(messages.includes('Filed 3 h 25 min after `reported_at` (less than 24h)'), messages.join('\n'));
    assert.ok(messages.includes('No advice recorded of the kinds required: crime_prevention, evidence_preservation'));
    assert.ok(
      messages.includes(
        'No supervisor reviews before filing by a supervisor other than the officer in case (at least 1 required)',
      ),
    );
  });
});
