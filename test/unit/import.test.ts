import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { parseImportMap } from '../../src/engine';
import { extractFiles, EXTRACT_DIR } from '../../scripts/generate-extract';
import { lines, REPO_ROOT, runCliCapturing } from './helpers';

const EXTRACT = path.join(REPO_ROOT, 'samples', 'rms-extract-northmoor');

const MAP = lines(
  'format: dipsample-map/1',
  'timezone: Europe/London',
  'dates: ["dd/MM/yyyy HH:mm"]',
  'tables:',
  '  - file: crimes.csv',
  '    key: REF',
  '    fields:',
  '      reference: REF',
  '      classification.category: { column: CLASS, values: { BD: burglary_dwelling, CD: criminal_damage } }',
  '      reported_at: REPORTED',
  '      recorded_at: RECORDED',
  '      filed.outcome.code: { column: OUTCOME, type: integer }',
  '  - file: log.csv',
  '    key: REF',
  '    into: log',
  '    fields: { at: AT, author.id: WHO, author.role: { value: officer }, type: { value: note }, text: TEXT }',
);

describe('dipsample import', () => {
  let work: string;
  beforeEach(() => {
    work = mkdtempSync(path.join(tmpdir(), 'dipsample-import-'));
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  const write = (files: Record<string, string>) => {
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(work, name), text);
  };

  it('imports the bundled extract: one schema-valid crime file per crime, the log joined, unmapped columns left behind', async () => {
    const run = await runCliCapturing(['import', path.join(EXTRACT, 'map.yaml'), '--out', 'files'], work);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Imported 160 crime files/);
    const folder = path.join(work, 'files');
    const names = readdirSync(folder);
    assert.equal(names.length, 160);
    const crimes = readFileSync(path.join(EXTRACT, 'crimes.csv'), 'utf8');
    const victims = crimes
      .split('\n')
      .slice(1, 30)
      .map((row) => row.split(',')[9])
      .filter(Boolean);
    for (const name of names) {
      const text = readFileSync(path.join(folder, name), 'utf8');
      for (const victim of victims) assert.ok(!text.includes(victim), `${victim} reached ${name}`);
      assert.ok(!/07700/.test(text));
    }
    const record = parse(readFileSync(path.join(folder, 'NM-13-050000.crime.yaml'), 'utf8'));
    assert.equal(record.classification.category, 'burglary_dwelling');
    assert.ok(record.log.length >= 1);
    assert.deepEqual(record.log[0].advice, ['crime_prevention', 'evidence_preservation']);
    const audit = await runCliCapturing(['audit', folder, '--format', 'json'], work);
    const files = JSON.parse(audit.stdout).files as Array<{ findings: Array<{ rule: string }> }>;
    assert.equal(
      files.filter((file) => file.findings.some((f) => f.rule === 'schema' || f.rule === 'syntax')).length,
      0,
    );
  });

  it('the bundled extract imports, draws and audits: the workflow end to end', async () => {
    assert.equal((await runCliCapturing(['import', path.join(EXTRACT, 'map.yaml'), '--out', 'files'], work)).status, 0);
    const draw = await runCliCapturing(
      ['draw', 'files', '--plan', path.join(EXTRACT, 'plan.yaml'), '--out', 'sample'],
      work,
    );
    assert.equal(draw.status, 0, draw.stderr);
    const report = await runCliCapturing(['report', 'sample'], work);
    assert.equal(report.status, 0, report.stderr);
    assert.equal(report.stderr, '');
    assert.match(report.stdout, /Northmoor volume crime, November 2013/);
  });

  it('reports each bad row as file:line: column: message, leaves it out and imports the rest (exit 1)', async () => {
    write({
      'map.yaml': MAP,
      'crimes.csv': lines(
        'REF,CLASS,REPORTED,RECORDED,OUTCOME,VICTIM',
        'A-1,BD,02/11/2013 10:00,02/11/2013 10:05,18,Jo Bloggs',
        'A-2,XX,02/11/2013 10:00,02/11/2013 10:05,,Sam Smith',
        'A-3,CD,31/02/2014 10:00,02/11/2013 10:05,,',
        'A-4,CD,"02/11/2013',
        '10:00",02/11/2013 10:05,one,',
        'A-5,CD,27/10/2013 01:30,27/10/2013 01:45,,',
        'A-1,CD,02/11/2013 10:00,02/11/2013 10:05,,',
        'A-6,CD,02/11/2013 10:00',
      ),
      'log.csv': lines(
        'REF,AT,WHO,TEXT',
        'A-1,02/11/2013 11:00,PC 1,Called victim',
        'A-9,02/11/2013 11:00,PC 1,Orphan',
        'A-5,,PC 2,No time',
      ),
    });
    const run = await runCliCapturing(['import', 'map.yaml', '--out', 'out'], work);
    assert.equal(run.status, 1, run.stderr);
    const rejected = run.stderr
      .trim()
      .split('\n')
      .map((line) => line.replace('dipsample: rejected: ', ''));
    assert.deepEqual(rejected, [
      'crimes.csv:3: CLASS: code "XX" is not in the map\'s values (BD, CD)',
      'crimes.csv:4: REPORTED: "31/02/2014 10:00" is not a date-time that exists (formats dd/MM/yyyy HH:mm or ISO 8601)',
      'crimes.csv:5: REPORTED: "02/11/2013\\n10:00" is not a date-time that exists (formats dd/MM/yyyy HH:mm or ISO 8601)',
      'crimes.csv:5: OUTCOME: "one" is not a whole number',
      'crimes.csv:8: REF: "A-1" is already on line 2',
      'crimes.csv:9: 3 cells, the header has 6',
      'log.csv:3: REF: "A-9" matches no crime in crimes.csv',
      'log.csv:4: Missing required field `log[0].at`',
    ]);
    assert.deepEqual(readdirSync(path.join(work, 'out')).sort(), ['A-1.crime.yaml', 'A-5.crime.yaml']);
    const a1 = readFileSync(path.join(work, 'out', 'A-1.crime.yaml'), 'utf8');
    assert.ok(!a1.includes('Jo Bloggs'));
    assert.equal(parse(a1).log[0].at, '2013-11-02T11:00:00+00:00');
  });

  it('places wall-clock times by the clock-change rules (the repeated hour takes the earlier instant)', async () => {
    write({
      'map.yaml': MAP,
      'crimes.csv': lines(
        'REF,CLASS,REPORTED,RECORDED,OUTCOME',
        'A-5,CD,27/10/2013 01:30,2013-10-27T01:45Z,',
        'A-6,CD,31/03/2013 01:30,31/03/2013 02:30,',
      ),
      'log.csv': lines('REF,AT,WHO,TEXT'),
    });
    const run = await runCliCapturing(['import', 'map.yaml', '--out', 'out'], work);
    assert.equal(run.status, 0, run.stderr);
    const a5 = parse(readFileSync(path.join(work, 'out', 'A-5.crime.yaml'), 'utf8'));
    assert.equal(a5.reported_at, '2013-10-27T01:30:00+01:00');
    assert.equal(a5.recorded_at, '2013-10-27T01:45Z', 'a time with an offset is kept as it is');
    const a6 = parse(readFileSync(path.join(work, 'out', 'A-6.crime.yaml'), 'utf8'));
    assert.equal(a6.reported_at, '2013-03-31T02:30:00+01:00', '01:30 is in the spring gap: moved forward by the gap');
  });

  it('locates map errors in the map (exit 2) and writes nothing', async () => {
    write({
      'crimes.csv': lines('REF,CLASS,REPORTED,RECORDED,OUTCOME', 'A-1,BD,02/11/2013 10:00,02/11/2013 10:05,'),
      'log.csv': lines('REF,AT,WHO,TEXT'),
    });
    const problems = async (map: string) => {
      write({ 'map.yaml': map });
      const run = await runCliCapturing(['import', 'map.yaml', '--out', 'out'], work);
      assert.equal(run.status, 2, run.stderr);
      assert.ok(!existsSync(path.join(work, 'out')));
      return run.stderr;
    };
    assert.match(
      await problems(MAP.replace('reported_at: REPORTED', 'reported_on: REPORTED')),
      /map\.yaml:10:7: Import map: no field reported_on in crime-file\/1/,
    );
    assert.match(
      await problems(MAP.replace('reported_at: REPORTED', 'reported_at: WHEN')),
      /map\.yaml:10:20: Import map: crimes\.csv has no column WHEN/,
    );
    assert.match(
      await problems(MAP.replace('file: log.csv', 'file: logs.csv')),
      /map\.yaml:13:11: Import map: No such file: logs\.csv/,
    );
    assert.match(
      await problems(MAP.replace('Europe/London', 'Europe/Nowhere')),
      /map\.yaml:2:11: Import map: unknown time zone Europe\/Nowhere/,
    );
    assert.match(
      await problems(MAP.replace('into: log', 'into: classification')),
      /map\.yaml:15:11: Import map: classification is not a list of records/,
    );
    assert.match(
      await problems(MAP.replace('      reported_at: REPORTED\n', '      victims.name: REPORTED\n')),
      /victims is a list: map it from its own table/,
    );
    assert.match(await problems('format: dipsample-map/1\ntables: [ { file: a'), /map\.yaml:2:\d+: .*YAML/);
  });

  it('refuses an existing --out without --force', async () => {
    write({
      'map.yaml': MAP,
      'crimes.csv': lines('REF,CLASS,REPORTED,RECORDED,OUTCOME', 'A-1,BD,02/11/2013 10:00,02/11/2013 10:05,'),
      'log.csv': lines('REF,AT,WHO,TEXT'),
    });
    assert.equal((await runCliCapturing(['import', 'map.yaml', '--out', 'out'], work)).status, 0);
    const again = await runCliCapturing(['import', 'map.yaml', '--out', 'out'], work);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /out already exists: use --force/);
    assert.equal((await runCliCapturing(['import', 'map.yaml', '--out', 'out', '--force'], work)).status, 0);
  });

  it('never throws on hostile maps', () => {
    const hostile = [
      '',
      '~',
      '[]',
      'a: &a [*a, *a]',
      `tables: ${'['.repeat(300)}`,
      'format: dipsample-map/1\ntables: [{ file: x, key: k, fields: { "": c } }]',
      'format: dipsample-map/1\ntables: [{ file: x, key: k, fields: { "a..b": c, "__proto__.x": c, "constructor": c } }]',
    ];
    for (const text of hostile) assert.ok(parseImportMap(text, 'map.yaml').problems.length > 0, text);
  });
});

describe('the bundled RMS extract', () => {
  it('is what scripts/generate-extract.ts writes', () => {
    for (const [name, text] of extractFiles())
      assert.equal(readFileSync(path.join(EXTRACT_DIR, name), 'utf8'), text, name);
  });
});
