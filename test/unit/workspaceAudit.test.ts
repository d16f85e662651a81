// The editor's folder and workspace audits without the editor (src/vscode/workspaceAudit.ts): files
// whose text, rule set and review answers are unchanged keep their results, the last session's saved
// results stand in for files not yet audited and are then checked, and workers change nothing.
import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { generateSample, largeSampleSpec } from '../../scripts/generator';
import { Auditor } from '../../src/engine';
import { batchHost } from '../../src/node/nodeHost';
import { SavedResults } from '../../src/vscode/savedResults';
import {
  auditWorkspaceFiles,
  type BatchResult,
  type BatchResultKind,
  type WorkspaceAuditInput,
} from '../../src/vscode/workspaceAudit';
import { REPO_ROOT } from './helpers';

const TOOL = 'dipsample-vscode test';

describe('workspace audits in the editor: unchanged files kept, saved results restored', function () {
  this.timeout(300_000);
  let temp: string;
  let sample: string;
  let files: string[];

  beforeEach(() => {
    temp = mkdtempSync(path.join(tmpdir(), 'dipsample-workspace-'));
    sample = path.join(temp, 'training-basics');
    cpSync(path.join(REPO_ROOT, 'samples', 'training-basics'), sample, { recursive: true });
    files = readdirSync(sample)
      .filter((name) => name.endsWith('.crime.yaml'))
      .sort()
      .map((name) => path.join(sample, name));
  });
  afterEach(() => rmSync(temp, { recursive: true, force: true }));

  /** Runs an audit the way the service does, keeping results in `held` as the result store would. */
  async function run(
    held: Map<string, BatchResult>,
    options: Partial<WorkspaceAuditInput> & { auditor: Auditor },
  ): Promise<{ stats: Awaited<ReturnType<typeof auditWorkspaceFiles>>; kinds: Map<string, BatchResultKind[]> }> {
    const kinds = new Map<string, BatchResultKind[]>();
    const stats = await auditWorkspaceFiles(
      {
        defaults: {},
        concurrency: 'off',
        files,
        known: (file) => held.get(file),
        openText: () => undefined,
        ...options,
      },
      (result, kind) => {
        held.set(result.file, result);
        kinds.set(result.file, [...(kinds.get(result.file) ?? []), kind]);
      },
    );
    return { stats, kinds };
  }

  it('audits only the files whose content, rule set or review answers changed', async () => {
    const auditor = new Auditor(batchHost());
    const held = new Map<string, BatchResult>();
    const first = await run(held, { auditor });
    assert.equal(first.stats.audited, files.length);
    assert.equal(first.stats.reused, 0);
    for (const file of files) assert.ok(held.get(file)?.fingerprint, 'a file audited from disk keeps what it read');

    const second = await run(held, { auditor });
    assert.deepEqual([second.stats.audited, second.stats.reused], [0, files.length], 'nothing changed');

    // A new time alone is no change; new content is.
    utimesSync(files[1], new Date(), new Date(Date.now() + 5000));
    const text = readFileSync(files[2], 'utf8');
    writeFileSync(files[2], text.replace('\ninvestigation_plan:', '\nx_removed_plan:'));
    const third = await run(held, { auditor });
    assert.deepEqual([...third.kinds.keys()], [files[2]], 'only the edited file was audited');
    assert.equal(third.stats.reused, files.length - 1);
    assert.ok(
      held.get(files[2])!.report.findings.some((finding) => finding.rule === 'investigation-plan-present'),
      'its new result is the edited text’s',
    );

    // Another rule set (a configuration changed: the service makes a new auditor), or force: everything.
    const fresh = await run(held, { auditor: new Auditor(batchHost()) });
    assert.equal(fresh.stats.audited, files.length);
    const forced = await run(held, { auditor: new Auditor(batchHost()), force: true });
    assert.equal(forced.stats.audited, files.length);
  });

  it('audits an open buffer from its text, and again only when its version changes', async () => {
    const auditor = new Auditor(batchHost());
    const held = new Map<string, BatchResult>();
    await run(held, { auditor });
    const edited = readFileSync(files[0], 'utf8').replace('\ninvestigation_plan:', '\nx_removed_plan:');
    let version = 3;
    const openText = (file: string) => (file === files[0] ? { text: edited, version } : undefined);
    const opened = await run(held, { auditor, openText });
    assert.deepEqual([...opened.kinds.keys()], [files[0]], 'the buffer is not the file audited before');
    assert.equal(held.get(files[0])!.version, 3);
    assert.equal(held.get(files[0])!.fingerprint, undefined, 'a buffer has no fingerprint on disk');
    assert.ok(held.get(files[0])!.report.findings.some((finding) => finding.rule === 'investigation-plan-present'));
    const same = await run(held, { auditor, openText });
    assert.equal(same.stats.audited, 0, 'the same version is kept');
    version = 4;
    const typed = await run(held, { auditor, openText });
    assert.deepEqual([...typed.kinds.keys()], [files[0]]);
    // Closed again: the file on disk is audited, not the buffer's result kept.
    const closed = await run(held, { auditor });
    assert.deepEqual([...closed.kinds.keys()], [files[0]]);
    assert.ok(!held.get(files[0])!.report.findings.some((finding) => finding.rule === 'investigation-plan-present'));
  });

  it('restores saved results at once, then audits only the files that changed since', async () => {
    const saveFile = path.join(temp, 'storage', 'results.dipsample-cache');
    const context = { defaults: {}, trusted: true };
    const before = new Map<string, BatchResult>();
    const auditor = new Auditor(batchHost());
    await run(before, { auditor });
    await new SavedResults(saveFile, TOOL).save(
      [...before.values()].map((result) => ({ ...result, fingerprint: result.fingerprint!, context })),
    );

    // The next session: nothing in memory, a new auditor.
    writeFileSync(files[3], readFileSync(files[3], 'utf8').replace('\ninvestigation_plan:', '\nx_removed_plan:'));
    const held = new Map<string, BatchResult>();
    const restored = await run(held, {
      auditor: new Auditor(batchHost()),
      saved: new SavedResults(saveFile, TOOL),
      savedContext: context,
    });
    assert.equal(restored.stats.restored, files.length, 'every saved result still keyed right was shown');
    assert.equal(restored.stats.audited, 1, 'the file changed since was audited');
    assert.deepEqual(restored.kinds.get(files[3]), ['restored', 'audited']);
    assert.deepEqual(restored.kinds.get(files[0]), ['restored']);
    for (const file of files.filter((file) => file !== files[3]))
      assert.deepEqual(held.get(file)!.report, before.get(file)!.report, path.basename(file));
    assert.ok(held.get(files[3])!.report.findings.some((finding) => finding.rule === 'investigation-plan-present'));

    // A held result that must not be kept (a marking trainee's masked one) is audited, never restored.
    const masked = await run(new Map(), {
      auditor: new Auditor(batchHost()),
      saved: new SavedResults(saveFile, TOOL),
      savedContext: context,
      known: (file) => (file === files[0] ? null : undefined),
    });
    assert.deepEqual(masked.kinds.get(files[0]), ['audited']);
    assert.equal(masked.stats.restored, files.length - 1);

    // Another tool (version, build) or other options: nothing is restored.
    for (const [tool, other] of [
      ['dipsample-vscode other', context],
      [TOOL, { ...context, defaults: { timeZone: 'UTC' } }],
    ] as const) {
      const none = await run(new Map(), {
        auditor: new Auditor(batchHost()),
        saved: new SavedResults(saveFile, tool),
        savedContext: other,
      });
      assert.equal(none.stats.restored, 0, `${tool} ${JSON.stringify(other)}`);
      assert.equal(none.stats.audited, files.length);
    }
  });

  it('does not restore a file whose review answers changed', async () => {
    const saveFile = path.join(temp, 'results.dipsample-cache');
    const context = {};
    const before = new Map<string, BatchResult>();
    await run(before, { auditor: new Auditor(batchHost()) });
    await new SavedResults(saveFile, TOOL).save(
      [...before.values()].map((result) => ({ ...result, fingerprint: result.fingerprint!, context })),
    );
    // The answer key goes: each file it answered for is no longer keyed right (trainees' marks never count).
    rmSync(path.join(sample, 'reviews', 'TRAINER.review.yaml'));
    const answered = [...before.values()].filter(
      (result) => result.reviews.fingerprintOf(result.report.reference) !== '',
    ).length;
    assert.ok(answered > 0, 'the sample has review answers');
    const after = await run(new Map(), {
      auditor: new Auditor(batchHost()),
      saved: new SavedResults(saveFile, TOOL),
      savedContext: context,
    });
    assert.equal(after.stats.restored, files.length - answered);
    assert.equal(after.stats.audited, answered);
  });

  it('gives the same results in worker threads as on the host thread', async () => {
    const generated = path.join(temp, 'generated');
    mkdirSync(generated);
    const many = generateSample(largeSampleSpec({ count: 250, seed: 'workspace-audit' }))
      .files.map((file) => {
        writeFileSync(path.join(generated, file.name), file.text);
        return path.join(generated, file.name);
      })
      .sort();
    const reports = async (concurrency: WorkspaceAuditInput['concurrency']) => {
      const held = new Map<string, BatchResult>();
      const { stats } = await run(held, { auditor: new Auditor(batchHost()), files: many, concurrency });
      return { stats, reports: many.map((file) => held.get(file)?.report) };
    };
    const plain = await reports('off');
    const pooled = await reports(2);
    assert.equal(plain.stats.workers, 0);
    assert.equal(pooled.stats.workers, 2);
    assert.equal(pooled.stats.audited, many.length);
    assert.deepEqual(pooled.reports, plain.reports);
  });

  it('stops when cancelled, leaving the files not reached without a new result', async () => {
    const generated = path.join(temp, 'generated');
    mkdirSync(generated);
    const many = generateSample(largeSampleSpec({ count: 100, seed: 'workspace-cancel' }))
      .files.map((file) => {
        writeFileSync(path.join(generated, file.name), file.text);
        return path.join(generated, file.name);
      })
      .sort();
    const controller = new AbortController();
    const held = new Map<string, BatchResult>();
    const stats = await auditWorkspaceFiles(
      {
        auditor: new Auditor(batchHost()),
        defaults: {},
        concurrency: 'off',
        files: many,
        known: () => undefined,
        openText: () => undefined,
        signal: controller.signal,
      },
      (result) => {
        held.set(result.file, result);
        if (held.size === 2) controller.abort();
      },
    );
    assert.equal(stats.cancelled, true);
    assert.ok(held.size >= 2 && held.size < many.length, `${held.size} of ${many.length}`);
    assert.equal(stats.audited, held.size);
  });
});
