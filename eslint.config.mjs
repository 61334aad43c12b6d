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
);
