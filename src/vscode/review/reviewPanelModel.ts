/**
 * The Review panel's criteria and progress, from a file's audit: every rule of the file's rule set
 * with its outcome, findings and review state; whether a file counts as reviewed; and whether an
 * answer from the webview fits the rule it names. Pure (no editor API), unit-tested.
 */
import {
  REVIEW_OUTCOMES,
  type CompiledRule,
  type FileReport,
  type ReviewEntry,
  type ReviewOutcome,
  type RuleResult,
  type RuleSet,
} from '../../engine';
import type { CriterionView, MarkAnswer, ReviewAnswer } from '../../protocol/reviewMessages';

/**
 * Reviewed: no applicable judgment criterion awaits judgment (a dispute counts as awaiting) and at
 * least one result carries a reviewer's decision.
 */
export function isReviewed(report: Pick<FileReport, 'results'> | undefined): boolean {
  if (!report || report.results.length === 0) return false;
  return (
    !report.results.some((result) => result.outcome === 'awaitingJudgment') &&
    report.results.some((result) => result.reviewer !== undefined)
  );
}

function sourceText(rule: CompiledRule): string[] {
  const sources = Array.isArray(rule.declaration.source) ? rule.declaration.source : [];
  const texts = sources.map((source) =>
    [source.report, source.paragraph].filter((part) => typeof part === 'string' && part !== '').join(', '),
  );
  return [...new Set(texts.filter((text) => text !== ''))];
}

/** Every criterion of the rule set, in its order, with the file's result and findings for it. */
export function criteriaOf(ruleSet: RuleSet, report: FileReport | undefined): CriterionView[] {
  const results = new Map<string, RuleResult>((report?.results ?? []).map((result) => [result.rule, result]));
  return ruleSet.rules.map((rule) => {
    const result = results.get(rule.id);
    const judgment = rule.check ? undefined : rule.declaration.judgment;
    const view: CriterionView = {
      rule: rule.id,
      title: rule.title,
      severity: rule.severity,
      pack: rule.declaration.pack,
      description: rule.declaration.description ?? '',
      kind: judgment ? 'judgment' : 'check',
      overridden: result?.machineOutcome !== undefined && result.machineOutcome !== result.outcome,
      confirmed: result?.confirmed === true,
      sources: sourceText(rule),
      findings: (report?.findings ?? [])
        .filter((finding) => finding.rule === rule.id)
        .map((finding) => ({
          rule: finding.rule,
          severity: finding.severity,
          message: finding.message,
          line: finding.range.start.line,
          character: finding.range.start.character,
        })),
    };
    if (result) {
      view.outcome = result.outcome;
      if (result.machineOutcome !== undefined) view.machineOutcome = result.machineOutcome;
      if (result.judgment !== undefined) view.answer = result.judgment;
      if (result.reviewer !== undefined) view.reviewer = result.reviewer;
      if (result.reviewers !== undefined) view.reviewers = [...result.reviewers];
      if (result.note !== undefined) view.note = result.note;
      if (result.at !== undefined) view.at = result.at;
      if (result.disputed !== undefined)
        view.disputed = result.disputed.map((position) => ({
          reviewer: position.reviewer,
          value: position.value,
          ...(position.note !== undefined ? { note: position.note } : {}),
        }));
    }
    if (judgment) {
      view.question = judgment.question;
      if (judgment.guidance !== undefined) view.guidance = judgment.guidance.trim();
      view.scale = judgment.scale.map((option) => ({
        value: option.value,
        outcome: option.outcome,
        ...(option.description !== undefined ? { description: option.description } : {}),
      }));
    }
    return view;
  });
}

/**
 * Why an answer does not fit its rule (undefined when it does): a judgment is answered on its
 * scale; a machine check is overridden (with a note) or confirmed.
 */
export function answerProblem(rule: CompiledRule | undefined, answer: ReviewAnswer): string | undefined {
  if (!rule) return 'That criterion is not in this file’s rule set.';
  const judgment = rule.check ? undefined : rule.declaration.judgment;
  if ('answer' in answer) {
    if (!judgment) return `${rule.id} is a machine check: override or confirm it instead.`;
    if (!judgment.scale.some((option) => option.value === answer.answer))
      return `"${answer.answer}" is not on the scale of ${rule.id} (${judgment.scale.map((option) => option.value).join(', ')}).`;
    return undefined;
  }
  if (judgment) return `${rule.id} is a judgment criterion: answer it on its scale.`;
  if ('outcome' in answer && answer.note.trim() === '') return 'An override needs a note saying why.';
  return undefined;
}

/**
 * Marking mode: every criterion of the rule set as a question to mark, with the trainee's own mark
 * and nothing else (no outcome, finding, reviewer or key: they would give the answer away).
 */
export function markingCriteriaOf(ruleSet: RuleSet, marks: ReadonlyMap<string, ReviewEntry>): CriterionView[] {
  return criteriaOf(ruleSet, undefined).map((view) => {
    const entry = marks.get(view.rule);
    const value = entry?.answer ?? entry?.outcome ?? (entry?.confirmed ? 'confirmed' : undefined);
    if (!entry || value === undefined) return view;
    return {
      ...view,
      mark: {
        value,
        ...(entry.note !== undefined ? { note: entry.note } : {}),
        ...(entry.at !== undefined ? { at: entry.at } : {}),
      },
    };
  });
}

/**
 * A trainee's mark as the answer to record, or why it does not fit: a judgment criterion is marked
 * on its scale, a machine check with an outcome (passed, failed, notApplicable); the note is
 * optional for both (a trainee's outcome needs none).
 */
export function markAnswer(
  rule: CompiledRule | undefined,
  mark: MarkAnswer,
): { answer: { answer: string; note?: string } | { outcome: ReviewOutcome; note?: string } } | { problem: string } {
  if (!rule) return { problem: 'That criterion is not in this file’s rule set.' };
  const note = mark.note?.trim();
  const withNote = note ? { note } : {};
  const judgment = rule.check ? undefined : rule.declaration.judgment;
  if (judgment) {
    if (!judgment.scale.some((option) => option.value === mark.value))
      return {
        problem: `"${mark.value}" is not on the scale of ${rule.id} (${judgment.scale.map((option) => option.value).join(', ')}).`,
      };
    return { answer: { answer: mark.value, ...withNote } };
  }
  const outcome = REVIEW_OUTCOMES.find((candidate) => candidate === mark.value);
  if (!outcome) return { problem: `Mark ${rule.id} passed, failed or notApplicable.` };
  return { answer: { outcome, ...withNote } };
}
