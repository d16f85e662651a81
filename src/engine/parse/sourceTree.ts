import type { PathSegment } from '../model';

/**
 * Where each node of a parsed file sits in its text: what findings are located with. Offsets are
 * `yaml`'s (a scalar's value with its quotes or block header, a collection from its first
 * character), however the file was parsed, so a finding points at the same characters on the
 * fast path (`eventParse.ts`) and on the full one (`yamlSourceTree.ts`).
 */
export type SourceNode = SourceScalar | SourceCollection;

export interface SourceScalar {
  readonly kind: 'scalar' | 'alias';
  readonly start: number;
  readonly valueEnd: number;
}

export interface SourceCollection {
  readonly kind: 'map' | 'seq';
  readonly start: number;
  /** A flow collection's end after its bracket; a block one's about where its last entry ends. */
  readonly valueEnd: number;
  /** `[…]` or `{…}` rather than block style. */
  readonly flow: boolean;
  /** A map's pairs in order; a sequence's items as pairs without keys. */
  readonly entries: readonly SourceEntry[];
}

export interface SourceEntry {
  /** The key node (a map's pair only). */
  readonly key: SourceNode | undefined;
  /** The key as a path segment reads it (`String` of its value); '' in a sequence. */
  readonly keyText: string;
  /** The value, or for a pair without one, its key (what a finding at it points to). */
  readonly value: SourceNode;
}

/** The child one path segment names: a map's pair by key, a sequence's item by index. */
export function childOf(node: SourceNode, segment: PathSegment): SourceEntry | undefined {
  if (node.kind === 'map') {
    const wanted = String(segment);
    return node.entries.find((entry) => entry.keyText === wanted);
  }
  if (node.kind === 'seq' && typeof segment === 'number') return node.entries[segment];
  return undefined;
}
