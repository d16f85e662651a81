import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { writeReport } from '../../src/cli/runReport';
import { writeFileAtomic } from '../../src/node/writeFileAtomic';

describe('atomic writes', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'dipsample-write-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('writes a new file and leaves no temporary file behind', async () => {
    const file = path.join(folder, 'report.md');
    await writeFileAtomic(file, '# Report\n');
    assert.equal(readFileSync(file, 'utf8'), '# Report\n');
    assert.deepEqual(readdirSync(folder), ['report.md']);
  });

  it('never replaces an existing file unless asked, and then replaces it whole', async () => {
    const file = path.join(folder, 'report.md');
    writeFileSync(file, 'a person wrote this\n');
    await assert.rejects(writeFileAtomic(file, 'new\n'), { code: 'EEXIST' });
    assert.equal(readFileSync(file, 'utf8'), 'a person wrote this\n');
    await writeFileAtomic(file, 'new\n', { overwrite: true });
    assert.equal(readFileSync(file, 'utf8'), 'new\n');
    assert.deepEqual(readdirSync(folder), ['report.md']);
  });

  it('does not write through a symbolic link, even with overwrite', async () => {
    const elsewhere = path.join(folder, 'elsewhere.txt');
    writeFileSync(elsewhere, 'keep me\n');
    const link = path.join(folder, 'report.md');
    symlinkSync(elsewhere, link);
    await assert.rejects(writeFileAtomic(link, 'x', { overwrite: true }), { code: 'ELOOP' });
    assert.equal(readFileSync(elsewhere, 'utf8'), 'keep me\n');
    await assert.rejects(writeReport(link, 'x', true, 'report.md'), /Cannot write report\.md: it is a symbolic link/);
  });

  it('leaves the old file and no debris when the disk is full (ENOSPC)', async function () {
    const disk = path.join(folder, 'small-disk');
    rmSync(disk, { force: true });
    try {
      execFileSync('mkdir', [disk]);
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', disk], { stdio: 'ignore' });
    } catch {
      this.skip(); // needs root and a kernel that lets us mount a small tmpfs
    }
    try {
      const file = path.join(disk, 'report.html');
      writeFileSync(file, 'the old report\n');
      await assert.rejects(writeFileAtomic(file, 'x'.repeat(1_000_000), { overwrite: true }), { code: 'ENOSPC' });
      assert.equal(readFileSync(file, 'utf8'), 'the old report\n');
      assert.deepEqual(readdirSync(disk), ['report.html']);
      await assert.rejects(writeReport(file, 'x'.repeat(1_000_000), true, 'report.html'), /the disk is full/);
      // And with no old file, nothing is left at all: a rerun is not refused as "already exists".
      const fresh = path.join(disk, 'fresh.html');
      await assert.rejects(writeFileAtomic(fresh, 'x'.repeat(1_000_000)), { code: 'ENOSPC' });
      assert.equal(existsSync(fresh), false);
    } finally {
      execFileSync('umount', [disk]);
    }
  });
});
