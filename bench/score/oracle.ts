/**
 * The exact-identifier oracle: the best partition exact matching on correctly normalized identifiers can reach
 * on a data set. Records are joined through every key that belongs to one true person only ("pure" keys); keys
 * shared by different persons (junk, family phones, front desks) link nothing. Its precision is 1 by
 * construction; its recall is the ceiling for exact matching.
 */
import { withDefaults } from '../../src/config/ResolveOptions.js';
import { createRecordKeyer, type KeyStats } from '../../src/match/createRecordKeyer.js';
import { KeyInterner } from '../../src/match/KeyInterner.js';
import type { CustomerRecord } from '../../src/types.js';

export class ExactOracle {
  private readonly keys = new KeyInterner();
  private readonly keyRecord: (r: CustomerRecord, s: KeyStats) => { keys: string[] };
  private readonly stats: KeyStats = { invalid: {}, junk: {} };
  private keyPerson = new Int32Array(1 << 20);
  private keyPure = new Uint8Array(1 << 20);
  private pairRecord = new Int32Array(1 << 20);
  private pairKey = new Int32Array(1 << 20);
  private pairs = 0;

  constructor() {
    this.keyRecord = createRecordKeyer(withDefaults({}));
  }

  /** Record `index` (dense, 0..n-1) of true person `person` (dense label). */
  add(index: number, person: number, record: CustomerRecord): void {
    for (const key of this.keyRecord(record, this.stats).keys) {
      const before = this.keys.size;
      const k = this.keys.intern(key);
      if (k === before) {
        if (k >= this.keyPerson.length) this.growKeys();
        this.keyPerson[k] = person;
        this.keyPure[k] = 1;
      } else if (this.keyPerson[k] !== person) this.keyPure[k] = 0;
      if (this.pairs === this.pairRecord.length) this.growPairs();
      this.pairRecord[this.pairs] = index;
      this.pairKey[this.pairs++] = k;
    }
  }

  /** Dense cluster labels for records 0..n-1. */
  labels(n: number): Int32Array {
    const parent = new Int32Array(n);
    for (let i = 0; i < n; i++) parent[i] = i;
    const find = (i: number): number => {
      while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
      return i;
    };
    const first = new Int32Array(this.keys.size).fill(-1);
    for (let p = 0; p < this.pairs; p++) {
      const k = this.pairKey[p]!;
      if (this.keyPure[k] === 0) continue;
      const r = this.pairRecord[p]!;
      if (first[k] === -1) first[k] = r;
      else parent[find(r)] = find(first[k]!);
    }
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = find(i);
    return out;
  }

  private growKeys(): void {
    const p = new Int32Array(this.keyPerson.length * 2);
    p.set(this.keyPerson);
    this.keyPerson = p;
    const q = new Uint8Array(this.keyPure.length * 2);
    q.set(this.keyPure);
    this.keyPure = q;
  }

  private growPairs(): void {
    const a = new Int32Array(this.pairRecord.length * 2);
    a.set(this.pairRecord);
    this.pairRecord = a;
    const b = new Int32Array(this.pairKey.length * 2);
    b.set(this.pairKey);
    this.pairKey = b;
  }
}
