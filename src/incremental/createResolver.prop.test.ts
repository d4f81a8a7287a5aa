import fc from 'fast-check';
import { contentArb } from '../_testing/recordArbitraries.js';
import { describe, expect, test } from 'vitest';
import type { ResolveOptions } from '../config/ResolveOptions.js';
import type { CustomerRecord, GoldenProfile } from '../types.js';
import { toProfileJson } from '../io/outputFiles.js';
import { createResolver, restoreResolver, type Resolver, type ResolverEvent } from './createResolver.js';
import { resolve } from '../resolve.js';
import { partitionOf as partition } from '../_testing/partitions.js';

const SEED = 20261122;

// Small pools so records collide often: one person's email and phone in several formats, family phones
// (different first names), logins, handles, loyalty cards, a typo'd domain, and junk.
const IDS = Array.from({ length: 14 }, (_, i) => `r${i}`);

type Op = { readonly op: 'put'; readonly id: string; readonly content: Omit<CustomerRecord, 'id'> } | { readonly op: 'remove'; readonly id: string };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('put' as const), id: fc.constantFrom(...IDS), content: contentArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('remove' as const), id: fc.constantFrom(...IDS) }) },
);
const opsArb = fc.array(opArb, { minLength: 1, maxLength: 40 });

/** Options that make every guard fire on small pools (generic keys appear and disappear as records come and go). */
const TIGHT: ResolveOptions = { guards: { generic: { maxRecords: 3, maxDistinctIdentifiers: 5 }, maxClusterSize: 4 } };
const CONFIGS: [string, ResolveOptions][] = [['default options', {}], ['tight guards', TIGHT]];


/** Golden profiles as written, without their ids (the batch's and the resolver's id rules differ), in record order. */
function goldenProfiles(profiles: readonly GoldenProfile[]): unknown[] {
  return profiles.map((p) => ({ ...toProfileJson(p), profile_id: undefined })).sort((a, b) => (a.record_ids[0]! < b.record_ids[0]! ? -1 : 1));
}

function mappingOf(resolver: Resolver, live: ReadonlyMap<string, CustomerRecord>): [string, string][] {
  return [...live.keys()].map((id) => [id, resolver.profileOf(id)!]);
}

/** Applies one op to the resolver and the model of live records; returns the events (or undefined when refused). */
function apply(resolver: Resolver, live: Map<string, CustomerRecord>, o: Op): readonly ResolverEvent[] | undefined {
  if (o.op === 'remove') {
    const res = resolver.remove(o.id);
    expect(res.ok).toBe(live.has(o.id));
    live.delete(o.id);
    return res.ok ? res.events : undefined;
  }
  const record = { id: o.id, ...o.content };
  const res = live.has(o.id) ? resolver.update(record) : resolver.add(record);
  expect(res.ok).toBe(true);
  live.set(o.id, record);
  if (!res.ok) return undefined;
  expect(res.profileId).toBe(resolver.profileOf(o.id));
  return res.events;
}

describe.each(CONFIGS)('createResolver against resolve(), %s', (_name, options) => {
  test('after every add, update and remove the partition and the golden profiles equal resolve() on the surviving records', () => {
    fc.assert(
      fc.property(opsArb, (ops) => {
        const resolver = createResolver(options);
        const live = new Map<string, CustomerRecord>();
        for (const o of ops) {
          apply(resolver, live, o);
          const expected = resolve([...live.values()], options);
          expect(expected.rejects).toEqual([]);
          expect(partition(mappingOf(resolver, live))).toEqual(partition(expected.mapping));
          const held = [...new Set([...live.keys()].map((id) => resolver.profileOf(id)!))].map((id) => resolver.profile(id)!);
          expect(goldenProfiles(held)).toEqual(goldenProfiles(expected.profiles));
          expect(resolver.recordCount).toBe(live.size);
          expect(resolver.profileCount).toBe(expected.profiles.length);
        }
      }),
      { seed: SEED, numRuns: 120 },
    );
  });

  test('events name every profile that changed; retired ids never come back', () => {
    fc.assert(
      fc.property(opsArb, (ops) => {
        const resolver = createResolver(options);
        const live = new Map<string, CustomerRecord>();
        const everSeen = new Set<string>();
        const retired = new Set<string>();
        let before = new Map<string, string[]>();
        for (const o of ops) {
          const events = apply(resolver, live, o);
          const after = new Map<string, string[]>();
          for (const [r, p] of mappingOf(resolver, live)) after.set(p, [...(after.get(p) ?? []), r].sort());
          if (!events) {
            expect(after).toEqual(before);
            continue;
          }
          const named = new Set<string>();
          for (const e of events) {
            named.add(e.profileId);
            if (e.type === 'merged') for (const m of e.mergedIds) named.add(m);
            if (e.type === 'split') for (const m of e.newIds) named.add(m);
            if (e.type === 'created' || (e.type === 'split')) {
              const fresh = e.type === 'created' ? [e.profileId] : e.newIds;
              for (const id of fresh) expect(everSeen.has(id)).toBe(false);
            }
            if (e.type === 'merged') for (const m of e.mergedIds) retired.add(m);
            if (e.type === 'deleted') retired.add(e.profileId);
          }
          for (const p of new Set([...before.keys(), ...after.keys()])) {
            if (JSON.stringify(before.get(p)) !== JSON.stringify(after.get(p))) expect(named.has(p), `profile ${p} changed without an event`).toBe(true);
          }
          for (const p of after.keys()) expect(retired.has(p), `retired id ${p} reused`).toBe(false);
          for (const p of after.keys()) everSeen.add(p);
          for (const p of retired) expect(resolver.profile(p)).toBeUndefined();
          before = after;
        }
      }),
      { seed: SEED, numRuns: 120 },
    );
  });

  test('snapshot → JSON → restore → continue equals never having stopped', () => {
    fc.assert(
      fc.property(opsArb, opsArb, (first, rest) => {
        const a = createResolver(options);
        const live = new Map<string, CustomerRecord>();
        for (const o of first) apply(a, live, o);
        const b = restoreResolver(JSON.parse(JSON.stringify(a.snapshot())), options);
        const liveB = new Map(live);
        expect(mappingOf(b, liveB)).toEqual(mappingOf(a, live));
        for (const o of rest) {
          const ea = apply(a, live, o);
          const eb = apply(b, liveB, o);
          expect(eb).toEqual(ea);
          expect(mappingOf(b, liveB)).toEqual(mappingOf(a, live));
        }
        for (const id of live.keys()) expect(b.profile(b.profileOf(id)!)).toEqual(a.profile(a.profileOf(id)!));
        expect(b.snapshot()).toEqual(a.snapshot());
      }),
      { seed: SEED, numRuns: 80 },
    );
  });
});
