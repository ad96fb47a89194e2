import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['.output/**', '.output-test/**', '.wxt/**', '.tmp/**', 'node_modules/**', 'screenshots/**', 'coverage/**', 'bench-results/**', 'tests/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  noUnsanitized.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.webextensions },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Storage belongs to utils/db (the background's), HTML parsing to the sanitiser.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'idb', message: 'Only utils/db/ may import idb.' },
            { name: 'dompurify', message: 'Only utils/sanitize.ts may import DOMPurify.' },
          ],
        },
      ],
    },
  },
  { files: ['scripts/**', 'tests/**', '*.config.ts', '*.config.js'], languageOptions: { globals: { ...globals.node } } },
  { files: ['utils/db/**'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['utils/sanitize.ts', 'tests/**'], rules: { 'no-restricted-imports': 'off' } },
);
