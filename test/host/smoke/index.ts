// extensionTestsPath entry: the VS Code extension host requires this file and calls run().
import { runMochaIn } from '../runner';

export function run(): Promise<void> {
  return runMochaIn(__dirname);
}
