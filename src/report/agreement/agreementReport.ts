import type { FileReport, ReviewEntry, ReviewFile, RuleDeclaration, RuleSet } from '../../engine';
import { wilsonInterval } from '../wilson';
import { cohenKappa } from './cohenKappa';
import { krippendorffAlpha } from './krippendorffAlpha';
import {
  AGREEMENT_FORMAT,
  type Agreement,
  type AgreementReport,
  type CriterionAcrossRaters,
  type CriterionAgreement,
  type MarkSource,
  type MissedMark,
  type PairAgreement,
  type RaterAgreement,
} from './model';

export interface AgreementInput {
  sample: { folder: string; name?: string };
  /** Every review file of the sample, any role; files that could not be read are noted, not counted. */
  reviews: readonly ReviewFile[];
  /** The sample's crime-file reports, paths relative to the sample folder (the machine's outcomes). */
  reports: readonly FileReport[];
  ruleSets: readonly RuleSet[];
  /** The answer key's reviewer id; omitted for moderation without a key. */
  key?: string;
}

/** A value someone gave one criterion of one file. */
interface Mark {
  value: string;
  source: MarkSource;
  note?: string;
}

const CHECK_VALUES = ['passed', 'failed', 'notApplicable'];

/**
 * Agreement of every rater with the key, per criterion and overall, and of the raters among
 * themselves. A value is an answer on a judgment criterion's scale, or an outcome of a machine
 * check (`passed | failed | notApplicable`; `confirmed: true` is the machine's outcome); for a judgment
 * criterion, an outcome `notApplicable` is a value too. Where the key gives no value for a machine
 * check, the machine's outcome is the key's. Entries that do not fit the rule (an answer off the
 * scale, an answer for a check) are not values: the review files' problems report them.
 */
export function agreementReport(input: AgreementInput): AgreementReport {
  const allRules = criteriaOf(input.ruleSets);
  const files = input.reports.filter((report) => report.reference !== undefined && !report.syntaxError);
  const notes: string[] = [];
  const readable: ReviewFile[] = [];
  for (const review of input.reviews) {
    if (review.reviewer) readable.push(review);
    else notes.push(`${review.file} could not be used (it has problems): its marks are not counted.`);
  }
  const keyFile = input.key === undefined ? undefined : readable.find((review) => review.reviewer?.id === input.key);
  if (input.key !== undefined && !keyFile)
    notes.push(
      `No review file of ${input.key}: the machine's outcomes stand as the key for machine checks; judgment criteria have no key.`,
    );
  const raterFiles = readable
    .filter((review) => review.reviewer?.id !== input.key)
    .sort((a, b) => a.reviewer!.id.localeCompare(b.reviewer!.id));

  /** Marks by reviewer id → reference → rule. */
  const marksOf = (review: ReviewFile) => marksByFile(review.entries, allRules, files);
  const keyMarks = keyFile ? marksOf(keyFile) : new Map<string, Map<string, Mark>>();
  const raterMarks = new Map(raterFiles.map((review) => [review.reviewer!.id, marksOf(review)]));

  /** The key's value: its own, or the machine's for a check. */
  const keyValue = (file: FileReport, rule: Criterion): Mark | undefined => {
    const own = keyMarks.get(file.reference!)?.get(rule.id);
    if (own) return own;
    if (input.key === undefined || rule.judgment) return undefined;
    const machine = machineOutcome(file, rule.id);
    return machine === undefined ? undefined : { value: machine, source: 'machine' };
  };

  // Only criteria something can be compared on: the key has a value, or some rater marked it.
  const rules = new Map(
    [...allRules].filter(([id, rule]) =>
      files.some(
        (file) =>
          keyValue(file, rule) !== undefined ||
          [...raterMarks.values()].some((marks) => marks.get(file.reference!)?.has(id)),
      ),
    ),
  );

  const raters: RaterAgreement[] = raterFiles.map((review) => {
    const reviewer = review.reviewer!;
    const marks = raterMarks.get(reviewer.id)!;
    const criteria =
      input.key === undefined
        ? []
        : [...rules.values()].map((rule) => criterionAgreement(rule, files, marks, keyValue));
    const n = sum(criteria, (criterion) => criterion.n);
    const agreed = sum(criteria, (criterion) => criterion.agreed);
    const kappas = criteria.flatMap((criterion) => (criterion.kappa === null ? [] : [criterion.kappa]));
    const keyed = sum(criteria, (criterion) => criterion.n + criterion.unmarked);
    if (input.key !== undefined && !review.submitted)
      notes.push(`${reviewer.id} has not submitted yet: their figures may change.`);
    return {
      reviewer: reviewer.id,
      ...(reviewer.name !== undefined ? { name: reviewer.name } : {}),
      role: reviewer.role,
      submitted: review.submitted ?? null,
      overall: {
        ...agreement(agreed, n),
        meanKappa: kappas.length === 0 ? null : kappas.reduce((a, b) => a + b, 0) / kappas.length,
        marked: n,
        keyed,
      },
      criteria,
    };
  });

  const raterIds = raterFiles.map((review) => review.reviewer!.id);
  const pooledUnits: string[][] = [];
  const criteria: CriterionAcrossRaters[] = [...rules.values()].map((rule) => {
    const units = files.map((file) =>
      raterIds.flatMap((id) => {
        const mark = raterMarks.get(id)!.get(file.reference!)?.get(rule.id);
        return mark ? [mark.value] : [];
      }),
    );
    pooledUnits.push(...units.map((values) => values.map((value) => `${rule.id}\u0000${value}`)));
    const { alpha, units: alphaUnits } = krippendorffAlpha(units);
    const perRater = raters.map((rater) => rater.criteria.find((criterion) => criterion.rule === rule.id));
    return {
      rule: rule.id,
      title: rule.title,
      kind: rule.judgment ? 'judgment' : 'check',
      ...agreement(
        sum(perRater, (criterion) => criterion?.agreed ?? 0),
        sum(perRater, (criterion) => criterion?.n ?? 0),
      ),
      alpha,
      alphaUnits,
      source: rule.source,
    };
  });

  return {
    format: AGREEMENT_FORMAT,
    sample: input.sample,
    key: input.key ?? null,
    ...(keyFile?.reviewer?.name !== undefined ? { keyName: keyFile.reviewer.name } : {}),
    raters,
    criteria,
    alpha: krippendorffAlpha(pooledUnits).alpha,
    pairs: input.key === undefined ? pairsOf(raterIds, raterMarks, rules, files) : [],
    missed: input.key === undefined ? [] : missedMarks(rules, files, raterIds, raterMarks, keyValue),
    notes,
  };
}

type Criterion = Pick<RuleDeclaration, 'id' | 'title' | 'judgment' | 'source'>;
type MarksByFile = Map<string, Map<string, Mark>>;

/** Every rule of the sample's rule sets, in pack order, the first declaration of an id winning. */
function criteriaOf(ruleSets: readonly RuleSet[]): Map<string, Criterion> {
  const rules = new Map<string, Criterion>();
  for (const ruleSet of ruleSets)
    for (const rule of ruleSet.rules) if (!rules.has(rule.id)) rules.set(rule.id, rule.declaration);
  return rules;
}

/** The machine's own outcome of a check on a file (before any reviewer's), when it is a value. */
function machineOutcome(file: FileReport, rule: string): string | undefined {
  const result = file.results.find((candidate) => candidate.rule === rule);
  const outcome = result?.machineOutcome ?? result?.outcome;
  return outcome !== undefined && CHECK_VALUES.includes(outcome) ? outcome : undefined;
}

/** One reviewer's values by reference and rule: only entries that fit the rule and a crime file of the sample. */
function marksByFile(
  entries: readonly ReviewEntry[],
  rules: ReadonlyMap<string, Criterion>,
  files: readonly FileReport[],
): MarksByFile {
  const byReference = new Map(files.map((file) => [file.reference!, file]));
  const marks: MarksByFile = new Map();
  for (const entry of entries) {
    const rule = rules.get(entry.rule);
    const file = byReference.get(entry.reference);
    if (!rule || !file) continue;
    const mark = markOf(entry, rule, file);
    if (!mark) continue;
    const forFile = marks.get(entry.reference) ?? new Map<string, Mark>();
    marks.set(entry.reference, forFile);
    forFile.set(entry.rule, mark);
  }
  return marks;
}

function markOf(entry: ReviewEntry, rule: Criterion, file: FileReport): Mark | undefined {
  const note = entry.note?.trim() ? { note: entry.note.trim() } : {};
  if (rule.judgment) {
    if (entry.answer !== undefined && rule.judgment.scale.some((step) => step.value === entry.answer))
      return { value: entry.answer, source: 'answer', ...note };
    if (entry.outcome === 'notApplicable') return { value: 'notApplicable', source: 'outcome', ...note };
    return undefined;
  }
  if (entry.outcome !== undefined) return { value: entry.outcome, source: 'outcome', ...note };
  if (entry.confirmed) {
    const machine = machineOutcome(file, rule.id);
    return machine === undefined ? undefined : { value: machine, source: 'confirmed', ...note };
  }
  return undefined;
}

function criterionAgreement(
  rule: Criterion,
  files: readonly FileReport[],
  marks: MarksByFile,
  keyValue: (file: FileReport, rule: Criterion) => Mark | undefined,
): CriterionAgreement {
  const pairs: Array<{ file: FileReport; key: Mark; rater: Mark }> = [];
  let unmarked = 0;
  for (const file of files) {
    const key = keyValue(file, rule);
    if (!key) continue;
    const rater = marks.get(file.reference!)?.get(rule.id);
    if (rater) pairs.push({ file, key, rater });
    else unmarked++;
  }
  const categories = categoriesOf(
    rule,
    pairs.flatMap((pair) => [pair.key.value, pair.rater.value]),
  );
  const index = new Map(categories.map((category, position) => [category, position]));
  const counts = categories.map(() => categories.map(() => 0));
  for (const pair of pairs) counts[index.get(pair.key.value)!][index.get(pair.rater.value)!]++;
  const agreed = pairs.filter((pair) => pair.key.value === pair.rater.value).length;
  const kappa = cohenKappa(counts);
  return {
    rule: rule.id,
    title: rule.title,
    kind: rule.judgment ? 'judgment' : 'check',
    ...agreement(agreed, pairs.length),
    kappa: kappa?.kappa ?? null,
    kappaInterval: kappa?.interval ?? null,
    chanceAgreement: kappa?.chance ?? null,
    unmarked,
    matrix: { categories, counts },
    disagreements: pairs
      .filter((pair) => pair.key.value !== pair.rater.value)
      .map((pair) => ({
        reference: pair.file.reference!,
        path: pair.file.path,
        key: pair.key.value,
        keySource: pair.key.source,
        rater: pair.rater.value,
        ...(pair.rater.note !== undefined ? { note: pair.rater.note } : {}),
      })),
  };
}

/** The values a criterion can take, in the order people read them (the scale's), then any others seen. */
function categoriesOf(rule: Criterion, seen: readonly string[]): string[] {
  const known = rule.judgment ? [...rule.judgment.scale.map((step) => step.value), 'notApplicable'] : CHECK_VALUES;
  const used = new Set(seen);
  return [...known.filter((value) => used.has(value)), ...[...used].filter((value) => !known.includes(value)).sort()];
}

function agreement(agreed: number, n: number): Agreement {
  const interval = wilsonInterval(agreed, n);
  return { n, agreed, percent: n === 0 ? null : (100 * agreed) / n, interval: interval ?? null };
}

function sum<T>(items: readonly T[], value: (item: T) => number): number {
  return items.reduce((total, item) => total + value(item), 0);
}

/** Without a key: each pair of raters, every criterion of every file both marked, pooled. */
function pairsOf(
  ids: readonly string[],
  marks: ReadonlyMap<string, MarksByFile>,
  rules: ReadonlyMap<string, Criterion>,
  files: readonly FileReport[],
): PairAgreement[] {
  const pairs: PairAgreement[] = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const values: Array<[string, string]> = [];
      for (const file of files)
        for (const rule of rules.keys()) {
          const a = marks.get(ids[i])!.get(file.reference!)?.get(rule);
          const b = marks.get(ids[j])!.get(file.reference!)?.get(rule);
          // Values are compared within a criterion: prefix them so two scales never share a category.
          if (a && b) values.push([`${rule}\u0000${a.value}`, `${rule}\u0000${b.value}`]);
        }
      const categories = [...new Set(values.flat())].sort();
      const index = new Map(categories.map((category, position) => [category, position]));
      const counts = categories.map(() => categories.map(() => 0));
      for (const [a, b] of values) counts[index.get(a)!][index.get(b)!]++;
      const agreed = values.filter(([a, b]) => a === b).length;
      pairs.push({
        a: ids[i],
        b: ids[j],
        ...agreement(agreed, values.length),
        kappa: cohenKappa(counts)?.kappa ?? null,
      });
    }
  }
  return pairs;
}

/** Every file and criterion some rater got wrong, most missed first: the feedback list. */
function missedMarks(
  rules: ReadonlyMap<string, Criterion>,
  files: readonly FileReport[],
  raterIds: readonly string[],
  raterMarks: ReadonlyMap<string, MarksByFile>,
  keyValue: (file: FileReport, rule: Criterion) => Mark | undefined,
): MissedMark[] {
  const missed: MissedMark[] = [];
  for (const file of files) {
    for (const rule of rules.values()) {
      const key = keyValue(file, rule);
      if (!key) continue;
      const given = raterIds.flatMap((id) => {
        const mark = raterMarks.get(id)!.get(file.reference!)?.get(rule.id);
        return mark ? [{ reviewer: id, ...mark }] : [];
      });
      const wrong = given.filter((mark) => mark.value !== key.value);
      if (wrong.length === 0) continue;
      missed.push({
        reference: file.reference!,
        path: file.path,
        rule: rule.id,
        title: rule.title,
        key: key.value,
        keySource: key.source,
        ...(key.note !== undefined ? { keyNote: key.note } : {}),
        marked: given.length,
        missedBy: wrong.map((mark) => ({
          reviewer: mark.reviewer,
          value: mark.value,
          ...(mark.note !== undefined ? { note: mark.note } : {}),
        })),
        source: rule.source,
      });
    }
  }
  return missed.sort(
    (a, b) =>
      b.missedBy.length - a.missedBy.length ||
      b.missedBy.length / b.marked - a.missedBy.length / a.marked ||
      a.path.localeCompare(b.path) ||
      a.rule.localeCompare(b.rule),
  );
}
