import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { EngineHost } from '../engine';

/** The engine's host on Node: files from disk, built-in packs from the package's `rules/` folder. */
export function nodeHost(builtinRulesDir = findRulesDir()): EngineHost {
  return {
    builtinRulesDir,
    path,
    async readFile(file) {
      try {
        return await fs.readFile(file, 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
        throw error;
      }
    },
  };
}

/** The package's `rules/` folder: beside `dist/` when bundled, above `src/node/` when run from source. */
export function findRulesDir(start = __dirname): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'rules', 'core.pack.yaml');
    if (existsSync(candidate)) return path.dirname(candidate);
    if (path.dirname(dir) === dir) throw new Error(`Cannot find the built-in rule packs above ${start}`);
  }
}
