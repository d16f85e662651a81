// The Review panel's pure parts: the case view built from a crime file (sections, lines, pinned
// findings, elapsed times, records that break the schema), the criteria and progress built from an
// audit, answer checks, and the message guards both sides run.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { FileReport, Finding, RuleSet } from '../../src/engine';
import {
  isReviewAnswer,
  isReviewHostMessage,
  isReviewWebviewMessage,
  isReviewWebviewState,
  type CaseView,
  type ReviewView,
} from '../../src/protocol/reviewMessages';
import { buildCaseView, elapsedText, hintPath, timeText } from '../../src/vscode/review/caseView';
import { answerProblem, criteriaOf, isReviewed } from '../../src/vscode/review/reviewPanelModel';
import { REPO_ROOT, auditFolder } from './helpers';

const PEEL = path.join(REPO_ROOT, 'samples', 'peel-2017-file-review');
const FILE = path.join(PEEL, 'EM-17-038915.crime.yaml');

const finding = (rule: string, line: number, findingPath: Finding['path']): Finding => ({
  rule,
  severity: 'warning',
  message: `${rule} message`,
  range: { start: { line, character: 2 }, end: { line, character: 8 } },
  path: findingPath,
});

const section = (view: CaseView, id: string) => {
  const found = view.sections.find((s) => s.id === id);
  assert.ok(found, `section ${id}`);
  return found;
};

describe('review panel: case view', () => {
  const text = readFileSync(FILE, 'utf8');
  const lines = text.split('\n');
  const lineOf = (pattern: RegExp, from = 0) => lines.findIndex((line, index) => index >= from && pattern.test(line));

  it('reads a PEEL 2017 file as a case: dates with elapsed times, victims, plan, log, each at its line', () => {
    const view = buildCaseView(text, 'yaml', [], 'Europe/London');
    assert.equal(view.reference, 'EM-17-038915');
    assert.equal(view.category, 'rape');
    assert.equal(view.unreadable, undefined);
    assert.deepEqual(
      view.sections.map((s) => s.id),
      ['overview', 'dates', 'victims', 'plan', 'log'],
    );

    const dates = section(view, 'dates').items;
    assert.deepEqual(
      dates.map((d) => d.title),
      ['Reported', 'Recorded', 'Attended', 'Filed'],
    );
    const [reported, recorded, attended, filed] = dates;
    assert.equal(reported.meta, '2017-01-02 12:54');
    assert.equal(reported.line, lineOf(/^reported_at:/));
    assert.equal(recorded.badge, '5 min after reported'); // 12:54:04 → 12:59:20
    assert.equal(attended.badge, '1 h 27 min after recorded'); // 12:59:20 → 14:26:21
    assert.equal(attended.line, lineOf(/^attendance:/));
    assert.equal(filed.badge, '15 d 17 h after attended');
    assert.ok(filed.facts.some((f) => f.label === 'Reported to filed' && f.value === '15 d 18 h'));
    assert.ok(filed.facts.some((f) => f.label === 'Authorised by' && f.value.startsWith('Insp 343 (supervisor)')));

    const victims = section(view, 'victims').items;
    assert.equal(victims[0].title, 'VIC-WEVD2NL');
    assert.equal(victims[0].line, lineOf(/^ {2}- id: VIC-WEVD2NL/));
    assert.ok(victims[0].facts.some((f) => f.label === 'Repeat victim' && f.value === 'no'));
    assert.ok(victims[0].facts.some((f) => f.label === 'Needs assessment' && f.value === 'completed 2017-01-05 18:14'));
    const risk = victims.find((v) => v.id === 'risk.0');
    assert.equal(risk?.badge, 'standard risk');

    const plan = section(view, 'plan').items;
    const planItem = plan.find((p) => p.id === 'plan.plan');
    assert.equal(planItem?.badge, '4 lines of enquiry');
    const enquiries = plan.filter((p) => p.id.startsWith('plan.line.'));
    assert.deepEqual(
      enquiries.map((l) => l.badge),
      ['completed', 'not applicable', 'not applicable', 'not applicable'],
    );
    assert.equal(enquiries[0].line, lineOf(/^ {4}- id: L1/));

    const log = section(view, 'log').items;
    assert.equal(log.length, 13);
    assert.equal(log[0].badge, 'advice');
    assert.equal(log[0].meta, '2017-01-02 13:01 · S22568 (call handler) Owen Quillthorpe');
    assert.equal(log[0].line, lineOf(/^ {2}- at: "2017-01-02T13:01:11"/));
    assert.match(log[4].title, /^Supervisor review: initial actions appropriate\.\nActions:/);
    assert.ok(log[4].facts.some((f) => f.label === 'Directions'));
  });

  it('pins each finding to the entry its path names, else to its section, else to the record', () => {
    const findings = [
      finding('on-log', 120, ['log', 4, 'text']),
      finding('on-plan', 60, ['investigation_plan', 'lines_of_enquiry']),
      finding('on-victims', 30, ['victims']),
      finding('on-filed', 200, ['filed', 'outcome', 'code']),
      finding('on-root', 0, []),
      finding('on-unknown', 3, ['nonsense']),
    ];
    const view = buildCaseView(text, 'yaml', findings, 'Europe/London');
    const rules = (items: Array<{ findings: Finding[] | Array<{ rule: string }> }>) =>
      items.flatMap((i) => i.findings.map((f) => f.rule));
    assert.deepEqual(
      section(view, 'log').items[4].findings.map((f) => [f.rule, f.line, f.character]),
      [['on-log', 120, 2]],
    );
    assert.deepEqual(
      section(view, 'plan')
        .items.find((i) => i.id === 'plan.plan')
        ?.findings.map((f) => f.rule),
      ['on-plan'],
    );
    assert.deepEqual(
      section(view, 'victims').findings.map((f) => f.rule),
      ['on-victims'],
    );
    assert.deepEqual(
      section(view, 'dates')
        .items.find((i) => i.id === 'dates.filed')
        ?.findings.map((f) => f.rule),
      ['on-filed'],
    );
    assert.deepEqual(
      section(view, 'overview').findings.map((f) => f.rule),
      ['on-root', 'on-unknown'],
    );
    assert.equal(rules(view.sections).length + rules(view.sections.flatMap((s) => s.items)).length, findings.length);
  });

  it('places a finding about a missing field (at the root) by the field its rule reads', () => {
    const noPlan = text.replace(/^investigation_plan:[\s\S]*?(?=^risk_assessments:)/m, '');
    assert.ok(!noPlan.includes('investigation_plan:'));
    const fields: Record<string, string> = {
      'plan-rule': 'investigation_plan.lines_of_enquiry',
      'status-rule': 'investigation_plan.lines_of_enquiry[*].status',
    };
    const view = buildCaseView(
      noPlan,
      'yaml',
      [finding('plan-rule', 3, []), finding('other-rule', 3, [])],
      'Europe/London',
      (rule) => fields[rule],
    );
    assert.deepEqual(
      section(view, 'plan').findings.map((f) => f.rule),
      ['plan-rule'],
    );
    assert.equal(section(view, 'plan').empty, 'No investigation plan on the file.');
    assert.deepEqual(
      section(view, 'overview').findings.map((f) => f.rule),
      ['other-rule'],
    );
    const withPlan = buildCaseView(
      text,
      'yaml',
      [finding('status-rule', 3, [])],
      'Europe/London',
      (rule) => fields[rule],
    );
    assert.deepEqual(
      section(withPlan, 'plan')
        .items.find((i) => i.id === 'plan.plan')
        ?.findings.map((f) => f.rule),
      ['status-rule'],
    );
    assert.deepEqual(hintPath('investigation_plan.lines_of_enquiry[*].status'), [
      'investigation_plan',
      'lines_of_enquiry',
      'status',
    ]);
    assert.equal(hintPath(''), undefined);
  });

  it('shows what a record that breaks the schema holds, and never throws', () => {
    const broken = [
      'format: crime-file/1',
      'reference: [not, a, string]',
      'classification: rape',
      'reported_at: 12',
      'recorded_at: "2017-01-01T10:00:00"',
      'attendance: yes',
      'victims: { id: V1 }',
      'investigation_plan:',
      '  lines_of_enquiry:',
      '    - just text',
      '    - { action: 7, status: [x] }',
      'log:',
      '  - 42',
      '  - { at: nope, author: PC 1, text: { a: 1 } }',
      'filed: "2017-01-01T09:00:00"',
      '',
    ].join('\n');
    const view = buildCaseView(broken, 'yaml', [finding('schema', 3, ['reported_at'])], 'Europe/London');
    assert.equal(view.unreadable, undefined);
    assert.equal(view.reference, '(a list of 3)');
    const dates = section(view, 'dates').items;
    assert.equal(dates[0].meta, '12 (not a timestamp)');
    assert.deepEqual(
      dates[0].findings.map((f) => f.rule),
      ['schema'],
    );
    assert.ok(dates.some((d) => d.title === 'Attendance' && d.facts.some((f) => f.value === 'yes')));
    assert.equal(section(view, 'victims').items.length, 0);
    const lines = section(view, 'plan').items.filter((i) => i.id.startsWith('plan.line.'));
    assert.deepEqual(
      lines.map((l) => [l.title, l.badge]),
      [
        ['just text', 'no status'],
        ['7', '(a list of 1)'],
      ],
    );
    const log = section(view, 'log').items;
    assert.deepEqual(
      log.map((l) => l.title),
      ['42', '(a map)'],
    );
    assert.equal(log[1].meta, 'nope · PC 1');

    for (const value of ['', '[]', '42', 'null', '"text"', '- a\n- b', 'log: {}', 'victims: 3\nlog: [[1]]'])
      assert.doesNotThrow(() => buildCaseView(value, 'yaml', [finding('x', 0, ['log', 0])]), value);
  });

  it('says why a file that is not YAML or JSON cannot be shown, and keeps its findings', () => {
    const view = buildCaseView('a: [1,\n', 'yaml', [finding('syntax', 0, [])]);
    assert.match(view.unreadable ?? '', /^Line 1/);
    assert.deepEqual(
      section(view, 'overview').findings.map((f) => f.rule),
      ['syntax'],
    );
    assert.ok(view.sections.every((s) => s.items.length === 0));
    const json = buildCaseView('{"reference": "J-1", "log": []}', 'json', []);
    assert.equal(json.reference, 'J-1');
    assert.equal(section(json, 'log').empty, 'No log entries on the file.');
  });

  it('words times and spans', () => {
    assert.equal(timeText('2017-01-02T12:54:04'), '2017-01-02 12:54');
    assert.equal(timeText('2017-01-02T12:54:04Z'), '2017-01-02 12:54 UTC');
    assert.equal(timeText('2017-01-02T12:54:04+01:00'), '2017-01-02 12:54 +01:00');
    assert.equal(timeText('soon'), 'soon');
    assert.equal(elapsedText(45_000), '45 s');
    assert.equal(elapsedText(60_000 * 92), '1 h 32 min');
    assert.equal(elapsedText(3_600_000 * 52), '2 d 4 h');
    assert.equal(elapsedText(-60_000 * 5), '−5 min');
  });
});

describe('review panel: criteria and progress', () => {
  let reports: FileReport[];
  let ruleSet: RuleSet;
  before(async () => {
    const audited = await auditFolder(PEEL);
    reports = audited.reports;
    ruleSet = audited.ruleSets[0];
  });

  it('lists every rule of the rule set: checks with outcome and findings, judgments with question and scale', () => {
    const report = reports.find((r) => r.findings.length > 0 && !r.syntaxError)!;
    const criteria = criteriaOf(ruleSet, report);
    assert.equal(criteria.length, ruleSet.rules.length);
    const judgment = criteria.find((c) => c.rule === 'peel17-effective-investigation');
    assert.equal(judgment?.kind, 'judgment');
    assert.equal(judgment?.outcome, 'awaitingJudgment');
    assert.equal(judgment?.question, 'Was this an effective investigation?');
    assert.deepEqual(
      judgment?.scale?.map((s) => [s.value, s.outcome]),
      [
        ['effective', 'passed'],
        ['not_effective', 'failed'],
      ],
    );
    assert.ok(judgment?.sources[0].startsWith('HMICFRS, PEEL Police effectiveness 2017'));
    const failed = criteria.find((c) => c.kind === 'check' && c.outcome === 'failed');
    assert.ok(failed, 'a failed check');
    assert.deepEqual(
      failed.findings.map((f) => f.message),
      report.findings.filter((f) => f.rule === failed.rule).map((f) => f.message),
    );
    assert.equal(failed.overridden, false);
  });

  it('shows overrides, confirmations and disputes, and counts a file reviewed only when nothing awaits and someone decided', () => {
    const report = reports.find((r) => !r.syntaxError)!;
    const check = ruleSet.rules.find((r) => r.check)!;
    const judgments = ruleSet.rules.filter((r) => !r.check).map((r) => r.id);
    const results = report.results.map((result) => {
      if (result.rule === check.id)
        return {
          ...result,
          outcome: 'failed' as const,
          machineOutcome: 'passed' as const,
          reviewer: 'INSP-07',
          note: 'Why',
        };
      if (judgments.includes(result.rule))
        return { ...result, outcome: 'passed' as const, judgment: 'effective', reviewer: 'INSP-07' };
      return result;
    });
    const decided: FileReport = { ...report, results };
    const criteria = criteriaOf(ruleSet, decided);
    const overridden = criteria.find((c) => c.rule === check.id)!;
    assert.equal(overridden.overridden, true);
    assert.equal(overridden.machineOutcome, 'passed');
    assert.equal(overridden.note, 'Why');
    assert.equal(isReviewed(decided), true);
    assert.equal(isReviewed(report), false, 'nothing decided yet: three judgments await');

    const disputed: FileReport = {
      ...decided,
      results: results.map((r) =>
        r.rule === judgments[0]
          ? {
              rule: r.rule,
              outcome: 'awaitingJudgment' as const,
              disputed: [
                { reviewer: 'A', value: 'effective' },
                { reviewer: 'B', value: 'not_effective', note: 'No CCTV' },
              ],
            }
          : r,
      ),
    };
    assert.equal(isReviewed(disputed), false, 'a dispute awaits judgment');
    assert.deepEqual(criteriaOf(ruleSet, disputed).find((c) => c.rule === judgments[0])?.disputed, [
      { reviewer: 'A', value: 'effective' },
      { reviewer: 'B', value: 'not_effective', note: 'No CCTV' },
    ]);
    assert.equal(isReviewed(undefined), false);
    assert.equal(isReviewed({ results: [] }), false);
  });

  it('checks an answer against its rule: scale values for judgments, a note for overrides', () => {
    const judgment = ruleSet.rules.find((r) => r.id === 'peel17-effective-investigation');
    const check = ruleSet.rules.find((r) => r.check);
    assert.equal(answerProblem(judgment, { answer: 'not_effective' }), undefined);
    assert.match(answerProblem(judgment, { answer: 'maybe' }) ?? '', /not on the scale/);
    assert.match(answerProblem(judgment, { confirmed: true }) ?? '', /judgment criterion/);
    assert.equal(answerProblem(check, { outcome: 'failed', note: 'Why' }), undefined);
    assert.equal(answerProblem(check, { confirmed: true }), undefined);
    assert.match(answerProblem(check, { outcome: 'failed', note: '  ' }) ?? '', /needs a note/);
    assert.match(answerProblem(check, { answer: 'effective' }) ?? '', /machine check/);
    assert.match(answerProblem(undefined, { confirmed: true }) ?? '', /not in this file/);
  });
});

describe('review panel: messages', () => {
  let view: ReviewView;
  before(async () => {
    const { reports, ruleSets } = await auditFolder(PEEL);
    const report = reports.find((r) => r.path === FILE)!;
    // Through JSON, as postMessage delivers it.
    view = JSON.parse(
      JSON.stringify({
        file: FILE,
        name: path.basename(FILE),
        sample: { folder: PEEL, name: 'PEEL' },
        index: 1,
        count: 60,
        reviewer: 'INSP-07',
        caseView: buildCaseView(readFileSync(FILE, 'utf8'), 'yaml', report.findings),
        criteria: criteriaOf(ruleSets[0], report),
        progress: { reviewed: 0, total: 60, auditing: 59 },
        reviewed: false,
      } satisfies ReviewView),
    ) as ReviewView;
  });

  it('accepts what the host sends', () => {
    assert.ok(isReviewHostMessage({ type: 'show', view, fileChanged: true }));
    assert.ok(isReviewHostMessage({ type: 'empty', message: 'Open a crime file' }));
    assert.ok(isReviewHostMessage({ type: 'progress', progress: { reviewed: 23, total: 60, auditing: 0 } }));
    assert.ok(isReviewHostMessage({ type: 'saved', rule: 'x', ok: false, message: 'Not saved.' }));
    assert.ok(isReviewHostMessage({ type: 'notice', level: 'info', message: 'Last file' }));
  });

  it('rejects malformed host messages before they reach the DOM', () => {
    const broken = (change: (v: ReviewView) => unknown) => {
      const copy = JSON.parse(JSON.stringify(view)) as ReviewView;
      return { type: 'show', view: change(copy) ?? copy, fileChanged: false };
    };
    assert.equal(
      isReviewHostMessage(
        broken((v) => {
          v.caseView.sections[0].items[0].line = -1;
        }),
      ),
      false,
    );
    assert.equal(
      isReviewHostMessage(
        broken((v) => {
          (v.criteria[0] as { outcome: string }).outcome = 'maybe';
        }),
      ),
      false,
    );
    assert.equal(
      isReviewHostMessage(
        broken((v) => {
          (v.caseView.sections[0] as { id: string }).id = 'script';
        }),
      ),
      false,
    );
    assert.equal(
      isReviewHostMessage(
        broken((v) => {
          (v.criteria[0] as unknown as { findings: unknown }).findings = [{ rule: 'x' }];
        }),
      ),
      false,
    );
    assert.equal(isReviewHostMessage({ type: 'show', view, fileChanged: 'yes' }), false);
    assert.equal(isReviewHostMessage({ type: 'progress', progress: { reviewed: 1.5, total: 60, auditing: 0 } }), false);
    assert.equal(isReviewHostMessage({ type: 'html', html: '<img>' }), false);
    assert.equal(isReviewHostMessage(null), false);
  });

  it('accepts only well-formed answers from the webview: one kind, an override with a note', () => {
    const answer = (value: unknown) => ({ type: 'answer', file: FILE, rule: 'r', answer: value });
    assert.ok(isReviewWebviewMessage(answer({ answer: 'not_effective' })));
    assert.ok(isReviewWebviewMessage(answer({ answer: 'not_effective', note: 'One call only' })));
    assert.ok(isReviewWebviewMessage(answer({ outcome: 'notApplicable', note: 'Exception' })));
    assert.ok(isReviewWebviewMessage(answer({ confirmed: true })));
    assert.equal(isReviewWebviewMessage(answer({ outcome: 'failed' })), false, 'an override needs a note');
    assert.equal(isReviewWebviewMessage(answer({ outcome: 'failed', note: '   ' })), false, 'a blank note is none');
    assert.equal(isReviewWebviewMessage(answer({ outcome: 'awaitingJudgment', note: 'x' })), false);
    assert.equal(isReviewWebviewMessage(answer({ answer: 'x', confirmed: true })), false, 'one kind only');
    assert.equal(isReviewWebviewMessage(answer({ confirmed: false })), false);
    assert.equal(isReviewWebviewMessage(answer({ answer: '' })), false);
    assert.equal(isReviewWebviewMessage(answer({ answer: 'x', note: 'n'.repeat(5000) })), false);
    assert.equal(isReviewWebviewMessage({ type: 'answer', file: FILE, rule: '', answer: { confirmed: true } }), false);
    assert.ok(isAnswerShape());
  });

  it('checks the other webview messages and the saved state', () => {
    assert.ok(isReviewWebviewMessage({ type: 'ready' }));
    assert.ok(isReviewWebviewMessage({ type: 'reveal', line: 3, character: 0 }));
    assert.equal(isReviewWebviewMessage({ type: 'reveal', line: -1, character: 0 }), false);
    assert.ok(isReviewWebviewMessage({ type: 'navigate', direction: 'next' }));
    assert.equal(isReviewWebviewMessage({ type: 'navigate', direction: 'sideways' }), false);
    assert.ok(isReviewWebviewMessage({ type: 'rendered', ms: 3.2, file: FILE, criteria: 20 }));
    assert.ok(isReviewWebviewMessage({ type: 'cspViolation', directive: 'img-src', blocked: 'x' }));
    assert.equal(isReviewWebviewMessage({ type: 'reveal', path: '/etc/passwd' }), false);
    assert.ok(isReviewWebviewState({ file: FILE }));
    assert.ok(isReviewWebviewState({}));
    assert.equal(isReviewWebviewState({ file: 3 }), false);
  });
});

function isAnswerShape(): boolean {
  return isReviewAnswer({ answer: 'a' }) && !isReviewAnswer('a') && !isReviewAnswer([]);
}
