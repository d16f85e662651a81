import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { isCrimeFile } from '../../src/engine';
import { REPO_ROOT, runCliCapturing } from './helpers';

const SAMPLES = path.join(REPO_ROOT, 'samples');
const EXTRACT = path.join(SAMPLES, 'rms-extract-northmoor');

describe('the sample manifest, checked on every audit', () => {
  let work: string;
  let sample: string;
  before(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'dipsample-manifest-'));
    const run = await runCliCapturing(
      [
        'draw',
        path.join(EXTRACT, 'crimes.csv'),
        '--plan',
        path.join(EXTRACT, 'plan.yaml'),
        '--map',
        path.join(EXTRACT, 'map.yaml'),
        '--out',
        'drawn',
      ],
      work,
    );
    assert.equal(run.status, 0, run.stderr);
  });
  after(() => rmSync(work, { recursive: true, force: true }));
  beforeEach(() => {
    sample = path.join(work, `copy-${Math.random().toString(36).slice(2)}`);
    cpSync(path.join(work, 'drawn'), sample, { recursive: true });
  });

  it('says nothing of a sample that bears its manifest out, nor of the bundled samples', async () => {
    // The bundled dip-samples: a manifest and crime files (the RMS extract's folder holds CSV tables and a plan).
    const bundled = readdirSync(SAMPLES).filter(
      (name) =>
        existsSync(path.join(SAMPLES, name, 'sample.yaml')) &&
        readdirSync(path.join(SAMPLES, name)).some((file) => isCrimeFile(file)),
    );
    for (const folder of [sample, ...bundled.map((name) => path.join(SAMPLES, name))]) {
      const run = await runCliCapturing(['audit', folder], work);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stderr, '', folder);
    }
  });

  it('warns on stderr, located in sample.yaml, without changing the exit status', async () => {
    const manifestFile = path.join(sample, 'sample.yaml');
    const drawn = readdirSync(sample).filter((name) => name.endsWith('.crime.yaml'));
    const removed = drawn[0];
    const category = /category: (\w+)/.exec(readFileSync(path.join(sample, removed), 'utf8'))![1];
    rmSync(path.join(sample, removed));
    writeFileSync(
      manifestFile,
      readFileSync(manifestFile, 'utf8')
        .replace('to: "2013-11-30"', 'to: "2013-11-15"')
        .replace('atLeast: 20', 'atLeast: 39'),
    );
    const run = await runCliCapturing(['audit', sample, '--format', 'json'], work);
    assert.equal(run.status, 0);
    const warnings = run.stderr.trim().split('\n');
    const reference = removed.replace('.crime.yaml', '');
    const stratum = {
      burglary_dwelling: 'burglary dwelling',
      burglary_other: 'burglary other',
      criminal_damage: 'criminal damage',
    }[category];
    assert.ok(
      warnings.every((line) => line.startsWith(`dipsample: warning: ${path.relative(work, manifestFile)}:`)),
      run.stderr,
    );
    assert.match(run.stderr, /files? (is|are) outside the period 2013-11-01 to 2013-11-15 \(by reported_at\)/);
    assert.match(run.stderr, /the size is 40, the sample has 39 crime files/);
    assert.match(run.stderr, new RegExp(`stratum "${stratum}" has \\d+ files?, the manifest says`));
    assert.match(run.stderr, /quota "at least 20 not attended" is not met: \d+ files?, at least 39 wanted/);
    assert.match(run.stderr, new RegExp(`drawn reference ${reference} has no crime file in the sample`));
    JSON.parse(run.stdout); // stdout stays the report
  });

  it("with --config, checks only what the files can say without the manifest's fields (size, drawn references)", async () => {
    writeFileSync(path.join(work, 'other.dipsample.yaml'), 'packs: [core]\n');
    const manifestFile = path.join(sample, 'sample.yaml');
    writeFileSync(manifestFile, readFileSync(manifestFile, 'utf8').replace('size: 40', 'size: 41'));
    const run = await runCliCapturing(['audit', sample, '--config', 'other.dipsample.yaml'], work);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(
      run.stderr
        .trim()
        .split('\n')
        .map((line) => line.replace(/^.*Sample manifest: /, '')),
      ['the size is 41, the sample has 40 crime files'],
    );
  });

  it('checks the manifest only when the whole sample is audited', async () => {
    const one = readdirSync(sample).find((name) => name.endsWith('.crime.yaml'))!;
    const run = await runCliCapturing(['audit', path.join(sample, one)], work);
    assert.equal(run.stderr, '');
  });
});
