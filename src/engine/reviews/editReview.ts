import { Document, isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';
import { parseReviewFile, REVIEW_FORMAT, type Reviewer, type ReviewDecisionText } from './reviewFile';

/** One answer, outcome or confirmation being recorded; `at` is when (an ISO instant). */
export type RecordedDecision = ReviewDecisionText & { at: string };

const HEADER = [
  'dipsample review file (dipsample-review/1): see docs/reviews.md.',
  'Written by the dipsample editor; safe to edit by hand. Earlier answers are kept under history.',
];

/**
 * The review file's text with one entry set: `files.<reference>.<rule>` becomes `decision`, and the
 * value it replaces goes to the end of the entry's `history`. Everything else stays as written:
 * comments, key order, other entries (the yaml Document API). A new file (`text` undefined or
 * blank) starts with the reviewer's header. Refused, with the reason, when the file cannot be read
 * as a review file of this reviewer: a broken file is never overwritten.
 */
export function recordDecision(
  text: string | undefined,
  file: string,
  reviewer: Reviewer,
  reference: string,
  rule: string,
  decision: RecordedDecision,
): { text: string } | { refused: string } {
  const blank = text === undefined || text.trim() === '';
  if (!blank) {
    const parsed = parseReviewFile(text, file);
    const blocking = parsed.problems.filter(
      (problem) => problem.code !== 'review-bad-entry' && problem.code !== 'review-note-required',
    );
    if (blocking.length > 0) {
      const first = blocking[0];
      return {
        refused: `${first.file}:${first.range.start.line + 1}:${first.range.start.character + 1}: ${first.message} — fix the review file first; it is not overwritten`,
      };
    }
    if (parsed.reviewer?.id !== reviewer.id)
      return { refused: `${file} is ${parsed.reviewer?.id ?? 'nobody'}'s review file, not ${reviewer.id}'s` };
  }
  const document: Document = blank ? newReviewDocument(reviewer) : parseDocument(text, { uniqueKeys: true });
  const path = ['files', reference, rule];
  const previous = document.getIn(path, true);
  const history: unknown[] = [];
  if (isMap(previous)) {
    const earlier = previous.get('history', true);
    if (isSeq(earlier)) history.push(...earlier.items);
    const replaced = decisionOf(previous);
    if (Object.keys(replaced).length > 0) history.push(document.createNode(replaced));
  }
  const entry = document.createNode(clean(decision)) as YAMLMap;
  if (history.length > 0) entry.set('history', document.createNode(history));
  if (document.getIn(['files']) === null || document.getIn(['files']) === undefined) {
    document.setIn(['files'], document.createNode({}));
  }
  if (!isMap(document.getIn(['files', reference], true))) {
    document.setIn(['files', reference], document.createNode({}));
  }
  document.setIn(path, entry);
  const eol = text?.includes('\r\n') ? '\r\n' : '\n';
  const written = document.toString({ lineWidth: 0 });
  return { text: eol === '\n' ? written : written.replace(/\r?\n/g, eol) };
}

function newReviewDocument(reviewer: Reviewer): Document {
  const document = new Document({
    format: REVIEW_FORMAT,
    reviewer: clean({ id: reviewer.id, name: reviewer.name, role: reviewer.role }),
    files: {},
  });
  document.commentBefore = HEADER.map((line) => ` ${line}`).join('\n');
  return document;
}

/** The decision an entry holds now (without its history), as plain values. */
function decisionOf(entry: YAMLMap): ReviewDecisionText {
  const value = entry.toJSON() as Record<string, unknown>;
  return clean({
    answer: typeof value.answer === 'string' ? value.answer : undefined,
    outcome: value.outcome as ReviewDecisionText['outcome'],
    confirmed: value.confirmed === true ? true : undefined,
    note: typeof value.note === 'string' ? value.note : undefined,
    at: typeof value.at === 'string' ? value.at : undefined,
  });
}

function clean<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
