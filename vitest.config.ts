import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts', 'fixtures/**/*.test.ts'],
    globalSetup: ['src/_testing/privateTmpdir.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    benchmark: {
      include: ['bench/**/*.bench.ts'],
    },
  },
});
