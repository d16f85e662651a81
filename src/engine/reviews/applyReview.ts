import type { Finding, Judgments, Range, RuleOutcome, RuleResult } from '../model';
import type { CompiledRule } from '../rules/compileRule';
import { disputeText, type FileReview, type ReviewDecision } from './sampleReviews';

/** Anything that gives a crime file's review decisions by its reference (`SampleReviews` does). */
export interface ReviewLookup {
  forReference(reference: string | undefined): FileReview;
}

/** The decisions for a file: from a lookup, or from plain answers by rule id (programmatic use, tests). */
export function reviewFor(reviews: ReviewLookup | Judgments, reference: string | undefined): FileReview {
  if (typeof (reviews as ReviewLookup).forReference === 'function')
    return (reviews as ReviewLookup).forReference(reference);
  return new Map(
    Object.entries(reviews as Judgments).map(([rule, answer]) => [
      rule,
      { kind: 'answer', answer, reviewer: '', positions: [] } satisfies ReviewDecision,
    ]),
  );
}

interface MachineResult {
  outcome: RuleOutcome;
  findings: Finding[];
}

/**
 * One rule's result on one file once the reviewers have spoken. A judgment criterion is decided by
 * an answer on its scale; a machine check's outcome is replaced by a reviewer's (its findings give
 * way to one saying who overrode it and why), or confirmed; reviewers who disagree leave the
 * criterion awaiting judgment, with a finding naming every position. Decisions that do not fit the
 * rule (an answer off the scale) change nothing here: the review file's problems report them.
 */
export function applyReview(
  rule: CompiledRule,
  machine: MachineResult,
  decision: ReviewDecision | undefined,
  fileStart: Range,
): { result: RuleResult; findings: Finding[] } {
  const judgment = rule.declaration.judgment;
  const unchanged = { result: { rule: rule.id, outcome: machine.outcome }, findings: machine.findings };
  if (!decision) return unchanged;
  const by = byline(decision);
  const at = machine.findings[0]?.range ?? fileStart;
  const finding = (severity: Finding['severity'], message: string, range = at): Finding => ({
    rule: rule.id,
    severity,
    message,
    range,
    path: machine.findings[0]?.path ?? [],
  });

  if (decision.kind === 'disputed') {
    const positions = decision.positions.map((position) => ({
      reviewer: position.reviewer,
      value: position.value,
      ...(position.note !== undefined ? { note: position.note } : {}),
    }));
    return {
      result: {
        rule: rule.id,
        outcome: 'awaitingJudgment',
        ...(judgment ? {} : { machineOutcome: machine.outcome }),
        disputed: positions,
      },
      findings: [
        ...machine.findings,
        finding('warning', `Disputed: ${disputeText(decision)}. It awaits judgment until they agree.`, fileStart),
      ],
    };
  }

  if (judgment) {
    if (decision.kind === 'answer') {
      const step = judgment.scale.find((candidate) => candidate.value === decision.answer);
      if (!step || machine.outcome !== 'awaitingJudgment') return unchanged;
      return { result: { rule: rule.id, outcome: step.outcome, judgment: step.value, ...by }, findings: [] };
    }
    if (decision.kind === 'outcome' && decision.outcome === 'notApplicable') {
      return { result: { rule: rule.id, outcome: 'notApplicable', ...by }, findings: [] };
    }
    return unchanged;
  }

  if (decision.kind === 'confirmed') {
    return {
      result: { rule: rule.id, outcome: machine.outcome, machineOutcome: machine.outcome, confirmed: true, ...by },
      findings: machine.findings,
    };
  }
  if (decision.kind !== 'outcome' || decision.outcome === undefined) return unchanged;
  const outcome = decision.outcome;
  const result: RuleResult = { rule: rule.id, outcome, machineOutcome: machine.outcome, ...by };
  if (outcome === machine.outcome) return { result, findings: machine.findings };
  const why = decision.note?.trim() ? `: ${decision.note.trim()}` : '';
  if (outcome === 'failed') {
    return { result, findings: [finding(rule.severity, `Failed on review by ${decision.reviewer}${why}`, fileStart)] };
  }
  const verb = outcome === 'passed' ? 'passed' : 'not applicable';
  return {
    result,
    findings: [finding('information', `Overridden on review by ${decision.reviewer}: ${verb}${why}`)],
  };
}

function byline(decision: ReviewDecision): Pick<RuleResult, 'reviewer' | 'reviewers' | 'note' | 'at'> {
  const agreeing = [...new Set(decision.positions.map((position) => position.reviewer))];
  return {
    ...(decision.reviewer ? { reviewer: decision.reviewer } : {}),
    ...(agreeing.length > 1 ? { reviewers: agreeing } : {}),
    ...(decision.note !== undefined ? { note: decision.note } : {}),
    ...(decision.at !== undefined ? { at: decision.at } : {}),
  };
}
