import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { dump } from 'js-yaml';
import { Document, parseDocument } from 'yaml';
import type { PathSegment } from '../../src/engine';
import { coreScalarValue } from '../../src/engine/parse/coreScalar';
import { MAX_NESTING_DEPTH, ParsedDocument, type SourceFormat } from '../../src/engine/parse/document';
import { parseByEvents } from '../../src/engine/parse/eventParse';
import { Random } from '../../src/engine/sampling/prng';
import { REPO_ROOT } from './helpers';

/**
 * The fast parse (js-yaml events) against the reference (`yaml` alone): for every file, the same
 * data, the same problems, and every path — each node, and a missing child of each — located at
 * the same characters by `locate`, `locateKey` and `locateValue`.
 */
function differences(text: string, format: SourceFormat): string | undefined {
  const fast = new ParsedDocument(text, format);
  const reference = new ParsedDocument(text, format, false);
  const read = (document: ParsedDocument) => JSON.stringify({ value: document.value, problems: document.problems });
  if (read(fast) !== read(reference))
    return `data or problems differ:\n  fast ${read(fast)}\n  yaml ${read(reference)}`;
  for (const at of pathsOf(reference.value)) {
    const place = (document: ParsedDocument) =>
      JSON.stringify([
        document.locate(at),
        document.locateKey(at),
        // A block collection's end is approximate on both paths (see `locateValue`); no edit replaces one.
        reference.locate(at).exact && !isBlockCollection(reference, at) ? document.locateValue(at) : null,
      ]);
    if (place(fast) !== place(reference))
      return `${JSON.stringify(at)} located differently:\n  fast ${place(fast)}\n  yaml ${place(reference)}`;
  }
  return undefined;
}

/** A map or list at `at` that does not open with a bracket. */
function isBlockCollection(document: ParsedDocument, at: PathSegment[]): boolean {
  const value = valueAt(document.value, at);
  const { start } = document.locateValue(at);
  const opening = document.text.split(/\r\n|\n|\r/)[start.line]?.[start.character];
  return value !== null && typeof value === 'object' && opening !== '[' && opening !== '{';
}

function valueAt(root: unknown, at: PathSegment[]): unknown {
  let value = root;
  for (const segment of at)
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined;
  return value;
}

function pathsOf(value: unknown, prefix: PathSegment[] = [], out: PathSegment[][] = []): PathSegment[][] {
  out.push(prefix);
  if (prefix.length > 0) out.push([...prefix, 'not-there']);
  if (Array.isArray(value)) value.forEach((item, index) => pathsOf(item, [...prefix, index], out));
  else if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) pathsOf(item, [...prefix, key], out);
  return out;
}

function filesUnder(folder: string, out: string[] = []): string[] {
  for (const name of readdirSync(folder)) {
    const file = path.join(folder, name);
    if (statSync(file).isDirectory()) filesUnder(file, out);
    else if (/\.(ya?ml|json)$/.test(name) && statSync(file).size < 200_000) out.push(file);
  }
  return out;
}

const formatOf = (file: string): SourceFormat => (file.endsWith('.json') ? 'json' : 'yaml');
const BUNDLED = ['samples', 'rules', 'test/fixtures'].flatMap((folder) => filesUnder(path.join(REPO_ROOT, folder)));

function uniform(random: Random): () => number {
  return () => random.nextUint32() / 2 ** 32;
}

describe('the fast parse (js-yaml events) reads every file as yaml does', () => {
  it('every bundled sample, pack and fixture: same data, problems and places', () => {
    const differing = BUNDLED.map((file) => ({
      file,
      difference: differences(readFileSync(file, 'utf8'), formatOf(file)),
    })).filter(({ difference }) => difference !== undefined);
    assert.deepEqual(differing, []);
  });

  it('takes every bundled crime file (the files a batch audits)', () => {
    const crimeFiles = BUNDLED.filter(
      (file) => file.includes(`${path.sep}samples${path.sep}`) && /\.crime\./.test(file),
    );
    assert.ok(crimeFiles.length > 50);
    const slow = crimeFiles.filter((file) => !parseByEvents(readFileSync(file, 'utf8'), MAX_NESTING_DEPTH));
    assert.deepEqual(slow, []);
  });

  it('1,500 generated documents in every style yaml and js-yaml write: same data and places', function () {
    this.timeout(120_000);
    const next = uniform(Random.fromSeed('fast-parse-generated'));
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
    const texts = [
      'a',
      'b c',
      'x: y',
      '- z',
      'a #b',
      "it's",
      'say "hi"',
      '',
      ' lead',
      'trail ',
      'multi\nline',
      'line\n\nbreak\n',
      'tab\there',
      '12',
      '0o17',
      '0x1F',
      '1.50',
      '1e3',
      '.inf',
      'true',
      'No',
      'null',
      '~',
      '2017-01-20T12:00',
      '@x',
      '[x]',
      '{y}',
      'é ü — ’',
      'a\\b',
      '|',
      '? q',
      ':x',
      'k:',
      'long text '.repeat(12),
    ];
    const keys = ['k', 'key one', 'a-b', "q'k", 'k"q', 'é', 'with: colon', 'hash #k', 'toString', '__proto__', '12'];
    const valueAt = (depth: number): unknown => {
      const roll = next();
      if (depth > 3 || roll < 0.45) return pick<unknown>([...texts, 0, -1, 3.25, 1e21, true, false, null]);
      if (roll < 0.7) return Array.from({ length: Math.floor(next() * 4) }, () => valueAt(depth + 1));
      const record: Record<string, unknown> = {};
      for (let count = Math.floor(next() * 5); count > 0; count--)
        // Defined, not assigned: `__proto__` is one of the keys.
        Object.defineProperty(record, pick(keys), {
          value: valueAt(depth + 1),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      return record;
    };
    const failures: string[] = [];
    let fast = 0;
    for (let round = 0; round < 1500; round++) {
      const value = valueAt(0);
      const writer = next();
      let text =
        writer < 0.45
          ? new Document(value).toString({
              lineWidth: pick([0, 20, 80]),
              collectionStyle: pick(['any', 'block', 'flow'] as const),
              defaultStringType: pick([
                'PLAIN',
                'QUOTE_DOUBLE',
                'QUOTE_SINGLE',
                'BLOCK_LITERAL',
                'BLOCK_FOLDED',
              ] as const),
              defaultKeyType: pick([null, 'PLAIN', 'QUOTE_DOUBLE'] as const),
              indent: pick([2, 4]),
              indentSeq: next() < 0.5,
            })
          : writer < 0.85
            ? dump(value, { lineWidth: pick([-1, 20, 80]), flowLevel: pick([-1, 0, 1, 2]), indent: pick([2, 3]) })
            : JSON.stringify(value, null, pick([0, 2]));
      if (next() < 0.3) text = text.replace(/\n/g, () => (next() < 0.1 ? '  # note\n' : next() < 0.05 ? '\n\n' : '\n'));
      if (next() < 0.1) text = text.replace(/\n/g, '\r\n');
      if (next() < 0.1) text = `# head\n---\n${text}`;
      const format = writer >= 0.85 && next() < 0.5 ? 'json' : 'yaml';
      if (parseByEvents(text, MAX_NESTING_DEPTH)) fast++;
      const difference = differences(text, format);
      if (difference) failures.push(`${JSON.stringify(text)}\n${difference}`);
    }
    assert.deepEqual(failures.slice(0, 3), []);
    // Most of them are plain enough for the fast path: the comparison above is not of the fallback with itself.
    assert.ok(fast > 1200, `${fast} of 1,500 read on the fast path`);
  });

  it('1,500 mutations of the bundled files (mostly broken): same data, problems and places', function () {
    this.timeout(120_000);
    const next = uniform(Random.fromSeed('fast-parse-mutations'));
    const small = BUNDLED.filter((file) => statSync(file).size < 20_000).map((file) => ({
      text: readFileSync(file, 'utf8'),
      format: formatOf(file),
    }));
    const pieces = [
      ':',
      '-',
      ' ',
      '\n',
      '#',
      '"',
      "'",
      '|',
      '>',
      '|-',
      '>+',
      '[',
      ']',
      '{',
      '}',
      ',',
      '?',
      '\t',
      'x',
      '0',
      '\n  ',
      '\n- ',
      ': ',
      '\\',
      '\\n',
      '~',
      'true',
      '\r\n',
      '---\n',
      '...',
      '&a ',
      '*a',
      '!!str ',
      '<<: ',
      '"\\t"',
      "'x''y'",
      '0x1F',
      '- - ',
      '{}',
      '[]',
      'a: b: c',
      '\n\n',
      '  # c\n',
      '"\\e"',
      '\ufeff',
    ];
    const failures: string[] = [];
    for (let round = 0; round < 1500; round++) {
      const { text: original, format } = small[Math.floor(next() * small.length)];
      let text = original;
      for (let edit = 1 + Math.floor(next() * 3); edit > 0; edit--) {
        const at = Math.floor(next() * text.length);
        const piece = pieces[Math.floor(next() * pieces.length)];
        const kind = next();
        text =
          kind < 0.4
            ? text.slice(0, at) + piece + text.slice(at)
            : kind < 0.7
              ? text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 4))
              : text.slice(0, at) + piece + text.slice(at + piece.length);
      }
      const difference = differences(text, format);
      if (difference) failures.push(`${JSON.stringify(text)}\n${difference}`);
    }
    assert.deepEqual(failures.slice(0, 3), []);
  });

  it("leaves to yaml what it does not read the same way, and the findings are yaml's", () => {
    const leftToYaml: Array<[string, string]> = [
      ['anchor and alias', 'a: &x 1\nb: *x\n'],
      ['tag', 'a: !!str 1\n'],
      ['merge key', 'base: {a: 1}\nc:\n  <<: {b: 2}\n'],
      ['duplicate key', 'a: 1\na: 2\n'],
      ['explicit key', '? a\n: 1\n'],
      ['number key', '1: a\n'],
      ['null key', '~: a\n'],
      ['byte-order mark', '\ufeffa: 1\n'],
      ['directive', '%YAML 1.2\n---\na: 1\n'],
      ['two documents', 'a: 1\n---\nb: 2\n'],
      ['escaped control character', 'a: "\\e[2J"\n'],
      ['empty file', ''],
      ['comments only', '# nothing\n'],
      ['syntax error', 'a: [1, 2\nb: 3\n'],
      ['nesting past the limit', `${'['.repeat(MAX_NESTING_DEPTH + 1)}${']'.repeat(MAX_NESTING_DEPTH + 1)}\n`],
      ['a key over 1,024 characters', `${'k'.repeat(1100)}: 1\n`],
      ['a pair in a flow list', '[a: 1]\n'],
      ['trailing lines of spaces in a block scalar', 'a: |\n  x\n   \nb: 1\n'],
    ];
    for (const [what, text] of leftToYaml) {
      assert.equal(parseByEvents(text, MAX_NESTING_DEPTH), undefined, what);
      assert.equal(differences(text, 'yaml'), undefined, what);
    }
  });

  it('resolves plain scalars by the core schema exactly as yaml does', () => {
    const plain = [
      '~',
      'null',
      'Null',
      'NULL',
      'nULL',
      'true',
      'True',
      'TRUE',
      'tRUE',
      'false',
      'No',
      'yes',
      'on',
      '0',
      '-0',
      '+12',
      '012',
      '0o17',
      '0o18',
      '0x1F',
      '0X1F',
      '0b101',
      '1_000',
      '1.5',
      '1.',
      '.5',
      '-.5',
      '1e3',
      '1E-3',
      '.1e+2',
      '1.5.2',
      '.inf',
      '-.Inf',
      '+.INF',
      '.nan',
      '.NaN',
      '-.nan',
      '12345678901234567890',
      '2017-01-20',
      '2017-01-20T12:00',
      '12:30',
      'v1',
      'a',
      'é',
    ];
    for (const text of plain) {
      const expected = parseDocument(text).toJS() as unknown;
      assert.ok(
        Object.is(coreScalarValue(text), expected),
        `${text}: ${String(coreScalarValue(text))} ≠ ${String(expected)}`,
      );
    }
  });
});
