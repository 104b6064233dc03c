import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', './tests/support/summary-reporter.ts'],
    setupFiles: ['./tests/support/strict-messages.ts'],
    // electron-store imports electron at load; tests mock electron, which only works inlined.
    server: { deps: { inline: ['electron-store'] } },
  },
});
