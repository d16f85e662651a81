import { strict as assert } from 'node:assert';
import type { RuleSet } from '../../src/engine';
import { actionList, wilsonInterval, type RuleRow } from '../../src/report';
import { REPO_ROOT, runCliCapturing } from './helpers';

const row = (rule: string, failed: number, passed: number): RuleRow =>
  ({
    rule,
    title: rule,
    failed,
    passed,
    applicable: failed + passed,
    failedPercent: failed + passed === 0 ? undefined : (100 * failed) / (failed + passed),
    interval: wilsonInterval(failed, failed + passed),
  }) as RuleRow;

const ruleSet = {
  rules: [
    {
      id: 'plan',
      declaration: {
        source: [
          { report: 'HMIC', paragraph: 'Recommendation 21', quote: 'properly record' },
          { report: 'HMIC', paragraph: '4.99', quote: 'a plan' },
        ],
      },
    },
  ],
} as unknown as RuleSet;

describe('action list: failed criteria ranked by what the sample shows at the least', () => {
  it('ranks by the lower bound of the 95% interval: 30 of 50 (46.2–72.6) before 3 of 4 (30.1–95.4)', () => {
    const actions = actionList(
      [row('small', 3, 1), row('plan', 30, 20), row('none', 0, 10), row('empty', 0, 0)],
      [ruleSet],
    );
    assert.deepEqual(
      actions.map((item) => item.rule),
      ['plan', 'small'],
    );
    assert.equal(actions[0].interval.low.toFixed(1), '46.2');
    assert.equal(actions[1].interval.low.toFixed(1), '30.1');
  });

  it('gives the passage and the recommendation apart', () => {
    const [plan] = actionList([row('plan', 1, 1)], [ruleSet]);
    assert.equal(plan.passage?.paragraph, '4.99');
    assert.deepEqual(
      plan.recommendations.map((source) => source.paragraph),
      ['Recommendation 21'],
    );
  });

  it('is in the report: the Lancashire letter’s criteria in order, with Recommendation 22', async function () {
    this.timeout(60_000);
    const run = await runCliCapturing(['report', 'samples/hmic-2014-lancashire-unattended'], REPO_ROOT);
    const section = run.stdout.slice(run.stdout.indexOf('## Action list'), run.stdout.indexOf('## Outcomes'));
    assert.match(section, /^1\. \*\*At least 24 hours from report to filing\*\*.*70\.0% \(56\.2–80\.9\), 35 of 50$/m);
    assert.match(section, /Recommendation 22: “all crime reports are appropriately investigated before being filed”/);
  });
});
