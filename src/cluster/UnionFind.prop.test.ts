import fc from 'fast-check';
import { expect, test } from 'vitest';
import { UnionFind } from './UnionFind.js';

/** Components by BFS over the same edges: the naive reference. */
function bfsComponents(n: number, edges: readonly [number, number][]): number[] {
  const adj: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of edges) {
    adj[a]!.push(b);
    adj[b]!.push(a);
  }
  const comp = new Array<number>(n).fill(-1);
  for (let s = 0; s < n; s++) {
    if (comp[s] !== -1) continue;
    comp[s] = s;
    const queue = [s];
    while (queue.length) for (const v of adj[queue.pop()!]!) if (comp[v] === -1) (comp[v] = s), queue.push(v);
  }
  return comp;
}

const graphArb = fc.integer({ min: 1, max: 60 }).chain((n) =>
  fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n * 2 })),
);

test('UnionFind gives the same components as BFS on random graphs', () => {
  fc.assert(
    fc.property(graphArb, ([n, edges]) => {
      const uf = new UnionFind(n);
      for (const [a, b] of edges) uf.unionRoots(uf.find(a), uf.find(b));
      const ref = bfsComponents(n, edges);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(uf.find(i) === uf.find(j)).toBe(ref[i] === ref[j]);
    }),
    { seed: 20261122, numRuns: 200 },
  );
});

test('member lists walk exactly the members of a set', () => {
  fc.assert(
    fc.property(graphArb, ([n, edges]) => {
      const uf = new UnionFind(n);
      for (const [a, b] of edges) uf.unionRoots(uf.find(a), uf.find(b));
      for (let i = 0; i < n; i++) {
        const seen: number[] = [];
        uf.forEachMember(i, (m) => seen.push(m));
        const expected = Array.from({ length: n }, (_, j) => j).filter((j) => uf.find(j) === uf.find(i));
        expect(seen.sort((a, b) => a - b)).toEqual(expected);
        expect(seen.length).toBe(uf.sizeOf(uf.find(i)));
      }
    }),
    { seed: 20261122, numRuns: 100 },
  );
});
