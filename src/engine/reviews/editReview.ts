import { Document, isMap, isScalar, isSeq, parseDocument, type YAMLMap } from 'yaml';
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
 * as a review file of this reviewer (a broken file is never overwritten) or was submitted.
 */
export function recordDecision(
  text: string | undefined,
  file: string,
  reviewer: Reviewer,
  reference: string,
  rule: string,
  decision: RecordedDecision,
): { text: string } | { refused: string } {
  const opened = openForEdit(text, file, reviewer);
  if ('refused' in opened) return opened;
  const { document } = opened;
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
  return { text: written(document, text) };
}

/**
 * The review file's text with `submitted: <at>` stamped (after `reviewer`): the trainee hands in
 * their marks, and from then on they are final (recordDecision refuses to change them). Everything
 * else stays as written. Refused, with the reason, when the file is not a readable review file of
 * this reviewer or was submitted already. A trainee who marked nothing gets a new file.
 */
export function stampSubmitted(
  text: string | undefined,
  file: string,
  reviewer: Reviewer,
  at: string,
): { text: string } | { refused: string } {
  const opened = openForEdit(text, file, reviewer);
  if ('refused' in opened) return opened;
  const { document } = opened;
  const root = document.contents;
  if (!isMap(root)) return { refused: `${file} is not a review file (its top level is not a map)` };
  const stamp = document.createPair('submitted', at);
  const after = root.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === 'reviewer');
  root.items.splice(after === -1 ? root.items.length : after + 1, 0, stamp);
  return { text: written(document, text) };
}

/**
 * Why an existing review file's text must not be edited for `reviewer` (undefined when it may):
 * it does not read as a review file (syntax, schema, reviewer id), it is someone else's, or its
 * marks were submitted. Entries with problems of their own do not block an edit of another.
 */
function refusalToEdit(text: string, file: string, reviewer: Reviewer): string | undefined {
  const parsed = parseReviewFile(text, file);
  const blocking = parsed.problems.filter(
    (problem) => problem.code !== 'review-bad-entry' && problem.code !== 'review-note-required',
  );
  if (blocking.length > 0) {
    const first = blocking[0];
    return `${first.file}:${first.range.start.line + 1}:${first.range.start.character + 1}: ${first.message} — fix the review file first; it is not overwritten`;
  }
  if (parsed.reviewer?.id !== reviewer.id)
    return `${file} is ${parsed.reviewer?.id ?? 'nobody'}'s review file, not ${reviewer.id}'s`;
  if (parsed.submitted !== undefined)
    return `${reviewer.id} already submitted these marks at ${parsed.submitted}: submitted marks are final and are not changed`;
  return undefined;
}

/** The document as text, with the line endings of the text it came from. */
function written(document: Document, before: string | undefined): string {
  const text = document.toString({ lineWidth: 0 });
  return before?.includes('\r\n') ? text.replace(/\r?\n/g, '\r\n') : text;
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

/** The review file as a yaml Document to edit (a new one for a reviewer with no file yet), or why it may not be edited. */
function openForEdit(
  text: string | undefined,
  file: string,
  reviewer: Reviewer,
): { document: Document } | { refused: string } {
  if (text === undefined || text.trim() === '') return { document: newReviewDocument(reviewer) };
  const refused = refusalToEdit(text, file, reviewer);
  if (refused) return { refused };
  return { document: parseDocument(text, { uniqueKeys: true }) };
}
