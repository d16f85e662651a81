import Module from 'node:module';
import * as path from 'node:path';

/**
 * Makes `vscode` resolve to the stub (./vscode.ts) for the rest of this process: import this first,
 * before anything that imports `vscode` (unit tests of src/vscode, the benchmark).
 */
const stub = path.join(__dirname, 'vscode.ts');
const original = (Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string })
  ._resolveFilename;
(Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string })._resolveFilename =
  function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? stub : original.call(this, request, ...rest);
  };
