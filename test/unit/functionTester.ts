import { Auditor, type Range, type Severity } from '../../src/engine';
import { lines, memoryHost } from './helpers';

/** What a function's finding looks like once it has gone through a whole pack, config and audit. */
export interface TestedFinding {
  message: string;
  range: Range;
  severity: Severity;
}

export interface FunctionOutcome {
  outcome: string;
  findings: TestedFinding[];
  /** Pack and configuration problems (empty when the options are fine). */
  problems: string[];
}

/**
 * Runs one check function the way a force would: a one-rule pack naming it with `options` (YAML
 * flow text), a configuration that loads the pack, and a crime file audited by the real engine
 * (Spectral's functions `__helpers__/tester.ts` is the model). `record` is the crime file's YAML.
 */
export async function runFunction(
  fn: string,
  options: string,
  record: string,
  extras: { severity?: Severity; message?: string } = {},
): Promise<FunctionOutcome> {
  const pack = lines(
    'pack: tested',
    'title: One rule under test',
    'rules:',
    '  - id: under-test',
    '    title: The function under test',
    '    description: One rule that runs the function under test.',
    `    severity: ${extras.severity ?? 'warning'}`,
    '    source: [{ report: Test, quote: A test. }]',
    `    check: { function: ${fn}, options: ${options} }`,
    ...(extras.message ? [`    message: ${JSON.stringify(extras.message)}`] : []),
  );
  const files = {
    '/t/tested.pack.yaml': pack,
    '/t/.dipsample.yaml': 'packs: [./tested.pack.yaml]\n',
    '/t/a.crime.yaml': record,
  };
  const { report, ruleSet } = await new Auditor(memoryHost(files)).auditFile('/t/a.crime.yaml');
  const result = report.results.find((r) => r.rule === 'under-test');
  return {
    outcome: result?.outcome ?? 'not run',
    findings: report.findings
      .filter((finding) => finding.rule === 'under-test')
      .map(({ message, range, severity }) => ({ message, range, severity })),
    problems: ruleSet.problems.map((p) => `${p.range.start.line + 1}:${p.range.start.character + 1} ${p.message}`),
  };
}
