import { strict as assert } from 'node:assert';
import { lines, range } from './helpers';
import { runFunction, type TestedFinding } from './functionTester';

/**
 * Each check function through the real pipeline (pack → configuration → audit): the findings a
 * reviewer sees, with their message, range and severity, and option problems where they are written.
 */
const record = lines(
  'format: crime-file/1',
  'reference: T-1',
  'recorded_at: 2024-03-30T12:00',
  'attendance: { status: not_attended }',
  'log:',
  '  - { at: 2024-03-30T13:00, author: { id: PC 1, role: officer }, type: investigation_update, text: Spoke to the victim }',
  '  - { at: 2024-03-31T12:30, author: { id: PS 2, role: supervisor }, type: supervisor_review, text: "TODO: review" }',
  'filed: { at: 2024-03-31T12:30, outcome: { code: 18 } }',
);

interface Scenario {
  name: string;
  fn: string;
  options: string;
  outcome: string;
  findings?: TestedFinding[];
  severity?: 'error' | 'warning';
  message?: string;
}

const recordLines = record.split('\n');
/** The range of `text` on 0-based line `line` of the record: expected ranges read from the fixture itself. */
const on = (line: number, text: string) => {
  const start = recordLines[line].indexOf(text);
  assert.ok(start >= 0, `${text} is not on line ${line}`);
  return range(line, start, line, start + text.length);
};

const finding = (
  message: string,
  where: ReturnType<typeof range>,
  severity: TestedFinding['severity'] = 'warning',
) => ({ message, range: where, severity });

const scenarios: Scenario[] = [
  { name: 'present: an existing field passes', fn: 'present', options: '{ path: filed.outcome }', outcome: 'passed' },
  {
    name: 'present: a missing field fails at its nearest ancestor',
    fn: 'present',
    options: '{ path: investigation_plan.lines_of_enquiry }',
    outcome: 'failed',
    severity: 'error',
    findings: [finding('`investigation_plan.lines_of_enquiry` is missing', on(0, 'format: crime-file/1'), 'error')],
  },
  {
    name: 'count: too few matching entries fails at the list',
    fn: 'count',
    options: '{ path: log, where: { path: type, equals: supervisor_review }, min: 2, description: supervisor reviews }',
    outcome: 'failed',
    findings: [finding('Only 1 supervisor reviews (at least 2 required)', on(4, 'log'))],
  },
  { name: 'count: enough entries passes', fn: 'count', options: '{ path: log, min: 2 }', outcome: 'passed' },
  {
    name: 'elapsed: a span shorter than min fails at the end timestamp, across the clock change',
    fn: 'elapsed',
    options: '{ from: recorded_at, to: filed.at, min: 24h }',
    outcome: 'failed',
    // 30 March 2024 12:00 GMT to 31 March 12:30 BST is 23 h 30 min of elapsed time.
    findings: [finding('Only 23 h 30 min from `recorded_at` to `filed.at` (less than 24h)', on(7, '2024-03-31T12:30'))],
  },
  {
    name: 'elapsed: a missing timestamp is not applicable',
    fn: 'elapsed',
    options: '{ from: reported_at, to: filed.at, min: 24h }',
    outcome: 'notApplicable',
  },
  {
    name: 'enumeration: a value outside the set fails at the value, with the rule message',
    fn: 'enumeration',
    options: '{ path: attendance.status, values: [attended, scheduled] }',
    outcome: 'failed',
    message: 'Attendance was {{value}}, expected {{values}}',
    findings: [finding('Attendance was not_attended, expected attended, scheduled', on(3, 'not_attended'))],
  },
  {
    name: 'pattern: text that matches notMatch fails at the text',
    fn: 'pattern',
    options: '{ path: "log[*].text", notMatch: "^todo", flags: i }',
    outcome: 'failed',
    findings: [finding('"TODO: review" matches /^todo/', on(6, '"TODO: review"'))],
  },
  {
    name: 'condition: a record that does not meet the condition fails at `at`',
    fn: 'condition',
    options:
      '{ test: { path: filed.outcome.code, in: [16, 15] }, at: filed.outcome.code, description: an outcome the force accepts }',
    outcome: 'failed',
    findings: [finding('The record does not meet an outcome the force accepts', on(7, '18'))],
  },
];

describe('check functions in a one-rule pack', () => {
  for (const scenario of scenarios) {
    it(scenario.name, async () => {
      const result = await runFunction(scenario.fn, scenario.options, record, {
        severity: scenario.severity,
        message: scenario.message,
      });
      assert.deepEqual(result.problems, []);
      assert.equal(result.outcome, scenario.outcome);
      assert.deepEqual(result.findings, scenario.findings ?? []);
    });
  }

  it('reports bad options in the pack, located at the option, and runs nothing', async () => {
    const result = await runFunction('elapsed', '{ from: recorded_at, to: "filed[", min: soon }', record);
    assert.equal(result.outcome, 'not run');
    assert.deepEqual(result.problems, [
      '9:67 Rule under-test: elapsed option `to` must be a field path such as log[*].text (found "filed[")',
    ]);
  });
});
