import { breakTies, radixSort, radixSortIndices } from '../_internal/radixSort.js';
import { lowerBound } from '../_internal/lowerBound.js';
import { EvidenceLog, OUTCOME, OVERRIDE_KEY } from './EvidenceLog.js';
import { GuardEvaluator, type GuardConfig, type KeyFacts, type Verdict } from './guards.js';
import type { LinkInput } from './LinkInput.js';
import { alwaysReason, NeverBans, neverReason, orderPairs, unionWithBans } from './overrides.js';
import { UnionFind } from './UnionFind.js';
import { KeyWarmer, WARM_KEYS } from './KeyWarmer.js';
import { toShared } from '../_internal/shared.js';
import { GrowableArray } from '../_internal/GrowableArray.js';
import { grow } from '../_internal/grow.js';
import { RecentCache } from '../_internal/RecentCache.js';
import { stringAt } from '../_internal/ByteInterner.js';
import { noAttributeLevels } from '../match/attributes.js';
import { compareInternedAttributes } from './compareInternedAttributes.js';
import { compareNamePairs, type NameLevels } from '../match/compareNames.js';
import { LEVEL } from '../match/levels.js';
import { packFacts } from '../match/matchWeights.js';

export interface LinkConfig extends GuardConfig {
  /** `false` switches the generic-identifier guard off. */
  readonly generic: false | { readonly maxRecords: number; readonly maxDistinctIdentifiers: number };
}

/** A key that stopped linking because too many records or identifiers share it. */
export interface GenericKey {
  readonly key: number;
  readonly records: number;
  /** Other keys its records carry, counted up to `MAX_DISTINCT_COUNTED`. */
  readonly distinctIdentifiers: number;
}

/** Per key (index = key id), written by `findSharedKeys`; 0 for keys held by fewer than two records. */
export type SharedKeyFacts = Pick<KeyFacts, 'isShared' | 'namesOnKey' | 'isHousehold'>;

export interface LinkResult {
  readonly uf: UnionFind;
  readonly evidence: EvidenceLog;
  readonly genericKeys: readonly GenericKey[];
}

/**
 * What linking an input needs before any link is decided, computed once: each key's records (CSR, in rank
 * order), the generic keys, and the keys that propose links in the order they are visited (strong candidates by
 * `orderKeys`, then the weak keys). A plan split into parts (`linkParts`) also says which part links each key.
 */
export interface LinkPlan {
  readonly memberStart: Uint32Array;
  readonly members: Int32Array;
  readonly genericKeys: readonly GenericKey[];
  /** 1 per generic key. */
  readonly isGeneric: Uint8Array;
  /**
   * Per-key facts of the people on each key (`findSharedKeys`), filled by the part that links the key: one copy
   * for all parts (perf: three bytes a key, ~50 MB at 20M rows, no longer once per part).
   */
  readonly keyFacts: SharedKeyFacts;
  /** Keys shared by two or more records and not generic, in link order. */
  readonly strongOrder: Uint32Array;
  /** Keys with weak memberships and not generic, in link order. */
  readonly weakOrder: Uint32Array;
  /** The weak memberships grouped by key (`groupWeak`). */
  readonly weak: WeakGroups;
  /** Number of parts, and the part of each key in the orders (undefined: one part links everything). */
  readonly parts: number;
  readonly keyPart: Uint8Array | undefined;
}

/**
 * How a part's log lines up with the one order: its first `prefix` entries are the generic keys' and the
 * overrides' (part 0 only); then, per visited key that decided anything, the key's position in the one order
 * (`strongOrder`, then `weakOrder` after it) and how many decisions it logged, as pairs in `runs` (kept only when
 * the plan has parts: merging the logs is then a walk over these pairs, `linkParts`).
 */
export interface LinkPartMarks {
  readonly prefix: number;
  readonly runs: Int32Array;
}

/**
 * Clusters records: every key shared by several records proposes links, applied strongest kind first and, within
 * a kind, in the order of the key's hash (ties by the key itself), never in input order — so any permutation of
 * the input gives the same partition. Each proposed union passes the guards or is refused; both are logged.
 *
 * Steward overrides (`input.overrides`, docs/matching-model.md "Overrides"): `always` pairs are joined first, in
 * the order of their records' ranks, past every guard but a `never` and the maximum cluster size; a `never` pair
 * bans every union that would put both its records in one cluster, always-links included (never wins).
 *
 * `evidence` receives every decision (the batch passes a log in shared memory, for its worker threads).
 */
export function linkRecords(input: LinkInput, config: LinkConfig, knownGeneric?: readonly GenericKey[], evidence = new EvidenceLog()): LinkResult {
  const plan = planLink(input, config, knownGeneric);
  const uf = new UnionFind(input.recordCount);
  linkPart(input, config, plan, 0, uf, evidence);
  return { uf, evidence, genericKeys: plan.genericKeys };
}

/**
 * The plan of one link (see `LinkPlan`), as one part. `shared`: its arrays in shared memory, for a plan whose
 * parts run in other threads.
 */
export function planLink(input: LinkInput, config: LinkConfig, knownGeneric?: readonly GenericKey[], shared = false): LinkPlan {
  const { memberStart, members } = invertKeys(input, shared);
  // A caller linking part of a larger set (the incremental resolver) knows which keys are generic over the whole.
  const genericKeys = knownGeneric ?? findGenericKeys(input, memberStart, members, config);
  const isGeneric = new Uint8Array(shared ? new SharedArrayBuffer(input.keyCount) : new ArrayBuffer(input.keyCount));
  for (const g of genericKeys) isGeneric[g.key] = 1;
  // perf: counted, then filled (a plain array pushed to ~9M numbers at 20M rows, then copied, took ~0.8 s).
  let count = 0;
  for (let k = 0; k < input.keyCount; k++) if (proposesLinks(memberStart, isGeneric, k)) count++;
  const candidates = new Uint32Array(count);
  for (let k = 0, c = 0; k < input.keyCount; k++) if (proposesLinks(memberStart, isGeneric, k)) candidates[c++] = k;
  const grouped = groupWeak(input);
  const weak = shared ? { keys: toShared(grouped.keys), start: toShared(grouped.start), records: toShared(grouped.records) } : grouped;
  const weakKeys = weak.keys.filter((k) => isGeneric[k] === 0);
  const bytes = (): Uint8Array => new Uint8Array(shared ? new SharedArrayBuffer(input.keyCount) : new ArrayBuffer(input.keyCount));
  return {
    memberStart, members, genericKeys, isGeneric,
    keyFacts: { isShared: bytes(), namesOnKey: bytes(), isHousehold: bytes() },
    strongOrder: orderKeys(input, candidates, shared),
    weakOrder: orderKeys(input, weakKeys, shared),
    weak,
    parts: 1,
    keyPart: undefined,
  };
}

/** Whether key k proposes strong links: shared by two or more records and not generic (`strongOrder`'s keys). */
export function proposesLinks(memberStart: Uint32Array, isGeneric: Uint8Array, k: number): boolean {
  return memberStart[k + 1]! - memberStart[k]! >= 2 && isGeneric[k] === 0;
}

/**
 * Links the keys of part `part` of `plan` into `uf`, logging each decision to `evidence` in link order; part 0
 * also logs the generic keys and applies the overrides (a plan with overrides has one part). Parts of one plan
 * touch disjoint records (`linkParts`), so they may run at once, in other threads, on one shared `uf`.
 */
export function linkPart(input: LinkInput, config: LinkConfig, plan: LinkPlan, part: number, uf: UnionFind, evidence: EvidenceLog): LinkPartMarks {
  const n = input.recordCount;
  const { memberStart, members, genericKeys, isGeneric, keyPart } = plan;
  const mine = (k: number): boolean => keyPart === undefined || keyPart[k] === part;
  const names = new NameTexts(input, cacheBits(input.recordCount));
  const { isShared, namesOnKey, isHousehold } = plan.keyFacts;
  findSharedKeys(input, memberStart, members, config, names, plan.keyFacts, keyPart, part);
  const overrides = part === 0 ? input.overrides : undefined;
  // perf: without never pairs there is no ban to keep, and the guards skip the check.
  const bans = overrides !== undefined && overrides.never.length > 0 ? new NeverBans(n, overrides.never, input.recordRank) : undefined;
  const guards = new GuardEvaluator(input, uf, config, { isGeneric, isShared, namesOnKey, isHousehold, names }, bans);
  for (const g of part === 0 ? genericKeys : []) {
    if (memberStart[g.key + 1]! - memberStart[g.key]! < 2) continue;
    evidence.add(g.key, members[memberStart[g.key]!]!, members[memberStart[g.key]! + 1]!, OUTCOME.generic,
      `shared by ${g.records} records and ${g.distinctIdentifiers} other identifiers`);
  }

  // Always-links before any key: a steward's decision stands whatever the identifiers say, and the keys are then
  // weighed against clusters that already hold it.
  if (overrides !== undefined && overrides.always.length > 0) {
    const always = orderPairs(overrides.always, input.recordRank);
    for (let i = 0; i < always.length; i += 2) {
      const a = always[i]!;
      const b = always[i + 1]!;
      const ra = uf.find(a);
      const rb = uf.find(b);
      // Joined by earlier always-links already: nothing was decided here.
      if (ra === rb) continue;
      const banned = bans === undefined ? -1 : bans.conflict(ra, rb);
      if (banned >= 0) {
        const [x, y] = bans!.pair(banned);
        evidence.add(OVERRIDE_KEY, a, b, OUTCOME.override, `${alwaysReason(overrides, a, b)} contradicts ${neverReason(overrides, x, y)}`);
        continue;
      }
      const size = uf.sizeOf(ra) + uf.sizeOf(rb);
      if (size > config.maxClusterSize) {
        evidence.add(OVERRIDE_KEY, a, b, OUTCOME.maxClusterSize, `${alwaysReason(overrides, a, b)}: cluster would hold ${size} records (max ${config.maxClusterSize})`);
        continue;
      }
      unionWithBans(uf, bans, ra, rb);
      evidence.add(OVERRIDE_KEY, a, b, OUTCOME.accepted, alwaysReason(overrides, a, b));
    }
  }

  // Strong links.
  const prefix = evidence.length;
  // Only a plan with parts merges logs. Typed and shared: up to two entries per key of the batch, handed back to
  // the thread that merges.
  const runs = keyPart === undefined ? undefined : new GrowableArray(Int32Array, 64, true);
  const noteRun = (position: number, before: number): void => {
    if (runs !== undefined && evidence.length > before) {
      runs.push(position);
      runs.push(evidence.length - before);
    }
  };
  // The clusters seen for the current key: each one's root and the record that brought it (-1: merged away).
  // perf: typed and reused; plain arrays emptied per key were reallocated as they refilled (~100 bytes a record
  // of garbage on hard data, a tenth of what the link part allocated).
  let roots = new Int32Array(16);
  let anchors = new Int32Array(16);
  let seen = 0;
  const push = (root: number, anchor: number): void => {
    if (seen === roots.length) {
      roots = grow(roots, seen + 1);
      anchors = grow(anchors, seen + 1);
    }
    roots[seen] = root;
    anchors[seen++] = anchor;
  };
  const { strongOrder, weakOrder } = plan;
  const warmer = new KeyWarmer(input, plan, uf, part);
  for (let i = 0; i < strongOrder.length; i++) {
    if (i % WARM_KEYS === 0) warmer.keys(strongOrder, i, Math.min(strongOrder.length, i + WARM_KEYS));
    const k = strongOrder[i]!;
    if (!mine(k)) continue;
    const before = evidence.length;
    seen = 0;
    for (let j = memberStart[k]!, end = memberStart[k + 1]!; j < end; j++) {
      offer(members[j]!, k, false);
    }
    noteRun(i, before);
  }

  // Weak (fuzzy) links last: a typo-corrected email may join the cluster of the address it was corrected to.
  if (weakOrder.length > 0) {
    const weak = plan.weak;
    for (let i = 0; i < weakOrder.length; i++) {
      const k = weakOrder[i]!;
      if (!mine(k)) continue;
      const before = evidence.length;
      seen = 0;
      // The strong members were linked (or refused) already; they only seed the clusters to join.
      for (let j = memberStart[k]!, end = memberStart[k + 1]!; j < end; j++) seed(members[j]!);
      const g = lowerBound(weak.keys, k);
      for (let j = weak.start[g]!, end = weak.start[g + 1]!; j < end; j++) offer(weak.records[j]!, k, true);
      noteRun(strongOrder.length + i, before);
    }
  }

  return { prefix, runs: runs?.view() ?? NO_RUNS };

  function seed(r: number): void {
    const rr = uf.find(r);
    for (let t = 0; t < seen; t++) if (uf.find(roots[t]!) === rr) return;
    push(rr, r);
  }

  /**
   * Offers record r to the clusters already seen for the current key: joins the first one the guards accept,
   * or starts a new one. Once it has joined one, the merged cluster is offered to the key's other clusters in
   * turn (a cluster that refused r alone may accept r with what it joined: whole-cluster evidence changed).
   */
  function offer(r: number, k: number, fuzzy: boolean): void {
    const rr = uf.find(r);
    for (let t = 0; t < seen; t++) {
      const root = uf.find(roots[t]!);
      roots[t] = root;
      if (root === rr) return;
    }
    let joined = -1;
    for (let t = 0; t < seen; t++) {
      const v = guards.check(roots[t]!, rr, k, fuzzy);
      if (isAccepted(v)) {
        roots[t] = unionWithBans(uf, bans, roots[t]!, rr);
        log(k, anchors[t]!, r, v);
        joined = t;
        break;
      }
      log(k, anchors[t]!, r, v);
    }
    if (joined === -1) {
      push(rr, r);
      return;
    }
    for (let t = 0; t < seen; t++) {
      if (t === joined || roots[t] === -1) continue;
      const v = guards.check(roots[t]!, roots[joined]!, k, fuzzy);
      if (!isAccepted(v)) continue;
      roots[joined] = unionWithBans(uf, bans, roots[t]!, roots[joined]!);
      log(k, anchors[t]!, r, v);
      roots[t] = -1;
    }
    compact();
  }

  /** Logs a decision with its weight and packed facts (a refusal's reason in words too). */
  function log(k: number, a: number, b: number, v: Verdict): void {
    const accepted = isAccepted(v);
    evidence.add(k, a, b, v.outcome, accepted ? undefined : v.why, v.weight, Number.isNaN(v.weight) ? 0 : packFacts(v.facts));
  }

  /** Drops the clusters merged away (marked -1) from the key's list, keeping the order. */
  function compact(): void {
    let w = 0;
    for (let t = 0; t < seen; t++) {
      if (roots[t] === -1) continue;
      roots[w] = roots[t]!;
      anchors[w++] = anchors[t]!;
    }
    seen = w;
  }
}

const NO_RUNS = new Int32Array(0);

/**
 * About how many decisions part `part` of `plan` logs, to size its log ahead: one per member of each of its keys
 * after the key's first, one per weak membership, one per generic key (part 0). A record that clusters refuse in
 * turn can log more (the log then grows); records already joined by an earlier key log none.
 */
export function expectedDecisions(plan: LinkPlan, part: number): number {
  const { memberStart, strongOrder, weakOrder, weak, keyPart } = plan;
  let n = part === 0 ? plan.genericKeys.length : 0;
  for (let i = 0; i < strongOrder.length; i++) {
    const k = strongOrder[i]!;
    if (keyPart === undefined || keyPart[k] === part) n += memberStart[k + 1]! - memberStart[k]! - 1;
  }
  for (let i = 0; i < weakOrder.length; i++) {
    const k = weakOrder[i]!;
    if (keyPart !== undefined && keyPart[k] !== part) continue;
    const g = lowerBound(weak.keys, k);
    n += weak.start[g + 1]! - weak.start[g]!;
  }
  return n;
}

function isAccepted(v: Verdict): boolean {
  return v.outcome === OUTCOME.accepted || v.outcome === OUTCOME.acceptedFuzzy;
}

/** For each key, its records in rank order (CSR). */
function invertKeys(input: LinkInput, shared: boolean): { memberStart: Uint32Array; members: Int32Array } {
  const { keyIds, keyStart, recordRank } = input;
  const memberStart = new Uint32Array(shared ? new SharedArrayBuffer(4 * (input.keyCount + 1)) : new ArrayBuffer(4 * (input.keyCount + 1)));
  for (let j = 0; j < keyIds.length; j++) memberStart[keyIds[j]! + 1]!++;
  for (let k = 0; k < input.keyCount; k++) memberStart[k + 1]! += memberStart[k]!;
  const fill = memberStart.slice(0, input.keyCount);
  const members = new Int32Array(shared ? new SharedArrayBuffer(4 * keyIds.length) : new ArrayBuffer(4 * keyIds.length));
  // Records in storage order, then each key's few records put in rank order. perf: visiting records in rank order
  // (sorted as they go) read each record's key list at random; in storage order the lists are read front to back
  // and a new key's slot follows the last new key's (ids are given in first-seen order): at 20M rows 7.3 -> 1.2 s
  // (profiled batch run).
  for (let r = 0; r < input.recordCount; r++) {
    for (let j = keyStart[r]!, end = keyStart[r + 1]!; j < end; j++) members[fill[keyIds[j]!]!++] = r;
  }
  for (let k = 0; k < input.keyCount; k++) {
    const from = memberStart[k]!;
    const to = memberStart[k + 1]!;
    if (to - from < 2) continue;
    if (to - from <= SORT_BY_INSERTION) {
      for (let i = from + 1; i < to; i++) {
        const v = members[i]!;
        const rank = recordRank[v]!;
        let j = i - 1;
        while (j >= from && recordRank[members[j]!]! > rank) {
          members[j + 1] = members[j]!;
          j--;
        }
        members[j + 1] = v;
      }
    } else {
      // A key on many records (a generic one may hold millions): ranks are distinct, so sort them and map back.
      const ranks = new Uint32Array(to - from);
      for (let i = from; i < to; i++) ranks[i - from] = recordRank[members[i]!]!;
      ranks.sort();
      for (let i = from; i < to; i++) members[i] = input.recordsByRank[ranks[i - from]!]!;
    }
  }
  return { memberStart, members };
}

/** Up to this many records a key's list is put in rank order by insertion. */
const SORT_BY_INSERTION = 16;

/**
 * Keys shared by more than `maxRecords` records, or whose records carry more than `maxDistinctIdentifiers`
 * other distinct keys (a front-desk phone, `info@company.com`), in link order (`orderKeys`): key ids follow the
 * input's order, and the generic keys' refusals open the evidence log, which must not depend on it.
 */
export function findGenericKeys(input: LinkInput, memberStart: Uint32Array, members: Int32Array, config: LinkConfig): GenericKey[] {
  const found: GenericKey[] = [];
  if (config.generic === false) return found;
  const seen = new Set<number>();
  for (let k = 0; k < input.keyCount; k++) {
    const g = genericKeyOf(input, k, members, memberStart[k]!, memberStart[k + 1]!, config.generic, seen);
    if (g !== undefined) found.push(g);
  }
  // `found` is in key-id order: each ordered key is found again by binary search (no Map, which a hostile file's
  // millions of generic keys could take past V8's 2^24 entries).
  const keys = Uint32Array.from(found, (g) => g.key);
  return Array.from(orderKeys(input, keys, false), (k) => found[lowerBound(keys, k)]!);
}

/**
 * Distinct other keys are counted up to here, no further: a junk value on millions of records would otherwise
 * fill a `Set` past V8's 2^24 entries (a crash) and hold hundreds of MB. Such a key is generic by its record
 * count long before; its figure is then this floor (a configured limit above it is judged against the floor).
 */
export const MAX_DISTINCT_COUNTED = 1 << 22;

/**
 * The generic rule for one key whose records are `members[start .. end)` (record indices into `input`'s
 * `keyStart` / `keyIds`): generic when shared by more than `maxRecords` records, or when those records carry
 * more than `maxDistinctIdentifiers` other distinct keys. Shared by the batch linker and the incremental
 * resolver, which re-judges one key at a time. `seen` is scratch.
 */
export function genericKeyOf(
  input: Pick<LinkInput, 'keyStart' | 'keyIds'>,
  k: number,
  members: ArrayLike<number>,
  start: number,
  end: number,
  limits: { readonly maxRecords: number; readonly maxDistinctIdentifiers: number },
  seen: Set<number>,
): GenericKey | undefined {
  const count = end - start;
  if (count < 2) return undefined;
  // perf: the sum of other keys is an upper bound on distinct ones; only count exactly when it could exceed.
  let bound = 0;
  for (let j = start; j < end; j++) {
    const r = members[j]!;
    bound += input.keyStart[r + 1]! - input.keyStart[r]! - 1;
  }
  let distinct = bound;
  if (bound > limits.maxDistinctIdentifiers) {
    seen.clear();
    count: for (let j = start; j < end; j++) {
      const r = members[j]!;
      for (let i = input.keyStart[r]!, e = input.keyStart[r + 1]!; i < e; i++) {
        const other = input.keyIds[i]!;
        if (other !== k) seen.add(other);
      }
      if (seen.size >= MAX_DISTINCT_COUNTED) break count;
    }
    distinct = Math.min(seen.size, MAX_DISTINCT_COUNTED);
    seen.clear();
  }
  if (count > limits.maxRecords || distinct > limits.maxDistinctIdentifiers) return { key: k, records: count, distinctIdentifiers: distinct };
  return undefined;
}

/**
 * Per key, whether its own records name different people — a household phone, a shared family or office
 * mailbox — and how many people its records name (from the first 8 distinct names in record rank order, each with
 * the attributes of its first record). Two
 * records name different people when their first names, surnames or dates of birth disagree. Through a shared key a
 * record is linked only on more evidence than a first name (see `match/matchWeights`), and a shared key never
 * corroborates another link. A function of the key's records only (order independent). Written into `into`, for
 * the keys of part `part` only when `keyPart` is given.
 */
export function findSharedKeys(
  input: LinkInput, memberStart: Uint32Array, members: Int32Array, config: Pick<LinkConfig, 'shareableEnabled' | 'shareableKinds' | 'minNameSimilarity'>,
  names: NameTexts, into: SharedKeyFacts, keyPart?: Uint8Array, part = 0,
): void {
  const { isShared, namesOnKey, isHousehold } = into;
  // perf: typed, at most 8 names a key; plain arrays emptied per key were reallocated as they refilled.
  const firsts = new Int32Array(8);
  const lasts = new Int32Array(8);
  const attrs = new Int32Array(8);
  const firstText: string[] = [];
  const lastText: string[] = [];
  const differs = new Uint8Array(8);
  const nameLevels: NameLevels = { first: LEVEL.none, last: LEVEL.none };
  const levels = noAttributeLevels();
  for (let k = 0; k < input.keyCount; k++) {
    const start = memberStart[k]!;
    const end = memberStart[k + 1]!;
    // A part needs the facts of its own keys only (the keys both sides of a link hold are in the link's part).
    if (end - start < 2 || (keyPart !== undefined && keyPart[k] !== part)) continue;
    let n = 0;
    for (let j = start; j < end && n < 8; j++) {
      const f = input.firstName[members[j]!]!;
      const l = input.lastName[members[j]!]!;
      const a = input.attributes[members[j]!]!;
      // Records without a name say nothing about who is on the key (and must not fill the sample).
      if (f < 0 && l < 0) continue;
      let seen = false;
      // Distinct names only: one person's records in eight cities must not fill the sample and hide another person.
      for (let i = 0; i < n && !seen; i++) seen = firsts[i] === f && lasts[i] === l;
      if (!seen) {
        firsts[n] = f;
        lasts[n] = l;
        attrs[n++] = a;
      }
    }
    // perf: decode only keys that name two or more different records.
    for (let i = 0; n > 1 && i < n; i++) {
      firstText[i] = names.get(firsts[i]!);
      lastText[i] = names.get(lasts[i]!);
    }
    // People named on the key: the most names that all disagree with each other ("Nora" / "Nourah" and a
    // missing surname are one person). A largest such set, so fewer records on a key never count more people.
    for (let i = 0; i < n; i++) differs[i] = 0; // perf: `fill` is a call into the runtime, for at most 8 bytes
    let anyDiffer = false;
    let household = false;
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        compareNamePairs(firstText[a]!, lastText[a]!, firstText[b]!, lastText[b]!, config.minNameSimilarity, nameLevels);
        const bothAttrs = attrs[a]! >= 0 && attrs[b]! >= 0;
        if (bothAttrs) compareInternedAttributes(input.names, attrs[a]!, attrs[b]!, levels);
        const differ = nameLevels.first === LEVEL.disagree || nameLevels.last === LEVEL.disagree || (bothAttrs && levels.dateOfBirth === LEVEL.disagree);
        if (differ) {
          differs[a]! |= 1 << b;
          differs[b]! |= 1 << a;
          anyDiffer = true;
          // Two people with different first names and one surname, or one address: a family.
          if (!household) household = (nameLevels.first === LEVEL.disagree && nameLevels.last >= LEVEL.variant) || (bothAttrs && levels.address >= LEVEL.variant);
        }
      }
    }
    namesOnKey[k] = n === 0 ? 0 : anyDiffer ? largestMutuallyDiffering(differs, n) : 1;
    if (anyDiffer && config.shareableEnabled && (config.shareableKinds & (1 << input.keyKind[k]!)) !== 0) {
      isShared[k] = 1;
      isHousehold[k] = household ? 1 : 0;
    }
  }
}

/** The size of a largest set of the first `n` (≤ 8) items that pairwise differ (`differs[i]`: bit j set). */
function largestMutuallyDiffering(differs: Uint8Array, n: number): number {
  let best = 1;
  for (let set = 1; set < 1 << n; set++) {
    let size = 0;
    let ok = true;
    for (let i = 0; i < n && ok; i++) {
      if ((set & (1 << i)) === 0) continue;
      size++;
      ok = (differs[i]! & set) === (set & ~(1 << i));
    }
    if (ok && size > best) best = size;
  }
  return best;
}

/** Keys ordered by (kind strength, key hash, key string): a function of the keys alone; in shared memory when `shared`. */
function orderKeys(input: LinkInput, keys: Uint32Array, shared: boolean): Uint32Array {
  // Kinds first: a stable partition (a handful of kinds), then each kind's keys by hash, ties by the key's string.
  // perf: sorting all keys by hash and then by kind took three radix passes more, and found hash ties by a random
  // read per key.
  const count = new Uint32Array(257);
  for (let i = 0; i < keys.length; i++) count[input.keyKind[keys[i]!]! + 1]!++;
  for (let b = 0; b < 256; b++) count[b + 1]! += count[b]!;
  const byKind = new Uint32Array(keys.length);
  const fill = count.slice(0, 256);
  for (let i = 0; i < keys.length; i++) byKind[fill[input.keyKind[keys[i]!]!]!++] = keys[i]!;
  const out = new Uint32Array(shared ? new SharedArrayBuffer(4 * keys.length) : new ArrayBuffer(4 * keys.length));
  for (let kind = 0; kind < 256; kind++) {
    const from = count[kind]!;
    const to = count[kind + 1]!;
    if (to === from) continue;
    const segment = byKind.subarray(from, to);
    const hashOf = new Uint32Array(segment.length);
    for (let i = 0; i < segment.length; i++) hashOf[i] = input.keyHash[segment[i]!]!;
    const sorted = radixSort(hashOf);
    // Runs of equal hash (collisions): by the key string, a total order on the keys of one kind.
    breakTies(sorted, (a, b) => {
      const sa = input.keyString(segment[a]!);
      const sb = input.keyString(segment[b]!);
      return sa < sb ? -1 : sa > sb ? 1 : 0;
    });
    for (let i = 0; i < segment.length; i++) out[from + i] = segment[sorted.indices[i]!]!;
  }
  return out;
}

/**
 * Weak memberships grouped by key (CSR): the keys ascending, each key's records `records[start[g], start[g + 1])` in
 * rank order, each record once. Typed arrays sorted by radix, not a `Map` of lists: a batch whose every row holds
 * its own typo-corrected email would pass V8's 2^24 entries for a `Map`.
 */
export interface WeakGroups {
  readonly keys: Uint32Array;
  readonly start: Uint32Array;
  readonly records: Int32Array;
}

function groupWeak(input: LinkInput): WeakGroups {
  const m = input.weakRecord.length;
  const rank = new Uint32Array(m);
  const key = new Uint32Array(m);
  for (let w = 0; w < m; w++) {
    rank[w] = input.recordRank[input.weakRecord[w]!]!;
    key[w] = input.weakKey[w]!;
  }
  const order = radixSortIndices(key, radixSortIndices(rank));
  const keys = new Uint32Array(m);
  const start = new Uint32Array(m + 1);
  const records = new Int32Array(m);
  let g = -1;
  let r = 0;
  for (let i = 0; i < m; i++) {
    const w = order[i]!;
    const record = input.weakRecord[w]!;
    if (g < 0 || keys[g] !== key[w]) {
      keys[++g] = key[w]!;
      start[g] = r;
      records[r++] = record;
      // In rank order, a record listed twice for one key comes twice in a row.
    } else if (records[r - 1] !== record) records[r++] = record;
  }
  start[g + 1] = r;
  return { keys: keys.slice(0, g + 1), start: start.slice(0, g + 2), records: records.slice(0, r) };
}

/**
 * Slots for the name cache: about four per record, between 2^4 and 2^16. Sized to the input: the incremental
 * resolver links one small component per edit, and 2^16 slots filled on every call made each add() cost milliseconds.
 */
function cacheBits(records: number): number {
  return Math.max(4, Math.min(16, Math.ceil(Math.log2(Math.max(1, records) * 4))));
}

/** Interned names as text ('' for -1, no name), through a `RecentCache`. */
export class NameTexts {
  private readonly cache: RecentCache<string>;
  constructor(input: Pick<LinkInput, 'names'>, bits: number) {
    this.cache = new RecentCache((id: number) => stringAt(input.names, id), bits);
  }
  get(id: number): string {
    return id < 0 ? '' : this.cache.get(id);
  }
}
