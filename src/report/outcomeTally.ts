import type { FileReport } from '../engine';
import { HOME_OFFICE_OUTCOMES, OUTCOME_GROUPS, outcomeGroupOf } from './outcomeGroups';
import { wilsonInterval, type Interval } from './wilson';

/** A count of files with its share of a denominator, n and 95% Wilson interval. */
export interface CountShare {
  files: number;
  of: number;
  /** 100 × files / of; undefined when `of` is 0. */
  percent?: number;
  interval?: Interval;
}

export interface OutcomeRow extends CountShare {
  code: number;
  title: string;
  /** Its Table 1 group's id; undefined for a code outside the Home Office framework. */
  group?: string;
}

export interface OutcomeGroupRow extends CountShare {
  id: string;
  title: string;
  /** The national share in PEEL 2021/22 Table 1, in percent (outcomes assigned, not files). */
  national: number;
}

/**
 * What the sample's files were filed with: each Home Office outcome code and each PEEL 2021/22
 * Table 1 group, shares of the readable crime files (open files count as "not yet assigned"), and
 * outcome 16 as a share of the files with an outcome (PEEL 2017 Figure 14 tracks its use).
 */
export interface OutcomeTally {
  /** Readable crime files: the denominator of the groups. */
  files: number;
  /** Files filed with an outcome code: the denominator of the codes and of outcome 16. */
  withOutcome: number;
  codes: OutcomeRow[];
  groups: OutcomeGroupRow[];
  outcome16: CountShare;
}

export function countShare(files: number, of: number): CountShare {
  const interval = wilsonInterval(files, of);
  return { files, of, ...(of > 0 ? { percent: (100 * files) / of } : {}), ...(interval ? { interval } : {}) };
}

export function outcomeTally(reports: Iterable<FileReport>): OutcomeTally {
  const byCode = new Map<number, number>();
  const byGroup = new Map<string, number>();
  let files = 0;
  for (const report of reports) {
    const facts = report.facts;
    if (!facts || (facts.kind !== undefined && facts.kind !== 'crime')) continue;
    files++;
    const code = facts.outcomeCode;
    if (code !== undefined) byCode.set(code, (byCode.get(code) ?? 0) + 1);
    const group = outcomeGroupOf(code);
    if (group) byGroup.set(group.id, (byGroup.get(group.id) ?? 0) + 1);
  }
  const withOutcome = [...byCode.values()].reduce((a, b) => a + b, 0);
  return {
    files,
    withOutcome,
    codes: [...byCode]
      .sort(([a], [b]) => a - b)
      .map(([code, count]) => ({
        code,
        title: HOME_OFFICE_OUTCOMES[code] ?? `Outcome ${code} (not in the Home Office framework)`,
        ...(outcomeGroupOf(code) ? { group: outcomeGroupOf(code)!.id } : {}),
        ...countShare(count, withOutcome),
      })),
    groups: OUTCOME_GROUPS.map((group) => ({
      id: group.id,
      title: group.title,
      national: group.national,
      ...countShare(byGroup.get(group.id) ?? 0, files),
    })),
    outcome16: countShare(byCode.get(16) ?? 0, withOutcome),
  };
}
