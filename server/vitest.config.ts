import { defineConfig } from 'vitest/config';

export default defineConfig({
  // graphql ships CommonJS and ESM builds; Node resolves yoga's import to the CommonJS one, so ours must load the
  // same one, or GraphQLError instances from our resolvers fail yoga's instanceof checks.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    name: 'server',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    env: { KETNAP_LOG: 'silent', NODE_ENV: 'test' },
  },
});
