import type { ValidateFunction } from 'ajv';
import manifestSchema from '../../../rules/schemas/sample-manifest.schema.json';
import { ParsedDocument } from '../parse/document';
import { sharedAjv } from '../schemas/ajv';
import { schemaViolations, syntaxProblems } from '../schemas/documentProblems';
import { readOrReason } from '../host';
import { problem, type Problem } from '../problems';
import type { ConfigHost } from './loadConfig';
import { packReference, type PackReference } from './packReference';

/** A sample's `sample.yaml`: who drew it, how, and which rule packs it is meant to be audited with. */
export interface SampleManifest {
  file: string;
  name?: string;
  force?: string;
  description?: string;
  period?: { from?: string; to?: string; basis?: string };
  selection?: { method?: string; description?: string };
  size?: number;
  packs?: PackReference[];
  /** The manifest as parsed, for locating what the sample's files do not bear out (absent when unreadable). */
  document?: ParsedDocument;
  problems: Problem[];
}

let validateManifest: ValidateFunction | undefined;

export async function loadManifest(file: string, host: ConfigHost): Promise<SampleManifest | undefined> {
  const text = await readOrReason(host.readFile, file);
  if (text === undefined) return undefined;
  if (text instanceof Error) {
    const start = { line: 0, character: 0 };
    return {
      file,
      problems: [
        problem('unreadable-file', file, { start, end: start }, `Sample manifest could not be read: ${text.message}`),
      ],
    };
  }
  const document = new ParsedDocument(text, 'yaml');
  const problems: Problem[] = syntaxProblems(file, document);
  if (problems.length > 0) return { file, problems };
  validateManifest ??= sharedAjv().compile(manifestSchema);
  problems.push(...schemaViolations(file, document, validateManifest, 'Sample manifest'));
  if (problems.length > 0) return { file, problems };
  const manifest = document.value as Omit<SampleManifest, 'file' | 'packs' | 'problems'> & { packs?: string[] };
  const directory = host.path.dirname(file);
  return {
    ...manifest,
    file,
    document,
    packs: manifest.packs?.map((spec, index) =>
      packReference(spec, directory, host.path, { file, document, path: ['packs', index] }),
    ),
    problems,
  };
}
