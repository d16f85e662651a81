import type { PathSegment } from '../model';
import type { ParsedDocument } from '../parse/document';
import type { HostPaths } from '../host';

/** Where a setting was written, to locate problems with it. */
export interface Declaration {
  file: string;
  document: ParsedDocument;
  path: PathSegment[];
}

/** A rule pack named in a configuration, manifest or setting: a built-in name or a file. */
export interface PackReference {
  spec: string;
  /** Built-in pack name, or undefined for a file path. */
  builtin?: string;
  /** Absolute pack file, for a path. */
  file?: string;
  declaredIn: Declaration;
}

/** A pack spec names a file when it has a path separator or a .yaml/.yml/.json extension; otherwise a built-in pack. */
export function isPackPath(spec: string): boolean {
  return /[\\/]/.test(spec) || /\.(ya?ml|json)$/i.test(spec);
}

/** The reference a spec makes, a path resolved against `baseDirectory` (the folder of the file naming it). */
export function packReference(
  spec: string,
  baseDirectory: string,
  paths: Pick<HostPaths, 'resolve'>,
  declaredIn: Declaration,
): PackReference {
  return isPackPath(spec)
    ? { spec, file: paths.resolve(baseDirectory, spec), declaredIn }
    : { spec, builtin: spec, declaredIn };
}
