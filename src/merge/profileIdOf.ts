import { hash64Hex } from '../_internal/hash.js';

/**
 * The profile id of a cluster: a 64-bit hash of its smallest record id (by code unit order), written `P` +
 * 16 hex digits. A function of the cluster's members only, so the same input in any order gives the same ids;
 * hashing keeps source ids out of the profile id.
 *
 * @example profileIdOf('crm-000123') // 'P…16 hex digits'
 */
export function profileIdOf(smallestRecordId: string): string {
  return `P${hash64Hex(smallestRecordId)}`;
}
