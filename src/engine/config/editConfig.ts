import { isMap, parseDocument, type Document } from 'yaml';
import type { ConfiguredSeverity } from '../model';

/**
 * Returns `.dipsample.yaml` text with `rules.<rule>` set to `setting` (off, or a severity), keeping
 * the rest of the file, comments included. An existing `{ severity, options }` entry keeps its
 * options. `text` undefined creates a new file. Returns undefined when the text is not a YAML map
 * (a file the user must fix first: we never overwrite what we cannot read).
 */
export function setRuleSetting(
  text: string | undefined,
  rule: string,
  setting: ConfiguredSeverity,
): string | undefined {
  if (text === undefined || text.trim() === '') {
    return `# dipsample configuration: https://dipsample.invalid/docs/rule-packs.md\nrules:\n  ${rule}: ${setting}\n`;
  }
  const document: Document = parseDocument(text);
  if (document.errors.length > 0) return undefined;
  if (document.contents !== null && !isMap(document.contents)) return undefined;
  const current = document.getIn(['rules', rule], true);
  if (isMap(current) && current.has('options')) {
    document.setIn(['rules', rule, 'severity'], setting);
  } else {
    document.setIn(['rules', rule], setting);
  }
  return document.toString();
}
