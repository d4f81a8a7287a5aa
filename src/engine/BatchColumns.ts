import { asBuffers, stringAt, type InternedView } from '../_internal/ByteInterner.js';
import type { EvidenceEntries } from '../cluster/EvidenceLog.js';
import { memberRecordOf, type KeyMemo } from './memberRecord.js';
import { buildProfile, type MemberRecord, type SurvivorshipConfig } from '../merge/buildProfile.js';
import { profileIdOfSerial } from '../identity/profileIds.js';
import type { GoldenProfile } from '../types.js';
import { payloadAt, type PayloadView } from '../_internal/PayloadStore.js';

/**
 * A linked batch, read-only, in shared memory: everything golden profiles and mapping lines are built from.
 * Plain typed arrays over `SharedArrayBuffer`s, so it crosses to worker threads without a copy, and profiles
 * are built the same way in any thread (`profileAt`).
 */
export interface BatchColumns {
  readonly ids: InternedView;
  readonly keys: InternedView;
  readonly sources: InternedView;
  /** Keys of record i: `keyIds[keyStart[i] .. keyStart[i + 1])`. */
  readonly keyStart: Uint32Array;
  readonly keyIds: Int32Array;
  /** Source id per record, -1 for none. */
  readonly sourceOf: Int32Array;
  readonly updatedAt: Float64Array;
  readonly payloads: PayloadView;
  /** Per profile, in serial order: its serial (`profileIdOfSerial`). */
  readonly profileSerial: Float64Array;
  /** Members of profile p: `members[memberStart[p] .. memberStart[p + 1])`. */
  readonly memberStart: Uint32Array;
  readonly members: Uint32Array;
  /** Profile (index in profile order) of each record. */
  readonly profileOf: Uint32Array;
  /** Every link decision, in the order they were made. */
  readonly evidence: EvidenceEntries;
  // What resolver.ndjson holds beyond the above (tableLines.ts).
  /** Folded first and last names and folded evidence attributes. */
  readonly names: InternedView;
  /** Per key: kind code and group id (-1 for none). */
  readonly keyKind: Uint8Array;
  readonly keyGroup: Int32Array;
  /** Per record: first name, last name, attributes (name ids, -1 for none). */
  readonly firstName: Int32Array;
  readonly lastName: Int32Array;
  readonly attributes: Int32Array;
  /** Per profile: 1 when this run creates it (a `created` event in changes.ndjson: `identity/succession` createdProfiles). */
  readonly createdProfile: Uint8Array;
  /** Weak key memberships in ascending record order: record `weakRecord[w]` holds key `weakKey[w]` (each once: the keyer emits a weak key once per record). */
  readonly weakRecord: Int32Array;
  readonly weakKey: Int32Array;
}

/** Columns received by a worker thread, with their byte chunks wrapped as Buffers again (no copy). */
export function attachColumns(c: BatchColumns): BatchColumns {
  const view = <T extends { chunks: readonly Buffer[] }>(v: T): T => ({ ...v, chunks: asBuffers(v.chunks) });
  return { ...c, ids: view(c.ids), keys: view(c.keys), sources: view(c.sources), payloads: view(c.payloads), names: view(c.names), evidence: { ...c.evidence, why: { ...c.evidence.why, text: view(c.evidence.why.text) } } };
}

export function profileIdAt(c: BatchColumns, p: number): string {
  return profileIdOfSerial(c.profileSerial[p]!);
}

/** The golden profile of profile p. */
export function profileAt(c: BatchColumns, p: number, config: SurvivorshipConfig): GoldenProfile {
  const members: MemberRecord[] = [];
  const from = c.memberStart[p]!;
  const to = c.memberStart[p + 1]!;
  const memo: KeyMemo | undefined = to - from > 1 ? new Map() : undefined;
  const keyText = (k: number): string => stringAt(c.keys, k);
  for (let j = from; j < to; j++) members.push(memberRecordAt(c, c.members[j]!, keyText, memo));
  return buildProfile(profileIdAt(c, p), members, config);
}

// perf: a batch has a handful of sources; each is decoded once per thread, not once per member.
const sourceNames = new WeakMap<InternedView, string[]>();
/** Source s of the batch as text (decoded once per thread). */
export function sourceName(c: BatchColumns, s: number): string {
  let names = sourceNames.get(c.sources);
  if (!names) sourceNames.set(c.sources, (names = []));
  return (names[s] ??= stringAt(c.sources, s));
}

function memberRecordAt(c: BatchColumns, i: number, keyText: (k: number) => string, memo: KeyMemo | undefined): MemberRecord {
  const s = c.sourceOf[i]!;
  return memberRecordOf(stringAt(c.ids, i), s === -1 ? undefined : sourceName(c, s), c.updatedAt[i]!, c.keyIds, c.keyStart[i]!, c.keyStart[i + 1]!, keyText, payloadAt(c.payloads, i), memo);
}
