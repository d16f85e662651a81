import type { Range } from '../model';
import { problem, type Problem } from '../problems';
import type { RuleSet } from '../rules/ruleSet';
import type { ReviewEntry, ReviewerRole, ReviewFile, ReviewOutcome } from './reviewFile';

/** One reviewer's position on one criterion of one file. */
export interface ReviewPosition {
  reviewer: string;
  role: ReviewerRole;
  name?: string;
  kind: 'answer' | 'outcome' | 'confirmed';
  /** The answer, the outcome, or "confirmed". */
  value: string;
  note?: string;
  at?: string;
  file: string;
  range: Range;
}

/**
 * What the reviewers decided on one criterion of one file. When they agree, the value and the
 * note of the latest of them; when they do not, `disputed` with every position, and the criterion
 * waits for one of them to change.
 */
export interface ReviewDecision {
  kind: 'answer' | 'outcome' | 'confirmed' | 'disputed';
  answer?: string;
  outcome?: ReviewOutcome;
  /** The reviewer whose note and time stand for the decision (the latest to record it). */
  reviewer: string;
  note?: string;
  at?: string;
  /** Everyone who gave a value, agreeing or not, oldest first. */
  positions: ReviewPosition[];
}

/** A file's review decisions, by rule id. */
export type FileReview = ReadonlyMap<string, ReviewDecision>;

export interface SampleReviewsOptions {
  /** Audit from this reviewer's answers alone (any role, a trainee's included). */
  reviewer?: string;
}

/** The review files of one sample, combined per crime file reference and criterion. */
export class SampleReviews {
  private readonly byReference = new Map<string, Map<string, ReviewPosition[]>>();

  constructor(
    readonly files: readonly ReviewFile[],
    readonly options: SampleReviewsOptions = {},
  ) {
    for (const review of files) {
      const reviewer = review.reviewer;
      if (!reviewer) continue;
      // Trainees' marks are for training: they never change an audit, unless asked for by name.
      if (options.reviewer !== undefined ? reviewer.id !== options.reviewer : reviewer.role === 'trainee') continue;
      for (const entry of review.entries) {
        const rules = this.byReference.get(entry.reference) ?? new Map<string, ReviewPosition[]>();
        this.byReference.set(entry.reference, rules);
        const positions = rules.get(entry.rule) ?? [];
        rules.set(entry.rule, positions);
        positions.push(positionOf(entry, review, reviewer));
      }
    }
  }

  /** Located problems of the files themselves (syntax, schema, shape). */
  get problems(): Problem[] {
    return this.files.flatMap((file) => file.problems);
  }

  /** The references some counted reviewer wrote about. */
  references(): string[] {
    return [...this.byReference.keys()];
  }

  /**
   * Everything the counted reviewers wrote about one crime file, as text: equal exactly when the
   * file's review decisions are (the audit cache's key; '' when nobody wrote about it).
   */
  fingerprintOf(reference: string | undefined): string {
    const rules = reference === undefined ? undefined : this.byReference.get(reference);
    return rules ? JSON.stringify([...rules]) : '';
  }

  /** The decisions for one crime file; empty when no counted reviewer wrote about it. */
  forReference(reference: string | undefined): FileReview {
    const rules = reference === undefined ? undefined : this.byReference.get(reference);
    const decisions = new Map<string, ReviewDecision>();
    for (const [rule, positions] of rules ?? []) decisions.set(rule, decide(positions));
    return decisions;
  }
}

function positionOf(
  entry: ReviewEntry,
  review: ReviewFile,
  reviewer: NonNullable<ReviewFile['reviewer']>,
): ReviewPosition {
  const kind = entry.answer !== undefined ? 'answer' : entry.outcome !== undefined ? 'outcome' : 'confirmed';
  return {
    reviewer: reviewer.id,
    role: reviewer.role,
    ...(reviewer.name !== undefined ? { name: reviewer.name } : {}),
    kind,
    value: entry.answer ?? entry.outcome ?? 'confirmed',
    ...(entry.note !== undefined ? { note: entry.note } : {}),
    ...(entry.at !== undefined ? { at: entry.at } : {}),
    file: review.file,
    range: entry.valueRange,
  };
}

/** Agreeing positions decide; differing ones make a dispute. */
function decide(positions: readonly ReviewPosition[]): ReviewDecision {
  const ordered = [...positions].sort(
    (a, b) => (a.at ?? '').localeCompare(b.at ?? '') || a.reviewer.localeCompare(b.reviewer),
  );
  const latest = ordered[ordered.length - 1];
  const values = new Set(ordered.map((position) => `${position.kind}:${position.value}`));
  const common = { reviewer: latest.reviewer, positions: ordered };
  if (values.size > 1) return { kind: 'disputed', ...common };
  const note = [...ordered].reverse().find((position) => position.note?.trim())?.note;
  return {
    kind: latest.kind,
    ...(latest.kind === 'answer' ? { answer: latest.value } : {}),
    ...(latest.kind === 'outcome' ? { outcome: latest.value as ReviewOutcome } : {}),
    ...common,
    ...(note !== undefined ? { note } : {}),
    ...(latest.at !== undefined ? { at: latest.at } : {}),
  };
}

/** "INSP-07 answered not_effective; INSP-09 overrode it to passed": a dispute in words. */
export function disputeText(decision: ReviewDecision): string {
  return decision.positions
    .map((position) =>
      position.kind === 'answer'
        ? `${position.reviewer} answered ${position.value}`
        : position.kind === 'outcome'
          ? `${position.reviewer} gave ${position.value}`
          : `${position.reviewer} confirmed the machine's outcome`,
    )
    .join('; ');
}

/**
 * Problems of review entries against what the sample runs: a rule no pack runs here, an answer not
 * on the criterion's scale, an answer for a machine check (or an outcome other than notApplicable
 * for a judgment criterion), and — when `references` lists the sample's crime files — a reference
 * that is none of them. Located at the entry in its review file.
 */
export function reviewProblems(
  reviews: readonly ReviewFile[],
  ruleSet: RuleSet,
  references?: ReadonlySet<string>,
): Problem[] {
  const rules = new Map(ruleSet.rules.map((rule) => [rule.id, rule]));
  const problems: Problem[] = [];
  const unknownReferences = new Set<string>();
  for (const review of reviews) {
    for (const entry of review.entries) {
      if (references && !references.has(entry.reference)) {
        const key = `${review.file}\u0000${entry.reference}`;
        if (!unknownReferences.has(key)) {
          unknownReferences.add(key);
          problems.push(
            problem(
              'review-unknown-reference',
              review.file,
              entry.referenceRange,
              `Review file: no crime file in this sample has the reference "${entry.reference}"`,
            ),
          );
        }
        continue;
      }
      const rule = rules.get(entry.rule);
      if (!rule) {
        problems.push(
          problem(
            'review-unknown-rule',
            review.file,
            entry.range,
            `Review file: no rule "${entry.rule}" is run on this sample (unknown, or switched off)`,
          ),
        );
        continue;
      }
      const scale = rule.declaration.judgment?.scale;
      if (scale) {
        if (entry.answer !== undefined && !scale.some((step) => step.value === entry.answer)) {
          problems.push(
            problem(
              'review-bad-answer',
              review.file,
              entry.valueRange,
              `Review file: "${entry.answer}" is not on the scale of ${entry.rule} (${scale.map((step) => step.value).join(', ')})`,
            ),
          );
        } else if (entry.confirmed || (entry.outcome !== undefined && entry.outcome !== 'notApplicable')) {
          problems.push(
            problem(
              'review-bad-answer',
              review.file,
              entry.valueRange,
              `Review file: ${entry.rule} is a judgment criterion: give an answer on its scale (${scale.map((step) => step.value).join(', ')}), or outcome notApplicable with a note`,
            ),
          );
        }
      } else if (entry.answer !== undefined) {
        problems.push(
          problem(
            'review-bad-answer',
            review.file,
            entry.valueRange,
            `Review file: ${entry.rule} is a machine check: give an outcome (passed, failed or notApplicable) with a note, or confirmed: true`,
          ),
        );
      }
    }
  }
  return problems;
}
