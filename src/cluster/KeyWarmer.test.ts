import { describe, expect, test } from 'vitest';
import { KeyWarmer } from './KeyWarmer.js';
import type { LinkInput } from './LinkInput.js';
import type { LinkPlan } from './linkRecords.js';
import { UnionFind } from './UnionFind.js';

// The warmer only reads what the linker will read: an index computed wrong reads past an array's end (undefined,
// so a NaN sum). Whole runs with it in place are held to the one-thread log by linkInParts.prop.test.ts.

/** n records; key 0 on every record (more than the warmer's scratch holds), key 1 + (r % 3) on record r. */
function fixture(n: number): { input: LinkInput; plan: LinkPlan; order: Uint32Array } {
  const keyStart = Uint32Array.from({ length: n + 1 }, (_, r) => 2 * r);
  const keyIds = Int32Array.from({ length: 2 * n }, (_, j) => (j % 2 === 0 ? 0 : 1 + ((j >> 1) % 3)));
  const keys = 4;
  const memberStart = new Uint32Array(keys + 1);
  for (const k of keyIds) memberStart[k + 1]!++;
  for (let k = 0; k < keys; k++) memberStart[k + 1]! += memberStart[k]!;
  const fill = memberStart.slice(0, keys);
  const members = new Int32Array(2 * n);
  for (let r = 0; r < n; r++) for (let j = keyStart[r]!; j < keyStart[r + 1]!; j++) members[fill[keyIds[j]!]!++] = r;
  const perRecord = () => Int32Array.from({ length: n }, (_, r) => (r % 5 === 0 ? -1 : r % 7));
  const input = {
    recordCount: n, keyStart, keyIds, keyCount: keys, keyKind: new Uint8Array(keys), keyGroup: Int32Array.from([-1, 0, 0, -1]),
    firstName: perRecord(), lastName: perRecord(), attributes: perRecord(),
  } as unknown as LinkInput;
  const plan = {
    memberStart, members, keyPart: Uint8Array.from([0, 1, 0, 1]), parts: 2,
    keyFacts: { isShared: new Uint8Array(keys), namesOnKey: new Uint8Array(keys), isHousehold: new Uint8Array(keys) },
  } as unknown as LinkPlan;
  return { input, plan, order: Uint32Array.from([2, 0, 3, 1]) };
}

describe('KeyWarmer', () => {
  test('reads within the arrays for every window of keys and either part, past its scratch, and leaves the clusters as they were', () => {
    const n = 3000;
    const { input, plan, order } = fixture(n);
    const uf = new UnionFind(n);
    for (let r = 1; r < n; r += 2) uf.unionRoots(uf.find(r - 1), uf.find(r));
    const before = Array.from({ length: n }, (_, r) => uf.find(r));
    for (const part of [0, 1]) {
      for (const window of [1, 3, 16]) {
        const warmer = new KeyWarmer(input, plan, uf, part);
        for (let i = 0; i < order.length; i += window) warmer.keys(order, i, Math.min(order.length, i + window));
        expect(Number.isFinite(warmer.sink)).toBe(true);
        expect(warmer.sink).toBeGreaterThan(0);
      }
    }
    expect(Array.from({ length: n }, (_, r) => uf.find(r))).toEqual(before);
  });
});
