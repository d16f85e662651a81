import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { build } from 'esbuild';
import { ESLint } from 'eslint';
import { GENERATED_SCHEMAS, schemaText } from '../../scripts/build-schemas';
import { REPO_ROOT } from './helpers';

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => path.join(directory, name));
}

describe('architecture', () => {
  it('keeps the engine free of the editor API', () => {
    const offenders = sourceFiles(path.join(REPO_ROOT, 'src', 'engine')).filter((file) =>
      /(from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)|import\(\s*['"]vscode['"]\s*\))/.test(
        readFileSync(file, 'utf8'),
      ),
    );
    assert.deepEqual(offenders, []);
  });

  it('keeps the engine free of file-system and network access (hosts inject I/O)', () => {
    const offenders = sourceFiles(path.join(REPO_ROOT, 'src', 'engine')).filter((file) =>
      /from\s+['"](node:)?(fs|fs\/promises|http|https|net|child_process)['"]/.test(readFileSync(file, 'utf8')),
    );
    assert.deepEqual(offenders, []);
  });

  it('keeps the webview and its message protocol to browser code: no editor API, no Node modules', () => {
    const files = [
      ...sourceFiles(path.join(REPO_ROOT, 'webview')),
      ...sourceFiles(path.join(REPO_ROOT, 'src', 'protocol')),
    ];
    assert.ok(files.length > 0);
    const offenders = files.filter((file) => {
      // Type-only imports are erased from the bundle; anything else must be browser-safe.
      const imports = [
        ...readFileSync(file, 'utf8').matchAll(/^import\s+(?!type\b)[^;]*?from\s+['"]([^'"]+)['"]/gms),
      ].map((m) => m[1]);
      return imports.some(
        (name) =>
          name === 'vscode' ||
          name.startsWith('node:') ||
          /^(fs|path|os|child_process|http|https|net|crypto)$/.test(name),
      );
    });
    assert.deepEqual(offenders, []);
  });

  it('builds webview DOM without HTML parsing (values from crime files stay text)', () => {
    const offenders = sourceFiles(path.join(REPO_ROOT, 'webview')).filter((file) =>
      /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function\(/.test(
        readFileSync(file, 'utf8'),
      ),
    );
    assert.deepEqual(offenders, []);
  });

  it('publishes schemas generated from their sources (npm run schemas)', () => {
    for (const { file, schema } of GENERATED_SCHEMAS) {
      assert.equal(
        readFileSync(path.join(REPO_ROOT, file), 'utf8'),
        schemaText(schema),
        `${file} is stale: run npm run schemas`,
      );
    }
  });

  describe('layer boundaries (npm run lint)', () => {
    let eslint: ESLint;
    before(() => {
      eslint = new ESLint({ cwd: REPO_ROOT });
    });

    /** The rule ids ESLint reports for `code` as if it were the file `file` of the repository. */
    async function lintAs(file: string, code: string): Promise<string[]> {
      const [result] = await eslint.lintText(code, { filePath: path.join(REPO_ROOT, file) });
      return result.messages.map((message) => message.ruleId ?? message.message);
    }

    const wrongImports: Array<[string, string, string]> = [
      [
        'src/engine/wrong.ts',
        "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
        'import-x/no-nodejs-modules',
      ],
      [
        'src/engine/wrong.ts',
        "import * as vscode from 'vscode';\nexport const api = vscode;\n",
        'no-restricted-imports',
      ],
      [
        'src/engine/wrong.ts',
        "import { SampleTally } from '../report';\nexport const tally = SampleTally;\n",
        'import-x/no-restricted-paths',
      ],
      ['src/report/wrong.ts', 'export const cwd = () => process.cwd();\n', 'no-restricted-globals'],
      [
        'src/report/wrong.ts',
        "export const load = () => fetch('https://example.invalid/');\n",
        'no-restricted-globals',
      ],
      [
        'src/report/wrong.ts',
        "import { parsePath } from '../engine/path';\nexport const parse = parsePath;\n",
        'import-x/no-restricted-paths',
      ],
      [
        'src/cli/wrong.ts',
        "import { SampleTally } from '../report/sampleTally';\nexport const tally = SampleTally;\n",
        'import-x/no-restricted-paths',
      ],
      [
        'src/vscode/wrong.ts',
        "import { compileRule } from '../engine/rules/compileRule';\nexport const compile = compileRule;\n",
        'import-x/no-restricted-paths',
      ],
      [
        'webview/summary/wrong.ts',
        "import { parsePath } from '../../src/engine/path';\nexport const parse = parsePath;\n",
        'import-x/no-restricted-paths',
      ],
      [
        'webview/summary/wrong.ts',
        "import { Auditor } from '../../src/engine';\nexport const auditor = Auditor;\n",
        'import-x/no-restricted-paths',
      ],
      [
        'src/protocol/wrong.ts',
        "import type { Range } from '../engine';\nexport type Where = Range;\n",
        'import-x/no-restricted-paths',
      ],
    ];
    for (const [file, code, rule] of wrongImports) {
      it(`fails ${file}: ${code.split('\n')[0]}`, async () => {
        assert.ok((await lintAs(file, code)).includes(rule), `expected ${rule}`);
      });
    }

    it('accepts the same imports through the faces', async () => {
      assert.deepEqual(
        await lintAs(
          'src/cli/right.ts',
          "import { SampleTally } from '../report';\nexport const tally = SampleTally;\n",
        ),
        [],
      );
      assert.deepEqual(
        await lintAs(
          'webview/summary/right.ts',
          "import { shareText } from '../../src/report';\nexport const share = shareText;\n",
        ),
        [],
      );
    });
  });

  it('bundles the webview from report/ and protocol/ only (the engine tree-shaken away but for its model constants)', async () => {
    const result = await build({
      entryPoints: [path.join(REPO_ROOT, 'webview', 'summary', 'main.ts')],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const [output] = Object.values(result.metafile.outputs);
    const bundled = Object.entries(output.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([file]) => file.replace(/\\/g, '/'))
      .filter((file) => file.startsWith('src/'));
    assert.ok(bundled.some((file) => file.startsWith('src/report/')));
    assert.deepEqual(
      bundled.filter((file) => !file.startsWith('src/report/') && !file.startsWith('src/protocol/')),
      ['src/engine/model.ts'],
    );
  });
});
