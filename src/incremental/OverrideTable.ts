import type { LinkOverrides } from '../cluster/overrides.js';
import type { OverrideRule } from '../config/ResolveOptions.js';

/**
 * The incremental resolver's steward overrides, one rule per pair of record indices (both directions stored).
 * Indices are the resolver's interned ids, which outlive records: an override may name a record that is not live
 * (not added yet, or removed) and it stays, inert until both records are live.
 */
export class OverrideTable {
  private readonly partners = new Map<number, Map<number, OverrideRule>>();

  /** Records named by at least one override. */
  get size(): number {
    return this.partners.size;
  }

  get(a: number, b: number): OverrideRule | undefined {
    return this.partners.get(a)?.get(b);
  }

  set(a: number, b: number, rule: OverrideRule): void {
    this.side(a).set(b, rule);
    this.side(b).set(a, rule);
  }

  delete(a: number, b: number): void {
    this.drop(a, b);
    this.drop(b, a);
  }

  /** Every override once, as (smaller index, larger index, rule), in table order (snapshots write them). */
  *pairs(): Generator<readonly [number, number, OverrideRule]> {
    for (const [a, mine] of this.partners) {
      for (const [b, rule] of mine) if (a < b) yield [a, b, rule];
    }
  }

  /** Calls `visit` with every `always` partner of `r`. */
  forEachAlways(r: number, visit: (partner: number) => void): void {
    const mine = this.partners.get(r);
    if (mine === undefined) return;
    for (const [p, rule] of mine) if (rule === 'always') visit(p);
  }

  /**
   * The overrides with both records among `records` (local index = position), for the linker; undefined when
   * there are none. perf: one map lookup per record, and only when the table is not empty.
   */
  among(records: Int32Array, recordId: (global: number) => string): LinkOverrides | undefined {
    if (this.partners.size === 0) return undefined;
    const localOf = new Map<number, number>();
    for (let i = 0; i < records.length; i++) if (this.partners.has(records[i]!)) localOf.set(records[i]!, i);
    if (localOf.size < 2) return undefined;
    const never: number[] = [];
    const always: number[] = [];
    for (const [g, l] of localOf) {
      for (const [p, rule] of this.partners.get(g)!) {
        const lp = localOf.get(p);
        // Each pair once (from its smaller global index).
        if (lp === undefined || p < g) continue;
        (rule === 'never' ? never : always).push(l, lp);
      }
    }
    if (never.length === 0 && always.length === 0) return undefined;
    return { never: Int32Array.from(never), always: Int32Array.from(always), recordId: (l) => recordId(records[l]!) };
  }

  private side(r: number): Map<number, OverrideRule> {
    let m = this.partners.get(r);
    if (m === undefined) {
      m = new Map();
      this.partners.set(r, m);
    }
    return m;
  }

  private drop(r: number, partner: number): void {
    const m = this.partners.get(r);
    if (m === undefined) return;
    m.delete(partner);
    if (m.size === 0) this.partners.delete(r);
  }
}
