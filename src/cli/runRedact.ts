import * as path from 'node:path';
import { REDACTION_KIND_LABELS, REDACTION_KINDS } from '../engine';
import { redactFolder, type RedactFolderOutcome } from '../node/redactFolder';

export const REDACT_FORMATS = ['text', 'json'] as const;
export type RedactFormat = (typeof REDACT_FORMATS)[number];

export interface RedactOptions {
  /** The sample folder and the copy's folder, relative to `cwd` or absolute. */
  folder: string;
  out: string;
  cwd: string;
  force?: boolean;
  salt?: string;
  includeReviews?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** Writes the redacted copy (see `redactFolder`); throws InputError for what the user can fix. */
export function runRedact(options: RedactOptions): Promise<RedactFolderOutcome> {
  return redactFolder({
    input: path.resolve(options.cwd, options.folder),
    output: path.resolve(options.cwd, options.out),
    outputShown: options.out,
    force: options.force,
    salt: options.salt,
    includeReviews: options.includeReviews,
    onProgress: options.onProgress,
  });
}

/** What was replaced, as counts per kind (never the values), and what was copied. */
export function renderRedaction(outcome: RedactFolderOutcome, format: RedactFormat, out: string): string {
  if (format === 'json')
    return `${JSON.stringify(
      {
        output: out,
        files: { ...outcome.files, notCopied: outcome.notCopied },
        replaced: outcome.counts,
        warnings: outcome.warnings,
      },
      null,
      2,
    )}\n`;
  const { crime, reviews, copied } = outcome.files;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const lines = [
    `Redacted copy written to ${out}`,
    `  ${plural(crime, 'crime file')} and ${plural(reviews, 'review file')} redacted; ${plural(copied, 'file')} copied as it is (sample.yaml, .dipsample.yaml, rule packs)`,
  ];
  if (outcome.notCopied.length > 0)
    lines.push(`  ${plural(outcome.notCopied.length, 'file')} not copied (named on stderr)`);
  lines.push('Replaced:');
  const width = Math.max(...REDACTION_KINDS.map((kind) => REDACTION_KIND_LABELS[kind].length));
  for (const kind of REDACTION_KINDS)
    lines.push(`  ${REDACTION_KIND_LABELS[kind].padEnd(width)}  ${String(outcome.counts[kind]).padStart(6)}`);
  return `${lines.join('\n')}\n`;
}
