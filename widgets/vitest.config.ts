// Unit tests of the widgets' pure logic (formatting, pace, i18n, operations), in Node.
import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'widgets',
    environment: 'node',
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
  },
});
