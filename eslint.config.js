import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Who may import whom: renderer → shared ← main (see docs/decisions/0001-layers.md). */
const forbid = (regexes, message) => ['error', { patterns: regexes.map((regex) => ({ regex, message })) }];

/**
 * What reads or writes the machine's own time zone, or formats by it: every date and time shown or
 * written is Vietnam's, through shared/format/vietnamTime.ts (numbers through shared/format/locale.ts).
 */
const machineTimeMessage = 'Dates and times are Vietnam\'s whatever the machine\'s time zone: use shared/format/vietnamTime.ts (numbers: formatNumber of shared/format/locale.ts).';
const machineTime = [
  ...['getFullYear', 'getMonth', 'getDate', 'getDay', 'getHours', 'getMinutes', 'getSeconds', 'getTimezoneOffset', 'setFullYear', 'setMonth', 'setDate', 'setHours', 'setMinutes', 'setSeconds']
    .map((property) => ({ property, message: machineTimeMessage })),
  ...['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString', 'toDateString', 'toTimeString'].map((property) => ({ property, message: machineTimeMessage })),
  { object: 'Intl', property: 'DateTimeFormat', message: machineTimeMessage },
];
const namedExports = { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' };
// new Date(2027, 0, 5) is midnight where the machine is, not in Vietnam.
const localDateConstructor = { selector: "NewExpression[callee.name='Date'][arguments.length>1]", message: machineTimeMessage };

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
      'no-restricted-syntax': ['error', namedExports],
    },
  },
  {
    files: ['shared/**/*.ts', 'main/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-properties': ['error', ...machineTime],
      'no-restricted-syntax': ['error', namedExports, localDateConstructor],
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
    files: ['eslint.config.js', 'vitest.config.ts', 'vite.config.ts', 'test/globalSetup.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
