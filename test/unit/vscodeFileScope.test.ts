// Which crime files the editor leaves out (src/vscode/fileScope.ts): `dipsample.files.include` /
// `exclude` relative to the workspace folder, and the `.dipsample.yaml` ignores relative to each
// configuration's folder, in the CLI's pattern language.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import type { IgnoreList } from '../../src/engine';
import { fileScope } from '../../src/vscode/fileScope';

const WS = path.resolve('/ws');
const at = (...parts: string[]) => path.join(WS, ...parts);
const none = async (): Promise<IgnoreList[]> => [];

describe('vscode: file scope', () => {
  it('leaves nothing out by default', async () => {
    const leftOut = fileScope(WS, { include: [], exclude: [] }, none);
    assert.equal(await leftOut(at('a', 'A.crime.yaml')), false);
  });

  it('excludes and includes by .gitignore-style globs relative to the workspace folder', async () => {
    const leftOut = fileScope(WS, { include: ['samples/'], exclude: ['**/drafts/', '*.old.crime.yaml'] }, none);
    assert.equal(await leftOut(at('samples', 'A.crime.yaml')), false);
    assert.equal(await leftOut(at('other', 'B.crime.yaml')), true, 'outside include');
    assert.equal(await leftOut(at('samples', 'drafts', 'C.crime.yaml')), true, 'excluded folder');
    assert.equal(await leftOut(at('samples', 'x', 'D.old.crime.yaml')), true, 'excluded name at any depth');
  });

  it("applies the configuration's ignores relative to its own folder", async () => {
    const lists: IgnoreList[] = [{ base: at('force'), patterns: ['/drafts/'], file: at('force', '.dipsample.yaml') }];
    const asked: string[] = [];
    const leftOut = fileScope(WS, { include: [], exclude: [] }, async (directory) => {
      asked.push(directory);
      return lists;
    });
    assert.equal(await leftOut(at('force', 'drafts', 'A.crime.yaml')), true);
    // Anchored to the configuration's folder: a drafts folder deeper down is not matched.
    assert.equal(await leftOut(at('force', 'sample', 'drafts', 'B.crime.yaml')), false);
    assert.deepEqual(asked, [at('force', 'drafts'), at('force', 'sample', 'drafts')]);
  });

  it('a file outside every workspace folder has only the ignores; a configuration that fails to load, none', async () => {
    const outside = path.resolve('/tmp/one.crime.yaml');
    const leftOut = fileScope(undefined, { include: ['nothing/'], exclude: ['**'] }, async () => {
      throw new Error('unreadable');
    });
    assert.equal(await leftOut(outside), false);
  });
});
