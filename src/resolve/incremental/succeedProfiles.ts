import { compareStrings } from '../../merge/buildProfile.js';

/**
 * What happened to profiles in one `add`, `update` or `remove` (docs/incremental.md, "Events"). Every profile
 * whose golden profile changed is named by at least one event; record ids and profile ids are sorted.
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

/** The records of the re-resolved part of the key graph, before and after one operation. */
export interface SuccessionInput {
  /** Records alive after the operation, as local indices 0..n-1. */
  readonly n: number;
  recordId(i: number): string;
  /** Profile serial of each record before the operation; -1 for a record just added. */
  readonly oldSerial: Int32Array;
  /** Cluster of each record after the operation (any representative, e.g. a union-find root). */
  readonly root: Int32Array;
  /** 1 for the record the operation added or updated. */
  readonly changed: Uint8Array;
  /** Records the operation removed, with their profile serial. */
  readonly removed: readonly { readonly id: string; readonly serial: number }[];
}

export interface SuccessionResult {
  /** Profile serial of each local record after the operation. */
  readonly serial: Int32Array;
  readonly events: ResolverEvent[];
  /** Serials that no longer exist (merged away or deleted). */
  readonly retired: number[];
}

interface Part {
  count: number;
  minId: string;
}

/**
 * Gives each new cluster a profile serial by explicit succession, and describes the change as events:
 * - each old profile's **heir** is the new cluster holding most of its records (ties: the part holding the
 *   smallest record id, code-unit order);
 * - a cluster that is heir to several old profiles keeps the oldest serial (smallest: serials are allocated in
 *   creation order); the others are merged into it;
 * - a cluster heir to none gets a fresh serial from `allocate`, in order of the clusters' smallest record ids.
 * Serials are never reused. A function of the sets involved, not of local index order.
 */
export function succeedProfiles(input: SuccessionInput, allocate: () => number, idOf: (serial: number) => string): SuccessionResult {
  const { n, oldSerial, root, changed } = input;
  const fast = succeedSimply(input, allocate, idOf);
  if (fast) return fast;

  // Old profile → (new cluster → part).
  const parts = new Map<number, Map<number, Part>>();
  const clusterMin = new Map<number, string>();
  for (let i = 0; i < n; i++) {
    const id = input.recordId(i);
    const c = root[i]!;
    const m = clusterMin.get(c);
    if (m === undefined || id < m) clusterMin.set(c, id);
    const s = oldSerial[i]!;
    if (s < 0) continue;
    let byCluster = parts.get(s);
    if (!byCluster) parts.set(s, (byCluster = new Map()));
    const part = byCluster.get(c);
    if (!part) byCluster.set(c, { count: 1, minId: id });
    else {
      part.count++;
      if (id < part.minId) part.minId = id;
    }
  }

  const heir = new Map<number, number>();
  const heirsOf = new Map<number, number[]>();
  for (const [s, byCluster] of parts) {
    let best = -1;
    let bestPart: Part | undefined;
    for (const [c, part] of byCluster) {
      if (!bestPart || part.count > bestPart.count || (part.count === bestPart.count && part.minId < bestPart.minId)) {
        best = c;
        bestPart = part;
      }
    }
    heir.set(s, best);
    const list = heirsOf.get(best);
    if (list) list.push(s);
    else heirsOf.set(best, [s]);
  }

  // Serials: inherited (oldest heir), or fresh in order of the cluster's smallest record id.
  const serialOf = new Map<number, number>();
  const fresh = new Set<number>();
  const needFresh: number[] = [];
  for (const c of clusterMin.keys()) {
    const hs = heirsOf.get(c);
    if (hs) {
      hs.sort((a, b) => a - b);
      serialOf.set(c, hs[0]!);
    } else needFresh.push(c);
  }
  needFresh.sort((a, b) => compareStrings(clusterMin.get(a)!, clusterMin.get(b)!));
  for (const c of needFresh) {
    serialOf.set(c, allocate());
    fresh.add(c);
  }

  const serial = new Int32Array(n);
  for (let i = 0; i < n; i++) serial[i] = serialOf.get(root[i]!)!;

  // Events.
  const split: ResolverEvent[] = [];
  const merged: ResolverEvent[] = [];
  const created: ResolverEvent[] = [];
  const joined: ResolverEvent[] = [];
  const updated: ResolverEvent[] = [];
  const deleted: ResolverEvent[] = [];
  const retired: number[] = [];

  for (const [s, byCluster] of [...parts].sort((a, b) => a[0] - b[0])) {
    const newIds: string[] = [];
    for (const c of byCluster.keys()) if (c !== heir.get(s) && fresh.has(c)) newIds.push(idOf(serialOf.get(c)!));
    if (newIds.length > 0) split.push({ type: 'split', profileId: idOf(s), newIds: newIds.sort(compareStrings) });
  }
  for (const hs of heirsOf.values()) {
    if (hs.length > 1) {
      merged.push({ type: 'merged', profileId: idOf(hs[0]!), mergedIds: hs.slice(1).map(idOf) });
      retired.push(...hs.slice(1));
    }
  }

  // Per cluster: records that joined it; per surviving serial: records changed in place or that left.
  const joinedIds = new Map<number, string[]>();
  const updatedIds = new Map<number, string[]>();
  const push = (m: Map<number, string[]>, k: number, id: string): void => {
    const l = m.get(k);
    if (l) l.push(id);
    else m.set(k, [id]);
  };
  const createdIds = new Map<number, string[]>();
  for (let i = 0; i < n; i++) {
    const c = root[i]!;
    const s = oldSerial[i]!;
    const id = input.recordId(i);
    if (fresh.has(c)) {
      if (s < 0) push(createdIds, c, id);
      continue;
    }
    if (s < 0) push(joinedIds, c, id);
    else if (heir.get(s) !== c) {
      // Moved from s's part to an existing profile: joined here, left s.
      push(joinedIds, c, id);
      if (serialOf.get(heir.get(s)!) === s) push(updatedIds, s, id);
    } else if (changed[i] === 1) push(updatedIds, serialOf.get(c)!, id);
  }
  for (const r of input.removed) {
    if (heir.has(r.serial)) {
      const survivor = serialOf.get(heir.get(r.serial)!)!;
      push(updatedIds, survivor, r.id);
    }
  }
  for (const [c, ids] of createdIds) {
    if (splitHas(c)) joined.push({ type: 'joined', profileId: idOf(serialOf.get(c)!), recordIds: ids.sort(compareStrings) });
    else created.push({ type: 'created', profileId: idOf(serialOf.get(c)!), recordIds: ids.sort(compareStrings) });
  }
  for (const [c, ids] of joinedIds) joined.push({ type: 'joined', profileId: idOf(serialOf.get(c)!), recordIds: ids.sort(compareStrings) });
  for (const [s, ids] of updatedIds) updated.push({ type: 'updated', profileId: idOf(s), recordIds: ids.sort(compareStrings) });

  const gone = new Set<number>();
  for (const r of input.removed) if (!heir.has(r.serial)) gone.add(r.serial);
  for (const s of [...gone].sort((a, b) => a - b)) {
    deleted.push({ type: 'deleted', profileId: idOf(s) });
    retired.push(s);
  }

  const byId = (a: ResolverEvent, b: ResolverEvent): number => compareStrings(a.profileId, b.profileId);
  return {
    serial,
    events: [...split, ...merged.sort(byId), ...created.sort(byId), ...joined.sort(byId), ...updated.sort(byId), ...deleted],
    retired,
  };

  /** A fresh cluster holds records of an old profile (it is a split part). */
  function splitHas(c: number): boolean {
    for (let i = 0; i < n; i++) if (root[i] === c && oldSerial[i]! >= 0) return true;
    return false;
  }
}

/**
 * The common case without maps (perf: most adds): one cluster after the operation, at most one profile before
 * it, nothing removed. Same result as the general rules.
 */
function succeedSimply(input: SuccessionInput, allocate: () => number, idOf: (serial: number) => string): SuccessionResult | undefined {
  const { n, oldSerial, root, changed } = input;
  if (n === 0 || input.removed.length > 0) return undefined;
  const c = root[0]!;
  let s0 = -1;
  for (let i = 0; i < n; i++) {
    if (root[i] !== c) return undefined;
    const s = oldSerial[i]!;
    if (s >= 0) {
      if (s0 < 0) s0 = s;
      else if (s !== s0) return undefined;
    }
  }
  const serial = new Int32Array(n);
  const events: ResolverEvent[] = [];
  if (s0 < 0) {
    const s = allocate();
    serial.fill(s);
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push(input.recordId(i));
    events.push({ type: 'created', profileId: idOf(s), recordIds: ids.sort(compareStrings) });
    return { serial, events, retired: [] };
  }
  serial.fill(s0);
  const joined: string[] = [];
  const updated: string[] = [];
  for (let i = 0; i < n; i++) {
    if (oldSerial[i]! < 0) joined.push(input.recordId(i));
    else if (changed[i] === 1) updated.push(input.recordId(i));
  }
  if (joined.length > 0) events.push({ type: 'joined', profileId: idOf(s0), recordIds: joined.sort(compareStrings) });
  if (updated.length > 0) events.push({ type: 'updated', profileId: idOf(s0), recordIds: updated.sort(compareStrings) });
  return { serial, events, retired: [] };
}
