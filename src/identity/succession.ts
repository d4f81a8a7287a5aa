import { compareStrings } from '../_internal/compareStrings.js';
import { breakTies, radixSort } from '../_internal/radixSort.js';
import { profileIdOfSerial } from './profileIds.js';

/**
 * What happened to profiles between two partitions (docs/identity-over-time.md, "Events"). Every profile whose
 * golden profile changed is named by at least one event; record ids are in code-unit order (`compareStrings`).
 */
export type ResolverEvent =
  /** A new profile, made only of records that were in no profile before. */
  | { readonly type: 'created'; readonly profileId: string; readonly recordIds: readonly string[] }
  /** Records that now belong to `profileId` and did not before (a new record, or one that moved in). */
  | { readonly type: 'joined'; readonly profileId: string; readonly recordIds: readonly string[] }
  /** The `mergedIds` profiles no longer exist: their records are now in `profileId` (the oldest of them). */
  | { readonly type: 'merged'; readonly profileId: string; readonly mergedIds: readonly string[] }
  /** `profileId` kept its largest part; the rest of its records now form the new profiles `newIds`. */
  | { readonly type: 'split'; readonly profileId: string; readonly newIds: readonly string[] }
  /** `profileId` keeps its id but changed: `recordIds` were updated in place, or left it (removed, or moved to another existing profile). */
  | { readonly type: 'updated'; readonly profileId: string; readonly recordIds: readonly string[] }
  /** `profileId` no longer exists: its last record was removed. */
  | { readonly type: 'deleted'; readonly profileId: string };

export type ResolverEventType = ResolverEvent['type'];

/** Two partitions of records: before (old profiles with serials) and after (clusters), plus what changed. */
export interface SuccessionInput {
  /** Records present after the change, as indices 0..n-1. */
  readonly n: number;
  /** Cluster of each record after the change: a representative record, with `root[root[i]] === root[i]`. */
  readonly root: ArrayLike<number>;
  /** Old profile of each record (an index into `oldSerials`), -1 for a record that was in no profile. */
  readonly oldProfile: Int32Array;
  /** Serial of each old profile; each is distinct. */
  readonly oldSerials: Float64Array;
  /** 1 for a record changed in place (its content differs from before); absent: none. */
  readonly changed?: Uint8Array;
  /** Old profile of each record removed by the change. */
  readonly removedProfile: ArrayLike<number>;
  /** Id of each removed record, or undefined for an erased one (an erased id appears in no event). */
  removedId(k: number): string | undefined;
  /** Record ids in code-unit order (`compareStrings`, or `ByteInterner.compare`). */
  compare(i: number, j: number): number;
  /** FNV-1a 32 of record i's id as UTF-8 (`fnv1a32Utf8`, or the interner's hash). */
  hash(i: number): number;
  recordId(i: number): string;
}

/** The new partition's serials, and what the events are computed from. */
export interface Succession {
  /** Serial of each cluster, indexed by its representative (NaN elsewhere). */
  readonly serialOfRoot: Float64Array;
  /** Representatives in serial order: every cluster once. */
  readonly rootsBySerial: Int32Array;
  /** Serials that no longer exist (merged away or deleted), ascending. */
  readonly retired: readonly number[];
  /** Serials allocated. */
  readonly fresh: number;
  /** Per old profile: the cluster that inherits it (-1 when every record left). */
  readonly heir: Int32Array;
}

/**
 * Gives each cluster a serial by explicit succession (the one rule, for the batch with `--previous`, the
 * resolver and a resolver seeded from a batch):
 * - each old profile's **heir** is the cluster holding most of its records (ties: the part holding the smallest
 *   record id);
 * - a cluster that is heir to several old profiles keeps the oldest (smallest) serial; the others merge into it;
 * - a cluster heir to none is **fresh**: it gets a new serial from `allocate`, fresh clusters in order of the
 *   FNV-1a hash of their smallest record id, then that id (a function of the records, not of their order).
 * Without old profiles every cluster is fresh, so ids are a function of the input alone.
 *
 * perf: typed arrays and counting sorts only (20M records, 8M profiles); maps appear only for merges.
 */
export function succeed(input: SuccessionInput, allocate: () => number): Succession {
  const { n, root, oldProfile, oldSerials } = input;
  const P = oldSerials.length;

  // Records of each old profile (CSR).
  const oldStart = new Int32Array(P + 1);
  for (let i = 0; i < n; i++) if (oldProfile[i]! >= 0) oldStart[oldProfile[i]! + 1]!++;
  for (let p = 0; p < P; p++) oldStart[p + 1]! += oldStart[p]!;
  const oldMembers = new Int32Array(oldStart[P]!);
  const fill = oldStart.slice(0, P);
  for (let i = 0; i < n; i++) if (oldProfile[i]! >= 0) oldMembers[fill[oldProfile[i]!]!++] = i;

  // Heirs: per old profile, its largest part (ties by the part's smallest record id). The scratch only with a
  // previous run (perf: filling it was 80 MB written at 20M rows on a first run, on the main thread alone).
  const heir = new Int32Array(P).fill(-1);
  const count = new Int32Array(P > 0 ? n : 0);
  const minOfPart = new Int32Array(P > 0 ? n : 0).fill(-1);
  const touched: number[] = [];
  for (let p = 0; p < P; p++) {
    for (let j = oldStart[p]!; j < oldStart[p + 1]!; j++) {
      const i = oldMembers[j]!;
      const c = root[i]!;
      if (count[c] === 0) touched.push(c);
      count[c]!++;
      if (minOfPart[c] === -1 || input.compare(i, minOfPart[c]!) < 0) minOfPart[c] = i;
    }
    let best = -1;
    for (const c of touched) {
      if (best === -1 || count[c]! > count[best]! || (count[c] === count[best] && input.compare(minOfPart[c]!, minOfPart[best]!) < 0)) best = c;
    }
    heir[p] = best;
    for (const c of touched) {
      count[c] = 0;
      minOfPart[c] = -1;
    }
    touched.length = 0;
  }

  // Inherited serials: the oldest of the profiles a cluster is heir to.
  const serialOfRoot = new Float64Array(n).fill(Number.NaN);
  for (let p = 0; p < P; p++) {
    const c = heir[p]!;
    if (c < 0) continue;
    const s = oldSerials[p]!;
    if (!(serialOfRoot[c]! <= s)) serialOfRoot[c] = s;
  }
  const retired: number[] = [];
  for (let p = 0; p < P; p++) {
    const c = heir[p]!;
    if (c < 0 || serialOfRoot[c] !== oldSerials[p]) retired.push(oldSerials[p]!);
  }
  retired.sort((a, b) => a - b);

  // Fresh clusters, by (hash, id) of their smallest record.
  const smallest = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const c = root[i]!;
    if (smallest[c] === -1 || input.compare(i, smallest[c]!) < 0) smallest[c] = i;
  }
  let freshCount = 0;
  let inheritedCount = 0;
  for (let c = 0; c < n; c++) {
    if (root[c] !== c) continue;
    if (Number.isNaN(serialOfRoot[c]!)) freshCount++;
    else inheritedCount++;
  }
  const freshRoots = new Uint32Array(freshCount);
  const freshHash = new Uint32Array(freshCount);
  const inherited = new Int32Array(inheritedCount);
  for (let c = 0, f = 0, h = 0; c < n; c++) {
    if (root[c] !== c) continue;
    if (Number.isNaN(serialOfRoot[c]!)) {
      freshRoots[f] = c;
      freshHash[f++] = input.hash(smallest[c]!);
    } else inherited[h++] = c;
  }
  const sorted = radixSort(freshHash);
  breakTies(sorted, (a, b) => input.compare(smallest[freshRoots[a]!]!, smallest[freshRoots[b]!]!));
  const order = sorted.indices;
  inherited.sort((a, b) => serialOfRoot[a]! - serialOfRoot[b]!);
  const rootsBySerial = new Int32Array(freshCount + inheritedCount);
  rootsBySerial.set(inherited);
  for (let k = 0; k < freshCount; k++) {
    const c = freshRoots[order[k]!]!;
    serialOfRoot[c] = allocate();
    rootsBySerial[inheritedCount + k] = c;
  }
  // Fresh serials follow every inherited one within the allocator's range; another range's serials may not.
  if (inheritedCount > 0 && freshCount > 0 && serialOfRoot[rootsBySerial[inheritedCount]!]! < serialOfRoot[rootsBySerial[inheritedCount - 1]!]!) {
    rootsBySerial.sort((a, b) => serialOfRoot[a]! - serialOfRoot[b]!);
  }
  return { serialOfRoot, rootsBySerial, retired, fresh: freshCount, heir };
}

/** The clusters after the change as CSR in `rootsBySerial` order: profile k holds `members[start[k] .. start[k + 1])`. */
export interface ClusterMembers {
  readonly start: ArrayLike<number>;
  readonly members: ArrayLike<number>;
}

/** Members of each cluster in `rootsBySerial` order (for callers that do not already hold them). */
export function clusterMembers(input: Pick<SuccessionInput, 'n' | 'root'>, s: Succession): ClusterMembers {
  const { n, root } = input;
  const k = s.rootsBySerial.length;
  const slot = new Int32Array(n);
  for (let j = 0; j < k; j++) slot[s.rootsBySerial[j]!] = j;
  const start = new Int32Array(k + 1);
  for (let i = 0; i < n; i++) start[slot[root[i]!]! + 1]!++;
  for (let j = 0; j < k; j++) start[j + 1]! += start[j]!;
  const fill = start.slice(0, k);
  const members = new Int32Array(n);
  for (let i = 0; i < n; i++) members[fill[slot[root[i]!]!]!++] = i;
  return { start, members };
}

/**
 * The events of a succession, in a fixed order: splits (by old serial), merges, creations, joins, updates (by
 * serial), deletions (by serial). A generator: a batch streams millions of them to `changes.ndjson`.
 */
export function* successionEvents(input: SuccessionInput, s: Succession, clusters: ClusterMembers, idOf: (serial: number) => string = profileIdOfSerial): Generator<ResolverEvent> {
  const parts = successionParts(input, s, clusters, idOf);
  yield* eventsBefore(parts);
  yield* eventsCreated(parts);
  yield* eventsAfter(parts);
}

/** Which clusters inherit an old profile, and which hold a record of one (by root). */
function heldFlags(input: SuccessionInput, s: Succession): { inherited: Uint8Array; holdsOld: Uint8Array } {
  const { n, root, oldProfile, oldSerials } = input;
  const inherited = new Uint8Array(n);
  for (let p = 0; p < oldSerials.length; p++) if (s.heir[p]! >= 0) inherited[s.heir[p]!] = 1;
  const holdsOld = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (oldProfile[i]! >= 0) holdsOld[root[i]!] = 1;
  return { inherited, holdsOld };
}

/**
 * Per profile position k (`rootsBySerial` order): 1 when the succession creates that profile (a fresh cluster of
 * records that were in no profile), so its event is `created` with its records' ids, sorted.
 */
export function createdProfiles(input: SuccessionInput, s: Succession): Uint8Array {
  const { inherited, holdsOld } = heldFlags(input, s);
  const out = new Uint8Array(s.rootsBySerial.length);
  for (let k = 0; k < out.length; k++) {
    const c = s.rootsBySerial[k]!;
    if (inherited[c] === 0 && holdsOld[c] === 0) out[k] = 1;
  }
  return out;
}

/**
 * `successionEvents` in three parts, read by `eventsBefore` (splits, merges), `eventsCreated` (one `created` per
 * profile that `createdProfiles` flags, in position order) and `eventsAfter` (joins, updates, deletions). A batch
 * formats the creations (every profile of a first run) in worker threads, and streams the other two.
 *
 * perf: plain data read by top-level generators, not generator closures made per call. The resolver runs a
 * succession per edit, and a generator function created per call gets its own prototype and hidden class (old
 * space), which kept each edit's garbage alive through young-generation collections: loading 150k records spent
 * 2.4 s in scavenges against 0.6 s (docs/benchmarks.md, "One engine").
 */
export interface SuccessionParts {
  readonly input: SuccessionInput;
  readonly s: Succession;
  readonly clusters: ClusterMembers;
  readonly idOf: (serial: number) => string;
  /** Per root: 1 when the cluster inherits an old profile. */
  readonly inherited: Uint8Array;
  /** Per root: 1 when the cluster holds a record of an old profile. */
  readonly holdsOld: Uint8Array;
  /** Old profile positions by serial. */
  readonly oldBySerial: Int32Array;
}

export function successionParts(input: SuccessionInput, s: Succession, clusters: ClusterMembers, idOf: (serial: number) => string = profileIdOfSerial): SuccessionParts {
  const { oldSerials } = input;
  const { inherited, holdsOld } = heldFlags(input, s);
  const oldBySerial = Int32Array.from({ length: oldSerials.length }, (_, p) => p).sort((a, b) => oldSerials[a]! - oldSerials[b]!);
  return { input, s, clusters, idOf, inherited, holdsOld, oldBySerial };
}

const sortIds = (ids: string[]): string[] => ids.sort(compareStrings);

/** Splits (an old profile whose records now also lie in fresh clusters), then merges (a cluster heir to several). */
export function* eventsBefore(parts: SuccessionParts): Generator<ResolverEvent> {
  const { input, s, idOf, inherited, oldBySerial } = parts;
  const { n, root, oldProfile, oldSerials } = input;
  const { heir, serialOfRoot } = s;
  const partsOf = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const p = oldProfile[i]!;
    if (p < 0) continue;
    const c = root[i]!;
    if (c === heir[p] || inherited[c] === 1) continue;
    let list = partsOf.get(p);
    if (!list) partsOf.set(p, (list = []));
    if (!list.includes(c)) list.push(c);
  }
  for (const p of oldBySerial) {
    const list = partsOf.get(p);
    if (!list) continue;
    const newIds = list.map((c) => serialOfRoot[c]!).sort((a, b) => a - b).map(idOf);
    yield { type: 'split', profileId: idOf(oldSerials[p]!), newIds };
  }

  const heirsOf = new Map<number, number[]>();
  for (let p = 0; p < oldSerials.length; p++) {
    const c = heir[p]!;
    if (c < 0 || oldSerials[p] === serialOfRoot[c]) continue;
    const list = heirsOf.get(c);
    if (list) list.push(oldSerials[p]!);
    else heirsOf.set(c, [oldSerials[p]!]);
  }
  for (const c of s.rootsBySerial) {
    const merged = heirsOf.get(c);
    if (merged) yield { type: 'merged', profileId: idOf(serialOfRoot[c]!), mergedIds: merged.sort((a, b) => a - b).map(idOf) };
  }
}

/** Creations: fresh clusters of records that were in no profile. */
export function* eventsCreated(parts: SuccessionParts): Generator<ResolverEvent> {
  const { input, s, clusters, idOf, inherited, holdsOld } = parts;
  for (let k = 0; k < s.rootsBySerial.length; k++) {
    const c = s.rootsBySerial[k]!;
    if (inherited[c] === 1 || holdsOld[c] === 1) continue;
    const ids: string[] = [];
    for (let j = clusters.start[k]!; j < clusters.start[k + 1]!; j++) ids.push(input.recordId(clusters.members[j]!));
    yield { type: 'created', profileId: idOf(s.serialOfRoot[c]!), recordIds: sortIds(ids) };
  }
}

/** Joins, then updates, then deletions. */
export function* eventsAfter(parts: SuccessionParts): Generator<ResolverEvent> {
  const { input, s, clusters, idOf, inherited, holdsOld, oldBySerial } = parts;
  const { n, root, oldProfile, oldSerials } = input;
  const { heir, serialOfRoot } = s;
  const fresh = (c: number): boolean => inherited[c] === 0;

  // Joins: new records in any existing or split-off profile, and records that moved into an inherited one.
  for (let k = 0; k < s.rootsBySerial.length; k++) {
    const c = s.rootsBySerial[k]!;
    if (fresh(c) && holdsOld[c] === 0) continue;
    const ids: string[] = [];
    for (let j = clusters.start[k]!; j < clusters.start[k + 1]!; j++) {
      const i = clusters.members[j]!;
      const p = oldProfile[i]!;
      if (p < 0 || (!fresh(c) && heir[p] !== c)) ids.push(input.recordId(i));
    }
    if (ids.length > 0) yield { type: 'joined', profileId: idOf(serialOfRoot[c]!), recordIds: sortIds(ids) };
  }

  // Updates: an inherited profile whose records changed in place, or left it (moved elsewhere, or removed).
  // perf: grouped by a counting sort over cluster positions, not a map (a night where every record changed names
  // every profile: more than a Map holds at 20M), and ids are decoded one profile at a time.
  const position = new Int32Array(n);
  for (let k = 0; k < s.rootsBySerial.length; k++) position[s.rootsBySerial[k]!] = k;
  const K = s.rootsBySerial.length;
  const start = new Int32Array(K + 1);
  /** The profile position of record i's update, or -1: a record changed in place, or moved to an existing profile. */
  const updateOf = (i: number): number => {
    const p = oldProfile[i]!;
    if (p < 0) return -1;
    const h = heir[p]!;
    // A record now in a split-off part is named by the split event.
    if (root[i] !== h) return fresh(root[i]!) ? -1 : position[h]!;
    return input.changed?.[i] === 1 ? position[h]! : -1;
  };
  const removedAt = (k: number): number => {
    const h = heir[input.removedProfile[k]!]!;
    return h >= 0 && input.removedId(k) !== undefined ? position[h]! : -1;
  };
  for (let i = 0; i < n; i++) {
    const at = updateOf(i);
    if (at >= 0) start[at + 1]!++;
  }
  for (let k = 0; k < input.removedProfile.length; k++) {
    const at = removedAt(k);
    if (at >= 0) start[at + 1]!++;
  }
  for (let k = 0; k < K; k++) start[k + 1]! += start[k]!;
  // Refs: record i as i, removed record k as -(k + 1).
  const refs = new Int32Array(start[K]!);
  const fill = start.slice(0, K);
  for (let i = 0; i < n; i++) {
    const at = updateOf(i);
    if (at >= 0) refs[fill[at]!++] = i;
  }
  for (let k = 0; k < input.removedProfile.length; k++) {
    const at = removedAt(k);
    if (at >= 0) refs[fill[at]!++] = -(k + 1);
  }
  for (let k = 0; k < K; k++) {
    if (start[k] === start[k + 1]) continue;
    const ids: string[] = [];
    for (let j = start[k]!; j < start[k + 1]!; j++) ids.push(refs[j]! >= 0 ? input.recordId(refs[j]!) : input.removedId(-refs[j]! - 1)!);
    yield { type: 'updated', profileId: idOf(serialOfRoot[s.rootsBySerial[k]!]!), recordIds: sortIds(ids) };
  }

  // Deletions: old profiles none of whose records are left.
  for (const p of oldBySerial) if (heir[p] === -1) yield { type: 'deleted', profileId: idOf(oldSerials[p]!) };
}
