import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { lines, REPO_ROOT, runCliCapturing } from './helpers';

const EXTRACT = path.join(REPO_ROOT, 'samples', 'rms-extract-northmoor');

describe('dipsample draw', () => {
  let work: string;
  beforeEach(() => {
    work = mkdtempSync(path.join(tmpdir(), 'dipsample-draw-'));
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  const drawExtract = (out: string, ...extra: string[]) =>
    runCliCapturing(
      [
        'draw',
        path.join(EXTRACT, 'crimes.csv'),
        '--plan',
        path.join(EXTRACT, 'plan.yaml'),
        '--map',
        path.join(EXTRACT, 'map.yaml'),
        '--out',
        out,
        ...extra,
      ],
      work,
    );

  it('draws the plan from a CSV extract through a map: sample.yaml with drawn, the files, references.csv', async () => {
    const run = await drawExtract('sample');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Drew 40 of \d+ eligible records \(160 in the frame\)/);
    const folder = path.join(work, 'sample');
    const manifest = parse(readFileSync(path.join(folder, 'sample.yaml'), 'utf8'));
    assert.equal(manifest.selection.seed, 20140903);
    assert.equal(manifest.drawn.references.length, 40);
    assert.equal(manifest.drawn.frame.rows, 160);
    assert.match(manifest.drawn.frame.sha256, /^[0-9a-f]{64}$/);
    assert.deepEqual(
      manifest.drawn.strata.map((s: { drawn: number }) => s.drawn),
      [15, 10, 15],
    );
    assert.ok(manifest.drawn.constraints[0].drawn >= 20);
    assert.match(manifest.drawn.tool, /^dipsample \d/);
    assert.match(
      readFileSync(path.join(folder, 'sample.yaml'), 'utf8'),
      /# The HMIC 2014 method/,
      "the plan's comments are kept",
    );
    const crimeFiles = readdirSync(folder).filter((name) => name.endsWith('.crime.yaml'));
    assert.equal(crimeFiles.length, 40);
    const references = readFileSync(path.join(folder, 'references.csv'), 'utf8').trim().split('\n');
    assert.equal(references[0], 'order,reference,stratum,source');
    assert.deepEqual(
      references.slice(1).map((row) => row.split(',')[1]),
      manifest.drawn.references,
    );
    // Columns the map does not name never reach a crime file.
    const victims = readFileSync(path.join(EXTRACT, 'crimes.csv'), 'utf8')
      .split('\n')
      .slice(1, 40)
      .map((row) => row.split(',')[9])
      .filter(Boolean);
    for (const name of crimeFiles) {
      const text = readFileSync(path.join(folder, name), 'utf8');
      for (const victim of victims) assert.ok(!text.includes(victim), `${victim} in ${name}`);
      assert.ok(!text.includes('07700'), name);
    }
    // The drawn sample audits with its plan's packs.
    const audit = await runCliCapturing(['audit', folder, '--format', 'json'], work);
    assert.equal(audit.status, 0, audit.stderr);
  });

  it('draws the same sample from the same frame and seed, and another with another seed', async () => {
    await drawExtract('one');
    await drawExtract('two');
    const read = (folder: string) =>
      parse(readFileSync(path.join(work, folder, 'sample.yaml'), 'utf8')).drawn.references as string[];
    assert.deepEqual(read('two'), read('one'));
    for (const name of readdirSync(path.join(work, 'one')).filter((n) => n.endsWith('.crime.yaml')))
      assert.equal(
        readFileSync(path.join(work, 'two', name), 'utf8'),
        readFileSync(path.join(work, 'one', name), 'utf8'),
      );
    writeFileSync(
      path.join(work, 'plan.yaml'),
      readFileSync(path.join(EXTRACT, 'plan.yaml'), 'utf8').replace('seed: 20140903', 'seed: other'),
    );
    const other = await runCliCapturing(
      [
        'draw',
        path.join(EXTRACT, 'crimes.csv'),
        '--plan',
        'plan.yaml',
        '--map',
        path.join(EXTRACT, 'map.yaml'),
        '--out',
        'three',
      ],
      work,
    );
    assert.equal(other.status, 0, other.stderr);
    assert.notDeepEqual(read('three'), read('one'));
  });

  it('refuses an existing --out without --force, and replaces it with --force', async () => {
    assert.equal((await drawExtract('sample')).status, 0);
    const again = await drawExtract('sample');
    assert.equal(again.status, 2);
    assert.match(again.stderr, /sample already exists: use --force/);
    writeFileSync(path.join(work, 'sample', 'stale.txt'), 'old');
    assert.equal((await drawExtract('sample', '--force')).status, 0);
    assert.ok(!existsSync(path.join(work, 'sample', 'stale.txt')));
  });

  it('refuses a plan the frame cannot meet with exit 2, naming the stratum and its counts, and writes nothing', async () => {
    writeFileSync(
      path.join(work, 'plan.yaml'),
      readFileSync(path.join(EXTRACT, 'plan.yaml'), 'utf8')
        .replace('criminal_damage }, size: 15', 'criminal_damage }, size: 16')
        .replace('size: 40', 'size: 41'),
    );
    const run = await runCliCapturing(
      [
        'draw',
        path.join(EXTRACT, 'crimes.csv'),
        '--plan',
        'plan.yaml',
        '--map',
        path.join(EXTRACT, 'map.yaml'),
        '--out',
        'sample',
      ],
      work,
    );
    assert.equal(run.status, 2);
    assert.match(run.stderr, /the plan cannot be met: stratum "criminal damage" needs 16, the frame has 15 eligible/);
    assert.ok(!existsSync(path.join(work, 'sample')));
    assert.deepEqual(readdirSync(work), ['plan.yaml'], 'no temporary folder left');
  });

  it('reports plan problems located in the plan (exit 2)', async () => {
    writeFileSync(
      path.join(work, 'plan.yaml'),
      lines('format: dip-sample/1', 'name: x', 'size: 5', 'selection:', '  method: purposive', '  seed: 1'),
    );
    const run = await runCliCapturing(
      [
        'draw',
        path.join(EXTRACT, 'crimes.csv'),
        '--plan',
        'plan.yaml',
        '--map',
        path.join(EXTRACT, 'map.yaml'),
        '--out',
        's',
      ],
      work,
    );
    assert.equal(run.status, 2);
    assert.match(
      run.stderr,
      /plan\.yaml:5:11: Sampling plan: dipsample draw draws simple_random, random, stratified_random, not purposive/,
    );
  });

  it('takes a CSV whose headers are field paths without a map, coercing values to the schema types', async () => {
    writeFileSync(
      path.join(work, 'frame.csv'),
      lines(
        'reference,classification.category,attendance.status,reported_at,recorded_at,domestic_abuse,filed.outcome.code',
        'A-1,burglary_dwelling,not_attended,2013-11-02T10:00,2013-11-02T10:05,yes,18',
        'A-2,criminal_damage,attended,2013-11-03T10:00,2013-11-03T10:05,no,',
        'A-3,criminal_damage,attended,2013-12-03T10:00,2013-12-03T10:05,no,',
        'A-4,criminal_damage,attended,2013-11-31T10:00,2013-11-03T10:05,no,',
      ),
    );
    writeFileSync(
      path.join(work, 'plan.yaml'),
      lines(
        'format: dip-sample/1',
        'name: x',
        'period: { from: "2013-11-01", to: "2013-11-30", basis: reported }',
        'size: 2',
        'selection: { method: simple_random, seed: 3 }',
      ),
    );
    const run = await runCliCapturing(['draw', 'frame.csv', '--plan', 'plan.yaml', '--out', 's'], work);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /frame\.csv:5: not drawn: reported_at: "2013-11-31T10:00" is not a date-time that exists/);
    const record = parse(readFileSync(path.join(work, 's', 'A-1.crime.yaml'), 'utf8'));
    assert.equal(record.domestic_abuse, true);
    assert.equal(record.filed.outcome.code, 18);
    assert.equal(record.reported_at, '2013-11-02T10:00:00+00:00');
    assert.equal(
      parse(readFileSync(path.join(work, 's', 'A-2.crime.yaml'), 'utf8')).filed,
      undefined,
      'an empty cell leaves the field out',
    );
  });

  it('refuses CSV headers that are not field paths without a map, and malformed CSV, with exit 2', async () => {
    writeFileSync(
      path.join(work, 'plan.yaml'),
      lines('format: dip-sample/1', 'name: x', 'size: 1', 'selection: { method: simple_random, seed: 3 }'),
    );
    writeFileSync(path.join(work, 'names.csv'), lines('reference,VICTIM_NAME', 'A-1,Jo Bloggs'));
    const unknown = await runCliCapturing(['draw', 'names.csv', '--plan', 'plan.yaml', '--out', 's'], work);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /names\.csv:1: not crime-file\/1 field paths: VICTIM_NAME \(give a --map/);
    writeFileSync(path.join(work, 'bad.csv'), 'reference\nA-1\n"A-2\n');
    const malformed = await runCliCapturing(['draw', 'bad.csv', '--plan', 'plan.yaml', '--out', 's'], work);
    assert.equal(malformed.status, 2);
    assert.match(malformed.stderr, /bad\.csv:\d+: not a readable CSV file/);
    assert.ok(!existsSync(path.join(work, 's')));
  });

  it('draws from a folder of crime files, copying the drawn files as they are', async () => {
    const frame = path.join(REPO_ROOT, 'samples', 'hmic-2014-northmoor');
    writeFileSync(
      path.join(work, 'plan.yaml'),
      lines(
        'format: dip-sample/1',
        'name: x',
        'size: 12',
        'selection:',
        '  method: stratified_random',
        '  seed: 9',
        '  strata: [{ description: burglary, filter: { classification.category: [burglary_dwelling, burglary_other] }, size: 6 }]',
        '  constraints: [{ description: some not attended, filter: { attendance.status: not_attended }, atLeast: 8 }]',
      ),
    );
    const run = await runCliCapturing(['draw', frame, '--plan', 'plan.yaml', '--out', 's'], work);
    assert.equal(run.status, 0, run.stderr);
    const manifest = parse(readFileSync(path.join(work, 's', 'sample.yaml'), 'utf8'));
    assert.equal(manifest.drawn.frame.rows, 100);
    for (const reference of manifest.drawn.references as string[]) {
      const name = readdirSync(frame).find((file) => file.startsWith(`${reference}.crime.`))!;
      assert.equal(readFileSync(path.join(work, 's', name), 'utf8'), readFileSync(path.join(frame, name), 'utf8'));
    }
    assert.ok(manifest.drawn.constraints[0].drawn >= 8);
  });
});
