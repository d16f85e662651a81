import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
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
      /(from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)|import\(\s*['"]vscode['"]\s*\))/.test(readFileSync(file, 'utf8')),
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
    const files = [...sourceFiles(path.join(REPO_ROOT, 'webview')), ...sourceFiles(path.join(REPO_ROOT, 'src', 'protocol'))];
    assert.ok(files.length > 0);
    const offenders = files.filter((file) => {
      // Type-only imports are erased from the bundle; anything else must be browser-safe.
      const imports = [...readFileSync(file, 'utf8').matchAll(/^import\s+(?!type\b)[^;]*?from\s+['"]([^'"]+)['"]/gms)].map((m) => m[1]);
      return imports.some((name) => name === 'vscode' || name.startsWith('node:') || /^(fs|path|os|child_process|http|https|net|crypto)$/.test(name));
    });
    assert.deepEqual(offenders, []);
  });

  it('builds webview DOM without HTML parsing (values from crime files stay text)', () => {
    const offenders = sourceFiles(path.join(REPO_ROOT, 'webview')).filter((file) =>
      /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function\(/.test(readFileSync(file, 'utf8')),
    );
    assert.deepEqual(offenders, []);
  });

  it('publishes schemas generated from their sources (npm run schemas)', () => {
    for (const { file, schema } of GENERATED_SCHEMAS) {
      assert.equal(readFileSync(path.join(REPO_ROOT, file), 'utf8'), schemaText(schema), `${file} is stale: run npm run schemas`);
    }
  });
});
