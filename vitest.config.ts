import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.spec.ts', 'plugins/**/*.spec.ts'],
    environment: 'node',
    // Real servers (Temporal, PostgreSQL) start inside tests: generous limits, modest parallelism for 2 cores.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});
