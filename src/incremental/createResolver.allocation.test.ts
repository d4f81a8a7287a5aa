import { describe, expect, it, vi } from 'vitest';
import type { CustomerRecord } from '../types.js';

// Every column grows through `grow`: this one fails the n-th allocation from now, as a full heap would.
const failure = vi.hoisted(() => ({ in: 0 }));
vi.mock('../_internal/grow.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../_internal/grow.js')>();
  return {
    ...real,
    grow: ((a, min, exact) => {
      if (min > a.length && failure.in > 0 && --failure.in === 0) throw new RangeError('Array buffer allocation failed');
      return real.grow(a, min, exact);
    }) as typeof real.grow,
  };
});

const { createResolver, restoreResolver } = await import('./createResolver.js');

/** People who share phones in pairs, with names that tell them apart: a lost name would merge them. */
function records(n: number): CustomerRecord[] {
  const out: CustomerRecord[] = [];
  for (let i = 0; i < n; i++) {
    const family = Math.floor(i / 4);
    out.push({
      id: `r${i}`,
      source: i % 2 === 0 ? 'pos' : 'app',
      firstName: ['Aisha', 'Omar', 'Aisha', 'Omar'][i % 4],
      lastName: `Family${family}`,
      dateOfBirth: i % 4 < 2 ? '1980-01-0' + (1 + (i % 4)) : '1990-05-0' + (1 + (i % 4)),
      phones: [`+97150${String(1000000 + family).padStart(7, '0')}`],
      emails: [`person${Math.floor(i / 2)}@example.com`],
    });
  }
  return out;
}

describe('a resolver whose edit failed part way', () => {
  it('refuses every later call, and one restored from a snapshot goes on to the same state', () => {
    const all = records(2000);
    const clean = createResolver();
    for (const r of all) expect(clean.add(r).ok).toBe(true);
    const expected = JSON.stringify(clean.snapshot());
    // Each failure point in turn: the first, second, … allocation of every add() that grows a column fails.
    let failures = 0;
    for (let nth = 1; nth <= 12; nth++) {
      let resolver = createResolver();
      let saved = resolver.snapshot();
      let failed = 0;
      for (let i = 0; i < all.length; i++) {
        if (i % 50 === 0) saved = resolver.snapshot();
        failure.in = nth;
        try {
          resolver.add(all[i]!);
          failure.in = 0;
        } catch (e) {
          failure.in = 0;
          expect(e).toBeInstanceOf(RangeError);
          failed++;
          // Half done: nothing more is answered from it, reads included.
          const refused = { code: 'resolver_failed' };
          expect(() => resolver.add(all[i]!)).toThrow(expect.objectContaining(refused));
          expect(() => resolver.profileOf('r0')).toThrow(expect.objectContaining(refused));
          expect(() => resolver.snapshot()).toThrow(expect.objectContaining(refused));
          expect(() => resolver.remove('r0')).toThrow(expect.objectContaining(refused));
          // The caller restores the last snapshot and adds again what came after it.
          resolver = restoreResolver(saved);
          for (let j = i - (i % 50); j <= i; j++) expect(resolver.add(all[j]!).ok).toBe(true);
        }
      }
      expect(JSON.stringify(resolver.snapshot()), `allocation ${nth} failing`).toBe(expected);
      if (nth === 1) expect(failed, 'the first allocation failing').toBeGreaterThan(0);
      failures += failed;
    }
    // Enough failures, at enough points of a growth, to mean something.
    expect(failures).toBeGreaterThanOrEqual(10);
  });
});
