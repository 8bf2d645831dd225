// @ts-check
// `npm run lint` runs this, then `prettier --check .`. Every rule here is an error: a lint
// finding fails the run like a failing test. Formatting is Prettier's job (.prettierrc.json),
// so no stylistic rule lives here.
import { defineConfig, globalIgnores } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

/** A `no-restricted-imports` pattern matching each module (a regex fragment) and its subpaths, nothing else. */
const modules = (names, message) => ({ regex: `^(${names.join('|')})(/.*)?$`, message });

// The layering, bottom up: domain and event-store know nothing of each other; projections read
// both; apps wire everything. The checks resolve each import to a file (relative paths, the
// @ledger/* aliases and baseUrl paths alike), so no spelling of an import gets round them.
const LAYERS = [
  { target: './libs', from: ['./apps', './test', './bench'], message: 'libs/ never import the apps, the tests or the benchmarks: they depend on libs/, not the reverse.' },
  { target: './libs/domain', from: ['./libs/event-store', './libs/projections'], message: 'The domain is pure: it knows neither the event store nor the projections.' },
  { target: './libs/event-store', from: ['./libs/domain', './libs/projections'], message: 'The event store stores opaque JSON events: it knows neither the domain nor the projections.' },
];

// Packages the pure domain never imports (docs/architecture.md: "pure TypeScript, no Nest, no I/O").
const DOMAIN_BANNED_PACKAGES = [
  modules(['@nestjs/[^/]+'], 'The domain is plain TypeScript: no Nest. Wire it in apps/.'),
  modules(['fastify', '@fastify/[^/]+', 'class-validator', 'class-transformer'], 'HTTP and DTO validation belong to apps/.'),
  modules(['better-sqlite3', 'pg', 'ioredis', 'bullmq', '@eventstore/[^/]+'], 'Storage and queues are infrastructure: the domain does no I/O.'),
];

// Node modules that do I/O or bring in the outside world, with or without `node:`. `crypto` is
// here because ids and randomness come in through the command, never from inside the domain
// (STYLE.md); `node:assert` (the given/when/then helpers) and `node:perf_hooks` (a scale spec)
// stay allowed.
const NODE_IO = ['fs', 'path', 'os', 'net', 'http', 'https', 'http2', 'tls', 'dgram', 'dns', 'child_process', 'cluster', 'worker_threads', 'readline', 'crypto'].flatMap((name) => [name, `node:${name}`]);

export default defineConfig(
  globalIgnores(['dist/', 'data/', 'bench/data/', 'bench/latest/', 'coverage/']),
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },

  js.configs.recommended,
  // Syntax-only (not type-checked): linting the whole tree stays a matter of seconds.
  tseslint.configs.recommended,

  {
    files: ['**/*.{ts,js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      // What lets import-x follow TypeScript imports: parse .ts dependencies with the
      // TypeScript parser (otherwise they are silently skipped, and no cycle is ever seen) and
      // resolve through tsconfig.json (its @ledger/* paths and baseUrl).
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      // A leading underscore is this codebase's mark for "deliberately unused": a property
      // dropped by destructuring (`const { hash: _stored, ...metadata }`), an `infer _E` the
      // conditional type must name. Everything else unused is still an error.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
      // `==` only against null (which covers undefined too, on purpose).
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // A cycle of value imports makes module load order matter (an `undefined` at start-up).
      // Type-only imports are erased at compile time, so a cycle through them is not reported.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: LAYERS }],
    },
  },

  {
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: DOMAIN_BANNED_PACKAGES }],
    },
  },
  {
    // The domain's own code: no I/O, no clock, no randomness. Specs are exempt from the
    // Node I/O ban only (a spec may read a fixture or compare a generated doc on disk).
    files: ['libs/domain/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...DOMAIN_BANNED_PACKAGES, modules(NODE_IO, 'The domain does no I/O: read and write in apps/ or libs/event-store, and pass the data in.')] }],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Time comes in through the command (or its metadata), never from the clock inside the domain.' },
        { object: 'Math', property: 'random', message: 'Randomness and ids come in through the command, never from inside the domain.' },
      ],
      'no-restricted-syntax': ['error', { selector: 'NewExpression[callee.name="Date"][arguments.length=0]', message: 'Time comes in through the command (or its metadata): `new Date()` reads the clock.' }],
    },
  },

  {
    // CommonJS by design: the path hook node loads with `-r`, and jest's config.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
