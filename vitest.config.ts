import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['mesh/**/*.test.ts', 'web/**/*.test.{ts,tsx}', 'mock-server/**/*.test.ts', 'integration/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
