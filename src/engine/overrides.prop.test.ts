import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { OverrideRule, RecordOverride, ResolveOptions } from '../config/ResolveOptions.js';
import type { CustomerRecord } from '../types.js';
import { contentArb } from '../_testing/recordArbitraries.js';
import { createResolver, type Resolver } from '../incremental/createResolver.js';
import { resolve } from '../resolve.js';
import { partitionOf as partition, shuffled } from '../_testing/partitions.js';

// Overrides by every path: resolve() and createResolver() (records one by one, overrides set before, between or
// after the adds, in any order; then edits of records and overrides) give the same partition (spec §8).
const SEED = 20261219;

const IDS = Array.from({ length: 10 }, (_, i) => `r${i}`);
/**
 * Override ids: mostly a few records, so that always chains meet never pairs (contradictions) and overrides meet
 * key links; also any record, and one no record has.
 */
const overrideIdArb = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...IDS.slice(0, 4)) }, { weight: 1, arbitrary: fc.constantFrom(...IDS, 'ghost') });

const pairArb = fc.tuple(overrideIdArb, overrideIdArb).filter(([a, b]) => a !== b);
const overrideArb: fc.Arbitrary<RecordOverride> = fc
  .tuple(pairArb, fc.constantFrom<OverrideRule>('never', 'always'))
  .map(([[recordA, recordB], rule]) => ({ recordA, recordB, rule }));
/** One rule per pair: a list with both rules for a pair has a rule of its own (never wins), tested elsewhere. */
const overridesArb = fc.uniqueArray(overrideArb, { maxLength: 8, selector: (o) => [o.recordA, o.recordB].sort().join('\u0000') });

const recordsArb = fc
  .subarray(IDS.slice(2))
  .chain((ids) => fc.tuple(...['r0', 'r1', ...ids].map((id) => contentArb.map((c): CustomerRecord => ({ id, ...c })))));

/** Options that make the size and generic guards fire on small sets. */
const TIGHT: ResolveOptions = { guards: { generic: { maxRecords: 3, maxDistinctIdentifiers: 5 }, maxClusterSize: 3 } };
const CONFIGS: [string, ResolveOptions][] = [['default options', {}], ['tight guards', TIGHT]];


function resolverPartition(resolver: Resolver, ids: Iterable<string>): string[][] {
  return partition([...ids].map((id) => [id, resolver.profileOf(id)!] as const));
}

describe.each(CONFIGS)('overrides, %s', (_name, base) => {
  test('resolve() and the resolver fed one by one agree, overrides set before, between or after the adds', () => {
    fc.assert(
      fc.property(recordsArb, overridesArb, fc.array(fc.nat()), (records, overrides, slots) => {
        const options = { ...base, overrides };
        const expected = resolve(records, options);
        expect(expected.rejects).toEqual([]);
        // Never pairs of live records are apart; always pairs together unless their link was refused.
        for (const o of overrides) {
          const pa = expected.mapping.get(o.recordA);
          const pb = expected.mapping.get(o.recordB);
          if (pa === undefined || pb === undefined) continue;
          if (o.rule === 'never') expect(pa).not.toBe(pb);
          // Apart only when its own always-link was refused (a contradiction, or the size limit).
          else if (pa !== pb) expect(expected.evidence.some((e) => e.kind === 'override' && !e.accepted && [e.recordA, e.recordB].sort().join() === [o.recordA, o.recordB].sort().join())).toBe(true);
        }

        // Each override goes in at a position among the adds (0: before every add).
        const resolver = createResolver(base);
        const at = overrides.map((_, i) => (slots[i] ?? 0) % (records.length + 1));
        for (let step = 0; step <= records.length; step++) {
          overrides.forEach((o, i) => {
            if (at[i] === step) expect(resolver.override(o.recordA, o.recordB, o.rule).ok).toBe(true);
          });
          if (step < records.length) expect(resolver.add(records[step]!).ok).toBe(true);
        }
        expect(resolverPartition(resolver, expected.mapping.keys())).toEqual(partition(expected.mapping));
        expect(resolver.profileCount).toBe(expected.profiles.length);

        // The option gives the same as the calls.
        const seeded = createResolver(options);
        for (const r of records) seeded.add(r);
        expect(resolverPartition(seeded, expected.mapping.keys())).toEqual(partition(expected.mapping));
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  test('the batch is order independent with overrides (records and overrides in any order)', () => {
    fc.assert(
      fc.property(recordsArb, overridesArb, fc.integer(), (records, overrides, seed) => {
        const a = resolve(records, { ...base, overrides });
        const b = resolve(shuffled(records, seed), { ...base, overrides: shuffled(overrides, seed + 1).map((o, i) => (i % 2 === 0 ? o : { ...o, recordA: o.recordB, recordB: o.recordA })) });
        expect([...b.mapping].sort()).toEqual([...a.mapping].sort());
        expect(b.report.overrideConflicts).toBe(a.report.overrideConflicts);
        expect(b.report.overridesUnmatched).toBe(a.report.overridesUnmatched);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  type Op =
    | { readonly op: 'put'; readonly record: CustomerRecord }
    | { readonly op: 'remove'; readonly id: string }
    | { readonly op: 'override'; readonly o: RecordOverride }
    | { readonly op: 'clear'; readonly a: string; readonly b: string };
  const opArb: fc.Arbitrary<Op> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ op: fc.constant('put' as const), record: fc.tuple(fc.constantFrom(...IDS), contentArb).map(([id, c]) => ({ id, ...c })) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('remove' as const), id: fc.constantFrom(...IDS) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('override' as const), o: overrideArb }) },
    { weight: 1, arbitrary: pairArb.map(([a, b]) => ({ op: 'clear' as const, a, b })) },
  );

  test('after every edit of records or overrides the partition equals resolve(), and events name every change', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 40 }), (ops) => {
        const resolver = createResolver(base);
        const live = new Map<string, CustomerRecord>();
        const rules = new Map<string, RecordOverride>();
        const pairKey = (a: string, b: string): string => [a, b].sort().join('\u0000');
        let before = new Map<string, string>();
        for (const o of ops) {
          let events: readonly { profileId: string; mergedIds?: readonly string[]; newIds?: readonly string[] }[] = [];
          if (o.op === 'put') {
            const res = live.has(o.record.id) ? resolver.update(o.record) : resolver.add(o.record);
            expect(res.ok).toBe(true);
            live.set(o.record.id, o.record);
            if (res.ok) events = res.events;
          } else if (o.op === 'remove') {
            const res = resolver.remove(o.id);
            expect(res.ok).toBe(live.delete(o.id));
            if (res.ok) events = res.events;
          } else if (o.op === 'override') {
            const res = resolver.override(o.o.recordA, o.o.recordB, o.o.rule);
            expect(res.ok).toBe(true);
            rules.set(pairKey(o.o.recordA, o.o.recordB), o.o);
            if (res.ok) events = res.events;
          } else {
            const res = resolver.clearOverride(o.a, o.b);
            expect(res.ok).toBe(rules.delete(pairKey(o.a, o.b)));
            if (res.ok) events = res.events;
          }
          const expected = resolve([...live.values()], { ...base, overrides: [...rules.values()] });
          expect(resolverPartition(resolver, live.keys())).toEqual(partition(expected.mapping));
          const after = new Map([...live.keys()].map((id) => [id, resolver.profileOf(id)!]));
          const named = new Set(events.flatMap((e) => [e.profileId, ...(e.mergedIds ?? []), ...(e.newIds ?? [])]));
          for (const [id, p] of after) {
            const was = before.get(id);
            if (was !== undefined && was !== p) expect(named.has(p) || named.has(was), `${id} moved from ${was} to ${p} without an event`).toBe(true);
          }
          before = after;
        }
      }),
      { seed: SEED, numRuns: 120 },
    );
  });
});

