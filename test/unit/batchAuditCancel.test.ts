// auditBatch's options for the editor: stop dispatching when cancelled (leaving the reported files
// a prefix of the input), and hand back each file's fingerprint so unchanged files can be skipped.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { generateSample, largeSampleSpec } from '../../scripts/generator';
import { Auditor } from '../../src/engine';
import { contentHash, type FileFingerprint } from '../../src/node/auditJob';
import { auditBatch } from '../../src/node/batchAudit';
import { batchHost } from '../../src/node/nodeHost';

describe('auditBatch: cancellation and fingerprints', function () {
  this.timeout(300_000);
  let folder: string;
  let files: string[];

  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'dipsample-cancel-'));
    files = generateSample(largeSampleSpec({ count: 400, seed: 'cancel-test' }))
      .files.map((file) => {
        const name = path.join(folder, file.name);
        writeFileSync(name, file.text);
        return name;
      })
      .sort();
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  for (const concurrency of [2, 'off'] as const) {
    it(`stops dispatching once aborted and reports a prefix of the files (concurrency ${concurrency})`, async () => {
      const controller = new AbortController();
      const seen: number[] = [];
      const stats = await auditBatch(
        new Auditor(batchHost()),
        files,
        { defaults: {}, concurrency, signal: controller.signal },
        (index) => {
          seen.push(index);
          if (seen.length === 40) controller.abort();
        },
      );
      assert.equal(stats.cancelled, true);
      assert.ok(seen.length >= 40, `the files before the cancel were reported (${seen.length})`);
      assert.ok(seen.length < files.length, `the run stopped early (${seen.length} of ${files.length})`);
      assert.deepEqual(
        seen,
        seen.map((_, i) => i),
        'what was reported is the first files, in order, with no gap',
      );
    });
  }

  it('a signal aborted before the run reports nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    let reported = 0;
    const stats = await auditBatch(
      new Auditor(batchHost()),
      files,
      { defaults: {}, concurrency: 2, signal: controller.signal },
      () => reported++,
    );
    assert.equal(reported, 0);
    assert.equal(stats.cancelled, true);
  });

  it('an uncancelled run is not marked cancelled and reports every file', async () => {
    let reported = 0;
    const stats = await auditBatch(
      new Auditor(batchHost()),
      files.slice(0, 30),
      { defaults: {}, concurrency: 'off', signal: new AbortController().signal },
      () => reported++,
    );
    assert.equal(reported, 30);
    assert.equal(stats.cancelled, undefined);
  });

  for (const concurrency of [2, 'off'] as const) {
    it(`hands back what each file read was, except files given as text (concurrency ${concurrency})`, async () => {
      const chosen = files.slice(0, 250);
      const texts = new Map([[chosen[3], 'reference: EDITED\n']]);
      const prints = new Map<string, FileFingerprint | undefined>();
      await auditBatch(
        new Auditor(batchHost()),
        chosen,
        { defaults: {}, concurrency, fingerprints: true, texts },
        (index, report, fingerprint) => {
          assert.equal(report.path, chosen[index]);
          prints.set(chosen[index], fingerprint);
        },
      );
      assert.equal(prints.size, chosen.length);
      assert.equal(prints.get(chosen[3]), undefined, 'an editor buffer has no fingerprint on disk');
      for (const file of [chosen[0], chosen[100], chosen[249]]) {
        const print = prints.get(file);
        assert.ok(print, `${path.basename(file)} has a fingerprint`);
        assert.equal(print.content, contentHash(readFileSync(file, 'utf8')));
        assert.equal(print.size, statSync(file).size);
        assert.equal(print.mtimeMs, statSync(file).mtimeMs);
      }
    });
  }

  it('hands back no fingerprints unless asked', async () => {
    let printed = 0;
    await auditBatch(
      new Auditor(batchHost()),
      files.slice(0, 10),
      { defaults: {}, concurrency: 'off' },
      (_, __, print) => {
        if (print) printed++;
      },
    );
    assert.equal(printed, 0);
  });
});
