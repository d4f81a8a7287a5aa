import { describeKey } from '../match/createRecordKeyer.js';
import type { MemberRecord } from '../merge/buildProfile.js';

type Identifier = MemberRecord['identifiers'][number];

/**
 * The identifiers of one profile's members by key id, each key decoded once (perf: a profile's records mostly
 * share the keys that linked them; decoding a key is a UTF-8 slice plus `describeKey`).
 */
export type KeyMemo = Map<number, Identifier>;

/**
 * A record as profile building reads it, from what the engine stores: its id, source, update time, strong keys
 * `keyIds[from, to)` (each read back into its kind and value through `keyText`) and payload. The one reading,
 * for the batch's columns in any thread and for the resolver's table alike. `memo`: share decoded keys across the
 * members of one profile.
 */
export function memberRecordOf(
  recordId: string,
  source: string | undefined,
  updatedAt: number,
  keyIds: ArrayLike<number>,
  from: number,
  to: number,
  keyText: (key: number) => string,
  payload: string,
  memo?: KeyMemo,
): MemberRecord {
  const identifiers: Identifier[] = [];
  for (let j = from; j < to; j++) {
    const k = keyIds[j]!;
    let id = memo?.get(k);
    if (id === undefined) {
      id = describeKey(keyText(k));
      memo?.set(k, id);
    }
    identifiers.push(id);
  }
  return { recordId, source, updatedAt, identifiers, fields: JSON.parse(payload) as MemberRecord['fields'] };
}
