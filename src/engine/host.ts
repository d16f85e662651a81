/** What the engine needs from its host (Node's fs for the CLI, the workspace for the extension, memory in tests). */

/** A file's text, or undefined when it does not exist. */
export type ReadFile = (file: string) => Promise<string | undefined>;

/**
 * Path operations as the host's platform does them (Node's `path` satisfies this). The engine never
 * imports a platform module: paths it builds must match the host's own (drive letters, separators).
 */
export interface HostPaths {
  dirname(path: string): string;
  basename(path: string): string;
  join(...parts: string[]): string;
  resolve(...parts: string[]): string;
  isAbsolute(path: string): boolean;
}

export interface EngineHost {
  readFile: ReadFile;
  /** Folder holding the built-in packs (`<name>.pack.yaml`). */
  builtinRulesDir: string;
  path: HostPaths;
  /**
   * Names of the files in a folder (not recursive; empty when there is no such folder). Hosts
   * without it have no review files.
   */
  listFiles?: (folder: string) => Promise<string[]>;
}

/** A file's text; undefined when it does not exist; an Error saying why when it cannot be read. */
export async function readOrReason(readFile: ReadFile, file: string): Promise<string | undefined | Error> {
  try {
    return await readFile(file);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * Thrown by a host that will not read a file outside the folders it was confined to (an untrusted
 * workspace): the engine treats the file as absent when walking up for configurations, and as a
 * located problem when a pack or `extends` names it. No byte of it is read, so none is quoted.
 */
export class OutsideWorkspaceError extends Error {
  constructor(readonly file: string) {
    super('outside the workspace (not read in an untrusted workspace)');
  }
}
