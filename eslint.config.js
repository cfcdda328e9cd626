import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Who may import whom: renderer → shared ← main (see docs/decisions/0001-layers.md). */
const forbid = (regexes, message) => ['error', { patterns: regexes.map((regex) => ({ regex, message })) }];

const nodeAndUi = ['^node:', '^(fs|path|os|crypto|http|net|child_process|electron|better-sqlite3|ws)$', '^(react|react-dom|slate-react)(/|$)'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.tsbuild/', 'test-artifacts/', 'bench-results/', 'release/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(['^#main/', '^#renderer/', '(^|/)(main|renderer)/', ...nodeAndUi], 'shared/ is pure TypeScript: it imports neither main/, renderer/, Node, Electron nor the DOM libraries.'),
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': forbid(['^#main/', '(^|/)main/', '^node:', '^(electron|better-sqlite3|ws)$'], 'renderer/ talks to main/ only through the API contract and the sync socket.'),
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(['^#renderer/', '(^|/)renderer/', '^(react|react-dom|slate-react)(/|$)'], 'main/ never imports the renderer or React.'),
    },
  },
  {
    // The store is asynchronous (decision 0017): a promise left unawaited, or tested for truth,
    // is a write that may not have happened or a record that is always "found".
    files: ['main/**/*.ts', 'test/**/*.ts', 'test/**/*.tsx', 'bench/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: ['eslint.config.js', 'vitest.config.ts', 'vite.config.ts', 'test/globalSetup.ts', 'test/hostedServers.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
