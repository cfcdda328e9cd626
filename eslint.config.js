import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Who may import whom: renderer → shared ← main (see docs/decisions/0001-layers.md). */
const forbid = (regexes, message) => ['error', { patterns: regexes.map((regex) => ({ regex, message })) }];

/**
 * What reads or writes the machine's own time zone, or formats by it: every date and time shown or
 * written is Vietnam's, through shared/format/vietnamTime.ts (numbers through shared/format/locale.ts).
 */
const machineTimeMessage =
  "Dates and times are Vietnam's whatever the machine's time zone: use shared/format/vietnamTime.ts (numbers: formatNumber of shared/format/locale.ts).";
const machineTime = [
  ...[
    'getFullYear',
    'getMonth',
    'getDate',
    'getDay',
    'getHours',
    'getMinutes',
    'getSeconds',
    'getTimezoneOffset',
    'setFullYear',
    'setMonth',
    'setDate',
    'setHours',
    'setMinutes',
    'setSeconds',
  ].map((property) => ({ property, message: machineTimeMessage })),
  ...['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString', 'toDateString', 'toTimeString'].map((property) => ({
    property,
    message: machineTimeMessage,
  })),
  { object: 'Intl', property: 'DateTimeFormat', message: machineTimeMessage },
];
const namedExports = { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' };
// new Date(2027, 0, 5) is midnight where the machine is, not in Vietnam.
const localDateConstructor = { selector: "NewExpression[callee.name='Date'][arguments.length>1]", message: machineTimeMessage };

const nodeAndUi = ['^node:', '^(fs|path|os|crypto|http|net|child_process|electron|better-sqlite3|ws)$', '^(react|react-dom|slate-react)(/|$)'];

/**
 * The arrows inside main/ (docs/decisions/0001-layers.md): the store, then the kernel and the
 * sync server, then the features, then the transports, then the wiring and the entry points.
 * Each layer names the folders it must not import; every layer keeps main/'s own bans.
 */
const mainBans = [{ regex: '^#renderer/|(^|/)renderer/|^(react|react-dom|slate-react)(/|$)', message: 'main/ never imports the renderer or React.' }];
const adapters = {
  regex: '^#main/store/(sqlite|postgres)/',
  message:
    'the store adapters are reached only through main/store/openStore.ts (decision 0017); only the entry points handle the embedded file itself (backup, restore).',
};
const features = 'services|negotiation|lifecycle|versions|export|import|dialogue';
const entryPoints = 'http|server|cli|electron|wiring';
const mainLayer = (files, patterns, typeImportsAllowed = []) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [...mainBans, ...patterns, ...typeImportsAllowed.map((pattern) => ({ ...pattern, allowTypeImports: true }))] },
    ],
  },
});

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
      'no-restricted-imports': forbid(
        ['^#main/', '^#renderer/', '(^|/)(main|renderer)/', ...nodeAndUi],
        'shared/ is pure TypeScript: it imports neither main/, renderer/, Node, Electron nor the DOM libraries.',
      ),
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': forbid(
        ['^#main/', '(^|/)main/', '^node:', '^(electron|better-sqlite3|ws)$'],
        'renderer/ talks to main/ only through the API contract and the sync socket.',
      ),
    },
  },
  mainLayer(['main/**/*.ts'], []),
  mainLayer(['main/wiring/**/*.ts'], [adapters]),
  mainLayer(
    ['main/store/**/*.ts'],
    [
      {
        regex: '^#main/(?!store/|logger$|secrets$|logValue$)',
        message: 'the store imports nothing of main/ but itself and the logger: never the sync server, the kernel or the services.',
      },
    ],
  ),
  mainLayer(
    ['main/kernel/**/*.ts'],
    [
      adapters,
      {
        regex: `^#main/(${features}|${entryPoints})/`,
        message: 'the kernel (context, events, access, authentication) imports only the store port and itself.',
      },
    ],
    [{ regex: '^#main/sync/', message: 'the kernel may name the sync server’s types, never call it.' }],
  ),
  mainLayer(
    ['main/sync/**/*.ts'],
    [
      adapters,
      {
        regex: `^#main/(${features}|${entryPoints})/`,
        message: 'the sync server imports the kernel and the store port, never the features or the transports.',
      },
    ],
  ),
  mainLayer(
    [`main/{services,negotiation,lifecycle,versions,export,import,dialogue}/**/*.ts`],
    [
      adapters,
      { regex: `^#main/(${entryPoints})/`, message: 'features import the kernel, the sync server and each other, never the transports or the wiring.' },
    ],
  ),
  mainLayer(
    ['main/http/**/*.ts'],
    [
      adapters,
      {
        regex: `^#main/(${features}|server|cli|electron|wiring)/`,
        message: 'the HTTP transport reaches the features through the handlers it is given, never directly.',
      },
    ],
  ),
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
