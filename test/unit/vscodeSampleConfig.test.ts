// Which .dipsample.yaml a "for this sample" quick fix writes (src/vscode/sampleConfig.ts), in plain
// Node over in-memory folders: the sample's own, never a parent's that other samples share; a new
// one extends the parent so the force's other settings still apply.
import { strict as assert } from 'node:assert';
import { parse } from 'yaml';
import { Auditor } from '../../src/engine';
import {
  sampleConfigTarget,
  sampleConfigText,
  sampleFolderPath,
  type SampleConfigTarget,
} from '../../src/vscode/sampleConfig';
import { memoryHost } from './helpers';

/** `exists` over a set of files (POSIX paths), recording what was asked. */
function filesExist(files: Iterable<string>) {
  const set = new Set(files);
  const asked: string[] = [];
  const exists = async (file: string) => {
    asked.push(file);
    return set.has(file);
  };
  return { exists, asked };
}

const FORCE_CONFIG = '# Force-wide policy\ntimezone: Europe/London\nrules:\n  advice-given: warning # policy 3.1\n';
const MANIFEST = 'format: dip-sample/1\nname: A sample\npacks: [core]\n';

describe('vscode: the sample configuration a quick fix writes', () => {
  describe('sampleFolderPath', () => {
    it("is the nearest folder with a sample.yaml at or above the file's folder", async () => {
      const { exists } = filesExist(['/ws/force/a/sample.yaml', '/ws/sample.yaml']);
      assert.equal(await sampleFolderPath('/ws/force/a/sub/x.crime.yaml', exists, '/ws'), '/ws/force/a');
      assert.equal(await sampleFolderPath('/ws/force/a/x.crime.yaml', exists, '/ws'), '/ws/force/a');
      assert.equal(await sampleFolderPath('/ws/force/b/x.crime.yaml', exists, '/ws'), '/ws', 'the root counts');
    });

    it("is the file's own folder when there is no sample.yaml", async () => {
      const { exists } = filesExist([]);
      assert.equal(await sampleFolderPath('/ws/force/a/x.crime.yaml', exists, '/ws'), '/ws/force/a');
    });

    it('never looks above the workspace folder', async () => {
      const { exists, asked } = filesExist(['/sample.yaml', '/outside/sample.yaml']);
      assert.equal(await sampleFolderPath('/outside/ws/a/x.crime.yaml', exists, '/outside/ws'), '/outside/ws/a');
      assert.deepEqual(asked, ['/outside/ws/a/sample.yaml', '/outside/ws/sample.yaml']);
    });

    it("without a workspace folder (or outside it) looks only at the file's own folder", async () => {
      const { exists, asked } = filesExist(['/x/sample.yaml']);
      assert.equal(await sampleFolderPath('/x/a/f.crime.yaml', exists), '/x/a');
      assert.equal(await sampleFolderPath('/x/a/f.crime.yaml', exists, '/elsewhere'), '/x/a');
      assert.equal(await sampleFolderPath('/x/a/f.crime.yaml', exists, '/x/ab'), '/x/a');
      assert.deepEqual(asked, ['/x/a/sample.yaml', '/x/a/sample.yaml', '/x/a/sample.yaml']);
    });
  });

  describe('sampleConfigTarget', () => {
    it("edits the sample folder's own .dipsample.yaml", async () => {
      const { exists } = filesExist([
        '/ws/force/.dipsample.yaml',
        '/ws/force/a/sample.yaml',
        '/ws/force/a/.dipsample.yaml',
      ]);
      assert.deepEqual(await sampleConfigTarget('/ws/force/a/sub/x.crime.yaml', exists, '/ws'), {
        file: '/ws/force/a/.dipsample.yaml',
        exists: true,
      });
    });

    it('edits a configuration between the file and its sample folder: it is the one that governs the file', async () => {
      const { exists } = filesExist(['/ws/a/sample.yaml', '/ws/a/.dipsample.yaml', '/ws/a/sub/.dipsample.yaml']);
      assert.deepEqual(await sampleConfigTarget('/ws/a/sub/x.crime.yaml', exists, '/ws'), {
        file: '/ws/a/sub/.dipsample.yaml',
        exists: true,
      });
    });

    it("never a parent's: creates one in the sample folder that extends the parent", async () => {
      const { exists } = filesExist([
        '/ws/force/.dipsample.yaml',
        '/ws/force/a/sample.yaml',
        '/ws/force/b/sample.yaml',
      ]);
      assert.deepEqual(await sampleConfigTarget('/ws/force/a/x.crime.yaml', exists, '/ws'), {
        file: '/ws/force/a/.dipsample.yaml',
        exists: false,
        extends: '../.dipsample.yaml',
      });
      assert.deepEqual(await sampleConfigTarget('/ws/force/a/deep/er/x.crime.yaml', exists, '/ws'), {
        file: '/ws/force/a/.dipsample.yaml',
        exists: false,
        extends: '../.dipsample.yaml',
      });
    });

    it('extends the nearest parent however far up, even above the workspace folder (as the engine looks)', async () => {
      const { exists } = filesExist(['/.dipsample.yaml', '/org/.dipsample.yaml', '/org/ws/force/a/sample.yaml']);
      assert.deepEqual(await sampleConfigTarget('/org/ws/force/a/x.crime.yaml', exists, '/org/ws'), {
        file: '/org/ws/force/a/.dipsample.yaml',
        exists: false,
        extends: '../../../.dipsample.yaml',
      });
    });

    it("without a sample.yaml, the file's own folder is the sample", async () => {
      const { exists } = filesExist(['/ws/force/.dipsample.yaml']);
      assert.deepEqual(await sampleConfigTarget('/ws/force/misc/x.crime.yaml', exists, '/ws'), {
        file: '/ws/force/misc/.dipsample.yaml',
        exists: false,
        extends: '../.dipsample.yaml',
      });
    });

    it('creates a plain one when no configuration governs the sample', async () => {
      const { exists } = filesExist(['/ws/training/sample.yaml']);
      assert.deepEqual(await sampleConfigTarget('/ws/training/x.crime.yaml', exists, '/ws'), {
        file: '/ws/training/.dipsample.yaml',
        exists: false,
      });
    });

    it('a sample at the file-system root has no parent', async () => {
      const { exists } = filesExist(['/sample.yaml']);
      assert.deepEqual(await sampleConfigTarget('/x.crime.yaml', exists, '/'), {
        file: '/.dipsample.yaml',
        exists: false,
      });
    });
  });

  describe('sampleConfigText', () => {
    const own: SampleConfigTarget = { file: '/ws/a/.dipsample.yaml', exists: true };
    const extending: SampleConfigTarget = {
      file: '/ws/force/a/.dipsample.yaml',
      exists: false,
      extends: '../.dipsample.yaml',
    };

    it('edits an existing file in place, comments kept', () => {
      const text = sampleConfigText(own, FORCE_CONFIG, 'supervision-recorded', 'off')!;
      assert.ok(text.includes('# Force-wide policy') && text.includes('# policy 3.1'), text);
      assert.deepEqual(parse(text), {
        timezone: 'Europe/London',
        rules: { 'advice-given': 'warning', 'supervision-recorded': 'off' },
      });
    });

    it('never writes over a configuration that does not parse, or one it could not read', () => {
      assert.equal(sampleConfigText(own, 'rules: [unclosed\n', 'supervision-recorded', 'off'), undefined);
      assert.equal(sampleConfigText(own, '- a list\n', 'supervision-recorded', 'off'), undefined);
      assert.equal(sampleConfigText(own, undefined, 'supervision-recorded', 'off'), undefined);
    });

    it('a new file extends the parent and sets the rule', () => {
      const text = sampleConfigText(extending, undefined, 'supervision-recorded', 'hint')!;
      assert.deepEqual(parse(text), { extends: '../.dipsample.yaml', rules: { 'supervision-recorded': 'hint' } });
      assert.match(text, /^# /, 'it says why it extends');
    });

    it('quotes an extends path YAML would misread', () => {
      const text = sampleConfigText({ ...extending, extends: '../#1: force/.dipsample.yaml' }, undefined, 'r', 'off')!;
      assert.equal((parse(text) as { extends: string }).extends, '../#1: force/.dipsample.yaml');
    });

    it('a new file with nothing to extend only sets the rule', () => {
      const text = sampleConfigText(
        { file: '/ws/t/.dipsample.yaml', exists: false },
        undefined,
        'supervision-recorded',
        'off',
      )!;
      assert.deepEqual(parse(text), { rules: { 'supervision-recorded': 'off' } });
    });
  });

  it("with the engine: the new sample file switches the rule off for that sample only, and the force's settings still apply", async () => {
    const files: Record<string, string> = {
      '/ws/force/.dipsample.yaml': FORCE_CONFIG,
      '/ws/force/a/sample.yaml': MANIFEST,
      '/ws/force/b/sample.yaml': MANIFEST,
    };
    const { exists } = filesExist(Object.keys(files));
    const target = await sampleConfigTarget('/ws/force/a/A.crime.yaml', exists, '/ws');
    const text = sampleConfigText(target, undefined, 'supervision-recorded', 'off');
    assert.ok(text);
    files[target.file] = text;

    const auditor = new Auditor(memoryHost(files));
    const ruleSetOf = async (file: string) => (await auditor.auditFile(file, 'format: crime-file/1\n')).ruleSet;
    const a = await ruleSetOf('/ws/force/a/A.crime.yaml');
    const b = await ruleSetOf('/ws/force/b/B.crime.yaml');
    assert.deepEqual(a.problems, [], 'the new file and its extends are sound');
    assert.ok(!a.rules.some((r) => r.id === 'supervision-recorded'), 'off in sample a');
    assert.ok(
      b.rules.some((r) => r.id === 'supervision-recorded'),
      'still on in sample b',
    );
    for (const ruleSet of [a, b])
      assert.equal(
        ruleSet.rules.find((r) => r.id === 'advice-given')?.severity,
        'warning',
        "the force's policy applies",
      );
    assert.equal(files['/ws/force/.dipsample.yaml'], FORCE_CONFIG, 'the parent is untouched');
  });
});
