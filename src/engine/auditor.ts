import { CONFIG_FILE_NAME, MANIFEST_FILE_NAME } from './config/configSchema';
import { loadConfig, type IgnoreList, type MergedConfig } from './config/loadConfig';
import { loadManifest, type SampleManifest } from './config/loadManifest';
import { packReference, type PackReference } from './config/packReference';
import { auditText } from './audit';
import { findUp } from './findUp';
import { OutsideWorkspaceError, readOrReason, type EngineHost, type HostPaths } from './host';
import { SYNTAX_RULE, unauditedReport, type FileReport, type SampleMember } from './model';
import { problem, type Problem } from './problems';
import { readReviewFiles } from './reviews/readReviewFiles';
import { reviewProblems, SampleReviews } from './reviews/sampleReviews';
import { ParsedDocument } from './parse/document';
import { loadPack, type LoadedPack } from './rules/loadPack';
import { buildRuleSet, type PackSource, type RuleSet } from './rules/ruleSet';
import { checkManifest, manifestFields } from './sampling/manifestCheck';

export const DEFAULT_PACKS = ['core'];

/** Host-level defaults beneath every configuration file (the editor's settings). */
export interface AuditorDefaults {
  /** Packs run in addition to those the configuration names: built-in names or paths (relative to the working folder). */
  extraPacks?: string[];
  /** Zone for timestamps without an offset when no configuration sets one. */
  timeZone?: string;
  /** Audit from this reviewer's answers alone (`--reviewer`, the editor's setting). */
  reviewer?: string;
  /** Field paths whose values summaries break down by (`dipsample report --by`). */
  breakdownFields?: string[];
}

/**
 * Finds the configuration that governs each file (nearest `.dipsample.yaml`, else the nearest
 * sample manifest's packs, else the default pack), builds rule sets and audits files. Results are
 * cached per folder; call `invalidate` when a configuration, manifest or pack changes.
 */
export class Auditor {
  private readonly ruleSets = new Map<string, Promise<RuleSet>>();
  private readonly existing = new Map<string, Promise<boolean>>();
  private readonly packs = new Map<string, Promise<LoadedPack>>();
  private readonly reviews = new Map<string, Promise<SampleReviews>>();
  private readonly ignoreLists = new Map<string, Promise<IgnoreList[]>>();
  private readonly sampleFolders = new Map<string, Promise<string>>();

  constructor(
    private readonly host: EngineHost,
    private readonly defaults: AuditorDefaults = {},
  ) {}

  /** The rule set for a file, from the configuration discovered around it (or `configFile` if given). */
  ruleSetFor(file: string, configFile?: string): Promise<RuleSet> {
    const directory = this.host.path.dirname(file);
    const key = configFile ? `config:${configFile}` : `dir:${directory}`;
    let ruleSet = this.ruleSets.get(key);
    if (!ruleSet) {
      ruleSet = this.buildFor(directory, configFile);
      this.ruleSets.set(key, ruleSet);
    }
    return ruleSet;
  }

  /**
   * The `ignores` of the configuration that governs a folder (nearest `.dipsample.yaml` and what it
   * extends, or `configFile`), each list with the folder its globs are relative to. Problems in the
   * configuration are the rule set's to report; here they only mean fewer ignores.
   */
  async ignoresFor(directory: string, configFile?: string): Promise<IgnoreList[]> {
    const configPath = configFile ?? (await this.findUp(directory, CONFIG_FILE_NAME));
    if (!configPath) return [];
    let lists = this.ignoreLists.get(configPath);
    if (!lists) {
      lists = loadConfig(configPath, this.host).then((config) => config.ignores);
      this.ignoreLists.set(configPath, lists);
    }
    return lists;
  }

  /** Audits a file, from `text` when given (an unsaved editor buffer) or else from disk. */
  async auditFile(file: string, text?: string, configFile?: string): Promise<{ report: FileReport; ruleSet: RuleSet }> {
    const directory = this.host.path.dirname(file);
    const [ruleSet, content, reviews] = await Promise.all([
      this.ruleSetFor(file, configFile),
      this.contentOf(file, text),
      this.sampleFolderFor(directory).then((folder) => this.reviewsFor(folder)),
    ]);
    if (typeof content !== 'string') {
      const why = content.reason ? `File could not be read: ${content.reason}` : 'File could not be read';
      return { ruleSet, report: unauditedReport(file, SYNTAX_RULE, why) };
    }
    return { ruleSet, report: auditText(content, file, ruleSet, reviews) };
  }

  /** The folder of the sample a folder belongs to: the nearest sample manifest's, else the folder itself. */
  sampleFolderFor(directory: string): Promise<string> {
    // Asked once per file of a batch: the walk up is made once per folder until `invalidate`.
    let folder = this.sampleFolders.get(directory);
    if (!folder) {
      folder = this.findUp(directory, MANIFEST_FILE_NAME).then((manifest) =>
        manifest ? this.host.path.dirname(manifest) : directory,
      );
      this.sampleFolders.set(directory, folder);
    }
    return folder;
  }

  /** The review files of a sample folder (`reviews/*.review.yaml`), read once until invalidated. */
  reviewsFor(sampleFolder: string): Promise<SampleReviews> {
    let reviews = this.reviews.get(sampleFolder);
    if (!reviews) {
      reviews = readReviewFiles(this.host, sampleFolder).then(
        (files) => new SampleReviews(files, { reviewer: this.defaults.reviewer }),
      );
      this.reviews.set(sampleFolder, reviews);
    }
    return reviews;
  }

  /**
   * Every problem of a sample's review files: their own (syntax, schema, shape) and their entries'
   * against the rules the sample runs; with `references` (the sample's crime files, when all were
   * audited), references that are none of them.
   */
  async reviewProblemsFor(sampleFolder: string, references?: ReadonlySet<string>): Promise<Problem[]> {
    const reviews = await this.reviewsFor(sampleFolder);
    if (reviews.files.length === 0) return [];
    const ruleSet = await this.ruleSetFor(this.host.path.join(sampleFolder, 'sample.crime.yaml'));
    return [...reviews.problems, ...reviewProblems(reviews.files, ruleSet, references)];
  }

  /**
   * What a sample's files do not bear out of its manifest (warnings on sample.yaml): files outside
   * the period, strata or quotas not met, the declared size, drawn references with no file. `reports`
   * must be every crime file of the sample, audited.
   */
  async manifestProblemsFor(sampleFolder: string, reports: readonly SampleMember[]): Promise<Problem[]> {
    const manifest = await this.ownManifestOf(sampleFolder);
    if (!manifest || manifest.problems.length > 0) return [];
    const ruleSet = await this.ruleSetFor(this.host.path.join(sampleFolder, 'sample.crime.yaml'));
    return checkManifest(manifest, reports, ruleSet.timeZone);
  }

  /** The manifest in the sample folder itself (not one further up), which its files are checked against. */
  async ownManifestOf(sampleFolder: string): Promise<SampleManifest | undefined> {
    const manifest = await this.manifestFor(sampleFolder);
    return manifest && this.host.path.dirname(manifest.file) === sampleFolder ? manifest : undefined;
  }

  /** Forget the review files read (after one changed); rule sets stay. */
  invalidateReviews(): void {
    this.reviews.clear();
  }

  /** The text to audit; a file the host cannot read (gone, permissions, a device) is a reason, never a throw. */
  private async contentOf(file: string, text: string | undefined): Promise<string | { reason?: string }> {
    if (text !== undefined) return text;
    try {
      return (await this.host.readFile(file)) ?? {};
    } catch (error) {
      return { reason: error instanceof Error ? error.message : String(error) };
    }
  }

  /** The sample manifest governing a folder, if any. */
  async manifestFor(directory: string): Promise<SampleManifest | undefined> {
    const file = await this.findUp(directory, MANIFEST_FILE_NAME);
    return file ? loadManifest(file, this.host) : undefined;
  }

  /** Forget cached configurations and packs (after any of them changed). */
  invalidate(): void {
    this.ruleSets.clear();
    this.existing.clear();
    this.packs.clear();
    this.reviews.clear();
    this.ignoreLists.clear();
    this.sampleFolders.clear();
  }

  private async buildFor(directory: string, configFile?: string): Promise<RuleSet> {
    const configPath = configFile ?? (await this.findUp(directory, CONFIG_FILE_NAME));
    const config: MergedConfig = configPath
      ? await loadConfig(configPath, this.host)
      : { rules: new Map(), ignores: [], files: [], problems: [] };
    let references = config.packs;
    if (!references) {
      const manifest = configFile ? undefined : await this.manifestFor(directory);
      if (manifest) {
        config.problems.push(...manifest.problems);
        config.files.push(manifest.file);
      }
      references =
        manifest?.packs ?? DEFAULT_PACKS.map((spec) => ({ spec, builtin: spec, declaredIn: defaultDeclaration(spec) }));
    }
    for (const spec of this.defaults.extraPacks ?? []) {
      const reference = packReference(spec, this.host.path.resolve('.'), this.host.path, defaultDeclaration(spec));
      const known = references.some((r) => (r.file ?? r.builtin) === (reference.file ?? reference.builtin));
      if (!known) references = [...references, reference];
    }
    if (!config.timezone && this.defaults.timeZone) {
      config.timezone = { value: this.defaults.timeZone, ...defaultDeclaration('timezone'), path: [] };
    }
    const sources: PackSource[] = await Promise.all(
      references.map(async (reference) => {
        const file = reference.file ?? this.host.path.join(this.host.builtinRulesDir, `${reference.builtin}.pack.yaml`);
        return { reference, file, loaded: await this.loadPackFile(file, reference) };
      }),
    );
    const ruleSet = buildRuleSet(config, sources);
    const manifest = configFile ? undefined : await this.manifestFor(directory);
    // The values the manifest checks and the breakdowns asked for are read off each file as it is audited.
    const sampleFields = [
      ...new Set([...(manifest ? manifestFields(manifest) : []), ...(this.defaults.breakdownFields ?? [])]),
    ];
    return sampleFields.length > 0 ? { ...ruleSet, sampleFields } : ruleSet;
  }

  private loadPackFile(file: string, reference: PackReference): Promise<LoadedPack> {
    let loaded = this.packs.get(file);
    if (!loaded) {
      loaded = readOrReason(this.host.readFile, file).then((text) => {
        if (typeof text === 'string') return loadPack(text, file);
        const { declaredIn } = reference;
        const range = declaredIn.document.locate(declaredIn.path).range;
        if (text instanceof Error) {
          return {
            problems: [
              problem(
                'unreadable-file',
                declaredIn.file,
                range,
                `Rule pack could not be read: ${reference.spec}: ${text.message}`,
              ),
            ],
          };
        }
        const missing = reference.builtin
          ? problem('unknown-pack', declaredIn.file, range, `No built-in rule pack "${reference.builtin}"`)
          : problem('file-not-found', declaredIn.file, range, `Rule pack not found: ${reference.spec} (${file})`);
        return { problems: [missing] };
      });
      this.packs.set(file, loaded);
    }
    return loaded;
  }

  /** Nearest `name` in `directory` or any parent folder. */
  private async findUp(directory: string, name: string): Promise<string | undefined> {
    const folder = await findUp(
      directory,
      (candidate) => this.exists(this.host.path.join(candidate, name)),
      this.host.path,
    );
    return folder === undefined ? undefined : this.host.path.join(folder, name);
  }

  /** Whether a file exists, asked of the host once per file until `invalidate`. */
  private exists(file: string): Promise<boolean> {
    let found = this.existing.get(file);
    if (!found) {
      // A file that is there but unreadable still governs its folder: loading it reports why.
      found = readOrReason(this.host.readFile, file).then(
        (text) => text !== undefined && !(text instanceof OutsideWorkspaceError),
      );
      this.existing.set(file, found);
    }
    return found;
  }
}

function defaultDeclaration(spec: string) {
  return { file: '(settings)', document: new ParsedDocument('', 'yaml'), path: [spec] };
}

/** Where a rule's doc page lives: `docs/<id>.md` beside the pack that declares it. */
export function ruleDocPath(rule: { id: string; file: string }, paths: Pick<HostPaths, 'dirname' | 'join'>): string {
  return paths.join(paths.dirname(rule.file), 'docs', `${rule.id}.md`);
}
