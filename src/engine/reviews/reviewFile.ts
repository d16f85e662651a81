import type { ValidateFunction } from 'ajv';
import reviewSchema from '../../../rules/schemas/review.schema.json';
import type { PathSegment, Range } from '../model';
import { ParsedDocument } from '../parse/document';
import { problem, type Problem } from '../problems';
import { sharedAjv } from '../schemas/ajv';
import { schemaViolations, syntaxProblems } from '../schemas/documentProblems';

export const REVIEW_FORMAT = 'dipsample-review/1';
/** Review files live in `reviews/` in the sample folder: `reviews/<reviewer-id>.review.yaml`. */
export const REVIEWS_FOLDER = 'reviews';
export const REVIEW_FILE_PATTERN = /\.review\.ya?ml$/i;
export const REVIEW_FILE_GLOB = '**/reviews/*.review.{yaml,yml}';

export const REVIEWER_ROLES = ['inspector', 'auditor', 'trainer', 'trainee'] as const;
export type ReviewerRole = (typeof REVIEWER_ROLES)[number];

/** Outcomes a reviewer may give a machine check (a judgment criterion: only notApplicable). */
export const REVIEW_OUTCOMES = ['passed', 'failed', 'notApplicable'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export interface Reviewer {
  id: string;
  name?: string;
  role: ReviewerRole;
}

/** One answer, outcome or confirmation as written (an entry's current value or one of its history). */
export interface ReviewDecisionText {
  answer?: string;
  outcome?: ReviewOutcome;
  confirmed?: true;
  note?: string;
  at?: string;
}

/** A reviewer's entry for one criterion of one crime file, located in the review file. */
export interface ReviewEntry extends ReviewDecisionText {
  reference: string;
  rule: string;
  history: ReviewDecisionText[];
  /** The rule id's key, for problems about the entry. */
  range: Range;
  /** The `answer` or `outcome` value, for problems about it. */
  valueRange: Range;
  /** The crime file reference's key. */
  referenceRange: Range;
}

/** One review file, read: its reviewer and entries, or the problems that stop it being used. */
export interface ReviewFile {
  file: string;
  /** Undefined when the file could not be used at all (syntax or schema problems). */
  reviewer?: Reviewer;
  submitted?: string;
  entries: ReviewEntry[];
  /** Located problems. A file with syntax or schema problems has no entries: none can be trusted. */
  problems: Problem[];
}

let validateReview: ValidateFunction | undefined;

/** The reviewer id a review file's name gives (`reviews/INSP-07.review.yaml` → INSP-07). */
export function reviewerIdOfFile(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return name.replace(REVIEW_FILE_PATTERN, '');
}

export function isReviewFile(file: string): boolean {
  const parts = file.split(/[\\/]/);
  return parts.length >= 2 && parts[parts.length - 2] === REVIEWS_FOLDER && REVIEW_FILE_PATTERN.test(file);
}

/** Reads a review file's text. Never throws: whatever is wrong is a located problem. */
export function parseReviewFile(text: string, file: string): ReviewFile {
  const document = new ParsedDocument(text, 'yaml');
  const problems = syntaxProblems(file, document);
  if (problems.length > 0) return { file, entries: [], problems };
  validateReview ??= sharedAjv().compile(reviewSchema);
  problems.push(...schemaViolations(file, document, validateReview, 'Review file'));
  if (problems.length > 0) return { file, entries: [], problems };

  const value = document.value as {
    reviewer: Reviewer;
    submitted?: string;
    files?: Record<string, Record<string, ReviewDecisionText & { history?: ReviewDecisionText[] }> | null>;
  };
  const reviewer = value.reviewer;
  const expectedId = reviewerIdOfFile(file);
  if (reviewer.id !== expectedId) {
    problems.push(
      problem(
        'review-reviewer-mismatch',
        file,
        document.locate(['reviewer', 'id']).range,
        `Review file: the reviewer id "${reviewer.id}" does not match the file name (${expectedId}.review.yaml)`,
      ),
    );
  }
  const entries: ReviewEntry[] = [];
  for (const [reference, rules] of Object.entries(value.files ?? {})) {
    for (const [rule, entry] of Object.entries(rules ?? {})) {
      const path: PathSegment[] = ['files', reference, rule];
      const valueKey = entry.answer !== undefined ? 'answer' : entry.outcome !== undefined ? 'outcome' : undefined;
      const located: ReviewEntry = {
        ...pick(entry),
        reference,
        rule,
        history: (entry.history ?? []).map(pick),
        range: document.locateKey(path),
        valueRange: document.locate(valueKey ? [...path, valueKey] : path).range,
        referenceRange: document.locateKey(['files', reference]),
      };
      const shape = entryShapeProblem(located, reviewer.role);
      if (shape)
        problems.push(
          problem(shape.code, file, shape.at === 'key' ? located.range : located.valueRange, shape.message),
        );
      else entries.push(located);
    }
  }
  return { file, reviewer, submitted: value.submitted, entries, problems };
}

function pick(decision: ReviewDecisionText): ReviewDecisionText {
  const { answer, outcome, confirmed, note, at } = decision;
  return {
    ...(answer !== undefined ? { answer } : {}),
    ...(outcome !== undefined ? { outcome } : {}),
    ...(confirmed !== undefined ? { confirmed } : {}),
    ...(note !== undefined ? { note } : {}),
    ...(at !== undefined ? { at } : {}),
  };
}

/** What is wrong with an entry's shape, before any rule is known: one value, and a note with an outcome. */
function entryShapeProblem(
  entry: ReviewEntry,
  role: ReviewerRole,
): { code: 'review-bad-entry' | 'review-note-required'; message: string; at: 'key' | 'value' } | undefined {
  const given = [entry.answer, entry.outcome, entry.confirmed].filter((v) => v !== undefined).length;
  if (given === 0)
    return {
      code: 'review-bad-entry',
      at: 'key',
      message: `Review file: the review of ${entry.rule} for ${entry.reference} gives no answer, outcome or confirmation`,
    };
  if (given > 1)
    return {
      code: 'review-bad-entry',
      at: 'key',
      message: `Review file: the review of ${entry.rule} for ${entry.reference} gives more than one of answer, outcome and confirmed: keep one`,
    };
  if (entry.outcome !== undefined && role !== 'trainee' && !entry.note?.trim())
    return {
      code: 'review-note-required',
      at: 'value',
      message: `Review file: an outcome needs a note saying why (${entry.rule} for ${entry.reference}): the note is what a report quotes`,
    };
  return undefined;
}
