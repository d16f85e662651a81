import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { OutsideWorkspaceError, type EngineHost } from '../engine';

/**
 * The host of an untrusted workspace: it reads only files inside `folders` (and the built-in packs),
 * judged by their real path, so neither `../` in `extends` or `packs`, an absolute path, nor a
 * symbolic link can reach a file elsewhere. Anything else throws OutsideWorkspaceError unread.
 */
export function confineToFolders(host: EngineHost, folders: readonly string[]): EngineHost {
  const allowed = Promise.all([...folders, host.builtinRulesDir].map((folder) => realFolder(folder)));
  return {
    ...host,
    async readFile(file) {
      const real = await fs.realpath(file).catch(() => path.resolve(file));
      if (!(await allowed).some((folder) => isInside(real, folder))) throw new OutsideWorkspaceError(file);
      return host.readFile(file);
    },
    async listFiles(folder) {
      const real = await fs.realpath(folder).catch(() => path.resolve(folder));
      if (!host.listFiles || !(await allowed).some((allowedFolder) => isInside(real, allowedFolder))) return [];
      return host.listFiles(folder);
    },
  };
}

async function realFolder(folder: string): Promise<string> {
  return fs.realpath(folder).catch(() => path.resolve(folder));
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}
