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
    // The batch job's worker threads, loaded by path from next to index.js / cli.js.
    entry: { batchWorker: 'src/batch/batchWorker.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
  },
  {
    // The batch job's threads for one request each (a link part, the explain index's tables): a build of its own,
    // so that no chunk shared with batchWorker makes it load the normalizers and their phone metadata.
    entry: { linkWorker: 'src/batch/linkWorker.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
  },
]);
