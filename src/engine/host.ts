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
}

/** A file's text; undefined when it does not exist; an Error saying why when it cannot be read. */
export async function readOrReason(readFile: ReadFile, file: string): Promise<string | undefined | Error> {
  try {
    return await readFile(file);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
