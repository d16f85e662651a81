import { isMap, isNode, isPair, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { SourceEntry, SourceNode } from './sourceTree';

/**
 * The source tree of a document `yaml` composed: the full path, taken by files the fast parse
 * leaves (anchors, tags, syntax errors). Built without recursion: such a file may nest deeply.
 */
export function yamlSourceTree(root: unknown): SourceNode | undefined {
  if (!isNode(root)) return undefined;
  const rootNode = shell(root);
  const pending: Array<{ yaml: YamlNode; node: SourceNode }> = [{ yaml: root, node: rootNode }];
  while (pending.length > 0) {
    const { yaml, node } = pending.pop()!;
    if (node.kind !== 'map' && node.kind !== 'seq') continue;
    const entries = node.entries as SourceEntry[];
    const fill = (child: YamlNode): SourceNode => {
      const built = shell(child);
      pending.push({ yaml: child, node: built });
      return built;
    };
    if (isMap(yaml)) {
      for (const pair of yaml.items) {
        if (!isPair(pair)) continue;
        const keyNode = isNode(pair.key) ? pair.key : undefined;
        const valueNode = isNode(pair.value) ? pair.value : undefined;
        const key = keyNode ? fill(keyNode) : undefined;
        const value = valueNode ? fill(valueNode) : key;
        if (!value) continue;
        // A key is matched as `String` of its value: a scalar's value, else the node itself.
        const keyValue: unknown = isScalar(pair.key) ? pair.key.value : pair.key;
        entries.push({ key, keyText: String(keyValue), value });
      }
    } else if (isSeq(yaml)) {
      for (const item of yaml.items) {
        // A list item is always a node in a parsed document; a hole would shift every index after it.
        const value = isNode(item) ? fill(item) : { kind: 'scalar' as const, start: 0, valueEnd: 0 };
        entries.push({ key: undefined, keyText: '', value });
      }
    }
  }
  return rootNode;
}

/** A node with its place in the text and, for a collection, no entries yet. */
function shell(node: YamlNode): SourceNode {
  const [start, valueEnd] = node.range ?? [0, 0];
  if (isMap(node) || isSeq(node)) {
    return { kind: isMap(node) ? 'map' : 'seq', start, valueEnd, flow: Boolean(node.flow), entries: [] };
  }
  return { kind: isScalar(node) ? 'scalar' : 'alias', start, valueEnd };
}
