// The editor's pure parts of training (src/vscode/review/submitMarking.ts, src/vscode/summary/
// agreementView.ts) in plain Node: the submit confirmation's words; which agreement the summary's
// Marking view shows (the first trainer's key, a picked one, moderation) with paths relative to
// the sample; and the view's message guards.
import './vscodeStub/register';
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { parseReviewFile } from '../../src/engine';
import { isAgreementView } from '../../src/protocol/agreementMessages';
import { isHostMessage, isWebviewMessage } from '../../src/protocol/summaryMessages';
import { confirmationOf, submissionPrompt } from '../../src/vscode/review/submitMarking';
import { markingAgreement } from '../../src/vscode/summary/agreementView';
import { auditFolder, lines, REPO_ROOT } from './helpers';

const PEEL = path.join(REPO_ROOT, 'samples', 'peel-2017-file-review');

describe('vscode: submitting marks and the Marking view', () => {
  it('words the confirmation with what is still unmarked', () => {
    assert.deepEqual(submissionPrompt('Training', 'TRN-1', { unmarked: 40, criteria: 69, filesLeft: 3, files: 3 }), {
      message: 'Submit your marks for Training as TRN-1?',
      detail:
        '40 of 69 criteria are still unmarked (in 3 of 3 files). Once submitted your marks are final, and the machine’s findings are shown again.',
    });
    assert.match(
      submissionPrompt('Training', 'TRN-1', { unmarked: 0, criteria: 69, filesLeft: 0, files: 3 }).detail,
      /^Every criterion of the 3 files is marked\./,
    );
    const confirm = async () => true;
    assert.equal(confirmationOf({ confirm }), confirm);
    assert.equal(confirmationOf(undefined), undefined);
    assert.equal(confirmationOf({ confirm: 'yes' }), undefined);
  });

  it('shows the first trainer’s key, a picked one, or moderation; nothing without a key or two raters', async () => {
    const { reports, ruleSets } = await auditFolder(PEEL);
    const reference = reports[0].reference!;
    const review = (id: string, role: string, answer: string) =>
      parseReviewFile(
        lines(
          'format: dipsample-review/1',
          `reviewer: { id: ${id}, role: ${role} }`,
          'files:',
          `  ${reference}:`,
          `    peel17-effective-investigation: { answer: ${answer} }`,
        ),
        path.join(PEEL, 'reviews', `${id}.review.yaml`),
      );
    const input = (...reviews: ReturnType<typeof review>[]) => ({
      sample: { folder: PEEL, name: 'PEEL' },
      reviews,
      reports,
      ruleSets,
    });
    const keyB = review('KEY-B', 'trainer', 'effective');
    const keyA = review('KEY-A', 'trainer', 'not_effective');
    const trainee = review('TRN-1', 'trainee', 'effective');

    const first = markingAgreement(input(keyB, keyA, trainee), undefined);
    assert.equal(first?.report.key, 'KEY-A');
    assert.deepEqual(
      first?.view.keys.map((key) => key.id),
      ['KEY-A', 'KEY-B'],
    );
    assert.equal(first?.view.moderation, true);
    const picked = markingAgreement(input(keyB, keyA, trainee), 'KEY-B');
    assert.equal(picked?.report.key, 'KEY-B');
    const criterion = picked?.report.raters
      .find((rater) => rater.reviewer === 'TRN-1')
      ?.criteria.find((candidate) => candidate.rule === 'peel17-effective-investigation');
    assert.deepEqual([criterion?.n, criterion?.agreed], [1, 1]);
    assert.equal(markingAgreement(input(keyB, keyA, trainee), null)?.report.key, null, 'moderation');
    assert.equal(markingAgreement(input(keyB, keyA, trainee), 'NOBODY')?.report.key, 'KEY-A');
    // Paths relative to the sample folder, as `dipsample agreement` gives them.
    const disagreement = first?.report.raters[1]?.criteria.flatMap((c) => c.disagreements)[0];
    assert.equal(disagreement?.path, path.basename(reports[0].path));
    assert.equal(markingAgreement(input(trainee), undefined), undefined, 'one rater, no key: nothing to compare');
    assert.equal(markingAgreement(input(keyA), null)?.report.key, 'KEY-A', 'no moderation with one review file');

    // What the host posts passes the webview's guard; a malformed one does not.
    const view = first!.view;
    assert.ok(isAgreementView(view));
    assert.ok(isHostMessage({ type: 'agreement', agreement: view }));
    assert.ok(isHostMessage({ type: 'agreement', agreement: null }));
    const broken = structuredClone(view);
    broken.report.raters[0].criteria[0].matrix.counts = [[1, 2]];
    assert.ok(!isAgreementView(broken), 'a matrix that is not square');
    assert.ok(
      isHostMessage({ type: 'marking', sample: { name: 'S', folder: '/s' }, reviewer: 'TRN-1', message: 'hidden' }),
    );
  });

  it('guards the Marking view’s messages from the webview', () => {
    assert.ok(isWebviewMessage({ type: 'agreementKey', key: 'KEY-A' }));
    assert.ok(isWebviewMessage({ type: 'agreementKey', key: null }));
    assert.ok(!isWebviewMessage({ type: 'agreementKey', key: '' }));
    assert.ok(isWebviewMessage({ type: 'exportAgreement', format: 'csv' }));
    assert.ok(!isWebviewMessage({ type: 'exportAgreement', format: 'json' }), 'the view exports CSV, Markdown, HTML');
    assert.ok(isWebviewMessage({ type: 'openFile', path: 'EM-1.crime.yaml' }));
    assert.ok(!isWebviewMessage({ type: 'openFile', path: '' }));
  });
});
