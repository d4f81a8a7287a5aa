import type { UnionFind } from './UnionFind.js';

/**
 * Steward overrides as the linker sees them: pairs of local record indices, flat (`never[2i]`, `never[2i + 1]`).
 * Built by `ResolutionBatch` (record ids of the run) and by the incremental resolver (the pairs of one component).
 */
export interface LinkOverrides {
  /** Cannot-link pairs: no union may put both records in one cluster, directly or through third records. */
  readonly never: Int32Array;
  /** Must-link pairs: joined before any key link, past every guard but a `never` and the maximum cluster size. */
  readonly always: Int32Array;
  /** The record id of a local index, for reasons that name an override pair. */
  recordId(r: number): string;
}

/**
 * The cluster-level ban of `never` overrides. Never-pair `i` is a token held by the clusters of both its records;
 * since no cluster may hold both, two disjoint clusters may join only when they hold no token in common.
 *
 * Cost: a flag per record and a token set per cluster that holds a constrained record; sets are merged small into
 * large, and a check walks the smaller set. Clusters without a constrained record pay one byte read per check.
 */
export class NeverBans {
  /** 1 for a root whose cluster holds a record named by a never pair. */
  private readonly flagged: Uint8Array;
  private readonly tokens = new Map<number, Set<number>>();
  /** The pairs in rank order, so that a union several pairs forbid names the same one on every path. */
  private readonly pairs: Int32Array;

  constructor(recordCount: number, never: Int32Array, recordRank: Uint32Array) {
    this.flagged = new Uint8Array(recordCount);
    // A record is always in its own cluster: a self-pair bans nothing (it could only ban every union).
    this.pairs = orderPairs(never, recordRank);
    for (let i = 0; i < this.pairs.length >> 1; i++) {
      this.add(this.pairs[2 * i]!, i);
      this.add(this.pairs[2 * i + 1]!, i);
    }
  }

  private add(r: number, token: number): void {
    let set = this.tokens.get(r);
    if (set === undefined) {
      set = new Set();
      this.tokens.set(r, set);
      this.flagged[r] = 1;
    }
    set.add(token);
  }

  /** The first never pair (in rank order) that forbids joining the clusters rooted at `ra` and `rb`, or -1. */
  conflict(ra: number, rb: number): number {
    if (this.flagged[ra] === 0 || this.flagged[rb] === 0 || ra === rb) return -1;
    let small = this.tokens.get(ra)!;
    let large = this.tokens.get(rb)!;
    if (small.size > large.size) [small, large] = [large, small];
    let first = -1;
    for (const t of small) if ((first === -1 || t < first) && large.has(t)) first = t;
    return first;
  }

  /** Records that the clusters rooted at `a` and `b` became one rooted at `root` (one of them). */
  merged(root: number, a: number, b: number): void {
    const other = root === a ? b : a;
    if (this.flagged[other] === 0) return;
    const moved = this.tokens.get(other)!;
    this.tokens.delete(other);
    this.flagged[other] = 0;
    const kept = this.tokens.get(root);
    if (kept === undefined) {
      this.tokens.set(root, moved);
      this.flagged[root] = 1;
      return;
    }
    if (kept.size >= moved.size) {
      for (const t of moved) kept.add(t);
    } else {
      for (const t of kept) moved.add(t);
      this.tokens.set(root, moved);
    }
  }

  /** The records of never pair `i`. */
  pair(i: number): readonly [number, number] {
    return [this.pairs[2 * i]!, this.pairs[2 * i + 1]!];
  }
}

/**
 * Override pairs in the order they are applied (`always`) or named (`never`): each pair as (lower rank, higher
 * rank), pairs by those ranks, repeats and self-pairs dropped. A function of the records' ranks only, so never of
 * input order (the batch and the incremental resolver rank records alike).
 */
export function orderPairs(flat: Int32Array, recordRank: Uint32Array): Int32Array {
  const pairs: [number, number][] = [];
  for (let i = 0; i < flat.length >> 1; i++) {
    let a = flat[2 * i]!;
    let b = flat[2 * i + 1]!;
    if (a === b) continue;
    if (recordRank[a]! > recordRank[b]!) [a, b] = [b, a];
    pairs.push([a, b]);
  }
  pairs.sort((x, y) => recordRank[x[0]]! - recordRank[y[0]]! || recordRank[x[1]]! - recordRank[y[1]]!);
  const out: number[] = [];
  for (let i = 0; i < pairs.length; i++) {
    const [a, b] = pairs[i]!;
    if (i > 0 && pairs[i - 1]![0] === a && pairs[i - 1]![1] === b) continue;
    out.push(a, b);
  }
  return Int32Array.from(out);
}

/** Joins two roots, keeping the bans (when any) in step with the union-find. */
export function unionWithBans(uf: UnionFind, bans: NeverBans | undefined, a: number, b: number): number {
  const root = uf.unionRoots(a, b);
  bans?.merged(root, a, b);
  return root;
}

/** Evidence reasons naming override pairs. */
export function neverReason(o: LinkOverrides, a: number, b: number): string {
  return `override never: ${o.recordId(a)} / ${o.recordId(b)}`;
}

export function alwaysReason(o: LinkOverrides, a: number, b: number): string {
  return `override always: ${o.recordId(a)} / ${o.recordId(b)}`;
}
