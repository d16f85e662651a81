import type { FileReport, RuleSet, SampleManifest } from '../engine';
import type {
  ConfigurationNotice,
  FileRow,
  ReviewRow,
  RuleRow,
  RuleSummary,
  SampleInfo,
  SampleOverview,
  SampleReport,
  SwitchedOffRule,
} from './model';
import { decisionText } from './wording';
import type { SampleTally } from './sampleTally';
import { actionList } from './actionList';
import { outcomeTally } from './outcomeTally';
import { failedPercent } from './share';
import { timeliness } from './timeliness';
import { wilsonInterval } from './wilson';

/** The sample's header from its manifest (if any), named after the folder otherwise. */
export function sampleInfo(
  folder: string,
  manifest: SampleManifest | undefined,
  ruleSets: readonly RuleSet[],
): SampleInfo {
  const packs = [...new Set(ruleSets.flatMap((ruleSet) => ruleSet.packs.map((pack) => pack.pack)))];
  const info: SampleInfo = { name: manifest?.name ?? baseName(folder), folder, packs };
  const configuration = configurationNotice(ruleSets);
  if (configuration) info.configuration = configuration;
  const switchedOff = switchedOffRules(ruleSets);
  if (switchedOff.length > 0) info.switchedOff = switchedOff;
  if (manifest && manifest.problems.length === 0) {
    info.manifest = manifest.file;
    if (manifest.force) info.force = manifest.force;
    if (manifest.description) info.description = manifest.description;
    if (manifest.period) info.period = { ...manifest.period };
    if (manifest.selection)
      info.selection = { method: manifest.selection.method, description: manifest.selection.description };
    if (manifest.size !== undefined) info.declaredSize = manifest.size;
  }
  return info;
}

/**
 * What the rule sets' configuration problems left out: packs not loaded, rules not compiled,
 * configuration files not applied, and every problem once. Undefined when there are none.
 */
export function configurationNotice(ruleSets: readonly RuleSet[]): ConfigurationNotice | undefined {
  const problems = new Map<string, { file: string; line: number; message: string }>();
  const unloadedPacks = new Set<string>();
  const brokenRules = new Set<string>();
  const unusableFiles = new Set<string>();
  for (const ruleSet of ruleSets) {
    for (const problem of ruleSet.problems) {
      const entry = { file: problem.file, line: problem.range.start.line, message: problem.message };
      problems.set(`${entry.file}\u0000${entry.line}\u0000${entry.message}`, entry);
    }
    for (const spec of ruleSet.unloadedPacks ?? []) unloadedPacks.add(spec);
    for (const file of ruleSet.unusableConfigs ?? []) unusableFiles.add(file);
    const running = new Set([...ruleSet.rules.map((rule) => rule.id), ...ruleSet.disabled]);
    for (const pack of ruleSet.packs)
      for (const rule of pack.rules) if (!running.has(rule.id)) brokenRules.add(rule.id);
  }
  if (problems.size === 0 && unloadedPacks.size === 0 && brokenRules.size === 0 && unusableFiles.size === 0)
    return undefined;
  return {
    problems: [...problems.values()],
    unloadedPacks: [...unloadedPacks],
    brokenRules: [...brokenRules],
    unusableFiles: [...unusableFiles],
  };
}

/** Rules switched off by any of the rule sets, each once, in pack order, with the file that did it. */
export function switchedOffRules(ruleSets: readonly RuleSet[]): SwitchedOffRule[] {
  const rows = new Map<string, SwitchedOffRule>();
  for (const ruleSet of ruleSets) {
    const off = new Set(ruleSet.disabled);
    for (const pack of ruleSet.packs)
      for (const rule of pack.rules)
        if (off.has(rule.id) && !rows.has(rule.id))
          rows.set(rule.id, {
            rule: rule.id,
            title: rule.title,
            pack: pack.pack,
            file: ruleSet.disabledIn?.[rule.id] ?? '',
          });
  }
  return [...rows.values()];
}

export function overviewOf(sample: SampleInfo, tally: SampleTally): SampleOverview {
  const summary = tally.summary();
  const packOf = new Map<string, { pack: string; judgment: boolean }>();
  for (const ruleSet of tally.ruleSets) {
    for (const pack of ruleSet.packs)
      for (const rule of pack.rules)
        if (!packOf.has(rule.id)) packOf.set(rule.id, { pack: pack.pack, judgment: false });
    for (const rule of ruleSet.rules) {
      const known = packOf.get(rule.id);
      if (known) known.judgment = rule.check === undefined;
    }
  }
  const rules = summary.rules.map((rule) => ruleRow(rule, packOf.get(rule.rule)));
  return {
    sample,
    totals: {
      files: summary.files,
      filesWithSyntaxErrors: summary.filesWithSyntaxErrors,
      filesWithSchemaErrors: summary.filesWithSchemaErrors,
      filesWithInternalErrors: summary.filesWithInternalErrors,
      filesWithFindings: tally.withFindings,
      findings: summary.findings,
    },
    rules,
    verdicts: summary.verdicts,
    breakdowns: tally.breakdowns(),
    outcomes: outcomeTally(tally.files()),
    timeliness: timeliness([...tally.files()], tally.definitions),
    actions: actionList(rules, tally.ruleSets),
  };
}

export function sampleReport(sample: SampleInfo, tally: SampleTally): SampleReport {
  const files: FileRow[] = [];
  for (const report of tally.files()) if (report.findings.length > 0) files.push(fileRow(report, sample.folder));
  files.sort((a, b) => a.name.localeCompare(b.name));
  const reviews: ReviewRow[] = [];
  for (const report of tally.files()) reviews.push(...reviewRows(report, sample.folder));
  reviews.sort((a, b) => a.name.localeCompare(b.name));
  return { ...overviewOf(sample, tally), files, reviews };
}

/** A file's reviewed and disputed results as rows (rule order kept). */
export function reviewRows(report: FileReport, folder: string): ReviewRow[] {
  const rows: ReviewRow[] = [];
  for (const result of report.results) {
    if (result.reviewer === undefined && !result.disputed) continue;
    const overridden =
      result.machineOutcome !== undefined && result.machineOutcome !== result.outcome && !result.disputed;
    rows.push({
      path: report.path,
      name: relativeName(report.path, folder),
      ...(report.reference !== undefined ? { reference: report.reference } : {}),
      rule: result.rule,
      outcome: result.outcome,
      ...(result.machineOutcome !== undefined ? { machineOutcome: result.machineOutcome } : {}),
      ...(result.judgment !== undefined ? { judgment: result.judgment } : {}),
      reviewers: result.disputed
        ? result.disputed.map((position) => position.reviewer)
        : (result.reviewers ?? [result.reviewer as string]),
      ...(result.note !== undefined ? { note: result.note } : {}),
      overridden,
      disputed: result.disputed !== undefined,
      ...(result.disputed
        ? { note: result.disputed.flatMap((p) => (p.note ? [`${p.reviewer}: ${p.note}`] : [])).join('; ') }
        : {}),
      text: decisionText(result),
    });
  }
  return rows;
}

export function ruleRow(rule: RuleSummary, origin?: { pack: string; judgment: boolean }): RuleRow {
  const applicable = rule.failed + rule.passed;
  const row: RuleRow = { ...rule, pack: origin?.pack ?? '', judgment: origin?.judgment ?? false, applicable };
  const share = failedPercent(rule);
  if (share !== undefined) {
    row.failedPercent = share;
    row.interval = wilsonInterval(rule.failed, applicable);
  }
  return row;
}

export function fileRow(report: FileReport, folder: string): FileRow {
  const row: FileRow = {
    path: report.path,
    name: relativeName(report.path, folder),
    syntaxError: report.syntaxError,
    schemaError: report.schemaError,
    findings: report.findings.map(({ rule, severity, message, range }) => ({ rule, severity, message, range })),
  };
  if (report.reference !== undefined) row.reference = report.reference;
  if (report.facts?.category !== undefined) row.category = report.facts.category;
  if (report.facts?.attendance !== undefined) row.attendance = report.facts.attendance;
  if (report.facts?.domesticAbuse !== undefined) row.domesticAbuse = report.facts.domesticAbuse;
  return row;
}

/** `file` relative to `folder` with forward slashes (engine code stays free of platform path rules). */
export function relativeName(file: string, folder: string): string {
  const normalise = (p: string) => p.replace(/\\/g, '/');
  const base = normalise(folder).replace(/\/+$/, '') + '/';
  const target = normalise(file);
  return target.startsWith(base) ? target.slice(base.length) : target;
}

function baseName(folder: string): string {
  const parts = folder.replace(/\\/g, '/').replace(/\/+$/, '').split('/');
  return parts[parts.length - 1] || folder;
}
