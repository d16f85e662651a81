import type { ConfigurationNotice, SampleInfo, SwitchedOffRule } from './model';

/**
 * How every output words a broken configuration and a switched-off rule (the webview, the status
 * bar's tooltip, Markdown, HTML and CSV), so none of them can leave a missing rule unsaid.
 */

/** The notice's first line. */
export const CONFIGURATION_HEADLINE = 'The configuration has problems: this audit is missing rules or settings.';

/** `file` as a reader of the sample finds it: relative to the sample folder, `../` above it. */
export function displayPath(file: string, folder: string): string {
  const split = (p: string) =>
    p
      .replace(/\\/g, '/')
      .split('/')
      .filter((part) => part !== '');
  const target = split(file);
  const base = split(folder);
  if (target.length === 0 || base.length === 0) return file;
  let common = 0;
  while (common < base.length && common < target.length - 1 && base[common] === target[common]) common++;
  // Nothing in common (another drive, a settings-level "(settings)"): the path as given.
  if (common === 0) return file;
  return [...Array<string>(base.length - common).fill('..'), ...target.slice(common)].join('/');
}

/** The notice's lines after the headline: what is missing, then each problem where it is. */
export function configurationLines(notice: ConfigurationNotice, folder: string): string[] {
  const lines: string[] = [];
  if (notice.unloadedPacks.length > 0)
    lines.push(`Rule packs not loaded (none of their rules audited): ${notice.unloadedPacks.join(', ')}`);
  if (notice.brokenRules.length > 0)
    lines.push(`Rules not audited (their settings have problems): ${notice.brokenRules.join(', ')}`);
  for (const file of notice.unusableFiles)
    lines.push(`${displayPath(file, folder)} could not be used: its packs and rule settings are not applied`);
  for (const problem of notice.problems) lines.push(problemText(problem, folder));
  return lines;
}

/** ".dipsample.yaml line 3: Unknown rule …"; a settings-level problem has no line. */
export function problemText(problem: ConfigurationNotice['problems'][number], folder: string): string {
  const where = problem.file.startsWith('(')
    ? problem.file
    : `${displayPath(problem.file, folder)} line ${problem.line + 1}`;
  return `${where}: ${problem.message}`;
}

/** The notice as lines (headline first), or none when the configuration is sound. */
export function configurationNoticeText(sample: SampleInfo): string[] {
  return sample.configuration
    ? [CONFIGURATION_HEADLINE, ...configurationLines(sample.configuration, sample.folder)]
    : [];
}

/** "switched off in .dipsample.yaml". */
export function switchedOffText(rule: SwitchedOffRule, folder: string): string {
  return rule.file ? `switched off in ${displayPath(rule.file, folder)}` : 'switched off';
}
