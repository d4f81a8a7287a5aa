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
  return `P${hi.toString(16).padStart(8, '0')}${lo.toString(16).padStart(8, '0')}`;
}
