import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'native/**', 'node_modules/**', '.preview/**', '.bench/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mjs', '**/*.js'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    // Scripts are command-line tools: printing is their job.
    files: ['scripts/**', 'tests/**', '*.config.*'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['electron', 'electron/*'], message: 'main/core is Electron-free: take a port instead.' },
        { group: ['**/app/*', '**/app'], message: 'main/core must not reach into main/app.' },
      ] }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'preload/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['electron', 'electron/*', 'node:*'], message: 'No Node or Electron here: it runs in the sandbox.' },
        { group: ['**/main/**'], message: 'The renderer talks to main only through window.saltwater.' },
      ] }],
    },
  },
);
