import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension in real headless Chromium and Firefox,
// driven by puppeteer against pages served on 127.0.0.1. One file at a time:
// two cores, and each file owns a browser.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    passWithNoTests: false,
  },
});
