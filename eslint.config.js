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
  // Page-side waits poll on requestAnimationFrame, which a page not in front never runs: a wait
  // that passes alone and times out in the full suite. tests/e2e/harness/wait.ts polls from Node.
  {
    files: ['tests/**'],
    ignores: ['tests/e2e/harness/wait.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name=/^waitFor(Function|Selector)$/]",
          message: 'Use waitInPage / waitForElement (tests/e2e/harness/wait.ts): page-side polling stalls in background pages.',
        },
      ],
    },
  },
);
