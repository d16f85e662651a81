import * as path from 'node:path';
import { drawSample, type DrawSampleOutcome } from '../node/drawSample';

export interface DrawOptions {
  frame: string;
  plan: string;
  out: string;
  map?: string;
  force?: boolean;
  cwd: string;
  tool: string;
  onProgress?: (records: number) => void;
}

/** `dipsample draw`: paths relative to `cwd`; see drawSample for what it throws. */
export function runDraw(options: DrawOptions): Promise<DrawSampleOutcome> {
  return drawSample({
    frame: path.resolve(options.cwd, options.frame),
    frameShown: options.frame,
    plan: path.resolve(options.cwd, options.plan),
    ...(options.map !== undefined ? { map: path.resolve(options.cwd, options.map) } : {}),
    output: path.resolve(options.cwd, options.out),
    outputShown: options.out,
    force: options.force,
    tool: options.tool,
    onProgress: options.onProgress,
  });
}

/** What was drawn, per stratum and quota, for the terminal. */
export function renderDraw(outcome: DrawSampleOutcome, out: string): string {
  const lines = [
    `Drew ${outcome.references.length} of ${outcome.eligible} eligible records (${outcome.frame.rows} in the frame) into ${out}`,
  ];
  const width = Math.max(0, ...[...outcome.strata, ...outcome.constraints].map((count) => count.description.length));
  const row = (count: { description: string; eligible: number; drawn: number }) =>
    `  ${count.description.padEnd(width)}  ${String(count.drawn).padStart(6)} drawn of ${count.eligible} eligible`;
  if (outcome.strata.length > 0) lines.push('Strata:', ...outcome.strata.map(row));
  if (outcome.constraints.length > 0) lines.push('Quotas:', ...outcome.constraints.map(row));
  return `${lines.join('\n')}\n`;
}
