import { compareNames } from '../match/compareNames.js';
import type { LinkInput } from './LinkInput.js';
import { OUTCOME, type OutcomeCode } from './EvidenceLog.js';
import type { UnionFind } from './UnionFind.js';

/** Guard thresholds, already defaulted. */
export interface GuardConfig {
  /** Bit per kind code: links through these kinds are checked by the shareable guard. */
  readonly shareableKinds: number;
  readonly shareableEnabled: boolean;
  readonly minNameSimilarity: number;
  readonly maxClusterSize: number;
}

/** A guard's decision on one candidate union. */
export interface Verdict {
  outcome: OutcomeCode;
  why: string | undefined;
}

/**
 * Decides whether two clusters may be joined by a link through `key` (spec §3 guards). Reads the clusters by
 * walking their members, which is cheap because guards keep clusters small.
 */
export class GuardEvaluator {
  private readonly stamp: Int32Array;
  private epoch = 1;
  private readonly a = new ClusterFacts();
  private readonly b = new ClusterFacts();
  private readonly verdict: Verdict = { outcome: OUTCOME.accepted, why: undefined };

  constructor(
    private readonly input: LinkInput,
    private readonly uf: UnionFind,
    private readonly config: GuardConfig,
    /** 1 for generic keys: they are not evidence, so they never corroborate a link. */
    private readonly isGeneric: Uint8Array,
    /** 1 for keys whose records show different people (see findSharedKeys). */
    private readonly isShared: Uint8Array,
  ) {
    this.stamp = new Int32Array(input.keyCount);
  }

  /** Verdict for joining the clusters rooted at `ra` and `rb` through `key`; `fuzzy` for weak evidence. */
  check(ra: number, rb: number, key: number, fuzzy: boolean): Verdict {
    const v = this.verdict;
    v.why = undefined;
    const size = this.uf.sizeOf(ra) + this.uf.sizeOf(rb);
    if (size > this.config.maxClusterSize) {
      return this.refuse(OUTCOME.maxClusterSize, `cluster would hold ${size} records (max ${this.config.maxClusterSize})`);
    }
    this.a.collect(this.input, this.uf, ra);
    this.b.collect(this.input, this.uf, rb);
    const shared = this.countSharedKeys();

    const conflict = this.groupConflict(true);
    if (conflict !== undefined) return this.refuse(OUTCOME.exclusive, conflict);

    const kind = this.input.keyKind[key]!;
    if (fuzzy) {
      // Fuzzy evidence never links alone: the names must agree and nothing strong may conflict.
      if (this.namesVerdict() !== 'agree') return this.refuse(OUTCOME.fuzzy, 'typo-corrected email without agreeing names');
      const other = this.groupConflict(false);
      if (other !== undefined) return this.refuse(OUTCOME.fuzzy, other);
      v.outcome = OUTCOME.acceptedFuzzy;
      return v;
    }
    // A link that rests on more than one shared identifier is corroborated; the shareable guard is for a link
    // resting on one phone or one email only.
    if (this.config.shareableEnabled && shared < 2 && (this.config.shareableKinds & (1 << kind)) !== 0) {
      const names = this.namesVerdict();
      if (names === 'disagree') return this.refuse(OUTCOME.shareable, `names differ: ${this.describeNames()}`);
      if (names === 'unknown') {
        if (this.isShared[key] === 1) return this.refuse(OUTCOME.shareable, 'identifier shared by people with different names, and no name here to tell them apart');
        const other = this.groupConflict(false);
        if (other !== undefined) return this.refuse(OUTCOME.shareable, other);
      }
    }
    v.outcome = OUTCOME.accepted;
    return v;
  }

  private refuse(outcome: OutcomeCode, why: string): Verdict {
    this.verdict.outcome = outcome;
    this.verdict.why = why;
    return this.verdict;
  }

  /** Distinct strong keys present in both clusters. */
  private countSharedKeys(): number {
    const e = (this.epoch += 2);
    const stamp = this.stamp;
    for (const k of this.a.keys) stamp[k] = e;
    let shared = 0;
    for (const k of this.b.keys) {
      if (stamp[k] === e && this.isGeneric[k] === 0) {
        shared++;
        stamp[k] = e + 1;
      }
    }
    return shared;
  }

  /**
   * A namespace in which both clusters hold values and neither side's values include the other's: for exclusive
   * groups (logins by default) that is a hard conflict; for the others (handles, external ids) it is evidence of
   * two people, used when names cannot tell.
   */
  private groupConflict(exclusive: boolean): string | undefined {
    const input = this.input;
    const A = this.a;
    const B = this.b;
    for (let i = 0; i < A.groupKeys.length; i++) {
      const g = A.groupOf[i]!;
      if ((input.groupExclusive[g] === 1) !== exclusive) continue;
      if (!B.groupOf.includes(g)) continue;
      const aVals = A.valuesIn(g);
      const bVals = B.valuesIn(g);
      const aInB = aVals.every((k) => bVals.includes(k));
      const bInA = bVals.every((k) => aVals.includes(k));
      if (!aInB && !bInA) {
        return `different ${input.groupName(g)}: ${input.keyString(aVals[0]!)} vs ${input.keyString(bVals[0]!)}`;
      }
    }
    return undefined;
  }

  /** Agree when any record of one side agrees with any of the other; disagree when some compare and none agree. */
  private namesVerdict(): 'agree' | 'disagree' | 'unknown' {
    const A = this.a;
    const B = this.b;
    let disagree = false;
    for (let i = 0; i < A.firstNames.length; i++) {
      for (let j = 0; j < B.firstNames.length; j++) {
        const v = compareNames(A.firstNames[i]!, A.lastNames[i]!, B.firstNames[j]!, B.lastNames[j]!, this.input.nameOf, this.config.minNameSimilarity);
        if (v === 'agree') return 'agree';
        if (v === 'disagree') disagree = true;
      }
    }
    return disagree ? 'disagree' : 'unknown';
  }

  private describeNames(): string {
    const n = (f: number[], l: number[]): string =>
      f.map((id, i) => [id, l[i]!].filter((x) => x >= 0).map((x) => this.input.nameOf(x)).join(' ')).join('/') || '?';
    return `${n(this.a.firstNames, this.a.lastNames)} vs ${n(this.b.firstNames, this.b.lastNames)}`;
  }
}

/** The facts of one cluster a guard needs, gathered by walking its members (scratch, reused). */
class ClusterFacts {
  readonly keys: number[] = [];
  /** Distinct (first, last) name pairs of the members, as parallel arrays (-1 when absent). */
  readonly firstNames: number[] = [];
  readonly lastNames: number[] = [];
  /** Keys that belong to a namespace group, with their group. */
  readonly groupKeys: number[] = [];
  readonly groupOf: number[] = [];

  collect(input: LinkInput, uf: UnionFind, root: number): void {
    this.keys.length = 0;
    this.firstNames.length = 0;
    this.lastNames.length = 0;
    this.groupKeys.length = 0;
    this.groupOf.length = 0;
    let m = root;
    do {
      const f = input.firstName[m]!;
      const l = input.lastName[m]!;
      if ((f >= 0 || l >= 0) && this.firstNames.length < 16 && !this.hasNames(f, l)) {
        this.firstNames.push(f);
        this.lastNames.push(l);
      }
      for (let j = input.keyStart[m]!, end = input.keyStart[m + 1]!; j < end; j++) {
        const k = input.keyIds[j]!;
        this.keys.push(k);
        const g = input.keyGroup[k]!;
        if (g >= 0 && !this.groupKeys.includes(k)) {
          this.groupKeys.push(k);
          this.groupOf.push(g);
        }
      }
      m = uf.nextMember(m);
    } while (m !== root);
  }

  private hasNames(f: number, l: number): boolean {
    for (let i = 0; i < this.firstNames.length; i++) if (this.firstNames[i] === f && this.lastNames[i] === l) return true;
    return false;
  }

  valuesIn(group: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.groupOf.length; i++) if (this.groupOf[i] === group) out.push(this.groupKeys[i]!);
    return out;
  }
}
