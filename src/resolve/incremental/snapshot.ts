import { z } from 'zod';
import { hash64Hex } from '../../_internal/hash.js';
import type { ResolvedOptions } from '../../config/ResolveOptions.js';
import { IdweaveError } from '../../errors.js';
import type { KindCode } from '../../match/createRecordKeyer.js';
import { compareStrings } from '../../merge/buildProfile.js';
import type { PreparedRecord } from '../prepareRecord.js';
import { ResolverState } from './ResolverState.js';

/**
 * One record in a snapshot: `[id, profile serial, source, updatedAt (epoch ms or null), first name, last name,
 * payload (JSON of names and attributes), strong keys, weak keys]`. Source, names and keys are indices into the
 * snapshot's tables (-1 for none).
 */
export type SnapshotRecord = readonly [
  id: string,
  serial: number,
  source: number,
  updatedAt: number | null,
  firstName: number,
  lastName: number,
  payload: string,
  keys: readonly number[],
  weak: readonly number[],
];

/**
 * The whole state of an incremental resolver as plain JSON: the normalized records (not the raw input), each
 * record's profile serial and the id counter. Only live records, and only the keys, names and sources they hold,
 * are written: an erased record leaves no trace in the next snapshot.
 */
export interface ResolverSnapshot {
  readonly format: 'idweave.resolver';
  readonly version: 1;
  /** Fingerprint of the options that decide keys and links; restoring under different ones is refused. */
  readonly options: string;
  /** The next profile serial to allocate (serials are never reused). */
  readonly nextSerial: number;
  readonly groups: readonly string[];
  /** `[key, kind code, group index or -1]`. */
  readonly keys: readonly (readonly [string, number, number])[];
  readonly names: readonly string[];
  readonly sources: readonly string[];
  readonly records: readonly SnapshotRecord[];
}

const idx = z.number().int().min(-1);
const snapshotSchema = z.object({
  format: z.literal('idweave.resolver'),
  version: z.literal(1),
  options: z.string(),
  nextSerial: z.number().int().min(1),
  groups: z.array(z.string()),
  keys: z.array(z.tuple([z.string(), z.number().int().min(0).max(4), idx])),
  names: z.array(z.string()),
  sources: z.array(z.string()),
  records: z.array(z.tuple([z.string(), z.number().int().min(1), idx, z.number().nullable(), idx, idx, z.string(), z.array(z.number().int().min(0)), z.array(z.number().int().min(0))])),
});

/** A fingerprint of what decides keys and links (survivorship is free to change between runs). */
export function optionsFingerprint(o: ResolvedOptions): string {
  const { survivorship: _ignored, ...matching } = o;
  return hash64Hex(JSON.stringify(matching));
}

/** Writes the state as a snapshot. */
export function writeSnapshot(state: ResolverState): ResolverSnapshot {
  const keyIndex = new Map<number, number>();
  const keys: [string, number, number][] = [];
  const groupIndex = new Map<number, number>();
  const groups: string[] = [];
  const nameIndex = new Map<number, number>();
  const names: string[] = [];
  const sourceIndex = new Map<number, number>();
  const sources: string[] = [];
  const table = (m: Map<number, number>, list: string[], id: number, text: (id: number) => string): number => {
    if (id < 0) return -1;
    let i = m.get(id);
    if (i === undefined) {
      i = list.length;
      m.set(id, i);
      list.push(text(id));
    }
    return i;
  };
  const keyOf = (k: number): number => {
    let i = keyIndex.get(k);
    if (i === undefined) {
      i = keys.length;
      keyIndex.set(k, i);
      keys.push([state.keys.keyOf(k), state.keyKind[k]!, table(groupIndex, groups, state.keyGroup[k]!, (g) => state.groups.keyOf(g))]);
    }
    return i;
  };
  const records: SnapshotRecord[] = [];
  // Records in id order (code units): the same state gives the same snapshot, whatever the edit history.
  const live: number[] = [];
  for (let r = 0; r < state.ids.size; r++) if (state.alive[r]! === 1) live.push(r);
  live.sort((a, b) => compareStrings(state.ids.keyOf(a), state.ids.keyOf(b)));
  for (const r of live) {
    const t = state.updatedAt[r]!;
    records.push([
      state.ids.keyOf(r),
      state.serial[r]!,
      table(sourceIndex, sources, state.sourceOf[r]!, (s) => state.sources.keyOf(s)),
      Number.isNaN(t) ? null : t,
      table(nameIndex, names, state.firstName[r]!, (n) => state.names.keyOf(n)),
      table(nameIndex, names, state.lastName[r]!, (n) => state.names.keyOf(n)),
      state.payloadOf(r),
      state.strongKeysOf(r).map(keyOf),
      state.weakKeysOf(r).map(keyOf),
    ]);
  }
  return { format: 'idweave.resolver', version: 1, options: optionsFingerprint(state.options), nextSerial: state.nextSerial, groups, keys, names, sources, records };
}

/** Rebuilds a state from a snapshot (validated: a malformed or foreign snapshot throws `IdweaveError`). */
export function readSnapshot(input: unknown, options: ResolvedOptions): ResolverState {
  const parsed = snapshotSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 20).map((i) => `${i.path.join('.') || '(snapshot)'}: ${i.message}`);
    throw new IdweaveError('usage', 'not an idweave resolver snapshot', issues);
  }
  const snap = parsed.data;
  if (snap.options !== optionsFingerprint(options)) {
    throw new IdweaveError('config_invalid', 'the snapshot was taken with different matching options (keys, guards or fuzzy evidence); restore it with the same options', [
      `snapshot options ${snap.options}, given ${optionsFingerprint(options)}`,
    ]);
  }
  const issues: string[] = [];
  const at = <T>(list: readonly T[], i: number, what: string, row: number): T | undefined => {
    if (i === -1) return undefined;
    const v = list[i];
    if (v === undefined) issues.push(`records.${row}: ${what} index ${i} out of range`);
    return v;
  };
  const state = new ResolverState(options);
  const seen = new Set<string>();
  snap.records.forEach((rec, row) => {
    const [id, serial, source, updatedAt, first, last, payload, keyRefs, weakRefs] = rec;
    if (seen.has(id)) issues.push(`records.${row}: duplicate id "${id}"`);
    seen.add(id);
    if (serial >= snap.nextSerial) issues.push(`records.${row}: profile serial ${serial} not below nextSerial ${snap.nextSerial}`);
    const keys: string[] = [];
    const kinds: KindCode[] = [];
    const groups: string[] = [];
    for (const k of keyRefs) {
      const entry = at(snap.keys, k, 'key', row);
      if (!entry) continue;
      keys.push(entry[0]);
      kinds.push(entry[1] as KindCode);
      groups.push(entry[2] === -1 ? '' : (at(snap.groups, entry[2], 'group', row) ?? ''));
    }
    const weak = weakRefs.map((k) => at(snap.keys, k, 'key', row)?.[0]).filter((k): k is string => k !== undefined);
    const p: PreparedRecord = {
      id,
      source: at(snap.sources, source, 'source', row) ?? '',
      updatedAt: updatedAt ?? Number.NaN,
      firstName: at(snap.names, first, 'name', row) ?? '',
      lastName: at(snap.names, last, 'name', row) ?? '',
      payload,
      keys,
      kinds,
      groups,
      weak,
    };
    if (issues.length === 0) state.restoreRecord(p, serial);
  });
  if (issues.length > 0) throw new IdweaveError('usage', `corrupt resolver snapshot: ${issues.length} problem${issues.length === 1 ? '' : 's'}`, issues.slice(0, 50));
  state.nextSerial = snap.nextSerial;
  state.judgeAllKeys();
  return state;
}
