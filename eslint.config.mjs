import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'build/', 'dist/', 'coverage/', 'test-artifacts/', 'bin/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Only src/excel may touch office-js; the core stays pure.
    files: ['src/core/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', 'Excel', 'Office', 'document', 'window'] },
  },
  // The rooms of docs/ARCHITECTURE.md, kept by the linter: the core knows no files, hosts or I/O; the file layer no Node
  // API (it runs in the page and its worker too); each host stands on src/host, never on another host.
  {
    files: ['src/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/files', '**/files/**', '**/host', '**/host/**', '**/excel', '**/excel/**', '**/wps', '**/wps/**', '**/web', '**/web/**', '**/cli', '**/cli/**', 'node:*', 'fs', 'path', 'os'], message: 'src/core is pure: grid in, table/findings/plan/summary out.' }] }] },
  },
  {
    files: ['src/files/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'fs', 'path', 'os', 'child_process', '**/host', '**/host/**', '**/excel/**', '**/wps/**', '**/web/**', '**/cli/**'], message: 'src/files is bytes in, bytes out, with no Node-only API and no host.' }] }] },
  },
  {
    files: ['src/excel/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/wps', '**/wps/**', '**/web', '**/web/**', '**/cli/**'], message: 'Hosts share code through src/host, not through each other.' }] }] },
  },
  {
    files: ['src/wps/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/excel', '**/excel/**', '**/web', '**/web/**', '**/cli/**'], message: 'Hosts share code through src/host, not through each other.' }] }] },
  },
  {
    files: ['src/web/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/excel', '**/excel/**', '**/wps', '**/wps/**', '**/cli/**', 'node:*'], message: 'Hosts share code through src/host, not through each other.' }] }] },
  },
  {
    // The pane calls engine and hosts; only the ribbon's function file (which Office requires) names Office itself.
    files: ['taskpane/**/*.ts', 'taskpane/**/*.tsx'],
    ignores: ['taskpane/commands.ts'],
    rules: { 'no-restricted-globals': ['error', 'Excel', 'Office'] },
  },
);
