import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Auditor, auditText, INTERNAL_RULE, type FileReport, type RuleSet } from '../../src/engine';
import { MAX_DOCUMENT_LENGTH, MAX_NESTING_DEPTH } from '../../src/engine/parse/document';
import { memoryHost, REPO_ROOT } from './helpers';

/** A small seeded generator (mulberry32): the same mutations on every run, anywhere. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SPECIALS = [
  '*a',
  '&a',
  '!!js/function',
  '!evil',
  '\u0000',
  '\u001b[2J',
  '\ufffd',
  '\ufeff',
  '\r',
  '[',
  '{',
  '"',
  "'",
  ': ',
  '- ',
  '#',
  '24:00',
  '+25:00',
  '\t',
  '<<: *a',
  '9'.repeat(400),
];

/** One mutation of `text`: a byte flip, a truncation, a line deleted or doubled, or a special inserted. */
function mutate(text: string, next: () => number): string {
  const at = Math.floor(next() * text.length);
  const lines = text.split('\n');
  const line = Math.floor(next() * lines.length);
  switch (Math.floor(next() * 6)) {
    case 0:
      return (
        text.slice(0, at) +
        String.fromCharCode(text.charCodeAt(at) ^ (1 << Math.floor(next() * 7))) +
        text.slice(at + 1)
      );
    case 1:
      return text.slice(0, at);
    case 2:
      return [...lines.slice(0, line), ...lines.slice(line + 1)].join('\n');
    case 3:
      return [...lines.slice(0, line + 1), ...lines.slice(line)].join('\n');
    case 4:
      return text.slice(0, at) + SPECIALS[Math.floor(next() * SPECIALS.length)] + text.slice(at);
    default:
      return lines.map((l, i) => (i === line ? l.replace(/\d{2}:\d{2}/, '24:00') : l)).join('\n');
  }
}

/** JSON.parse as an independent oracle of JSON syntax, given the limits dipsample adds on purpose. */
function jsonOracleAccepts(text: string): boolean | 'limit' {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return false;
  }
  // Limits and strictness beyond JSON: depth, size, control characters, duplicate keys.
  if (
    text.length > MAX_DOCUMENT_LENGTH ||
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/.test(JSON.stringify(value) + body)
  )
    return 'limit';
  let depth = 0;
  let deepest = 0;
  for (const c of body) {
    if (c === '[' || c === '{') deepest = Math.max(deepest, ++depth);
    else if (c === ']' || c === '}') depth--;
  }
  return deepest > MAX_NESTING_DEPTH ? 'limit' : true;
}

function checkReport(report: FileReport, text: string, what: string): void {
  assert.ok(
    !report.findings.some((f) => f.rule === INTERNAL_RULE),
    `${what}: internal error ${report.findings.find((f) => f.rule === INTERNAL_RULE)?.message}`,
  );
  const lines = text.split(/\r\n|\r|\n/);
  for (const finding of report.findings) {
    const { start, end } = finding.range;
    assert.ok(
      start.line >= 0 && start.line < lines.length + 1 && end.line < lines.length + 1,
      `${what}: ${finding.message} at line ${start.line}`,
    );
    assert.ok(start.line < end.line || start.character <= end.character, `${what}: range ends before it starts`);
    assert.ok(finding.message.length > 0);
  }
  if (report.syntaxError) assert.ok(report.findings.length > 0, `${what}: unreadable but no finding`);
  // A rule is "not audited" only because the file breaks the schema in a field it read.
  if (report.results.some((result) => result.outcome === 'notAudited'))
    assert.ok(report.schemaError, `${what}: a rule not audited on a file that keeps the schema`);
}

/** Mutations per seed file: 500 in the unit suite; `npm run fuzz` runs 25,000 (100,000 files). */
const ITERATIONS = Number(process.env.FUZZ_ITERATIONS) > 0 ? Number(process.env.FUZZ_ITERATIONS) : 500;

describe('fuzz: mutated crime files (seeded)', function () {
  this.timeout(60_000 + ITERATIONS * 200);
  let ruleSet: RuleSet;
  const seeds = [
    ['samples/training-basics/TRAIN-01.crime.yaml', 'yaml'],
    ['samples/hmic-2014-northmoor/NM-13-041546.crime.json', 'json'],
    ['samples/peel-2017-file-review/EM-17-045904.crime.json', 'json'],
    ['samples/peel-2122-victim-service/HD-21-023067.crime.yaml', 'yaml'],
  ] as const;

  before(async () => {
    const pack = readFileSync(path.join(REPO_ROOT, 'rules', 'peel-2122-victim-service.pack.yaml'), 'utf8');
    const files = { '/f/p.pack.yaml': pack, '/f/.dipsample.yaml': 'packs: [core, ./p.pack.yaml]\n' };
    ruleSet = await new Auditor(memoryHost(files)).ruleSetFor('/f/x.crime.yaml');
    assert.deepEqual(ruleSet.problems, []);
  });

  it('never throws, never fails internally, locates every finding; JSON agrees with JSON.parse', () => {
    const next = random(20261201);
    let audited = 0;
    let unreadable = 0;
    for (const [seed, format] of seeds) {
      const original = readFileSync(path.join(REPO_ROOT, seed), 'utf8');
      for (let i = 0; i < ITERATIONS; i++) {
        let text = original;
        for (let k = 1 + Math.floor(next() * 3); k > 0; k--) text = mutate(text, next);
        const name = `/f/m${i}.crime.${format}`;
        const report = auditText(text, name, ruleSet);
        checkReport(report, text, `${seed} #${i}`);
        if (format === 'json') {
          const oracle = jsonOracleAccepts(text);
          if (oracle === false)
            assert.equal(report.syntaxError, true, `${seed} #${i}: JSON.parse refuses it, dipsample read it`);
          if (oracle === true && report.syntaxError) {
            // JSON allows duplicate keys; dipsample refuses them. Check the key it names is there twice.
            const finding = report.findings[0];
            assert.equal(finding.message, 'Invalid JSON: Map keys must be unique', `${seed} #${i}: ${finding.message}`);
            const lines = text.split(/\r\n|\r|\n/);
            const key = lines[finding.range.start.line].slice(
              finding.range.start.character,
              finding.range.end.character,
            );
            const uses = text.split(new RegExp(`${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`)).length - 1;
            assert.ok(uses >= 2, `${seed} #${i}: ${key} is not duplicated`);
          }
        }
        audited++;
        if (report.syntaxError) unreadable++;
      }
    }
    assert.equal(audited, seeds.length * ITERATIONS);
    // Both kinds of input were exercised: files that still read, and files that do not.
    assert.ok(unreadable > 100 && unreadable < audited - 100, `${unreadable} unreadable of ${audited}`);
  });
});
