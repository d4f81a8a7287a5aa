/** A partition as a sorted list of sorted record-id groups, from (record id, profile id) pairs (test-only). */
export function partitionOf(pairs: Iterable<readonly [string, string]>): string[][] {
  const groups = new Map<string, string[]>();
  for (const [r, p] of pairs) {
    const g = groups.get(p);
    if (g) g.push(r);
    else groups.set(p, [r]);
  }
  return [...groups.values()].map((g) => g.sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

/** `items` in a seeded pseudo-random order (Fisher–Yates with an LCG; test-only). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
