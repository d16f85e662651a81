import { parseDocument } from 'yaml';
import type { DrawnCount } from './sampleDraw';

/** What sample.yaml records of a draw, so anyone can repeat it and get the same sample. */
export interface DrawnRecordFields {
  references: string[];
  frame: { path: string; sha256: string; rows: number; rejected?: number };
  eligible: number;
  strata: DrawnCount[];
  constraints: DrawnCount[];
  seed: string | number;
  at: string;
  tool: string;
}

/**
 * The drawn sample's sample.yaml: the plan's own text (its comments kept) with `drawn` set (an
 * earlier draw's record replaced), so the manifest is the plan that made it.
 */
export function sampleManifestText(planText: string, drawn: DrawnRecordFields): string {
  const document = parseDocument(planText);
  const record: Record<string, unknown> = {
    references: drawn.references,
    frame: drawn.frame,
    eligible: drawn.eligible,
    strata: drawn.strata,
    ...(drawn.constraints.length > 0 ? { constraints: drawn.constraints } : {}),
    seed: drawn.seed,
    at: drawn.at,
    tool: drawn.tool,
  };
  document.set('drawn', document.createNode(record));
  return document.toString({ lineWidth: 0 });
}
