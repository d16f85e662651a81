import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import nlp from 'compromise';
import { parse } from 'yaml';
import { findPersonNames, isCrimeFile, loadPersonNameFinder, Redactor, type RedactionInput } from '../../src/engine';
import { sha256Hex } from '../../src/engine/redact/sha256';
import { crimeFieldRole } from '../../src/engine/redact/fieldRoles';
import { RedactCancelled, redactFolder } from '../../src/node/redactFolder';
import { REPO_ROOT, runCliCapturing } from './helpers';

const SAMPLES = path.join(REPO_ROOT, 'samples');
/** The bundled dip-samples: folders of crime files (an RMS extract of CSV tables is not one). */
const SAMPLE_NAMES = readdirSync(SAMPLES).filter(
  (name) =>
    statSync(path.join(SAMPLES, name)).isDirectory() &&
    readdirSync(path.join(SAMPLES, name)).some((file) => isCrimeFile(file)),
);

/** Every file under a folder, relative path → bytes' hash. */
function treeHashes(folder: string, rel = ''): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const entry of readdirSync(path.join(folder, rel), { withFileTypes: true })) {
    const child = path.join(rel, entry.name);
    if (entry.isDirectory()) Object.assign(hashes, treeHashes(folder, child));
    else
      hashes[child] = createHash('sha256')
        .update(readFileSync(path.join(folder, child)))
        .digest('hex');
  }
  return hashes;
}

/** The text of every file under a folder, joined. */
function treeText(folder: string): string {
  return Object.keys(treeHashes(folder))
    .map((rel) => readFileSync(path.join(folder, rel), 'utf8'))
    .join('\n');
}

/** Per file (by name): each rule's outcome and the findings' rules and severities, as the CLI's JSON gives them. */
async function auditShape(folder: string): Promise<Record<string, unknown>> {
  const run = await runCliCapturing(['audit', folder, '--format', 'json'], REPO_ROOT);
  assert.equal(run.status, 0, run.stderr);
  const json = JSON.parse(run.stdout) as {
    files: Array<{
      path: string;
      results: Array<{ rule: string; outcome: string }>;
      findings: Array<{ rule: string; severity: string }>;
    }>;
  };
  return Object.fromEntries(
    json.files.map((file) => [
      path.basename(file.path),
      {
        results: file.results.map((result) => `${result.rule}: ${result.outcome}`),
        findings: file.findings.map((finding) => `${finding.rule}: ${finding.severity}`).sort(),
      },
    ]),
  );
}

/** Every string of a parsed crime file with its field path. */
function strings(
  value: unknown,
  at: Array<string | number> = [],
): Array<{ path: Array<string | number>; value: string }> {
  if (typeof value === 'string') return [{ path: at, value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => strings(item, [...at, index]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => strings(item, [...at, key]));
  return [];
}

function crimeFiles(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => /\.crime\.(ya?ml|json)$/.test(name))
    .map((name) => path.join(folder, name));
}

const wholeWord = (word: string, flags = '') =>
  new RegExp(`(?<![\\p{L}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, `u${flags}`);

function redactorFor(files: RedactionInput[], salt?: string): Redactor {
  const redactor = new Redactor({ salt });
  for (const file of files) assert.ok(redactor.learn(file));
  return redactor;
}

describe('dipsample redact', function () {
  this.timeout(120_000);
  let temp: string;

  before(() => loadPersonNameFinder());

  beforeEach(() => {
    temp = mkdtempSync(path.join(tmpdir(), 'dipsample-redact-'));
  });
  afterEach(() => rmSync(temp, { recursive: true, force: true }));

  describe('on every bundled sample', () => {
    for (const sample of SAMPLE_NAMES) {
      it(`${sample}: the copy audits as the original and no name is left`, async () => {
        const input = path.join(SAMPLES, sample);
        const out = path.join(temp, 'copy');
        const before = treeHashes(input);
        const run = await runCliCapturing(['redact', input, '--out', out, '--include-reviews'], REPO_ROOT);
        assert.equal(run.status, 0, run.stderr);
        assert.deepEqual(treeHashes(input), before, 'the input is untouched');

        assert.deepEqual(await auditShape(out), await auditShape(input));

        const copy = treeText(out);
        const names = new Set<string>();
        const textNames = new Set<string>();
        for (const file of crimeFiles(input)) {
          const value: unknown = parse(readFileSync(file, 'utf8'));
          for (const { path: at, value: text } of strings(value)) {
            const role = crimeFieldRole(at).role;
            if (role === 'name') names.add(text);
            if (role !== 'text') continue;
            for (const match of nlp(text).people().json() as Array<{ terms: Array<{ text: string }> }>)
              for (const term of match.terms) textNames.add(term.text.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''));
          }
        }
        assert.ok(names.size > 0);
        for (const name of names) {
          assert.doesNotMatch(copy, wholeWord(name, 'i'), `name ${name} left in the copy`);
          for (const word of name.split(/[\s-]+/).filter((w) => w.length > 1))
            assert.doesNotMatch(copy, wholeWord(word), `${word} (of ${name}) left in the copy`);
        }
        // compromise's people, less what is not a name by the redaction's documented rules: lower-case
        // words ("mark"), acronyms (ABE), and street types (the "Drive" of "Holly Drive"; "Holly" goes).
        for (const word of [...textNames].map((w) => w.replace(/['’]s$/u, ''))) {
          if (word.length < 2 || !/^\p{Lu}/u.test(word) || word === word.toUpperCase()) continue;
          if (/^(Road|Street|Lane|Avenue|Close|Drive|Way|Court|Crescent|Terrace|Gardens|Grove)$/.test(word)) continue;
          assert.doesNotMatch(copy, wholeWord(word), `${word} (found by compromise) left in the copy`);
        }
      });
    }
  });

  it('is deterministic: two runs give byte-identical copies; a salt changes the pseudonyms, not the audit', async () => {
    const input = path.join(SAMPLES, 'training-basics');
    const [a, b, salted] = ['a', 'b', 'salted'].map((name) => path.join(temp, name));
    assert.equal((await runCliCapturing(['redact', input, '--out', a], REPO_ROOT)).status, 0);
    assert.equal((await runCliCapturing(['redact', input, '--out', b], REPO_ROOT)).status, 0);
    assert.equal(
      (await runCliCapturing(['redact', input, '--out', salted, '--salt', 'course-7'], REPO_ROOT)).status,
      0,
    );
    assert.deepEqual(treeHashes(a), treeHashes(b));
    const first = readFileSync(path.join(a, 'TRAIN-01.crime.yaml'), 'utf8');
    const other = readFileSync(path.join(salted, 'TRAIN-01.crime.yaml'), 'utf8');
    const namesOf = (text: string) => [...text.matchAll(/name: (.+)/g)].map((m) => m[1]);
    assert.notDeepEqual(namesOf(first), namesOf(other));
    assert.deepEqual(await auditShape(salted), await auditShape(a));
  });

  it('refuses an existing --out without --force (exit 2, nothing written); --force replaces it', async () => {
    const input = path.join(SAMPLES, 'training-basics');
    const out = path.join(temp, 'copy');
    mkdirSync(out);
    writeFileSync(path.join(out, 'keep.txt'), 'mine');
    const refused = await runCliCapturing(['redact', input, '--out', out], REPO_ROOT);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /already exists: use --force/);
    assert.deepEqual(Object.keys(treeHashes(out)), ['keep.txt']);
    assert.deepEqual(readdirSync(temp), ['copy'], 'no temporary folder left behind');

    const forced = await runCliCapturing(['redact', input, '--out', out, '--force'], REPO_ROOT);
    assert.equal(forced.status, 0, forced.stderr);
    assert.ok(!Object.keys(treeHashes(out)).includes('keep.txt'));
    assert.deepEqual(readdirSync(temp), ['copy']);
  });

  it('stops when cancelled (as the editor command does), writing nothing', async () => {
    const out = path.join(temp, 'copy');
    let polls = 0;
    await assert.rejects(
      redactFolder({ input: path.join(SAMPLES, 'training-basics'), output: out, isCancelled: () => ++polls > 5 }),
      RedactCancelled,
    );
    assert.deepEqual(readdirSync(temp), []);
  });

  it('refuses an --out inside the folder, or holding it', async () => {
    const input = path.join(temp, 'sample');
    mkdirSync(input);
    writeFileSync(path.join(input, 'a.crime.yaml'), 'format: crime-file/1\nreference: A\n');
    assert.equal((await runCliCapturing(['redact', input, '--out', path.join(input, 'copy')], REPO_ROOT)).status, 2);
    assert.equal((await runCliCapturing(['redact', input, '--out', temp, '--force'], REPO_ROOT)).status, 2);
    assert.deepEqual(readdirSync(input), ['a.crime.yaml']);
  });

  it('never crashes on broken or hostile files: they are left out and named; nothing readable, nothing written', async () => {
    const input = path.join(temp, 'sample');
    mkdirSync(input);
    const good = 'format: crime-file/1\nreference: G-1\nofficer_in_case: { id: PC 1111, name: Tamsin Quorley }\n';
    writeFileSync(path.join(input, 'good.crime.yaml'), good);
    writeFileSync(
      path.join(input, 'broken.crime.yaml'),
      'format: crime-file/1\nreference: [unclosed\n  name: Tamsin Quorley\n',
    );
    writeFileSync(
      path.join(input, 'bomb.crime.yaml'),
      `a: &a [x, x, x, x, x, x, x, x, x]\n${'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n'}`,
    );
    writeFileSync(path.join(input, 'list.crime.json'), '["not", "a", "crime", "Tamsin Quorley"]');
    writeFileSync(path.join(input, 'notes.txt'), 'Tamsin Quorley lives at 3 Elm Road');
    const out = path.join(temp, 'copy');
    const run = await runCliCapturing(['redact', input, '--out', out, '--format', 'json'], REPO_ROOT);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /broken\.crime\.yaml: not copied: could not be read/);
    assert.match(run.stderr, /bomb\.crime\.yaml: not copied: could not be read/);
    assert.match(run.stderr, /notes\.txt: not copied: not a file dipsample reads/);
    assert.deepEqual(readdirSync(out).sort(), ['good.crime.yaml', 'list.crime.json']);
    assert.doesNotMatch(treeText(out), /Tamsin|Quorley/);
    assert.deepEqual(JSON.parse(readFileSync(path.join(out, 'list.crime.json'), 'utf8')).slice(0, 3), [
      'not',
      'a',
      'crime',
    ]);
    const report = JSON.parse(run.stdout) as {
      files: { crime: number; notCopied: unknown[] };
      replaced: Record<string, number>;
    };
    assert.equal(report.files.crime, 2);
    assert.equal(report.files.notCopied.length, 3);
    assert.doesNotMatch(run.stdout, /Tamsin|Quorley|PC 1111/, 'the report never shows the values');

    for (const name of ['good.crime.yaml', 'list.crime.json']) rmSync(path.join(input, name));
    const nothing = await runCliCapturing(['redact', input, '--out', path.join(temp, 'none')], REPO_ROOT);
    assert.equal(nothing.status, 2);
    assert.match(nothing.stderr, /No crime file .* could be copied/);
    assert.ok(!readdirSync(temp).includes('none'));
  });

  it('leaves reviews out by default; --include-reviews redacts notes and keeps references and rule ids', async () => {
    const input = path.join(temp, 'sample');
    mkdirSync(path.join(input, 'reviews'), { recursive: true });
    writeFileSync(
      path.join(input, 'a.crime.yaml'),
      'format: crime-file/1\nreference: R-1\nofficer_in_case: { id: DC 4410, role: detective, name: Orla Penhallow }\n',
    );
    const review = [
      'format: dipsample-review/1',
      'reviewer: { id: TRAINER, name: Morwenna Tregothnan, role: trainer }',
      'files:',
      '  R-1:',
      '    supervision-recorded:',
      '      outcome: failed',
      '      note: Penhallow (DC 4410) signed her own review; ring 07700 900461.',
      '',
    ].join('\n');
    writeFileSync(path.join(input, 'reviews', 'TRAINER.review.yaml'), review);

    const plain = await runCliCapturing(['redact', input, '--out', path.join(temp, 'plain')], REPO_ROOT);
    assert.equal(plain.status, 0);
    assert.match(plain.stderr, /TRAINER\.review\.yaml: not copied: review file/);
    assert.deepEqual(readdirSync(path.join(temp, 'plain')), ['a.crime.yaml']);

    const withReviews = await runCliCapturing(
      ['redact', input, '--out', path.join(temp, 'reviews'), '--include-reviews'],
      REPO_ROOT,
    );
    assert.equal(withReviews.status, 0, withReviews.stderr);
    const copied = readFileSync(path.join(temp, 'reviews', 'reviews', 'TRAINER.review.yaml'), 'utf8');
    const crime = readFileSync(path.join(temp, 'reviews', 'a.crime.yaml'), 'utf8');
    assert.doesNotMatch(copied, /Penhallow|Morwenna|Tregothnan|DC 4410|900461/);
    assert.match(copied, /^ {2}R-1:$/m);
    assert.match(copied, /supervision-recorded:/);
    assert.match(copied, /id: TRAINER/);
    const pseudonymId = /id: (DC \d{4})/.exec(crime)?.[1];
    const pseudonymSurname = /name: \S+ (\S+) \}/.exec(crime)?.[1];
    assert.ok(pseudonymId && pseudonymSurname);
    assert.ok(copied.includes(`${pseudonymSurname} (${pseudonymId})`), 'the same pseudonyms as in the crime file');
  });

  describe('the engine', () => {
    const yaml = (text: string): RedactionInput => ({ text, format: 'yaml', kind: 'crime' });

    it('replaces names, ids, phones, e-mails, postcodes, streets and dates of birth in free text', () => {
      const file = yaml(
        [
          '# a comment that stays',
          'format: crime-file/1',
          'reference: CR-1',
          'incident_reference: INC-131109-0747',
          'officer_in_case: { id: DC 5410, role: detective, name: Donna Wendledale }',
          'victims:',
          '  - id: VIC-4MP590W',
          'log:',
          '  - at: 2013-11-03T14:00',
          '    author: { id: PS 2073, role: supervisor, rank: PS, name: Gemma Pendlemere }',
          '    type: note',
          '    text: |',
          '      Victim Josephine Bloggs said she saw him. Ring 07700 900123 or (01632) 960 001.',
          '      Email josephine.bloggs@mail.example.com; lives at 14 Elm Lane, Oxenmire LS1 4AB. DOB 12/03/1985.',
          '      Wendledale told DC 5410 (Donna) about INC-131109-0747. Reviewed. PS 2073',
          '',
        ].join('\n'),
      );
      const redactor = redactorFor([file]);
      const { text, counts } = redactor.redact(file)!;
      assert.match(text, /^# a comment that stays$/m);
      assert.match(text, /^reference: CR-1$/m);
      for (const gone of [
        'Josephine',
        'Bloggs',
        'Donna',
        'Wendledale',
        'Gemma',
        'Pendlemere',
        '900123',
        '960 001',
        'josephine.bloggs',
        'Elm',
        'LS1 4AB',
        '12/03',
        'DC 5410',
        'PS 2073',
        'VIC-4MP590W',
        'INC-131109-0747',
      ])
        assert.ok(!text.includes(gone), `${gone} left in:\n${text}`);
      assert.match(text, /Ring 07700 900\d{3} or \(01632\) 960 \d{3}\./);
      assert.match(text, /contact-[0-9a-f]{6}@example\.org/);
      assert.match(text, /lives at 14 \p{Lu}\p{Ll}+ Lane, Oxenmire ZZ\d \d[A-Z]{2}\. DOB \d\d\/\d\d\/1985\./u);
      const oic = /officer_in_case: \{ id: (DC \d{4}), role: detective, name: (\S+) (\S+) \}/.exec(text);
      assert.ok(oic, text);
      assert.ok(text.includes(`${oic[3]} told ${oic[1]} (${oic[2]})`), 'the same pseudonym in fields and in text');
      assert.equal(new ParsedYaml(text).log[0].author.rank, 'PS', 'ranks and roles stay');
      assert.deepEqual(
        { name: counts.name, nameInText: counts.nameInText, phone: counts.phone, email: counts.email },
        { name: 2, nameInText: 3, phone: 2, email: 1 },
      );
      assert.deepEqual(
        [counts.postcode, counts.address, counts.dateOfBirth, counts.victimId, counts.incidentReference],
        [1, 1, 1, 1, 2],
      );
    });

    it('keeps ids equal where they were equal and different where they were different, in every file', () => {
      const files = ['A', 'B'].map((ref) =>
        yaml(
          `format: crime-file/1\nreference: ${ref}\nofficer_in_case: { id: DC 1, name: Sam Pike }\nlog:\n  - author: { id: ${ref === 'A' ? 'DC 1' : 'DS 1'}, role: supervisor }\n`,
        ),
      );
      const redactor = redactorFor(files);
      const [a, b] = files.map(
        (file) =>
          parse(redactor.redact(file)!.text) as {
            officer_in_case: { id: string; name: string };
            log: Array<{ author: { id: string } }>;
          },
      );
      assert.equal(a.officer_in_case.id, b.officer_in_case.id);
      assert.equal(a.officer_in_case.name, b.officer_in_case.name);
      assert.equal(a.log[0].author.id, a.officer_in_case.id);
      assert.notEqual(b.log[0].author.id, b.officer_in_case.id);
      assert.match(a.officer_in_case.id, /^DC \d$/, 'the shape and rank prefix are kept');
      assert.notEqual(a.officer_in_case.id, 'DC 1');
    });

    it('keeps JSON valid JSON and changes nothing but the redacted values', () => {
      const json = JSON.stringify(
        { format: 'crime-file/1', reference: 'J-1', officer_in_case: { id: 'S10442', name: 'Ravi Tennant' }, x_n: 1 },
        null,
        2,
      );
      const file: RedactionInput = { text: json, format: 'json', kind: 'crime' };
      const out = redactorFor([file]).redact(file)!.text;
      const value = JSON.parse(out) as {
        reference: string;
        officer_in_case: { id: string; name: string };
        x_n: number;
      };
      assert.equal(value.reference, 'J-1');
      assert.match(value.officer_in_case.id, /^S\d{5}$/);
      assert.doesNotMatch(out, /Ravi|Tennant|S10442/);
      assert.equal(out.split('\n').length, json.split('\n').length);
    });

    it('finds people compromise finds, not the words it mistakes in police writing', () => {
      const words = (text: string) => findPersonNames(text).flatMap((hit) => hit.words.map((word) => word.text));
      assert.deepEqual(words('Victim Josephine Bloggs said she saw him.'), ['Josephine', 'Bloggs']);
      assert.deepEqual(words('Advised to mark tools with postcode. Obtain MG11 from IP (ABE interview).'), []);
      assert.deepEqual(words('Car parked on Holly Drive overnight.'), []);
    });

    it('hashes with SHA-256', () => {
      assert.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
      assert.equal(sha256Hex('é'.repeat(100)), createHash('sha256').update('é'.repeat(100)).digest('hex'));
    });
  });
});

/** Reads YAML for assertions. */
class ParsedYaml {
  readonly log: Array<{ author: { rank: string } }>;
  constructor(text: string) {
    this.log = (parse(text) as { log: ParsedYaml['log'] }).log;
  }
}
