// `dipsample.*` settings as the extension reads them (src/vscode/settings.ts), in plain Node against
// the VS Code API stub: defaults, extra packs (paths resolved against the workspace folder, names
// kept), time zone, the severity remap and the files include/exclude globs.
import './vscodeStub/register';
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { settingsFor } from '../../src/vscode/settings';
import { stub } from './vscodeStub/vscode';

const FILE = vscode.Uri.file('/ws/force/a/A.crime.yaml');

describe('vscode: settings', () => {
  afterEach(() => stub.reset());

  it('has the defaults of package.json when nothing is set', () => {
    assert.deepEqual(settingsFor(FILE), {
      enable: true,
      run: 'onType',
      extraPacks: [],
      timeZone: undefined,
      severity: {},
      onlyReviewer: undefined,
      files: { include: [], exclude: [] },
    });
  });

  it('reads enable, run and a time zone (blank means none)', () => {
    stub.settings = { enable: false, run: 'onSave', timezone: '  Europe/Dublin ' };
    assert.deepEqual(
      { ...settingsFor(FILE), severity: undefined, extraPacks: undefined, files: undefined },
      {
        enable: false,
        run: 'onSave',
        timeZone: 'Europe/Dublin',
        severity: undefined,
        extraPacks: undefined,
        onlyReviewer: undefined,
        files: undefined,
      },
    );
    stub.settings = { timezone: '   ' };
    assert.equal(settingsFor(FILE).timeZone, undefined);
  });

  it('resolves pack paths against the workspace folder and keeps built-in names', () => {
    stub.workspaceFolders = [{ uri: vscode.Uri.file('/ws') as never, name: 'ws', index: 0 }];
    stub.settings = {
      extraPacks: ['core', 'hmic-2014', 'packs/local.pack.yaml', 'force.pack.yml', '/abs/x.pack.yaml'],
    };
    assert.deepEqual(settingsFor(FILE).extraPacks, [
      'core',
      'hmic-2014',
      '/ws/packs/local.pack.yaml',
      '/ws/force.pack.yml',
      '/abs/x.pack.yaml',
    ]);
  });

  it('outside a workspace folder, leaves pack specs as they are', () => {
    stub.settings = { extraPacks: ['packs/local.pack.yaml', 'core'] };
    assert.deepEqual(settingsFor(FILE).extraPacks, ['packs/local.pack.yaml', 'core']);
  });

  it('maps severity display names and ignores unknown ones', () => {
    stub.settings = { severity: { error: 'Warning', warning: 'Hint', hint: 'Shout' } };
    assert.deepEqual(settingsFor(FILE).severity, {
      error: vscode.DiagnosticSeverity.Warning,
      warning: vscode.DiagnosticSeverity.Hint,
    });
  });

  it('reads dipsample.files.include and exclude, keeping only non-blank strings', () => {
    stub.settings = {
      'files.include': ['samples/2024/', '  ', 7, ' a/*.crime.yaml '],
      'files.exclude': 'drafts/',
    };
    assert.deepEqual(settingsFor(FILE).files, { include: ['samples/2024/', 'a/*.crime.yaml'], exclude: [] });
  });
});
