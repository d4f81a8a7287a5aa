import { clearAttributeLevels, copyAttributeLevels, noAttributeLevels, type AttributeLevels } from '../match/attributes.js';
import { grow } from '../_internal/grow.js';
import { compareNamePairs, type NameLevels } from '../match/compareNames.js';
import { LEVEL, type Level } from '../match/levels.js';
import { LINK_THRESHOLD, linkWeight, personWeight, WEIGHTS, type LinkFacts } from '../match/matchWeights.js';
import { compareInternedAttributes } from './compareInternedAttributes.js';
import type { LinkInput } from './LinkInput.js';
import { OUTCOME, type OutcomeCode } from './EvidenceLog.js';
import { neverReason, type NeverBans } from './overrides.js';
import type { UnionFind } from './UnionFind.js';

/** Guard thresholds, already defaulted. */
export interface GuardConfig {
  /** Bit per kind code: links through these kinds are decided by their match weight (the shareable guard). */
  readonly shareableKinds: number;
  readonly shareableEnabled: boolean;
  readonly minNameSimilarity: number;
  readonly maxClusterSize: number;
}

/** A guard's decision on one candidate union, with the evidence it weighed. */
export interface Verdict {
  outcome: OutcomeCode;
  why: string | undefined;
  /** The match weight (NaN when no weight was computed: cluster size, exclusive conflict). */
  weight: number;
  readonly facts: LinkFacts;
}

/** What the guards know about each key beyond the link input (see `linkRecords`). */
export interface KeyFacts {
  /** 1 for generic keys: they are not evidence, so they never corroborate a link. */
  readonly isGeneric: Uint8Array;
  /** 1 for keys whose records name different people (see `findSharedKeys`). */
  readonly isShared: Uint8Array;
  /** People (mutually disagreeing names) among each key's records, from at most 8 distinct names. */
  readonly namesOnKey: Uint8Array;
  /** 1 for shared keys whose differing people share a surname or an address: a household. */
  readonly isHousehold: Uint8Array;
  /** Names by interned id ('' for -1), decoded once when repeated. */
  readonly names: { get(id: number): string };
}

/**
 * Decides whether two clusters may be joined by a link through `key` (spec §3 guards and whole-person
 * evidence). Reads the clusters by walking their members, which is cheap because guards keep clusters small.
 * Every decision that reaches the weights carries them (`Verdict.facts`, `Verdict.weight`).
 */
export class GuardEvaluator {
  private readonly stamp: Int32Array;
  private epoch = 1;
  private readonly a = new ClusterFacts();
  private readonly b = new ClusterFacts();
  private readonly pairNames: NameLevels = { first: LEVEL.none, last: LEVEL.none };
  private readonly pairAttributes: AttributeLevels = noAttributeLevels();
  private readonly verdict: Verdict = {
    outcome: OUTCOME.accepted,
    why: undefined,
    weight: Number.NaN,
    facts: {
      kind: 0, shared: false, weak: false, household: false, namesOnKey: 1, corroboration: 0, conflicts: 0,
      names: { first: LEVEL.none, last: LEVEL.none }, attributes: noAttributeLevels(),
    },
  };

  constructor(
    private readonly input: LinkInput,
    private readonly uf: UnionFind,
    private readonly config: GuardConfig,
    private readonly keys: KeyFacts,
    /** The `never` overrides' ban, when the input has any. */
    private readonly bans?: NeverBans,
  ) {
    this.stamp = new Int32Array(input.keyCount);
  }

  /** Verdict for joining the clusters rooted at `ra` and `rb` through `key`; `weak` for weak evidence. */
  check(ra: number, rb: number, key: number, weak: boolean): Verdict {
    const v = this.verdict;
    v.why = undefined;
    v.weight = Number.NaN;
    // A steward's never outranks every key and every weight, so it is asked first.
    if (this.bans !== undefined) {
      const banned = this.bans.conflict(ra, rb);
      if (banned >= 0) {
        const [a, b] = this.bans.pair(banned);
        return this.refuse(OUTCOME.override, neverReason(this.input.overrides!, a, b));
      }
    }
    const size = this.uf.sizeOf(ra) + this.uf.sizeOf(rb);
    if (size > this.config.maxClusterSize) {
      return this.refuse(OUTCOME.maxClusterSize, `cluster would hold ${size} records (max ${this.config.maxClusterSize})`);
    }
    this.a.collect(this.input, this.uf, ra);
    this.b.collect(this.input, this.uf, rb);
    const conflict = this.groupConflicts(true);
    if (conflict !== undefined) return this.refuse(OUTCOME.exclusive, conflict);

    const f = v.facts;
    const kind = this.input.keyKind[key]!;
    f.kind = kind;
    f.weak = weak;
    f.shared = this.keys.isShared[key] === 1;
    f.household = !weak && this.keys.isHousehold[key] === 1;
    f.namesOnKey = Math.max(1, this.keys.namesOnKey[key]!);
    f.corroboration = this.corroboration(key);
    this.otherConflict = -1;
    f.conflicts = 0;
    this.groupConflicts(false);
    this.compareEvidence(f);
    v.weight = linkWeight(f);

    const scored = weak || (this.config.shareableEnabled && (this.config.shareableKinds & (1 << kind)) !== 0);
    if (scored && v.weight < LINK_THRESHOLD) {
      return this.refuse(weak ? OUTCOME.fuzzy : OUTCOME.shareable, this.describeRefusal(f, v.weight));
    }
    v.outcome = weak ? OUTCOME.acceptedFuzzy : OUTCOME.accepted;
    return v;
  }

  private refuse(outcome: OutcomeCode, why: string): Verdict {
    this.verdict.outcome = outcome;
    this.verdict.why = why;
    return this.verdict;
  }

  /**
   * The weight of the other keys both clusters hold: each distinct key that is neither generic nor shared adds its
   * kind's weight. A shared key corroborates nothing (an office email does not vouch for an office phone).
   */
  private corroboration(linkKey: number): number {
    const e = (this.epoch += 2);
    const stamp = this.stamp;
    const a = this.a;
    const b = this.b;
    for (let i = 0; i < a.keyCount; i++) stamp[a.keys[i]!] = e;
    let sum = 0;
    for (let i = 0; i < b.keyCount; i++) {
      const k = b.keys[i]!;
      if (stamp[k] === e && k !== linkKey && this.keys.isGeneric[k] === 0 && this.keys.isShared[k] === 0) {
        sum += WEIGHTS.key[this.input.keyKind[k]!] ?? 0;
        stamp[k] = e + 1;
      }
    }
    return sum;
  }

  /** The first non-exclusive conflict of the link being checked (group and the two sides' first keys), -1 for none. */
  private otherConflict = -1;
  private otherConflictA = 0;
  private otherConflictB = 0;

  /**
   * Namespaces in which both clusters hold values and neither side's values include the other's. For exclusive
   * groups (logins by default) the first such is returned: a hard conflict. For the others (handles, external ids)
   * each counts against the link's weight (`facts.conflicts`).
   */
  private groupConflicts(exclusive: boolean): string | undefined {
    const input = this.input;
    const A = this.a;
    const B = this.b;
    for (let i = 0; i < A.groupCount; i++) {
      const g = A.groupOf[i]!;
      if ((input.groupExclusive[g] === 1) !== exclusive) continue;
      if (A.firstOfGroup(g) !== i) continue;
      if (B.firstOfGroup(g) === -1) continue;
      if (!A.isSubsetOf(g, B) && !B.isSubsetOf(g, A)) {
        const b = B.groupKeys[B.firstOfGroup(g)]!;
        if (exclusive) return this.describeConflict(g, A.groupKeys[i]!, b);
        // Told only if the link is refused (perf: hard data weighs many links with conflicting handles or ids).
        if (this.otherConflict === -1) {
          this.otherConflict = g;
          this.otherConflictA = A.groupKeys[i]!;
          this.otherConflictB = b;
        }
        this.verdict.facts.conflicts++;
      }
    }
    return undefined;
  }

  private describeConflict(g: number, a: number, b: number): string {
    return `different ${this.input.groupName(g)}: ${this.input.keyString(a)} vs ${this.input.keyString(b)}`;
  }

  /**
   * Name and attribute levels between the clusters: those of the best-matching pair of their members (the pair
   * with the highest name and attribute weight), so a first name from one record and a surname from another never
   * combine into a match. A kind of evidence the best pair cannot compare is still a conflict when every pair that
   * can compare it disagrees: "James Garcia" + "James" against "James Chowdhury" is a surname conflict.
   */
  private compareEvidence(f: LinkFacts): void {
    const A = this.a;
    const B = this.b;
    const names = f.names as NameLevels;
    const at = f.attributes as AttributeLevels;
    const pn = this.pairNames;
    const pa = this.pairAttributes;
    const comp = this.componentBest;
    // perf: a loop, not `fill` (a call into the runtime for three elements, ~1% of a link part).
    for (let k = 0; k < comp.length; k++) comp[k] = LEVEL.none;
    let best = Number.NEGATIVE_INFINITY;
    names.first = names.last = LEVEL.none;
    clearAttributeLevels(at);
    for (let i = 0; i < A.people; i++) {
      for (let j = 0; j < B.people; j++) {
        this.comparePeople(A, i, B, j);
        const w = personWeight(pn, pa, f.household);
        note(comp, pn, pa);
        if (w > best) {
          best = w;
          names.first = pn.first;
          names.last = pn.last;
          copyAttributeLevels(at, pa);
        }
      }
    }
    // Conflicts the best pair could not see.
    if (names.first === LEVEL.none && comp[0] === LEVEL.disagree) names.first = LEVEL.disagree;
    if (names.last === LEVEL.none && comp[1] === LEVEL.disagree) names.last = LEVEL.disagree;
    if (at.dateOfBirth === LEVEL.none && comp[2] === LEVEL.disagree) at.dateOfBirth = LEVEL.disagree;
  }

  private comparePeople(A: ClusterFacts, i: number, B: ClusterFacts, j: number): void {
    const fa = A.firstNames[i]!, la = A.lastNames[i]!, fb = B.firstNames[j]!, lb = B.lastNames[j]!;
    const pn = this.pairNames;
    if (fa === fb && la === lb) {
      // perf: the same interned names (most pairs of one person's records) need no decoding.
      pn.first = fa < 0 ? LEVEL.none : LEVEL.exact;
      pn.last = la < 0 ? LEVEL.none : LEVEL.exact;
    } else {
      const text = this.keys.names;
      compareNamePairs(text.get(fa), text.get(la), text.get(fb), text.get(lb), this.config.minNameSimilarity, pn);
    }
    const x = A.attributes[i]!;
    const y = B.attributes[j]!;
    if (x >= 0 && y >= 0) compareInternedAttributes(this.input.names, x, y, this.pairAttributes);
    else clearAttributeLevels(this.pairAttributes);
  }

  /** Best level per component over comparable pairs: first, last, date of birth. */
  private readonly componentBest: Level[] = [LEVEL.none, LEVEL.none, LEVEL.none];

  /** Why a weighed link was refused, in words: its weight and the evidence that pulled it down. */
  private describeRefusal(f: LinkFacts, weight: number): string {
    // perf: one string built as it goes, not an array of reasons joined (this function allocated a quarter of the
    // link's bytes at 1M hard).
    let why = '';
    if (f.names.first === LEVEL.disagree || f.names.last === LEVEL.disagree) why = `names differ: ${this.describeNames()}`;
    if (f.attributes.dateOfBirth === LEVEL.disagree) why = andReason(why, 'dates of birth differ');
    if (this.otherConflict !== -1) why = andReason(why, this.describeConflict(this.otherConflict, this.otherConflictA, this.otherConflictB));
    if (why === '') {
      if (f.weak) why = f.names.first < LEVEL.close && f.names.last < LEVEL.close ? 'weak identifier without agreeing names' : 'weak identifier without enough agreeing evidence';
      else if (f.shared) why = f.names.first === LEVEL.none && f.names.last === LEVEL.none
        ? 'identifier shared by people with different names, and no name here to tell them apart'
        : 'identifier shared by people with different names, and too little else agrees';
      else why = 'too little agreeing evidence';
    }
    return `${why} (weight ${round2(weight)} < ${LINK_THRESHOLD})`;
  }

  private describeNames(): string {
    return `${this.peopleNames(this.a)} vs ${this.peopleNames(this.b)}`;
  }

  /** A cluster's distinct people as "first last" names, in order, joined by '/' ('?' for none). */
  private peopleNames(c: ClusterFacts): string {
    // perf: hard data refuses many links on names; this ran for each (8% of a link part's time as array chains).
    const text = this.keys.names;
    let out = '';
    const seen: string[] = [];
    for (let i = 0; i < c.people; i++) {
      const f = c.firstNames[i]!;
      const l = c.lastNames[i]!;
      const name = f >= 0 && l >= 0 ? `${text.get(f)} ${text.get(l)}` : f >= 0 ? text.get(f) : l >= 0 ? text.get(l) : '';
      if (name === '' || seen.includes(name)) continue;
      seen.push(name);
      out = out === '' ? name : `${out}/${name}`;
    }
    return out === '' ? '?' : out;
  }
}

function note(comp: Level[], n: NameLevels, a: AttributeLevels): void {
  if (n.first > comp[0]!) comp[0] = n.first;
  if (n.last > comp[1]!) comp[1] = n.last;
  if (a.dateOfBirth > comp[2]!) comp[2] = a.dateOfBirth;
}

function andReason(reasons: string, next: string): string {
  return reasons === '' ? next : `${reasons}; ${next}`;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** People a cluster's facts keep (distinct first name, last name and attributes), in member order. */
const MAX_PEOPLE = 16;

/**
 * The facts of one cluster a guard needs, gathered by walking its members (scratch, reused). perf: typed arrays
 * with counts, not JS arrays emptied and refilled: `collect` runs on every check (1.35M times at 1M rows, ~1.6
 * members each), and clearing and pushing seven arrays was a third of its time.
 */
class ClusterFacts {
  /** The members' keys, repeats included: `keys[0, keyCount)`. */
  keys = new Int32Array(64);
  keyCount = 0;
  /**
   * Distinct (first, last, attributes) of the members with a name or attributes, as parallel arrays (interned
   * ids, -1 when absent), at most 16: `[0, people)`.
   */
  readonly firstNames = new Int32Array(MAX_PEOPLE);
  readonly lastNames = new Int32Array(MAX_PEOPLE);
  readonly attributes = new Int32Array(MAX_PEOPLE);
  people = 0;
  /** Distinct keys that belong to a namespace group, with their group: `[0, groupCount)`. */
  groupKeys = new Int32Array(16);
  groupOf = new Int32Array(16);
  groupCount = 0;

  /** The cluster last collected: its root and size (a cluster only changes by growing, so these identify it). */
  private root = -1;
  private size = 0;

  collect(input: LinkInput, uf: UnionFind, root: number): void {
    // perf: a record offered to a key's clusters is checked against each of them; its own side is the same.
    const size = uf.sizeOf(root);
    if (root === this.root && size === this.size) return;
    this.root = root;
    this.size = size;
    this.keyCount = 0;
    this.people = 0;
    this.groupCount = 0;
    let m = root;
    do {
      const f = input.firstName[m]!;
      const l = input.lastName[m]!;
      const at = input.attributes[m]!;
      if ((f >= 0 || l >= 0 || at >= 0) && this.people < MAX_PEOPLE && !this.hasPerson(f, l, at)) {
        const p = this.people++;
        this.firstNames[p] = f;
        this.lastNames[p] = l;
        this.attributes[p] = at;
      }
      const end = input.keyStart[m + 1]!;
      let j = input.keyStart[m]!;
      this.keys = grow(this.keys, this.keyCount + (end - j));
      for (; j < end; j++) {
        const k = input.keyIds[j]!;
        this.keys[this.keyCount++] = k;
        const g = input.keyGroup[k]!;
        if (g >= 0 && this.groupIndexOf(k) === -1) this.addGroupKey(k, g);
      }
      m = uf.nextMember(m);
    } while (m !== root);
  }

  private hasPerson(f: number, l: number, at: number): boolean {
    for (let i = 0; i < this.people; i++) if (this.firstNames[i] === f && this.lastNames[i] === l && this.attributes[i] === at) return true;
    return false;
  }

  private groupIndexOf(k: number): number {
    for (let i = 0; i < this.groupCount; i++) if (this.groupKeys[i] === k) return i;
    return -1;
  }

  private addGroupKey(k: number, g: number): void {
    this.groupKeys = grow(this.groupKeys, this.groupCount + 1);
    this.groupOf = grow(this.groupOf, this.groupCount + 1);
    this.groupKeys[this.groupCount] = k;
    this.groupOf[this.groupCount++] = g;
  }

  /** Index of the first key of group g, or -1. */
  firstOfGroup(g: number): number {
    for (let i = 0; i < this.groupCount; i++) if (this.groupOf[i] === g) return i;
    return -1;
  }

  /** Whether this cluster's keys in group `g` are all held by `other` too (a subset of the other's values there). */
  isSubsetOf(g: number, other: ClusterFacts): boolean {
    for (let i = 0; i < this.groupCount; i++) if (this.groupOf[i] === g && other.groupIndexOf(this.groupKeys[i]!) === -1) return false;
    return true;
  }
}
