// The diagnostics adapter (src/vscode/toDiagnostic.ts) in plain Node, against the VS Code API stub:
// a finding becomes a diagnostic with its range, message, severity (remapped by settings), source
// and a code linking the rule's documentation; findingOf() maps a diagnostic back to its finding.
// Modelled on stoplightio/vscode-spectral's makediagnostic test.
import './vscodeStub/register';
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CompiledRule, Finding, Problem, Severity } from '../../src/engine';
import { settingsFor } from '../../src/vscode/settings';
import {
  AuditDiagnostic,
  CONFIG_CODE,
  docUriFor,
  findingOf,
  problemToDiagnostic,
  SOURCE,
  toDiagnostic,
  toRange,
} from '../../src/vscode/toDiagnostic';
import { auditIn, RULES_DIR } from './helpers';
import { stub } from './vscodeStub/vscode';

const EXTENSION = vscode.Uri.file('/extension');
const FILE = '/ws/training/TRAIN-SUP.crime.yaml';
const SAMPLE_MANIFEST = 'format: dip-sample/1\nname: Unit sample\npacks: [core]\n';
// Fails only supervision-recorded: the officer in case "reviewed" their own file.
const TRAIN_SUP = `format: crime-file/1
reference: HT/13/0201
classification: { category: theft_from_vehicle }
reported_at: 2013-11-04T09:15
recorded_at: 2013-11-04T09:40
officer_in_case: { id: PC 4512, role: officer }
investigation_plan:
  lines_of_enquiry:
    - { action: "Obtain CCTV from Co-op, Alder Road", category: cctv, status: completed }
log:
  - at: 2013-11-04T09:30
    author: { id: S10442, role: call_handler }
    type: advice
    text: Advised IP not to touch the car until CSI attend; crime prevention leaflet sent.
    advice: [evidence_preservation, crime_prevention]
  - at: 2013-11-04T11:00
    author: { id: PC 4512, role: officer }
    type: supervisor_review
    text: Reviewed own file. No further lines of enquiry.
`;

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    rule: 'made-up-rule',
    severity: 'warning',
    message: 'Something is missing',
    range: { start: { line: 3, character: 2 }, end: { line: 3, character: 9 } },
    path: ['log', 0],
    ...overrides,
  };
}

/** The diagnostic's code as VS Code sees it: `{ value, target }`. */
function code(diagnostic: vscode.Diagnostic): { value: string | number; target: vscode.Uri } {
  assert.equal(typeof diagnostic.code, 'object', 'the code is { value, target }');
  return diagnostic.code as { value: string | number; target: vscode.Uri };
}

function rangeOf(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

describe('vscode: toDiagnostic (finding → diagnostic)', () => {
  let real: Finding;
  let rule: CompiledRule;

  before(async () => {
    const { report, ruleSet } = await auditIn({ [FILE]: TRAIN_SUP, '/ws/training/sample.yaml': SAMPLE_MANIFEST }, FILE);
    assert.deepEqual(
      report.findings.map((f) => f.rule),
      ['supervision-recorded'],
    );
    real = report.findings[0];
    rule = ruleSet.rules.find((r) => r.id === real.rule)!;
    assert.ok(rule, 'the finding has its rule');
  });
  afterEach(() => stub.reset());

  it("keeps the finding's range and message", () => {
    const d = toDiagnostic(real, rule, EXTENSION, {});
    assert.equal(rangeOf(d.range), rangeOf(toRange(real.range)));
    // a count over `log` that finds too few: the finding is on the `log` key
    const line = TRAIN_SUP.split('\n').indexOf('log:');
    assert.equal(rangeOf(d.range), `${line}:0-${line}:3`);
    assert.equal(
      d.message,
      'No supervisor reviews before filing by a supervisor other than the officer in case (at least 1 required)',
    );
    assert.equal(d.message, real.message);
  });

  it('converts a range field by field (zero-based lines and characters)', () => {
    const r = toRange({ start: { line: 4, character: 7 }, end: { line: 6, character: 1 } });
    assert.deepEqual([r.start.line, r.start.character, r.end.line, r.end.character], [4, 7, 6, 1]);
  });

  it("maps each audit severity to VS Code's", () => {
    const expected: Record<Severity, vscode.DiagnosticSeverity> = {
      error: vscode.DiagnosticSeverity.Error,
      warning: vscode.DiagnosticSeverity.Warning,
      information: vscode.DiagnosticSeverity.Information,
      hint: vscode.DiagnosticSeverity.Hint,
    };
    for (const [severity, shown] of Object.entries(expected)) {
      const d = toDiagnostic(finding({ severity: severity as Severity }), undefined, EXTENSION, {});
      assert.equal(d.severity, shown, severity);
    }
  });

  it('remaps severities as given, leaving the others alone', () => {
    const remap = { error: vscode.DiagnosticSeverity.Warning, hint: vscode.DiagnosticSeverity.Information };
    assert.equal(
      toDiagnostic(finding({ severity: 'error' }), undefined, EXTENSION, remap).severity,
      vscode.DiagnosticSeverity.Warning,
    );
    assert.equal(
      toDiagnostic(finding({ severity: 'hint' }), undefined, EXTENSION, remap).severity,
      vscode.DiagnosticSeverity.Information,
    );
    assert.equal(
      toDiagnostic(finding({ severity: 'warning' }), undefined, EXTENSION, remap).severity,
      vscode.DiagnosticSeverity.Warning,
    );
  });

  it('remaps severities from the dipsample.severity setting (unknown names ignored)', () => {
    stub.settings.severity = { error: 'Hint', warning: 'Loud', information: 'Error' };
    const { severity: remap } = settingsFor(vscode.Uri.file(FILE));
    assert.deepEqual(remap, { error: vscode.DiagnosticSeverity.Hint, information: vscode.DiagnosticSeverity.Error });
    assert.equal(toDiagnostic(real, rule, EXTENSION, remap).severity, vscode.DiagnosticSeverity.Hint);
    assert.equal(
      toDiagnostic(finding({ severity: 'warning' }), undefined, EXTENSION, remap).severity,
      vscode.DiagnosticSeverity.Warning,
      'an unknown display name leaves the severity as it is',
    );
  });

  it("has source 'dipsample' and a code with the rule id linking the doc page beside the rule's pack", () => {
    const d = toDiagnostic(real, rule, EXTENSION, {});
    assert.equal(d.source, 'dipsample');
    assert.equal(SOURCE, 'dipsample');
    const { value, target } = code(d);
    assert.equal(value, 'supervision-recorded');
    assert.equal(target.scheme, 'file');
    assert.equal(target.fsPath, path.join(RULES_DIR, 'docs', 'supervision-recorded.md'));
    assert.equal(target.fsPath, path.join(path.dirname(rule.declaration.file), 'docs', `${rule.id}.md`));
  });

  it("links rules/docs/README.md for syntax and schema findings, and the extension's page of an unknown rule", () => {
    for (const id of ['syntax', 'schema']) {
      const { value, target } = code(toDiagnostic(finding({ rule: id, severity: 'error' }), undefined, EXTENSION, {}));
      assert.equal(value, id);
      assert.equal(target.fsPath, '/extension/rules/docs/README.md', id);
    }
    const { target } = code(toDiagnostic(finding(), undefined, EXTENSION, {}));
    assert.equal(target.fsPath, '/extension/rules/docs/made-up-rule.md');
    assert.equal(docUriFor('syntax', undefined, EXTENSION).fsPath, '/extension/rules/docs/README.md');
  });

  it('remembers the finding and rule it came from', () => {
    const d = toDiagnostic(real, rule, EXTENSION, {});
    assert.ok(d instanceof AuditDiagnostic);
    assert.ok(d instanceof vscode.Diagnostic);
    assert.equal(d.finding, real);
    assert.equal(d.rule, rule);
  });

  describe('findingOf (diagnostic → finding)', () => {
    const other = finding({
      rule: 'advice-given',
      message: 'No advice recorded',
      range: { start: { line: 9, character: 0 }, end: { line: 9, character: 4 } },
    });

    /** A diagnostic as VS Code may hand it back: a plain copy, not our instance. */
    function copyOf(d: vscode.Diagnostic, code: unknown = d.code): vscode.Diagnostic {
      const copy = new vscode.Diagnostic(
        new vscode.Range(d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character),
        d.message,
        d.severity,
      );
      copy.source = d.source;
      copy.code = code as vscode.Diagnostic['code'];
      return copy;
    }

    it('returns the finding of our own diagnostic, whatever the list', () => {
      const d = toDiagnostic(real, rule, EXTENSION, {});
      assert.equal(findingOf(d, undefined), real);
      assert.equal(findingOf(d, [other]), real);
    });

    it('matches a copy back to the finding with its rule id, range and message', () => {
      const d = toDiagnostic(real, rule, EXTENSION, {});
      const copy = copyOf(d);
      assert.ok(!(copy instanceof AuditDiagnostic));
      assert.equal(findingOf(copy, [other, real]), real);
      assert.equal(findingOf(copyOf(d, real.rule), [other, real]), real, 'a plain string code matches too');
    });

    it('matches nothing for a copy that differs, comes from another source, or when there are no findings', () => {
      const d = toDiagnostic(real, rule, EXTENSION, {});
      assert.equal(findingOf(copyOf(d), undefined), undefined);
      assert.equal(findingOf(copyOf(d), [other]), undefined);
      const moved = copyOf(d);
      moved.range = new vscode.Range(d.range.start.line + 1, 0, d.range.end.line + 1, 1);
      assert.equal(findingOf(moved, [real]), undefined, 'another range');
      const reworded = copyOf(d);
      reworded.message = 'Something else';
      assert.equal(findingOf(reworded, [real]), undefined, 'another message');
      const foreign = copyOf(d);
      foreign.source = 'eslint';
      assert.equal(findingOf(foreign, [real]), undefined, 'another source');
      assert.equal(findingOf(copyOf(d, 'advice-given'), [real]), undefined, 'another rule id');
    });
  });

  it('shows a configuration problem as an error with code config', () => {
    // (cast: Problem is gaining a stable code; this test does not depend on it)
    const problem = {
      code: 'unknown-rule',
      file: '/ws/.dipsample.yaml',
      range: { start: { line: 2, character: 2 }, end: { line: 2, character: 14 } },
      severity: 'error',
      message: 'Configuration: no pack declares rule "made-up-rule"',
    } as Problem;
    const d = problemToDiagnostic(problem);
    assert.equal(rangeOf(d.range), '2:2-2:14');
    assert.equal(d.message, problem.message);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(d.source, 'dipsample');
    assert.equal(d.code, CONFIG_CODE);
    assert.equal(CONFIG_CODE, 'config');
  });
});
