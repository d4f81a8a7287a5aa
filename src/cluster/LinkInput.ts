import type { InternedView } from '../_internal/ByteInterner.js';
import type { LinkOverrides } from './overrides.js';

/**
 * What the linker needs to know about records and keys, as compact columns (no record objects). Built by
 * `ResolutionBatch` and by the incremental resolver.
 */
export interface LinkInput {
  readonly recordCount: number;
  /** Strong keys of record i are `keyIds[keyStart[i] .. keyStart[i + 1])`. */
  readonly keyStart: Uint32Array;
  readonly keyIds: Int32Array;
  readonly keyCount: number;
  /** Kind code per key (see match/createRecordKeyer KIND): also its link strength, lower first. */
  readonly keyKind: Uint8Array;
  /** Namespace group per key (`l:global`, `h:instagram`, `x:loyalty`), -1 for none. */
  readonly keyGroup: Int32Array;
  /** Per group: 1 when a profile may hold only one value of it. */
  readonly groupExclusive: Uint8Array;
  groupName(group: number): string;
  keyString(key: number): string;
  /** A deterministic hash of each key string (order independence: never insertion order). */
  readonly keyHash: Uint32Array;
  /** Position of each record in a deterministic order (by hash of its id, ties by id). */
  readonly recordRank: Uint32Array;
  /** Record with rank r is `recordsByRank[r]`: the inverse permutation of `recordRank` (the plan reads both). */
  readonly recordsByRank: Uint32Array;
  /** Interned normalized first / last name per record, -1 when absent. */
  readonly firstName: Int32Array;
  readonly lastName: Int32Array;
  /** Interned folded evidence attributes per record (`match/attributes`), -1 when none; in `names`. */
  readonly attributes: Int32Array;
  /**
   * The interned names and attributes (read as bytes: attributes compare without decoding). A snapshot of the
   * interner when the input was built: valid for every id the input holds, as the interner only appends.
   */
  readonly names: InternedView;
  /** Weak (fuzzy) memberships: record `weakRecord[i]` may belong to key `weakKey[i]`. */
  readonly weakRecord: Int32Array;
  readonly weakKey: Int32Array;
  /** Steward overrides between records of this input (absent: none). */
  readonly overrides?: LinkOverrides;
}
