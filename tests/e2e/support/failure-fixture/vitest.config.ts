import { defineConfig } from 'vitest/config';

/** Runs only the fixture below, in a child vitest of tests/e2e/failure-artifacts.test.ts. */
export default defineConfig({
  test: {
    include: ['tests/e2e/support/failure-fixture/*.fixture.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
