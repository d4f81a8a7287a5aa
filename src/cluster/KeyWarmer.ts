import type { LinkInput } from './LinkInput.js';
import type { LinkPlan } from './linkRecords.js';
import type { UnionFind } from './UnionFind.js';

/** Keys warmed at once, ahead of the linker (in link order, counting the other parts' keys). */
export const WARM_KEYS = 16;

/**
 * Reads, level by level, what the linker will read for the next keys of one part: each key's facts and member
 * range, its members, their clusters' roots, names, attributes and key lists, and those keys' groups.
 *
 * perf: keys are visited in hash order, so each key's records sit at random places of arrays of tens of millions
 * of entries, and the linker reads them one dependent miss after another, between its comparisons. Here the loads
 * of one level are independent of each other, so the core keeps many misses in flight at once (link stage at 5M
 * hard rows, with the line builders' warming in the same build: 24.5–29.3 s → 20.4–21.2 s). Reads only (`find` halves paths, as any find may); what was read is summed
 * into `sink`, so that the reads cannot be optimized away.
 */
export class KeyWarmer {
  sink = 0;
  /**
   * Records of the keys being warmed, then (from `half`) each one's first key. One per thread, not per warmer:
   * the incremental resolver links a small component on every edit.
   */
  private static readonly scratch = new Int32Array(2048);

  constructor(
    private readonly input: LinkInput,
    private readonly plan: LinkPlan,
    private readonly uf: UnionFind,
    private readonly part: number,
  ) {}

  /** Warms keys `order[from, to)` that this part links (at most 1,024 of their records). */
  keys(order: Uint32Array, from: number, to: number): void {
    const { input, uf } = this;
    const scratch = KeyWarmer.scratch;
    const { memberStart, members, keyPart, keyFacts } = this.plan;
    const half = scratch.length >> 1;
    let sink = 0;
    let n = 0;
    for (let i = from; i < to; i++) {
      const k = order[i]!;
      if (keyPart !== undefined && keyPart[k] !== this.part) continue;
      sink += memberStart[k + 1]! + input.keyKind[k]! + keyFacts.isShared[k]! + keyFacts.namesOnKey[k]!;
      for (let j = memberStart[k]!, end = memberStart[k + 1]!; j < end && n < half; j++) scratch[n++] = j;
    }
    for (let t = 0; t < n; t++) scratch[t] = members[scratch[t]!]!;
    for (let t = 0; t < n; t++) {
      const r = scratch[t]!;
      sink += input.firstName[r]! + input.lastName[r]! + input.attributes[r]! + uf.nextMember(r);
      scratch[half + t] = input.keyStart[r]!;
    }
    for (let t = 0; t < n; t++) {
      const r = scratch[t]!;
      sink += uf.find(r);
      for (let j = scratch[half + t]!, end = input.keyStart[r + 1]!; j < end; j++) sink += input.keyGroup[input.keyIds[j]!]!;
    }
    this.sink += sink;
  }
}
