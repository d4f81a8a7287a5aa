import type { CustomerRecord, GoldenProfile, LinkEvidence } from '../../types.js';

/**
 * Test double of `ResolutionBatch` for CLI / resolveFiles tests that must run before the normalizers exist:
 * the same API, every record its own profile, except records sharing an email, which are joined.
 */
export class FakeResolutionBatch {
  private readonly ids: string[] = [];
  private readonly seen = new Set<string>();
  private readonly emailOwner = new Map<string, number>();
  private readonly parent: number[] = [];
  private readonly links: LinkEvidence[] = [];

  constructor(_options?: unknown) {}

  get size(): number {
    return this.ids.length;
  }

  add(record: CustomerRecord): { ok: true; index: number } | { ok: false; reasons: string[] } {
    if (this.seen.has(record.id)) return { ok: false, reasons: [`duplicate id "${record.id}"`] };
    this.seen.add(record.id);
    const index = this.ids.push(record.id) - 1;
    this.parent.push(index);
    for (const e of record.emails ?? []) {
      const other = this.emailOwner.get(e);
      if (other === undefined) this.emailOwner.set(e, index);
      else {
        this.parent[index] = this.find(other);
        this.links.push({ recordA: this.ids[other]!, recordB: record.id, kind: 'email', key: `email:${e}`, accepted: true });
      }
    }
    return { ok: true, index };
  }

  link(): void {}

  get profileCount(): number {
    return new Set(this.ids.map((_, i) => this.find(i))).size;
  }

  *mapping(): IterableIterator<readonly [string, string]> {
    for (let i = 0; i < this.ids.length; i++) yield [this.ids[i]!, `P-${this.ids[this.find(i)]}`];
  }

  *profiles(): IterableIterator<GoldenProfile> {
    const groups = new Map<number, string[]>();
    for (let i = 0; i < this.ids.length; i++) (groups.get(this.find(i)) ?? groups.set(this.find(i), []).get(this.find(i))!).push(this.ids[i]!);
    for (const [root, recordIds] of groups) {
      yield { profileId: `P-${this.ids[root]}`, recordIds, sources: [], identifiers: [], fields: {} };
    }
  }

  *evidence(): IterableIterator<LinkEvidence> {
    yield* this.links;
  }

  report() {
    const profiles = this.profileCount;
    return {
      accepted: this.size,
      profiles,
      reductionRatio: this.size === 0 ? 0 : 1 - profiles / this.size,
      clusterSizeHistogram: {},
      invalidIdentifiers: {},
      junkIdentifiers: {},
      genericIdentifiers: [],
      genericIdentifierCount: 0,
      linksAccepted: this.links.length,
      linksRefused: {},
    };
  }

  private find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i]!;
    return i;
  }
}
