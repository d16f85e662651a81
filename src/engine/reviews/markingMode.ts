/**
 * Marking mode: a trainee marks a training sample without seeing what the machine (or the answer
 * key) made of it, until they submit. The decision of whether a reviewer is marking a sample, what
 * they have marked, and the report a marking trainee may see are here, pure, so every editor
 * surface (diagnostics, hovers, the Review panel, the summary) hides the same things.
 */
import type { FileReport } from '../model';
import type { RuleSet } from '../rules/ruleSet';
import { reviewerIdOfFile, type ReviewEntry, type Reviewer, type ReviewFile } from './reviewFile';

/** A trainee marking one sample: who, and their review file there (undefined until they mark something). */
export interface MarkingState {
  reviewer: Reviewer;
  reviewFile?: ReviewFile;
}

/**
 * Whether `reviewer` (the identity in use) is marking the sample whose review files are `files`:
 * they are a trainee (their role says so, or their review file of the sample does) and that file
 * has no `submitted` stamp. Undefined for everyone else: they see everything.
 */
export function markingStateFor(
  reviewer: Reviewer | undefined,
  files: readonly ReviewFile[],
): MarkingState | undefined {
  if (!reviewer) return undefined;
  const reviewFile = files.find((file) => reviewerIdOfFile(file.file) === reviewer.id);
  const trainee = reviewer.role === 'trainee' || reviewFile?.reviewer?.role === 'trainee';
  if (!trainee || reviewFile?.submitted !== undefined) return undefined;
  return { reviewer: { ...reviewer, role: 'trainee' }, ...(reviewFile ? { reviewFile } : {}) };
}

/** The trainee's marks on one crime file, by rule id. */
export function marksFor(state: MarkingState, reference: string | undefined): Map<string, ReviewEntry> {
  const marks = new Map<string, ReviewEntry>();
  if (reference === undefined) return marks;
  for (const entry of state.reviewFile?.entries ?? []) if (entry.reference === reference) marks.set(entry.rule, entry);
  return marks;
}

/** How many of the file's criteria (every rule of its rule set) the trainee has marked. */
export function markingProgress(
  state: MarkingState,
  reference: string | undefined,
  ruleSet: Pick<RuleSet, 'rules'>,
): { marked: number; total: number } {
  const marks = marksFor(state, reference);
  return { marked: ruleSet.rules.filter((rule) => marks.has(rule.id)).length, total: ruleSet.rules.length };
}

/**
 * The report a marking trainee may see: every criterion they mark (each rule of the rule set)
 * loses its outcome and findings, which would give the answer away; problems of the file itself
 * (syntax, schema, an engine failure) stay, since the trainee needs them to read the file.
 */
export function maskForMarking(report: FileReport, ruleSet: Pick<RuleSet, 'rules'>): FileReport {
  const marked = new Set(ruleSet.rules.map((rule) => rule.id));
  return {
    ...report,
    findings: report.findings.filter((finding) => !marked.has(finding.rule)),
    results: [],
  };
}
