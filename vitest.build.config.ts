import { defineConfig } from 'vitest/config';

// Checks on the built extension as users get it (.output/): no test hook in the
// bundles, the exact permissions and CSP in both manifests. Needs `npm run build`.
export default defineConfig({
  test: {
    include: ['tests/build/**/*.test.ts'],
    environment: 'node',
    passWithNoTests: false,
  },
});
