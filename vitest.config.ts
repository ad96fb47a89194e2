import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit and integration tests: pure logic, a fake `browser` (WxtVitest) and
// fake-indexeddb. Files that need a DOM opt in with `// @vitest-environment jsdom`.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/integration/**/*.test.ts'],
    setupFiles: ['tests/setup/unit.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // Empty-suite guard: a glob that matches nothing must fail, not pass silently.
    passWithNoTests: false,
  },
});
