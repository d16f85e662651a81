// `source.fixAll.dipsample` (editor.codeActionsOnSave, "Fix All"): applies only the fixes a pack
// declares `unattended: true`. The built-in packs' one fix ("Add a line of enquiry") inserts a TODO a
// person must fill in, so with them fix-all offers nothing and a save changes nothing; a force pack's
// unattended fix is applied on save and its finding goes.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activate,
  closeAllEditors,
  codeValue,
  type DipsampleApi,
  readText,
  waitForNoRule,
  waitForRule,
  writeText,
  wsUri,
} from '../util';

const FOLDER = 'fixall-sample';
const FORCE_RULE = 'review-status-set';
const PLAN_RULE = 'investigation-plan-present';
const FIX_ALL = 'source.fixAll.dipsample';

const FORCE_PACK = [
  'pack: northmoor-fixes',
  'title: Northmoor fixes',
  'rules:',
  `  - id: ${FORCE_RULE}`,
  '    title: Review status not set',
  '    description: The file says whether a supervisor has reviewed it.',
  '    severity: warning',
  '    source: [{ report: Force policy, quote: Every file carries a review status. }]',
  '    check: { function: present, options: { path: x_review_status } }',
  '    fix: { title: Mark as not yet reviewed, set: not_reviewed, unattended: true }',
  '',
].join('\n');

async function fixAllActions(uri: vscode.Uri): Promise<vscode.CodeAction[]> {
  const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    new vscode.Range(0, 0, 0, 0),
    FIX_ALL,
  );
  return (all ?? []).filter((a): a is vscode.CodeAction => 'title' in a && typeof a.command !== 'string');
}

describe('source.fixAll.dipsample', function () {
  let api: DipsampleApi;
  const editorConfig = () => vscode.workspace.getConfiguration('editor');
  const file = (name: string) => wsUri(`${FOLDER}/${name}`);

  before(async () => {
    api = await activate();
    await closeAllEditors();
    const plan = await readText(wsUri('training/TRAIN-PLAN.crime.yaml'));
    await writeText(file('core/F-PLAN.crime.yaml'), plan.replace(/^reference: .*$/m, 'reference: F-PLAN'));
    await writeText(file('force/.dipsample.yaml'), 'packs: [core, ./northmoor.pack.yaml]\n');
    await writeText(file('force/northmoor.pack.yaml'), FORCE_PACK);
    await writeText(
      file('force/F-STATUS.crime.yaml'),
      plan.replace(/^reference: .*$/m, 'reference: F-STATUS') + 'x_review_status: ""\n',
    );
    await editorConfig().update('codeActionsOnSave', { [FIX_ALL]: 'explicit' }, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    if (!api) return;
    await closeAllEditors();
    await editorConfig().update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.fs.delete(wsUri(FOLDER), { recursive: true, useTrash: false });
    await api.whenIdle();
  });

  /** Makes the open document dirty (a comment at the end) and saves it as a person would. */
  async function editAndSave(editor: vscode.TextEditor): Promise<void> {
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    assert.ok(await editor.edit((edit) => edit.insert(end, '\n# checked\n')));
    await vscode.commands.executeCommand('workbench.action.files.save');
    assert.strictEqual(editor.document.isDirty, false, 'saved');
  }

  it('offers nothing for the built-in packs: their fix needs a person', async () => {
    const editor = await vscode.window.showTextDocument(file('core/F-PLAN.crime.yaml'), { preview: false });
    const finding = await waitForRule(file('core/F-PLAN.crime.yaml'), PLAN_RULE, api);
    // The quick fix is there (it inserts a TODO that still fails) ...
    const quick = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      file('core/F-PLAN.crime.yaml'),
      finding.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    assert.ok(
      quick.some((a) => a.title === 'Add a line of enquiry to the plan'),
      'the mechanical quick fix',
    );
    // ... but fix-all has nothing to apply, and a save with fix-all on save changes nothing else.
    assert.deepStrictEqual(
      (await fixAllActions(file('core/F-PLAN.crime.yaml'))).map((a) => a.title),
      [],
    );
    const before = editor.document.getText();
    await editAndSave(editor);
    // Only the comment typed was added (the edit inserts at the very end of the document).
    assert.strictEqual(await readText(file('core/F-PLAN.crime.yaml')), `${before}\n# checked\n`);
    assert.match(await readText(file('core/F-PLAN.crime.yaml')), /lines_of_enquiry: \[\]/);
    await waitForRule(file('core/F-PLAN.crime.yaml'), PLAN_RULE, api);
  });

  it("applies a pack's unattended fix on save, and only that one", async () => {
    const uri = file('force/F-STATUS.crime.yaml');
    const editor = await vscode.window.showTextDocument(uri, { preview: false });
    const finding = await waitForRule(uri, FORCE_RULE, api);
    await waitForRule(uri, PLAN_RULE, api);
    const actions = await fixAllActions(uri);
    assert.deepStrictEqual(
      actions.map((a) => [a.title, a.kind?.value]),
      [['Fix all unattended dipsample fixes (1)', FIX_ALL]],
    );
    // Not in the lightbulb: the quick fixes of the finding are quick fixes only.
    const quick = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      finding.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    assert.ok(!quick.some((a) => a.kind?.value === FIX_ALL), 'fix-all is not a quick fix');

    await editAndSave(editor);
    const saved = await readText(uri);
    assert.match(saved, /^x_review_status: not_reviewed$/m);
    assert.match(saved, /lines_of_enquiry: \[\]/, 'the fix needing a person is not applied');
    await waitForNoRule(uri, FORCE_RULE, api);
    const plan = await waitForRule(uri, PLAN_RULE, api);
    assert.strictEqual(codeValue(plan), PLAN_RULE);
  });
});
