/**
 * The exact-identifier oracle: the best partition that exact matching on correctly normalized identifiers can
 * reach on a data set with known truth. Records are joined through every "pure" key — a key all of whose records
 * belong to one true person; keys shared by different persons (junk, household phones, front desks) join
 * nothing. Its precision is 1 by construction; its recall is the ceiling for exact matching.
 */
import { ByteInterner } from '../../src/_internal/ByteInterner.js';

export class ExactOracle {
  private readonly keys = new ByteInterner();
  /** Per key: the person of its first record, and whether every record since had the same person. */
  private keyPerson: Int32Array<ArrayBuffer> = new Int32Array(1 << 16);
  private keyPure = new Uint8Array(1 << 16);
  /** (record, key) occurrences, in arrival order. */
  private occRecord: Int32Array<ArrayBuffer> = new Int32Array(1 << 16);
  private occKey: Int32Array<ArrayBuffer> = new Int32Array(1 << 16);
  private occurrences = 0;

  /** Adds the keys of record `index` (dense, 0..n-1), which belongs to true person `person`. */
  add(index: number, person: number, keys: readonly string[]): void {
    for (const key of keys) {
      const before = this.keys.size;
      const k = this.keys.intern(key);
      if (k === before) {
        if (k === this.keyPerson.length) this.growKeys();
        this.keyPerson[k] = person;
        this.keyPure[k] = 1;
      } else if (this.keyPerson[k] !== person) this.keyPure[k] = 0;
      if (this.occurrences === this.occRecord.length) this.growOccurrences();
      this.occRecord[this.occurrences] = index;
      this.occKey[this.occurrences++] = k;
    }
  }

  /** Distinct keys seen, and how many of them are impure (shared by several true persons). */
  keyCounts(): { keys: number; impure: number } {
    let impure = 0;
    for (let k = 0; k < this.keys.size; k++) if (this.keyPure[k] === 0) impure++;
    return { keys: this.keys.size, impure };
  }

  /** Cluster label (the root record index) of records 0..n-1: connected components over pure keys. */
  labels(n: number): Int32Array {
    const uf = createUnionFind(n);
    const first = new Int32Array(this.keys.size).fill(-1);
    for (let o = 0; o < this.occurrences; o++) {
      const k = this.occKey[o]!;
      if (this.keyPure[k] === 0) continue;
      const r = this.occRecord[o]!;
      if (first[k] === -1) first[k] = r;
      else uf.union(first[k]!, r);
    }
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = uf.find(i);
    return out;
  }

  private growKeys(): void {
    this.keyPerson = grow(this.keyPerson);
    const pure = new Uint8Array(this.keyPure.length * 2);
    pure.set(this.keyPure);
    this.keyPure = pure;
  }

  private growOccurrences(): void {
    this.occRecord = grow(this.occRecord);
    this.occKey = grow(this.occKey);
  }
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** A typed-array union-find with path halving and union by size. */
function createUnionFind(n: number): { find(i: number): number; union(a: number, b: number): void } {
  const parent = new Int32Array(n);
  const size = new Int32Array(n).fill(1);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) {
      const g = parent[parent[i]!]!;
      parent[i] = g;
      i = g;
    }
    return i;
  };
  return {
    find,
    union(a, b) {
      let ra = find(a);
      let rb = find(b);
      if (ra === rb) return;
      if (size[ra]! < size[rb]!) [ra, rb] = [rb, ra];
      parent[rb] = ra;
      size[ra]! += size[rb]!;
    },
  };
}
