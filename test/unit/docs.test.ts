import { strict as assert } from 'node:assert';
import { loadPack, type RulePack } from '../../src/engine';
import { FUNCTIONS } from '../../src/engine/functions';
import {
  BLOCKS,
  buildDocs,
  FUNCTIONS_DOC,
  functionsTable,
  hasBlock,
  loadBuiltInPacks,
  parametersTable,
  replaceBlock,
  ruleHeader,
  scaleTable,
  type DocsBuild,
} from '../../scripts/build-docs';
import { REPO_ROOT } from './helpers';

/**
 * The documentation that restates the code is generated from it (`npm run docs`, in the manner of
 * markdownlint's doc-build): the check-function table of docs/rule-packs.md and the header,
 * parameter table and answer scale of every rule page. These tests fail when a block is stale.
 */

function pack(yaml: string): RulePack {
  const { pack: loaded, problems } = loadPack(yaml, '/packs/test.pack.yaml');
  assert.deepEqual(
    problems.filter((p) => p.severity === 'error'),
    [],
  );
  return loaded!;
}

const TEST_PACK = `
pack: test-pack
title: Test pack
rules:
  - id: quick-filing
    title: Filed quickly
    description: Filed soon after recording.
    severity: warning
    kinds: [crime, pnc_wanted]
    check:
      function: elapsed
      options: { from: { $param: anchor }, to: filed.at, min: { $param: threshold } }
    parameters:
      threshold: { description: Minimum time to filing, default: 24h, schema: { type: string, minLength: 1 } }
      anchor: { description: "Where | the span starts.", default: recorded_at, schema: { enum: [recorded_at, reported_at] } }
    source: [{ report: Invented (2099), quote: a quote }]
    tags: [filing, test]
  - id: quality
    title: Quality
    description: A reviewer's answer.
    severity: information
    judgment:
      question: Good?
      scale:
        - { value: good, outcome: passed, description: Good enough }
        - { value: poor, outcome: failed }
    source: [{ report: Invented (2099), quote: a quote }]
`;

describe('generated documentation (npm run docs)', () => {
  let build: DocsBuild;
  before(() => {
    build = buildDocs(REPO_ROOT);
  });

  it('finds every page and marker block it generates', () => {
    assert.deepEqual(build.problems, [], 'fix these by hand: npm run docs cannot');
  });

  it('generates docs/rule-packs.md and one page per rule of every built-in pack', () => {
    const { packs } = loadBuiltInPacks(REPO_ROOT);
    const rules = packs.flatMap((p) => p.rules.map((rule) => `rules/docs/${rule.id}.md`));
    assert.ok(rules.length > 0);
    assert.deepEqual(
      build.docs.map((doc) => doc.file),
      [FUNCTIONS_DOC, ...rules],
    );
  });

  it('has every generated block up to date (run npm run docs)', () => {
    for (const doc of build.docs) assert.equal(doc.current, doc.wanted, `${doc.file} is stale: run npm run docs`);
  });

  describe('the check-function table', () => {
    it('has a row for every function in FUNCTIONS, with each of its options and placeholders', () => {
      const rows = functionsTable().split('\n').slice(2);
      assert.equal(rows.length, FUNCTIONS.size);
      for (const fn of FUNCTIONS.values()) {
        const row = rows.find((line) => line.startsWith(`| \`${fn.name}\` |`));
        assert.ok(row, `no row for ${fn.name}`);
        const schema = fn.optionsSchema as { properties?: Record<string, unknown> };
        for (const option of Object.keys(schema.properties ?? {})) assert.ok(row.includes(`\`${option}\` (`), option);
        for (const placeholder of fn.placeholders) assert.ok(row.includes(`\`${placeholder}\``), placeholder);
      }
    });

    it('marks required options, shows defaults and descriptions, and names the alternatives', () => {
      const row = (name: string) =>
        functionsTable()
          .split('\n')
          .find((line) => line.startsWith(`| \`${name}\` |`))!;
      assert.match(row('present'), /`path` \(text, required\): /);
      assert.match(row('present'), /`nonEmpty` \(true or false, default `true`\): Also fail on null/);
      assert.match(row('count'), /`where` \(a \[condition\]\(#conditions-when-and-where\)\): /);
      assert.match(row('count'), /At least one of `min`, `max`\./);
    });
  });

  describe('a rule page', () => {
    const [check, judgment] = pack(TEST_PACK).rules;
    const testPack = pack(TEST_PACK);

    it('header: severity, pack, record kinds, tags and parameters with their defaults', () => {
      assert.equal(
        ruleHeader(check, testPack),
        [
          'Severity: `warning`',
          'Pack: `test-pack` (Test pack)',
          'Record kinds: `crime`, `pnc_wanted`',
          'Tags: `filing`, `test`',
          'Parameters: `threshold` (default `24h`), `anchor` (default `recorded_at`)',
        ].join('\n\n'),
      );
      assert.match(
        ruleHeader(judgment, testPack),
        /\n\nRecord kinds: `crime`\n\nParameters: none \(a judgment criterion\)$/,
      );
    });

    it('parameter table: default and description, with what a value must look like', () => {
      assert.equal(
        parametersTable(check),
        [
          '| Parameter | Default | Meaning |',
          '|---|---|---|',
          '| `threshold` | `24h` | Minimum time to filing. Write it as a number and unit (`90m`, `24h`, `3d`, `1.5d`) or an ISO 8601 duration (`PT24H`, `P3D`). |',
          '| `anchor` | `recorded_at` | Where \\| the span starts. One of `recorded_at`, `reported_at`. |',
        ].join('\n'),
      );
      assert.equal(parametersTable(judgment), 'The rule has no parameters.');
    });

    it('answer scale: each answer with its outcome and meaning', () => {
      assert.equal(
        scaleTable(judgment),
        [
          '| Answer | Outcome | Meaning |',
          '|---|---|---|',
          '| `good` | passed | Good enough. |',
          '| `poor` | failed |  |',
        ].join('\n'),
      );
    });
  });

  describe('marker blocks', () => {
    const page = [
      '# x: X',
      '',
      `<!-- ${BLOCKS.header}:start (generated) -->`,
      '',
      'old',
      '',
      `<!-- ${BLOCKS.header}:end -->`,
      '',
      'Prose stays.',
      '',
    ].join('\n');

    it('replaces only the text between the markers, kept apart from them by blank lines', () => {
      assert.ok(hasBlock(page, BLOCKS.header));
      assert.ok(!hasBlock(page, BLOCKS.scale));
      const updated = replaceBlock(page, BLOCKS.header, 'new\n\nlines');
      assert.equal(updated, page.replace('old', 'new\n\nlines'));
      assert.equal(replaceBlock(updated, BLOCKS.header, 'old'), page);
    });

    it('leaves a page without the block untouched', () => {
      assert.equal(replaceBlock(page, BLOCKS.scale, 'table'), page);
    });
  });
});
