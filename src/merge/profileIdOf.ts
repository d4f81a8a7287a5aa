import { fnv1a32, murmurMix32 } from '../_internal/hash.js';

/**
 * The profile id of a cluster: a 64-bit hash of its smallest record id (by code unit order), written `P` +
 * 16 hex digits. A function of the cluster's members only, so the same input in any order gives the same ids;
 * hashing keeps source ids out of the profile id.
 *
 * @example profileIdOf('crm-000123') // 'P…16 hex digits'
 */
export function profileIdOf(smallestRecordId: string): string {
  return formatProfileId(fnv1a32(smallestRecordId), murmurMix32(smallestRecordId));
}

/** The profile id with hash halves `hi` (`fnv1a32`) and `lo` (`murmurMix32`) of the smallest record id. */
export function formatProfileId(hi: number, lo: number): string {
  // perf: byte-wise table lookups; written for every mapping line and profile (20M times in a batch).
  return `P${HEX[hi >>> 24]}${HEX[(hi >>> 16) & 255]}${HEX[(hi >>> 8) & 255]}${HEX[hi & 255]}${HEX[lo >>> 24]}${HEX[(lo >>> 16) & 255]}${HEX[(lo >>> 8) & 255]}${HEX[lo & 255]}`;
}

const HEX: readonly string[] = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
