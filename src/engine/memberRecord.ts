import { describeKey } from '../match/createRecordKeyer.js';
import type { MemberRecord } from '../merge/buildProfile.js';

/**
 * A record as profile building reads it, from what the engine stores: its id, source, update time, strong keys
 * (each read back into its kind and value) and payload. The one reading, for the batch's columns in any thread
 * and for the resolver's table alike.
 */
export function memberRecordOf(recordId: string, source: string | undefined, updatedAt: number, keys: readonly string[], payload: string): MemberRecord {
  const identifiers: MemberRecord['identifiers'][number][] = [];
  for (const key of keys) identifiers.push(describeKey(key));
  return { recordId, source, updatedAt, identifiers, fields: JSON.parse(payload) as MemberRecord['fields'] };
}
