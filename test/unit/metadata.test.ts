import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

/**
 * Metadata checks, in the spirit of vscode-markdownlint's metadata test: every rule in every pack
 * has a documentation page that names it correctly and quotes its sources, and every quotation is
 * really in the report it cites.
 */

interface SourceEntry {
  report?: string;
  seed?: string;
  paragraph?: string;
  line?: number;
  quote?: string;
}

interface RuleEntry {
  id?: string;
  title?: string;
  source?: SourceEntry[];
}

interface PackFile {
  file: string;
  pack: string;
  rules: RuleEntry[];
}

const repoRoot = path.resolve(__dirname, '..', '..');
const rulesDir = path.join(repoRoot, 'rules');
const docsDir = path.join(rulesDir, 'docs');
/** The report texts live beside the repository (`../shared/seeds`), not in it. */
const seedsDir = path.resolve(repoRoot, '..', 'shared', 'seeds');

const KEBAB_CASE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const SEED_LINE_TOLERANCE = 2;

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

function loadPacks(): PackFile[] {
  return readdirSync(rulesDir)
    .filter((name) => name.endsWith('.pack.yaml'))
    .sort()
    .map((name) => {
      const file = path.join(rulesDir, name);
      const value = parse(readFileSync(file, 'utf8')) as { pack?: string; rules?: RuleEntry[] } | null;
      return { file: name, pack: value?.pack ?? '', rules: Array.isArray(value?.rules) ? value.rules : [] };
    });
}

function docPages(): string[] {
  return existsSync(docsDir)
    ? readdirSync(docsDir)
        .filter((name) => name.endsWith('.md') && name !== 'README.md')
        .sort()
    : [];
}

const seedCache = new Map<string, string[]>();
function seedLines(seed: string): string[] {
  let lines = seedCache.get(seed);
  if (!lines) {
    lines = readFileSync(path.join(seedsDir, seed), 'utf8').split(/\r?\n/);
    seedCache.set(seed, lines);
  }
  return lines;
}

const packs = loadPacks();
const rules = packs.flatMap((pack) => pack.rules.map((rule) => ({ pack, rule })));

describe('rule metadata', () => {
  it('finds at least one rule pack with rules', () => {
    assert.ok(packs.length > 0, `no *.pack.yaml in ${rulesDir}`);
    assert.ok(rules.length > 0, 'the rule packs declare no rules');
  });

  it('uses kebab-case rule ids', () => {
    const bad = rules.filter(({ rule }) => typeof rule.id !== 'string' || !KEBAB_CASE.test(rule.id));
    assert.deepEqual(
      bad.map(({ pack, rule }) => `${pack.file}: ${JSON.stringify(rule.id)}`),
      [],
      'rule ids must be kebab-case (lowercase letters and digits joined by single hyphens)',
    );
  });

  it('uses each rule id once across all packs', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const { pack, rule } of rules) {
      if (typeof rule.id !== 'string') continue;
      const first = seen.get(rule.id);
      if (first) clashes.push(`${rule.id} (${first} and ${pack.file})`);
      else seen.set(rule.id, pack.file);
    }
    assert.deepEqual(clashes, [], 'duplicate rule ids');
  });

  it('has a doc page for every rule', () => {
    const missing = rules
      .map(({ rule }) => rule.id)
      .filter((id): id is string => typeof id === 'string' && !existsSync(path.join(docsDir, `${id}.md`)));
    assert.deepEqual(missing, [], `rules without rules/docs/<id>.md`);
  });

  it('has a rule for every doc page (README.md excepted)', () => {
    const ids = new Set(rules.map(({ rule }) => rule.id));
    const orphans = docPages().filter((name) => !ids.has(name.slice(0, -'.md'.length)));
    assert.deepEqual(orphans, [], 'doc pages without a rule');
  });

  it('lists every rule in rules/docs/README.md', () => {
    const index = readFileSync(path.join(docsDir, 'README.md'), 'utf8');
    const unlisted = rules
      .map(({ rule }) => rule.id)
      .filter((id) => typeof id === 'string' && !index.includes(`(${id}.md)`));
    assert.deepEqual(unlisted, [], 'rules missing from the index table');
  });

  it('gives every rule its pack title in the rules/docs/README.md index', () => {
    const index = readFileSync(path.join(docsDir, 'README.md'), 'utf8');
    const stale = rules.flatMap(({ rule }) => {
      const row = index.split('\n').find((line) => line.startsWith(`| [\`${rule.id}\`](${rule.id}.md) |`));
      const title = row?.split(' | ')[1];
      return row && typeof rule.title === 'string' && !title?.startsWith(rule.title) ? [`${rule.id}: ${title}`] : [];
    });
    assert.deepEqual(stale, [], 'index rows whose title is not the pack’s');
  });

  it('titles a time-to-filing rule by what a passing file shows, so "failed" counts the quick filings', () => {
    // HMIC's "filed within 24 hours" counts the failures; as a title it reads like the good outcome.
    const quick = rules.filter(({ rule }) => /^(hmic14-)?filed-within-24h/.test(String(rule.id)));
    assert.equal(quick.length, 2);
    for (const { rule } of quick) assert.match(String(rule.title), /^At least 24 hours from report to filing$/);
    const misleading = rules.filter(({ rule }) => /^Filed within\b/i.test(String(rule.title)));
    assert.deepEqual(
      misleading.map(({ rule }) => rule.id),
      [],
    );
  });

  for (const { pack, rule } of rules) {
    const id = rule.id ?? '(no id)';
    const page = path.join(docsDir, `${id}.md`);

    describe(`${id} (${pack.file})`, () => {
      const text = () => {
        assert.ok(existsSync(page), `missing ${path.relative(repoRoot, page)}`);
        return readFileSync(page, 'utf8');
      };

      it('doc page starts with "# <id>: <title>"', () => {
        const firstLine = text().split(/\r?\n/, 1)[0];
        assert.equal(firstLine, `# ${rule.id}: ${rule.title}`);
      });

      it('doc page quotes every source verbatim', () => {
        const body = normalise(text());
        const sources = rule.source ?? [];
        assert.ok(sources.length > 0, 'the rule cites no source');
        for (const source of sources) {
          assert.ok(typeof source.quote === 'string' && source.quote.trim() !== '', `a source of ${id} has no quote`);
          assert.ok(body.includes(normalise(source.quote)), `${path.basename(page)} does not quote: "${source.quote}"`);
        }
      });

      it('doc page cites the report, never the seed file or its line numbers', () => {
        // Readers find ¶4.102 or a section heading in the published report; the seed file and line
        // are for the check below. Lines of the page that cite them:
        const seedCitations = text()
          .split(/\r?\n/)
          .filter((line) => /\b\d{3}_[0-9a-f]{16}\.txt\b|\bseed 00\d\b|\blines? \d{2,4}\b|\bL\d{3,4}\b/i.test(line));
        assert.deepEqual(seedCitations, []);
      });

      (rule.source ?? []).forEach((source, index) => {
        if (source.seed === undefined || source.line === undefined) return;
        const { seed, line } = source;
        it(`source ${index + 1} is in ${seed} at line ${line} (±${SEED_LINE_TOLERANCE})`, function () {
          if (!existsSync(seedsDir)) this.skip();
          assert.ok(typeof source.quote === 'string', 'the source has no quote');
          assert.ok(Number.isInteger(line) && line >= 1, `line must be a positive integer, not ${line}`);
          const file = path.join(seedsDir, seed);
          assert.ok(existsSync(file), `no seed file ${seed} in ${seedsDir}`);
          const lines = seedLines(seed);
          assert.ok(line <= lines.length, `${seed} has only ${lines.length} lines, not ${line}`);
          const from = Math.max(1, line - SEED_LINE_TOLERANCE);
          const to = Math.min(lines.length, line + SEED_LINE_TOLERANCE);
          const window = lines.slice(from - 1, to);
          const quote = normalise(source.quote);
          // The quote may sit on one line of the window, or run across consecutive lines of it.
          const found =
            window.some((candidate) => normalise(candidate).includes(quote)) ||
            normalise(window.join(' ')).includes(quote);
          const anywhere = lines.findIndex((candidate) => normalise(candidate).includes(quote));
          assert.ok(
            found,
            `"${source.quote}" is not at ${seed} lines ${from}–${to}` +
              (anywhere >= 0 ? ` (it is at line ${anywhere + 1})` : ' (not found anywhere in the file)') +
              `\ncited line ${line}: ${lines[line - 1]}`,
          );
        });
      });
    });
  }
});
