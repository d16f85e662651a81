// Lint: TypeScript rules, import cycles, and the layer boundaries of docs/architecture.md.
// `npm run lint` runs this and `prettier --check`; `npm test` runs lint first.
import tseslint from 'typescript-eslint';
import eslintConfigPrettier from 'eslint-config-prettier';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

/** The rooms of the house, as import-x zones see them (paths from the repository root). */
const ENGINE = './src/engine';
const REPORT = './src/report';
const NODE = './src/node';
const CLI = './src/cli';
const VSCODE = './src/vscode';
const PROTOCOL = './src/protocol';
const WEBVIEW = './webview';
const TOOLS = ['./scripts', './test'];

/** Outside its own room, a layer is reached only through its face. */
const throughFace = (target, from) => ({
  target,
  from,
  except: ['./index.ts'],
  message: `Import ${from.replace('./', '')} through its index.ts (its public face), not its internals.`,
});
const never = (target, from, why) => ({ target, from, message: why });

const BROWSER_SAFE = 'must stay browser-safe: no Node built-ins (hosts inject files and paths).';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'node_modules/**',
      '.vscode-host/**',
      '.vscode-test/**',
      'test/host/workspace/**',
      'test/fixtures/**',
      'samples/**',
      'bench-data/**',
      'test-artifacts/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mjs'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.mjs', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.mjs', '.json'] })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-duplicates': 'error',
      'import-x/no-self-import': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            never(
              ENGINE,
              [REPORT, NODE, CLI, VSCODE, PROTOCOL, WEBVIEW, ...TOOLS],
              'The engine is the core: it imports no other layer.',
            ),
            never(
              REPORT,
              [NODE, CLI, VSCODE, PROTOCOL, WEBVIEW, ...TOOLS],
              'The report layer imports only the engine.',
            ),
            throughFace(REPORT, ENGINE),
            never(NODE, [REPORT, CLI, VSCODE, PROTOCOL, WEBVIEW], 'The Node host serves the engine only.'),
            throughFace(NODE, ENGINE),
            never(CLI, [VSCODE, PROTOCOL, WEBVIEW], 'The CLI is a client of engine, report and node only.'),
            throughFace(CLI, ENGINE),
            throughFace(CLI, REPORT),
            never(VSCODE, [CLI, WEBVIEW], 'The extension does not reach into the CLI or the webview.'),
            throughFace(VSCODE, ENGINE),
            throughFace(VSCODE, REPORT),
            never(PROTOCOL, [ENGINE, NODE, CLI, VSCODE, WEBVIEW], 'The webview protocol speaks in report/ types only.'),
            throughFace(PROTOCOL, REPORT),
            never(WEBVIEW, [ENGINE, NODE, CLI, VSCODE], 'The webview sees report/ and protocol/ only.'),
            throughFace(WEBVIEW, REPORT),
          ],
        },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // Browser-safe layers: no Node built-ins, no editor API, no network.
    files: ['src/engine/**/*.ts', 'src/report/**/*.ts', 'src/protocol/**/*.ts', 'webview/**/*.ts'],
    rules: {
      'import-x/no-nodejs-modules': ['error'],
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: `This layer ${BROWSER_SAFE.replace('Node built-ins', 'editor API')}` }],
          patterns: [{ group: ['node:*'], message: `This layer ${BROWSER_SAFE}` }],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'No network: dipsample never sends crime-file data anywhere.' },
        { name: 'XMLHttpRequest', message: 'No network.' },
        { name: 'WebSocket', message: 'No network.' },
        { name: 'process', message: `This layer ${BROWSER_SAFE}` },
        { name: 'Buffer', message: `This layer ${BROWSER_SAFE}` },
        { name: '__dirname', message: `This layer ${BROWSER_SAFE}` },
        { name: '__filename', message: `This layer ${BROWSER_SAFE}` },
        { name: 'require', message: 'Use ES imports.' },
      ],
    },
  },
  {
    files: ['**/*.mjs', 'scripts/**/*.ts', 'test/**/*.ts'],
    rules: {
      // Tools and tests may require() (e.g. the generator's pinned YAML options, the VS Code stub).
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  eslintConfigPrettier,
);
