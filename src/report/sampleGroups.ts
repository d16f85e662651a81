import type { RuleRow, SampleInfo, SampleOverview, VerdictSummary } from './model';
import type { ShareKind } from './wording';

/**
 * One sample of a view across samples (a force each, say): its header and its rules, shown as a
 * row group above the total, as `dipsample report a b c` does.
 */
export interface SampleGroup {
  name: string;
  /** Absolute folder of the sample. */
  folder: string;
  force?: string;
  period?: SampleInfo['period'];
  files: number;
  rules: RuleRow[];
  verdicts: VerdictSummary[];
}

/** The label of the row group of every sample's files together. */
export const SAMPLES_TOTAL = 'Total';

export function sampleGroup(overview: SampleOverview): SampleGroup {
  const { sample } = overview;
  return {
    name: sample.name,
    folder: sample.folder,
    ...(sample.force !== undefined ? { force: sample.force } : {}),
    ...(sample.period !== undefined ? { period: { ...sample.period } } : {}),
    files: overview.totals.files,
    rules: overview.rules,
    verdicts: overview.verdicts,
  };
}

/** "Outcome per rule, a row group per sample and the total; % failed of …": the caption of the rules across samples. */
export function samplesRulesCaption(kind: ShareKind = 'failed'): string {
  return `Outcome per rule, a row group per sample and the total; % ${kind} of the files each rule was decided for, with its 95% Wilson interval`;
}

/**
 * The sample folder holding `file` among `folders` (absolute; the deepest when samples nest), or
 * undefined when it lies in none. Forward and back slashes alike, so the report layer stays free
 * of platform path rules.
 */
export function sampleFolderOf(file: string, folders: readonly string[]): string | undefined {
  const normalise = (p: string) => p.replace(/\\/g, '/').replace(/\/+$/, '');
  const target = normalise(file);
  let best: string | undefined;
  for (const folder of folders) {
    const base = normalise(folder);
    if (target.startsWith(`${base}/`) && (best === undefined || base.length > normalise(best).length)) best = folder;
  }
  return best;
}
