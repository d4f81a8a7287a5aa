import { describe, expect, test } from 'vitest';
import { NeverBans, orderPairs, unionWithBans } from './overrides.js';
import { UnionFind } from './UnionFind.js';

/** Ranks equal to indices, except where given. */
function ranks(n: number, order?: readonly number[]): Uint32Array {
  const rank = new Uint32Array(n);
  (order ?? Array.from({ length: n }, (_, i) => i)).forEach((r, i) => (rank[r] = i));
  return rank;
}

describe('orderPairs', () => {
  test('orients each pair by rank, sorts by ranks, drops repeats and self-pairs', () => {
    // Ranks: 3 < 1 < 0 < 2.
    const rank = ranks(4, [3, 1, 0, 2]);
    expect([...orderPairs(Int32Array.from([2, 0, 0, 3, 3, 0, 1, 1, 1, 2]), rank)]).toEqual([3, 0, 1, 2, 0, 2]);
  });
});

describe('NeverBans', () => {
  test('bans a direct union and a union through third records, allows the rest', () => {
    const uf = new UnionFind(5);
    const bans = new NeverBans(5, Int32Array.from([0, 1]), ranks(5));
    expect(bans.conflict(0, 1)).toBe(0);
    expect(bans.conflict(0, 2)).toBe(-1);
    const r02 = unionWithBans(uf, bans, 0, 2);
    const r13 = unionWithBans(uf, bans, 1, 3);
    expect(bans.conflict(r02, r13)).toBe(0);
    expect(bans.conflict(r02, 4)).toBe(-1);
    const r024 = unionWithBans(uf, bans, r02, 4);
    expect(bans.conflict(r024, r13)).toBe(0);
    expect(bans.pair(0)).toEqual([0, 1]);
  });

  test('several bans: the first pair in rank order is named, whatever the order given', () => {
    const rank = ranks(4, [2, 3, 0, 1]);
    const a = new NeverBans(4, Int32Array.from([1, 3, 0, 2]), rank);
    const b = new NeverBans(4, Int32Array.from([2, 0, 3, 1]), rank);
    const uf = new UnionFind(4);
    const left = unionWithBans(uf, a, 0, 1);
    const ufB = new UnionFind(4);
    const leftB = unionWithBans(ufB, b, 0, 1);
    const right = unionWithBans(uf, a, 2, 3);
    const rightB = unionWithBans(ufB, b, 2, 3);
    expect(a.pair(a.conflict(left, right))).toEqual([2, 0]);
    expect(b.pair(b.conflict(leftB, rightB))).toEqual([2, 0]);
  });

  test('a self-pair bans nothing', () => {
    const bans = new NeverBans(2, Int32Array.from([1, 1]), ranks(2));
    expect(bans.conflict(0, 1)).toBe(-1);
  });

  test('merging keeps tokens small into large, and a cleared side stays clear', () => {
    const n = 40;
    // Record 0 is banned from every odd record; even records are free.
    const pairs: number[] = [];
    for (let r = 1; r < n; r += 2) pairs.push(0, r);
    const bans = new NeverBans(n, Int32Array.from(pairs), ranks(n));
    const uf = new UnionFind(n);
    let evens = 0;
    for (let r = 2; r < n; r += 2) evens = unionWithBans(uf, bans, uf.find(evens), r);
    let odds = 1;
    for (let r = 3; r < n; r += 2) {
      expect(bans.conflict(uf.find(odds), r)).toBe(-1);
      odds = unionWithBans(uf, bans, uf.find(odds), r);
    }
    expect(bans.conflict(uf.find(0), uf.find(1))).toBeGreaterThanOrEqual(0);
    expect(bans.conflict(uf.find(2), uf.find(1))).toBeGreaterThanOrEqual(0);
  });
});
