import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    // import.meta.url locates the worker script; the CommonJS build needs it shimmed.
    shims: true,
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
  },
  {
    // The CLI is ESM only; it is an executable, not an importable API.
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    // The batch job's worker thread, loaded by path from next to index.js / cli.js.
    entry: { batchWorker: 'src/batch/batchWorker.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
  },
]);
