import * as path from 'node:path';
import { CONFIG_FILE_NAME, findUp, MANIFEST_FILE_NAME, setRuleSetting, type ConfiguredSeverity } from '../engine';

/** Whether a file exists (the extension also counts an open editor on it). */
export type Exists = (file: string) => Promise<boolean>;

/**
 * The sample a file belongs to: the nearest folder at or above the file's own (within `root`, its
 * workspace folder) holding a sample.yaml, else the file's own folder. Without a root only the
 * file's own folder is looked at.
 */
export async function sampleFolderPath(file: string, exists: Exists, root?: string): Promise<string> {
  const own = path.dirname(file);
  const stop = root !== undefined && isAtOrUnder(own, root) ? root : own;
  const found = await findUp(own, (folder) => exists(path.join(folder, MANIFEST_FILE_NAME)), path, stop);
  return found ?? own;
}

/** The .dipsample.yaml a "for this sample" quick fix writes. */
export interface SampleConfigTarget {
  /** The file to write. */
  file: string;
  /** It exists already (edit it in place) or must be created. */
  exists: boolean;
  /**
   * For a new file: the configuration that governed the sample until now (a parent's, shared with
   * other samples), as the new file's `extends:` value: relative to its folder, `/`-separated.
   */
  extends?: string;
}

/**
 * Where to write a setting for the sample of `file`, so that it changes this sample and no other:
 * - the configuration that governs the file, when it lies in the sample (the sample folder's own
 *   .dipsample.yaml, or one in a folder between the file and the sample folder);
 * - else a new .dipsample.yaml in the sample folder, extending the parent configuration that
 *   governs the sample (if any) so that the force's other settings still apply.
 * A parent's .dipsample.yaml is never edited: other samples share it.
 */
export async function sampleConfigTarget(file: string, exists: Exists, root?: string): Promise<SampleConfigTarget> {
  const sample = await sampleFolderPath(file, exists, root);
  const hasConfig = (folder: string) => exists(path.join(folder, CONFIG_FILE_NAME));
  const own = await findUp(path.dirname(file), hasConfig, path, sample);
  if (own !== undefined) return { file: path.join(own, CONFIG_FILE_NAME), exists: true };

  const target = path.join(sample, CONFIG_FILE_NAME);
  const parent = path.dirname(sample);
  // Up to the file-system root, as the engine looks for the configuration that governs a folder.
  const governing = parent === sample ? undefined : await findUp(parent, hasConfig, path);
  if (governing === undefined) return { file: target, exists: false };
  const relative = path.relative(sample, path.join(governing, CONFIG_FILE_NAME)).split(path.sep).join('/');
  return { file: target, exists: false, extends: relative };
}

/**
 * The text to write to `target` so that it sets `rule` to `setting`: `current` (the file's text)
 * with the rule set, comments kept; or, for a new file, a configuration that extends the parent
 * (when there is one) and sets the rule. Undefined when the current text does not parse: a file the
 * user must fix first is never overwritten.
 */
export function sampleConfigText(
  target: SampleConfigTarget,
  current: string | undefined,
  rule: string,
  setting: ConfiguredSeverity,
): string | undefined {
  if (target.exists) return current === undefined ? undefined : setRuleSetting(current, rule, setting);
  if (target.extends === undefined) return setRuleSetting(undefined, rule, setting);
  const value = /^[\w./-]+$/.test(target.extends) ? target.extends : JSON.stringify(target.extends);
  const base = [
    `# This sample's own settings, on top of those of ${target.extends} (which other samples share).`,
    `extends: ${value}`,
    '',
  ].join('\n');
  return setRuleSetting(base, rule, setting);
}

function isAtOrUnder(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (relative !== '..' && !relative.startsWith('..' + path.sep) && !path.isAbsolute(relative));
}
