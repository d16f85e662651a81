// The report-layer helpers the summary webview draws with: the action list's shares either way,
// and which sample of a folder of samples a file belongs to.
import { strict as assert } from 'node:assert';
import { actionShareText, sampleFolderOf, type ActionItem } from '../../src/report';

describe('summary view wording', () => {
  it("words an action item's share with its n, failed by default and passed on request", () => {
    const item: ActionItem = {
      rule: 'investigation-plan-present',
      title: 'Investigation plan',
      failed: 2,
      applicable: 8,
      failedPercent: 25,
      interval: { low: 7.1484, high: 59.0741 },
      recommendations: [],
    };
    assert.equal(actionShareText(item), '25.0% (7.1–59.1), 2 of 8');
    assert.equal(actionShareText(item, 'passed'), '75.0% (40.9–92.9), 6 of 8');
  });

  it('finds the deepest sample folder holding a file, on either kind of slash, and none outside', () => {
    const folders = ['/n/forces/a', '/n/forces/b', '/n/forces/b/extra'];
    assert.equal(sampleFolderOf('/n/forces/a/X-1.crime.yaml', folders), '/n/forces/a');
    assert.equal(sampleFolderOf('/n/forces/b/extra/X-2.crime.yaml', folders), '/n/forces/b/extra');
    assert.equal(sampleFolderOf('/n/forces/ab/X-3.crime.yaml', folders), undefined, 'a prefix is not a folder');
    assert.equal(sampleFolderOf('/n/forces/X-4.crime.yaml', folders), undefined);
    assert.equal(sampleFolderOf('C:\\n\\a\\X-5.crime.yaml', ['C:\\n\\a']), 'C:\\n\\a');
  });
});
