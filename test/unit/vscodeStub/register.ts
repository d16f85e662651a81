import Module from 'node:module';
import * as path from 'node:path';

/** Resolve `vscode` to the stub for the rest of this process (benchmarks only). */
const stub = path.join(__dirname, 'vscodeStub.ts');
const original = (Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string })
  ._resolveFilename;
(Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string })._resolveFilename =
  function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? stub : original.call(this, request, ...rest);
  };
