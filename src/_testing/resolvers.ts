import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { createResolver, type Resolver, type ResolverOptions } from '../incremental/createResolver.js';
import type { CustomerRecord } from '../types.js';

/** A resolver holding `records`, added in order; a refused record throws (test-only). */
export function resolverWith(records: readonly CustomerRecord[], options?: ResolverOptions): Resolver {
  const r = createResolver(options);
  for (const rec of records) {
    const res = r.add(rec);
    if (!res.ok) throw new Error(res.reasons.join('; '));
  }
  return r;
}

/** A fresh temporary directory, removed after the test file's tests (test-only). */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `idweave-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
