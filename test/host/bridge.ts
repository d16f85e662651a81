// A small file-based bridge from the extension host (Node, same machine) to the Playwright harness
// (scripts/run-vscode-tests.mjs), for what only the browser side can do: screenshots, reading the
// rendered workbench (status bar, webviews).
import * as fs from 'fs';
import * as path from 'path';

let seq = 0;

export function bridgeAvailable(): boolean {
  return !!process.env.DIPSAMPLE_BRIDGE_DIR;
}

/** Sends `op` to the harness and waits for its answer (ops: screenshot { name }, text { selector, contains }). */
export async function askHarness<T = unknown>(
  op: string,
  args: Record<string, unknown>,
  timeoutMs = 20000,
): Promise<T> {
  const dir = process.env.DIPSAMPLE_BRIDGE_DIR;
  if (!dir) throw new Error('DIPSAMPLE_BRIDGE_DIR is not set (not run by scripts/run-vscode-tests.mjs)');
  const id = `${process.pid}-${++seq}`;
  fs.writeFileSync(path.join(dir, `req-${id}.json.tmp`), JSON.stringify({ op, args }));
  fs.renameSync(path.join(dir, `req-${id}.json.tmp`), path.join(dir, `req-${id}.json`));
  const resFile = path.join(dir, `res-${id}.json`);
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    if (fs.existsSync(resFile)) {
      const res = JSON.parse(fs.readFileSync(resFile, 'utf8')) as { result?: T; error?: string };
      fs.unlinkSync(resFile);
      if (res.error) throw new Error(`harness: ${res.error}`);
      return res.result as T;
    }
    await new Promise((r) => setTimeout(r, 100)); // polling a file the harness writes, not a wait for the extension
  }
  throw new Error(`the harness did not answer ${op} within ${timeoutMs} ms`);
}
