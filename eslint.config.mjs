import js from '@eslint/js'
import tseslint from 'typescript-eslint'

/** Modules that reach outside the process: never in src/domain, whose rules are pure functions. */
const IO_MODULES = [
  'knex',
  'pg',
  '@electric-sql/pglite',
  'fs',
  'node:fs',
  'fs/promises',
  'node:fs/promises',
  'http',
  'node:http',
  'https',
  'node:https',
  'net',
  'node:net',
  'child_process',
  'node:child_process',
  'express',
  'pdfkit',
  'nodemailer',
  'node-cron',
]
const WEB_CALLS_SERVICES =
  'src/web calls services and names their records from src/services/records.ts, never src/data.'
const DOMAIN_IS_PURE = 'src/domain holds pure rules: no I/O, and nothing from the layers above it.'
const KNEX_IN_DATA =
  'knex belongs to src/data: move the query into a data module, and name its executor from src/data/db.ts (Executor, Transaction).'
const NO_KNEX = { name: 'knex', message: KNEX_IN_DATA }
/** The ways past an import declaration: a type written as import('knex'), a dynamic import, a require. */
const KNEX_SYNTAX = [
  { selector: "TSImportType[argument.literal.value='knex']", message: KNEX_IN_DATA },
  { selector: "ImportExpression[source.value='knex']", message: KNEX_IN_DATA },
  { selector: "CallExpression[callee.name='require'][arguments.0.value='knex']", message: KNEX_IN_DATA },
]
const CLOCK_SYNTAX = [
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'Take the time from the Clock you are handed (src/services/clock.ts), not new Date().',
  },
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'Take the time from the Clock you are handed (src/services/clock.ts), not Date.now().',
  },
]
const SERVICES_BELOW_WEB =
  'Services, letters, jobs and the demo seed never use src/web: move what both need below src/web.'
const UPPER_LAYERS_OF_DATA = ['services', 'web', 'jobs', 'letters', 'cli', 'demo']

/** A layer's folder as a relative import can name it from anywhere under src (one to four levels up). */
function layerPaths(layers) {
  return layers.flatMap((layer) =>
    ['../', '../../', '../../../', '../../../../'].flatMap((up) => [`${up}${layer}`, `${up}${layer}/*`]),
  )
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-console': 'off',
    },
  },
  {
    // One clock: the statutory clock and every page must follow the clock they are handed, so that a
    // test on a fixed day, or a run a year ahead, sees the same service. Only the clock module asks.
    // knex only in src/data, however it is reached (the import declarations are held below).
    files: ['src/**/*.ts'],
    ignores: ['src/services/clock.ts'],
    rules: { 'no-restricted-syntax': ['error', ...CLOCK_SYNTAX, ...KNEX_SYNTAX] },
  },
  { files: ['src/services/clock.ts'], rules: { 'no-restricted-syntax': ['error', ...KNEX_SYNTAX] } },
  { files: ['src/data/**/*.ts'], rules: { 'no-restricted-syntax': ['error', ...CLOCK_SYNTAX] } },
  // The layers, held by the linter rather than by convention (README, "Where things go"). Each rule lists
  // the paths a file in that layer may not import, at every depth a relative import can take.
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: IO_MODULES.map((name) => ({ name, message: DOMAIN_IS_PURE })),
          patterns: [
            {
              group: layerPaths(['data', 'services', 'web', 'jobs', 'cli', 'build', 'demo']),
              message: DOMAIN_IS_PURE,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/data/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: layerPaths(UPPER_LAYERS_OF_DATA),
              message: 'src/data holds SQL only: it may use src/domain, never the layers above it.',
            },
          ],
        },
      ],
    },
  },
  {
    // Outside the layers (app.ts, server.ts, config, cli, build): knex only through src/data.
    files: ['src/**/*.ts'],
    ignores: ['src/data/**', 'src/domain/**', 'src/web/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [NO_KNEX] }] },
  },
  {
    files: ['src/services/**/*.ts', 'src/letters/**/*.ts', 'src/jobs/**/*.ts', 'src/demo/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [NO_KNEX],
          patterns: [
            {
              group: layerPaths(['web']),
              message: SERVICES_BELOW_WEB,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/web/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'knex', message: WEB_CALLS_SERVICES }],
          patterns: [{ group: layerPaths(['data']), message: WEB_CALLS_SERVICES }],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['static/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: {
        document: 'readonly',
        window: 'readonly',
        Element: 'readonly',
        HTMLScriptElement: 'readonly',
      },
    },
  },
)
