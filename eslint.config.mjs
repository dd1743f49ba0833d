// Lint: typescript-eslint plus the repo's boundaries (see STYLE.md "Boundaries").
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const APPS = ['gateway', 'credentials-vault', 'icims-ingest', 'hr-export', 'scheduler', 'hr-sandbox', 'icims-sandbox'];

/** Nest, I/O and other libs' internals never enter the pure libs. */
const PURE_LIB_FORBIDDEN = [
  { group: ['@nestjs/*', 'mongoose', 'kafkajs', 'fastify', 'undici', 'node:fs', 'node:http', 'node:https', 'node:net', 'fs', 'http', 'https', 'net'], message: 'contracts and mapping stay pure: no Nest and no I/O.' },
];
const DEEP_IMPORTS = [
  { group: ['@icims-sync/*/*'], message: 'Import a lib through its package root (@icims-sync/<lib>), never a deep path.' },
  { group: ['**/libs/*/src/**', '../../libs/**', '../../../libs/**'], message: 'Import a lib by its package name, not by a relative path.' },
];
const APP_IMPORTS = APPS.map((app) => ({ group: [`@icims-sync/${app}`, `@icims-sync/${app}/*`, `**/apps/${app}/**`], message: 'Apps never import other apps.' }));

export default tseslint.config(
  { ignores: ['**/dist/**', 'node_modules/**', '.local/**', 'coverage/**', 'helm/**', 'k8s/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { 'import-x': importX },
    // Resolves `@icims-sync/<lib>` through tsconfig paths, so a cycle across libs is seen too.
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver': undefined,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
      'import-x/no-cycle': 'error',
      'import-x/no-duplicates': 'error',
      'no-restricted-imports': ['error', { patterns: [...DEEP_IMPORTS, ...APP_IMPORTS] }],
    },
  },
  {
    files: ['libs/contracts/src/**/*.ts', 'libs/mapping/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...DEEP_IMPORTS, ...PURE_LIB_FORBIDDEN] }] },
  },
  {
    // Tests may read one level behind a lib's index to set up what its public API hides.
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...APP_IMPORTS, DEEP_IMPORTS[0]] }] },
  },
  {
    // The admin page: browser code, React's rules of hooks (and their dependency lists).
    files: ['apps/admin-web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'apps/admin-web/tsconfig.json' })] },
    rules: { ...reactHooks.configs.recommended.rules, 'no-restricted-imports': ['error', { patterns: [{ group: ['@icims-sync/*'], message: 'The page talks to the API through its generated client only.' }] }] },
  },
  {
    files: ['tools/**/*.mjs', 'bench/**/*.mjs', '*.mjs', '*.js', 'apps/*/bin/*.js'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', fetch: 'readonly', URL: 'readonly', __dirname: 'readonly', module: 'writable', require: 'readonly' } },
    rules: { 'no-console': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
);
