// Configuration problems as the extension shows them (src/vscode/configProblems.ts), in plain Node:
// collected from rule sets and open packs into one deduplicated list per file.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { checkPack, type Problem } from '../../src/engine';
import { ConfigProblems, problemsByFile } from '../../src/vscode/configProblems';
import { auditIn } from './helpers';

function problem(file: string, line: number, character: number, message: string): Problem {
  // (cast: the engine's Problem is gaining a stable code; grouping does not use it)
  return {
    file,
    range: { start: { line, character }, end: { line, character: character + 4 } },
    severity: 'error',
    message,
  } as Problem;
}

const CONFIG = '/ws/force/.dipsample.yaml';
const PACK = '/ws/force/local.pack.yaml';

describe('vscode: configuration problems', () => {
  describe('problemsByFile', () => {
    it('groups problems by file, in the order met', () => {
      const a = problem(CONFIG, 2, 2, 'unknown rule');
      const b = problem(PACK, 5, 0, 'bad option');
      const c = problem(CONFIG, 1, 0, 'bad time zone');
      const byFile = problemsByFile([{ problems: [a, b] }, { problems: [c] }], path);
      assert.deepEqual([...byFile.keys()], [CONFIG, PACK]);
      assert.deepEqual(byFile.get(CONFIG), [a, c]);
      assert.deepEqual(byFile.get(PACK), [b]);
    });

    it('shows a problem reported by many rule sets once (same position and message)', () => {
      const shared = problem(CONFIG, 2, 2, 'unknown rule');
      const again = { ...shared, range: { ...shared.range, end: { line: 2, character: 99 } } };
      const byFile = problemsByFile([{ problems: [shared] }, { problems: [shared] }, { problems: [again] }], path);
      assert.deepEqual(byFile.get(CONFIG), [shared]);
    });

    it('keeps problems at one position with different messages, and one message at different positions', () => {
      const byFile = problemsByFile(
        [
          {
            problems: [
              problem(CONFIG, 2, 2, 'one'),
              problem(CONFIG, 2, 2, 'two'),
              problem(CONFIG, 3, 2, 'one'),
              problem(CONFIG, 2, 3, 'one'),
            ],
          },
        ],
        path,
      );
      assert.equal(byFile.get(CONFIG)?.length, 4);
    });

    it('leaves out problems whose file is not absolute (settings-level ones)', () => {
      const byFile = problemsByFile(
        [
          {
            problems: [
              problem('(settings)', 0, 0, 'No built-in rule pack "nope"'),
              problem('relative.yaml', 0, 0, 'x'),
            ],
          },
        ],
        path,
      );
      assert.equal(byFile.size, 0);
    });

    it('is empty with no sources', () => {
      assert.equal(problemsByFile([], path).size, 0);
    });
  });

  describe('ConfigProblems', () => {
    it("adds open packs' own problems to the rule sets', once each", () => {
      const problems = new ConfigProblems(path);
      const inRuleSet = problem(PACK, 5, 0, 'bad option');
      problems.setOpenPack(PACK, [inRuleSet, problem(PACK, 7, 0, 'another')]);
      const ruleSet = { problems: [inRuleSet, problem(CONFIG, 2, 2, 'unknown rule')] };
      const byFile = problems.byFile([ruleSet, ruleSet]);
      assert.deepEqual(
        byFile.get(PACK)?.map((p) => p.message),
        ['bad option', 'another'],
      );
      assert.deepEqual(
        byFile.get(CONFIG)?.map((p) => p.message),
        ['unknown rule'],
      );
    });

    it('forgets an open pack when it closes, and replaces its problems when it is checked again', () => {
      const problems = new ConfigProblems(path);
      problems.setOpenPack(PACK, [problem(PACK, 1, 0, 'old')]);
      problems.setOpenPack(PACK, [problem(PACK, 1, 0, 'new')]);
      assert.deepEqual(
        problems
          .byFile([])
          .get(PACK)
          ?.map((p) => p.message),
        ['new'],
      );
      problems.closed(PACK);
      assert.equal(problems.byFile([]).size, 0);
      problems.closed('/ws/never-open.pack.yaml');
    });

    it("with the engine's own problems: a bad configuration and a broken open pack", async () => {
      const { ruleSet } = await auditIn(
        {
          [CONFIG]: 'rules:\n  no-such-rule: off\n',
          '/ws/force/sample/A.crime.yaml': 'format: crime-file/1\nreference: A\n',
        },
        '/ws/force/sample/A.crime.yaml',
      );
      assert.ok(ruleSet.problems.length > 0, 'the engine reports the unknown rule');
      const problems = new ConfigProblems(path);
      problems.setOpenPack(PACK, checkPack('format: rule-pack/1\nrules: [', PACK));
      const byFile = problems.byFile([ruleSet, ruleSet]);
      assert.deepEqual([...byFile.keys()].sort(), [CONFIG, PACK]);
      assert.equal(byFile.get(CONFIG)?.length, 1, JSON.stringify(byFile.get(CONFIG)));
      assert.match(byFile.get(CONFIG)![0].message, /no-such-rule/);
      assert.ok((byFile.get(PACK)?.length ?? 0) >= 1);
    });
  });
});
