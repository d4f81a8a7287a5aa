import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { LinkInput } from './LinkInput.js';
import { planLink, type LinkConfig } from './linkRecords.js';

// The plan's two orders every link decision follows: each key's records by rank, and the keys by (kind, hash,
// key string). Held here to their definitions, computed naively, on inputs with long key lists (past the insertion
// sort's reach) and hash collisions (few hash values).

interface Shape {
  readonly keyCount: number;
  readonly records: readonly (readonly number[])[];
  readonly rankSeed: number;
  readonly kinds: readonly number[];
  readonly hashes: readonly number[];
}

/** Inputs of up to `maxKeys` keys of `kinds` kinds on up to `maxRecords` records. */
function shapes(maxKeys: number, maxRecords: number, kinds: number): fc.Arbitrary<Shape> {
  return fc
    .record({ keyCount: fc.integer({ min: 1, max: maxKeys }), recordCount: fc.integer({ min: 1, max: maxRecords }), rankSeed: fc.integer() })
    .chain(({ keyCount, recordCount, rankSeed }) =>
      fc.record({
        keyCount: fc.constant(keyCount),
        rankSeed: fc.constant(rankSeed),
        // Key 0 is on most records: a list longer than the insertion sort takes.
        records: fc.array(fc.uniqueArray(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: keyCount - 1 })), { maxLength: 4 }), { minLength: recordCount, maxLength: recordCount }),
        kinds: fc.array(fc.integer({ min: 0, max: kinds - 1 }), { minLength: keyCount, maxLength: keyCount }),
        // Few values (ties), apart in low, middle and high bits (each radix pass decides some pair).
        hashes: fc.array(fc.constantFrom(0, 1, 0x00400000, 0x80000000, 0xffffffff), { minLength: keyCount, maxLength: keyCount }),
      }),
    );
}

function inputOf(s: Shape): LinkInput {
  const n = s.records.length;
  const keyStart = new Uint32Array(n + 1);
  const ids: number[] = [];
  s.records.forEach((keys, r) => {
    ids.push(...keys);
    keyStart[r + 1] = ids.length;
  });
  // A rank order that is not storage order: records sorted by a seeded scramble of their index.
  const scramble = (r: number): number => Math.imul(r + 1, 2654435761 ^ s.rankSeed) >>> 0;
  const recordsByRank = Uint32Array.from({ length: n }, (_, r) => r).sort((a, b) => scramble(a) - scramble(b) || a - b);
  const recordRank = new Uint32Array(n);
  recordsByRank.forEach((r, rank) => (recordRank[r] = rank));
  return {
    recordCount: n,
    keyCount: s.keyCount,
    keyStart,
    keyIds: Int32Array.from(ids),
    keyKind: Uint8Array.from(s.kinds),
    keyHash: Uint32Array.from(s.hashes),
    keyString: (k: number) => `k${k}`,
    recordRank,
    recordsByRank,
    weakRecord: new Int32Array(0),
    weakKey: new Int32Array(0),
  } as unknown as LinkInput;
}

function checkPlan(s: Shape): void {
  const input = inputOf(s);
  const plan = planLink(input, {} as LinkConfig, []);
  for (let k = 0; k < s.keyCount; k++) {
    const holders = s.records.flatMap((keys, r) => (keys.includes(k) ? [r] : []));
    const expected = holders.sort((a, b) => input.recordRank[a]! - input.recordRank[b]!);
    expect(Array.from(plan.members.subarray(plan.memberStart[k]!, plan.memberStart[k + 1]!))).toEqual(expected);
  }
  const linking = Array.from({ length: s.keyCount }, (_, k) => k).filter((k) => plan.memberStart[k + 1]! - plan.memberStart[k]! >= 2);
  const expectedOrder = linking.sort((a, b) => s.kinds[a]! - s.kinds[b]! || (s.hashes[a]! >>> 0) - (s.hashes[b]! >>> 0) || (`k${a}` < `k${b}` ? -1 : `k${a}` > `k${b}` ? 1 : 0));
  expect(Array.from(plan.strongOrder)).toEqual(expectedOrder);
}

test("a plan lists each key's records in rank order, and orders the keys that link by kind, hash and key string", () => {
  fc.assert(fc.property(shapes(12, 120, 5), checkPlan), { seed: 20261205, numRuns: 300 });
});

test('the same with many keys of one kind (the radix sort, not the short-list insertion sort, and its hash ties)', () => {
  fc.assert(fc.property(shapes(300, 800, 2), checkPlan), { seed: 20261205, numRuns: 40 });
});
