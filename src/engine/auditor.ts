import * as path from 'node:path';
import { CONFIG_FILE_NAME, MANIFEST_FILE_NAME } from './config/configSchema';
import { loadConfig, type MergedConfig, type PackReference, type ReadFile } from './config/loadConfig';
import { loadManifest, type SampleManifest } from './config/loadManifest';
import { auditText } from './audit';
import type { FileReport } from './model';
import { ParsedDocument } from './parse/document';
import { loadPack, type LoadedPack } from './rules/loadPack';
import { buildRuleSet, type PackSource, type RuleSet } from './rules/ruleSet';

/** What the engine needs from its host (Node's fs for the CLI, workspace.fs for the extension). */
export interface EngineHost {
  /** The file's text, or undefined when it does not exist. */
  readFile: ReadFile;
  /** Folder holding the built-in packs (`<name>.pack.yaml`). */
  builtinRulesDir: string;
}

export const DEFAULT_PACKS = ['core'];

/**
 * Finds the configuration that governs each file (nearest `.dipsample.yaml`, else the nearest
 * sample manifest's packs, else the default pack), builds rule sets and audits files. Results are
 * cached per folder; call `invalidate` when a configuration, manifest or pack changes.
 */
export class Auditor {
  private readonly ruleSets = new Map<string, Promise<RuleSet>>();
  private readonly nearest = new Map<string, Promise<string | undefined>>();
  private readonly packs = new Map<string, Promise<LoadedPack>>();

  constructor(private readonly host: EngineHost) {}

  /** The rule set for a file, from the configuration discovered around it (or `configFile` if given). */
  ruleSetFor(file: string, configFile?: string): Promise<RuleSet> {
    const key = configFile ? `config:${configFile}` : `dir:${path.dirname(file)}`;
    let ruleSet = this.ruleSets.get(key);
    if (!ruleSet) {
      ruleSet = this.buildFor(path.dirname(file), configFile);
      this.ruleSets.set(key, ruleSet);
    }
    return ruleSet;
  }

  /** Audits a file, from `text` when given (an unsaved editor buffer) or else from disk. */
  async auditFile(file: string, text?: string, configFile?: string): Promise<{ report: FileReport; ruleSet: RuleSet }> {
    const [ruleSet, content] = await Promise.all([this.ruleSetFor(file, configFile), text ?? this.host.readFile(file)]);
    if (content === undefined) {
      return {
        ruleSet,
        report: {
          path: file,
          findings: [{ rule: 'syntax', severity: 'error', message: 'File could not be read', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, path: [] }],
          results: [],
          syntaxError: true,
          schemaError: false,
        },
      };
    }
    return { ruleSet, report: auditText(content, file, ruleSet) };
  }

  /** The sample manifest governing a folder, if any. */
  async manifestFor(directory: string): Promise<SampleManifest | undefined> {
    const file = await this.findUp(directory, MANIFEST_FILE_NAME);
    return file ? loadManifest(file, this.host.readFile) : undefined;
  }

  /** Forget cached configuration; with a file, only if it could matter (config, manifest, pack). */
  invalidate(): void {
    this.ruleSets.clear();
    this.nearest.clear();
    this.packs.clear();
  }

  private async buildFor(directory: string, configFile?: string): Promise<RuleSet> {
    const configPath = configFile ?? (await this.findUp(directory, CONFIG_FILE_NAME));
    const config: MergedConfig = configPath ? await loadConfig(configPath, this.host.readFile) : { rules: new Map(), files: [], problems: [] };
    let references = config.packs;
    if (!references) {
      const manifest = configFile ? undefined : await this.manifestFor(directory);
      if (manifest) {
        config.problems.push(...manifest.problems);
        config.files.push(manifest.file);
      }
      references = manifest?.packs ?? DEFAULT_PACKS.map((spec) => ({ spec, builtin: spec, declaredIn: defaultDeclaration(spec) }));
    }
    const sources: PackSource[] = await Promise.all(
      references.map(async (reference) => {
        const file = reference.file ?? path.join(this.host.builtinRulesDir, `${reference.builtin}.pack.yaml`);
        return { reference, file, loaded: await this.loadPackFile(file, reference) };
      }),
    );
    return buildRuleSet(config, sources);
  }

  private loadPackFile(file: string, reference: PackReference): Promise<LoadedPack> {
    let loaded = this.packs.get(file);
    if (!loaded) {
      loaded = this.host.readFile(file).then((text) => {
        if (text !== undefined) return loadPack(text, file);
        const { declaredIn } = reference;
        const what = reference.builtin ? `No built-in rule pack "${reference.builtin}"` : `Rule pack not found: ${reference.spec} (${file})`;
        return { problems: [{ file: declaredIn.file, range: declaredIn.document.locate(declaredIn.path).range, severity: 'error' as const, message: what }] };
      });
      this.packs.set(file, loaded);
    }
    return loaded;
  }

  /** Nearest `name` in `directory` or any parent folder. */
  private findUp(directory: string, name: string): Promise<string | undefined> {
    const key = `${name}\0${directory}`;
    let found = this.nearest.get(key);
    if (!found) {
      found = (async () => {
        const candidate = path.join(directory, name);
        if ((await this.host.readFile(candidate)) !== undefined) return candidate;
        const parent = path.dirname(directory);
        return parent === directory ? undefined : this.findUp(parent, name);
      })();
      this.nearest.set(key, found);
    }
    return found;
  }
}

function defaultDeclaration(spec: string) {
  return { file: '(default)', document: new ParsedDocument('', 'yaml'), path: [spec] };
}
