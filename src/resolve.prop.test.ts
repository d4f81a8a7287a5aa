import fc from 'fast-check';
import { contentArb } from './_testing/recordArbitraries.js';
import { describe, expect, test } from 'vitest';
import type { CustomerRecord } from './types.js';
import { resolve } from './resolve.js';
import { partitionOf, shuffled } from './_testing/partitions.js';

const SEED = 20261122;

const recordArb = (id: string): fc.Arbitrary<CustomerRecord> => contentArb.map((r) => ({ id, ...r }));

const batchArb = fc
  .integer({ min: 0, max: 40 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => recordArb(`r${i}`))))
  .map((records) => records as CustomerRecord[]);



describe('resolve: laws', () => {
  test('the result is a partition of the accepted input, and no record is lost', () => {
    fc.assert(
      fc.property(batchArb, (records) => {
        const { profiles, mapping, rejects } = resolve(records);
        expect(mapping.size + rejects.length).toBe(records.length);
        const inProfiles = profiles.flatMap((p) => p.recordIds);
        expect(new Set(inProfiles).size).toBe(inProfiles.length);
        expect(new Set(inProfiles)).toEqual(new Set(mapping.keys()));
        for (const p of profiles) for (const r of p.recordIds) expect(mapping.get(r)).toBe(p.profileId);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  test('any permutation of the input gives the same partition and the same profile ids', () => {
    fc.assert(
      fc.property(batchArb, fc.integer(), (records, seed) => {
        const a = resolve(records);
        const b = resolve(shuffled(records, seed));
        expect([...b.mapping].sort()).toEqual([...a.mapping].sort());
        expect(b.profiles).toEqual(a.profiles);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  test('resolving one profile\'s records again gives that profile back (idempotent)', () => {
    fc.assert(
      fc.property(batchArb, (records) => {
        const { profiles, run } = resolve(records);
        const byId = new Map(records.map((r) => [r.id, r]));
        for (const p of profiles) {
          // Continuing the run (ids are allocated, not derived): the profile keeps its id.
          const again = resolve(p.recordIds.map((id) => byId.get(id)!), { previous: run });
          expect(again.profiles).toEqual([p]);
        }
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  test('resolving never mutates its input', () => {
    fc.assert(
      fc.property(batchArb, (records) => {
        const before = structuredClone(records);
        resolve(records);
        expect(records).toEqual(before);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  test('the partition equals the connected components of the accepted links (BFS reference)', () => {
    fc.assert(
      fc.property(batchArb, (records) => {
        const { mapping, evidence } = resolve(records);
        const adj = new Map<string, string[]>();
        for (const id of mapping.keys()) adj.set(id, []);
        for (const e of evidence) {
          if (!e.accepted) continue;
          adj.get(e.recordA)!.push(e.recordB);
          adj.get(e.recordB)!.push(e.recordA);
        }
        const component = new Map<string, string>();
        for (const start of adj.keys()) {
          if (component.has(start)) continue;
          const queue = [start];
          component.set(start, start);
          while (queue.length) {
            for (const next of adj.get(queue.pop()!)!) {
              if (!component.has(next)) {
                component.set(next, start);
                queue.push(next);
              }
            }
          }
        }
        expect(partitionOf(component)).toEqual(partitionOf(mapping));
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  test('a profile never holds two logins of one namespace (exclusive guard)', () => {
    fc.assert(
      fc.property(batchArb, (records) => {
        const { profiles } = resolve(records);
        for (const p of profiles) {
          const logins = p.identifiers.filter((i) => i.kind === 'login');
          // A single record may carry two logins itself; a link never adds a second one.
          const recordsWithTwo = records.filter((r) => p.recordIds.includes(r.id) && new Set((r.logins ?? []).map((l) => l.toLowerCase())).size > 1);
          if (recordsWithTwo.length === 0) expect(logins.length).toBeLessThanOrEqual(1);
        }
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});
