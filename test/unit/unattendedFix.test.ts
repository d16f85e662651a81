import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { Auditor } from '../../src/engine';
import { lines, memoryHost, RULES_DIR } from './helpers';

// A rule's fix is applied by "fix all" (source.fixAll.dipsample) only when its pack says it needs no
// person's content (`unattended: true`); the finding carries the flag, and nothing else does.
const CONFIG = '/force/.dipsample.yaml';
const PACK = '/force/force.pack.yaml';
const FILE = '/force/a.crime.yaml';

const pack = (fix: string[]) =>
  lines(
    'pack: force-extras',
    'title: Force extras',
    'rules:',
    '  - id: review-status-set',
    '    title: Review status not set',
    '    description: The file says whether a supervisor has reviewed it.',
    '    severity: warning',
    '    source: [{ report: Force policy, quote: Every file carries a review status. }]',
    '    check: { function: present, options: { path: x_review_status } }',
    ...fix,
  );

const crimeFile = lines(
  'format: crime-file/1',
  'reference: FX/1',
  'classification: { category: criminal_damage }',
  'reported_at: 2024-01-02T09:00',
  'recorded_at: 2024-01-02T09:10',
  'x_review_status: ""',
);

async function findingFix(fix: string[]) {
  const auditor = new Auditor(
    memoryHost({ [CONFIG]: 'packs: [./force.pack.yaml]\n', [PACK]: pack(fix), [FILE]: crimeFile }),
  );
  const { report, ruleSet } = await auditor.auditFile(FILE);
  assert.deepEqual(ruleSet.problems, [], 'the pack loads');
  const finding = report.findings.find((f) => f.rule === 'review-status-set');
  assert.ok(finding, `a review-status-set finding: ${JSON.stringify(report.findings)}`);
  return finding.fix;
}

describe('unattended fixes', () => {
  it('marks a fix its pack declares unattended', async () => {
    const fix = await findingFix(['    fix: { title: Mark as not yet reviewed, set: not_reviewed, unattended: true }']);
    assert.equal(fix?.unattended, true);
    assert.equal(fix?.newText, 'not_reviewed');
  });

  it('leaves it off by default and when declared false', async () => {
    const implicit = await findingFix(['    fix: { title: Mark as not yet reviewed, set: not_reviewed }']);
    assert.ok(implicit, 'the fix is still offered as a quick fix');
    assert.equal('unattended' in implicit, false);
    const explicit = await findingFix([
      '    fix: { title: Mark as not yet reviewed, set: not_reviewed, unattended: false }',
    ]);
    assert.equal(explicit && 'unattended' in explicit, false);
  });

  it('rejects a non-boolean unattended in a pack', async () => {
    const auditor = new Auditor(
      memoryHost({
        [CONFIG]: 'packs: [./force.pack.yaml]\n',
        [PACK]: pack(['    fix: { title: Mark, set: not_reviewed, unattended: "yes" }']),
      }),
    );
    const { problems } = await auditor.ruleSetFor(FILE);
    assert.ok(
      problems.some((p) => p.file === PACK && /unattended/.test(p.message)),
      problems.map((p) => p.message).join('\n'),
    );
  });

  it('is declared by no built-in pack: their fixes insert placeholders a person must fill in', () => {
    for (const name of ['core.pack.yaml', 'peel-2017-file-review.pack.yaml']) {
      const declared = parse(readFileSync(path.join(RULES_DIR, name), 'utf8')) as {
        rules: Array<{ id: string; fix?: { unattended?: boolean } }>;
      };
      const withFix = declared.rules.filter((rule) => rule.fix);
      assert.ok(withFix.length > 0, `${name} has a fix`);
      for (const rule of withFix) assert.notEqual(rule.fix?.unattended, true, `${name}: ${rule.id}`);
    }
  });
});
