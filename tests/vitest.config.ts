// Tests across packages. The browser tests run Debian's Chromium through playwright-core
// against the real server; the widgets are built once first, so they test the current source.
import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'tests',
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    environment: 'node',
    globalSetup: ['browser/build-widgets.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    env: { KETNAP_LOG: 'silent', NODE_ENV: 'test' },
  },
});
