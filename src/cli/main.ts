import './sizeHeap';
import { readStream } from '../node/readStream';
import { runCli } from './cli';

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  progress: Boolean(process.stderr.isTTY),
  cwd: process.cwd(),
  readStdin: () => readStream(process.stdin),
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  env: process.env,
}).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(
      `dipsample: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 3;
  },
);
