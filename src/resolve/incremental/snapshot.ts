import { hash64Hex } from '../../_internal/hash.js';
import { acceptId, MAX_IDENTIFIERS_PER_KIND } from '../../accept/recordRules.js';
import type { ResolvedOptions } from '../../config/ResolveOptions.js';
import { IdweaveError } from '../../errors.js';
import { foldAttributes } from '../../match/attributes.js';
import { isWeakKind, kindOfKeyPrefix, type KindCode } from '../../match/createRecordKeyer.js';
import { ByteInterner } from '../../_internal/ByteInterner.js';
import { compareStrings } from '../../merge/buildProfile.js';
import type { PreparedRecord } from '../prepareRecord.js';
import { profileIdOfSerial, ResolverState } from './ResolverState.js';

/**
 * One record in a snapshot: `[id, profile serial, source, updatedAt (epoch ms or null), first name, last name,
 * payload (JSON of names and attributes), strong keys, weak keys, folded evidence attributes]`. Source, names,
 * attributes and keys are indices into the snapshot's tables (-1 for none). Snapshots written before evidence
 * attributes have nine elements (no attributes).
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
  attributes?: number,
];

/**
 * The whole state of an incremental resolver as plain JSON: the normalized records (not the raw input), each
 * record's profile serial and the id counter. Only live records, and only the keys, names and sources they hold,
 * are written: an erased record leaves no trace in the next snapshot.
 */
export interface ResolverSnapshot {
  readonly format: 'idweave.resolver';
  /** 2 since the checksum; version 1 snapshots (no checksum) are still read, with every other check. */
  readonly version: 2;
  /**
   * `fnv1a64:` + 16 hex digits over the canonical content (see `snapshotChecksum`). It detects damage and casual
   * edits; it is not a signature (anyone can recompute it), so an untrusted snapshot is still checked in full.
   */
  readonly checksum: string;
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

/**
 * The largest `nextSerial` a snapshot may hold. Serials live in an Int32Array column, and below 2^31 every id is
 * `P` + 8 base-36 digits (2^31 − 2 is `P00zik0zi`); a larger serial would wrap and give ids like `P0-zik0zj`.
 * Memory does not depend on it: live profiles are kept by serial in a hash table, not a column indexed by serial.
 */
export const MAX_NEXT_SERIAL = 2 ** 31 - 1;
/** The range of a JS `Date`, in ms from the epoch. */
const MAX_TIME = 8.64e15;
/** Most strong keys a record can hold: `MAX_IDENTIFIERS_PER_KIND` values of each of the five kinds. */
const MAX_STRONG_KEYS = 5 * MAX_IDENTIFIERS_PER_KIND;
/** Problems listed before giving up (the message names the first). */
const MAX_ISSUES = 20;
const FORMAT = 'idweave.resolver';
const VERSION = 2;
const CHECKSUM_PREFIX = 'fnv1a64:';
const TOP_FIELDS = ['format', 'version', 'checksum', 'options', 'nextSerial', 'groups', 'keys', 'names', 'sources', 'records'];

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
      table(nameIndex, names, state.attributes[r]!, (n) => state.names.keyOf(n)),
    ]);
  }
  const content = { options: optionsFingerprint(state.options), nextSerial: state.nextSerial, groups, keys, names, sources, records };
  return { format: FORMAT, version: VERSION, checksum: snapshotChecksum(content), ...content };
}

// -------------------------------------------------------------------------------------------------------------
// Checksum

/**
 * FNV-1a with 64-bit state (offset basis 0xcbf29ce484222325, prime 0x100000001b3), one step per 16-bit unit
 * (as `fnv1a32` in _internal/hash.ts steps per UTF-16 code unit), in two int32 halves. Not cryptographic.
 * perf: `str` runs once over every character of a snapshot; all arithmetic stays in small integers.
 */
class Fnv1a64 {
  private hi = 0xcbf29ce4 | 0;
  private lo = 0x84222325 | 0;
  private readonly view = new DataView(new ArrayBuffer(8));

  /** A string: its length (32 bits), then its code units. */
  str(s: string): void {
    this.u32(s.length);
    let hi = this.hi;
    let lo = this.lo;
    for (let i = 0; i < s.length; i++) {
      lo ^= s.charCodeAt(i);
      // (hi·2^32 + lo) · (2^40 + 435) mod 2^64, with the carry of lo·435 computed on 16-bit halves.
      const carry = ((lo >>> 16) * 435 + (((lo & 0xffff) * 435) >>> 16)) >>> 16;
      hi = (Math.imul(hi, 435) + carry + (lo << 8)) | 0;
      lo = Math.imul(lo, 435);
    }
    this.hi = hi;
    this.lo = lo;
  }

  /** A 32-bit integer (an index, a serial, a count; -1 as 0xffffffff), low 16 bits first. */
  u32(n: number): void {
    this.unit(n & 0xffff);
    this.unit((n >>> 16) & 0xffff);
  }

  /** A time: 0 for null, else 1 and the float64's bits (little-endian 16-bit units; -0 as 0). */
  time(t: number | null): void {
    if (t === null) return this.unit(0);
    this.unit(1);
    this.view.setFloat64(0, t === 0 ? 0 : t, true);
    for (let i = 0; i < 8; i += 2) this.unit(this.view.getUint16(i, true));
  }

  hex(): string {
    return (this.hi >>> 0).toString(16).padStart(8, '0') + (this.lo >>> 0).toString(16).padStart(8, '0');
  }

  private unit(c: number): void {
    const lo = this.lo ^ c;
    const carry = ((lo >>> 16) * 435 + (((lo & 0xffff) * 435) >>> 16)) >>> 16;
    this.hi = (Math.imul(this.hi, 435) + carry + (lo << 8)) | 0;
    this.lo = Math.imul(lo, 435);
  }
}

type KeyEntry = readonly [string, number, number];
type SnapshotContent = Pick<ResolverSnapshot, 'options' | 'nextSerial' | 'groups' | 'keys' | 'names' | 'sources' | 'records'>;

function hashHead(h: Fnv1a64, options: string, nextSerial: number): void {
  h.str(FORMAT);
  h.u32(VERSION);
  h.str(options);
  h.u32(nextSerial);
}

function hashRecord(h: Fnv1a64, rec: SnapshotRecord): void {
  h.str(rec[0]);
  h.u32(rec[1]);
  h.u32(rec[2]);
  h.time(rec[3]);
  h.u32(rec[4]);
  h.u32(rec[5]);
  h.str(rec[6]);
  h.u32(rec[7].length);
  for (const k of rec[7]) h.u32(k);
  h.u32(rec[8].length);
  for (const k of rec[8]) h.u32(k);
  if (rec.length > 9) h.u32(rec[9]!);
}

function hashKey(h: Fnv1a64, e: KeyEntry): void {
  h.str(e[0]);
  h.u32(e[1]);
  h.u32(e[2]);
}

/**
 * The checksum of a snapshot's content (everything but `checksum`; `format` and `version` 2 included):
 * FNV-1a 64 over a canonical stream, in field order — format, version, options, nextSerial; then each table
 * (groups, keys, names, sources) as its length and its entries; then the records' count and each record's fields
 * in tuple order. A string is its length and its UTF-16 code units, an integer 32 bits, updatedAt a null tag or
 * the float64's bits. The stream does not depend on JSON spacing or field order, only on the values.
 */
export function snapshotChecksum(s: SnapshotContent): string {
  const h = new Fnv1a64();
  hashHead(h, s.options, s.nextSerial);
  h.u32(s.groups.length);
  for (const g of s.groups) h.str(g);
  h.u32(s.keys.length);
  for (const e of s.keys) hashKey(h, e);
  h.u32(s.names.length);
  for (const n of s.names) h.str(n);
  h.u32(s.sources.length);
  for (const src of s.sources) h.str(src);
  h.u32(s.records.length);
  for (const rec of s.records) hashRecord(h, rec);
  return CHECKSUM_PREFIX + h.hex();
}

// -------------------------------------------------------------------------------------------------------------
// Reading

/**
 * Rebuilds a state from a snapshot, trusting nothing in it: every field's shape and bounds, every index, the
 * tables' uniqueness, each payload's JSON and the checksum (version 2) are checked in one pass, and memory
 * follows the snapshot's size, never a number it states. Any problem throws `IdweaveError('snapshot_invalid')`
 * naming the first problem and where (`records[12][1]: serial 24000000 is not below nextSerial 3`); matching
 * options that differ throw `config_invalid`. With `verify`, the records are re-linked component by component
 * and a partition that does not follow from their identifiers is refused too (as costly as adding every record).
 */
export function readSnapshot(input: unknown, options: ResolvedOptions, verify = false): ResolverState {
  const issues = new Issues();
  if (typeof input !== 'object' || input === null || Array.isArray(input)) issues.fail(`(snapshot): expected a resolver snapshot object, got ${show(input)}`);
  const snap = input as Record<string, unknown>;
  if (snap.format !== FORMAT) issues.fail(`format: expected "${FORMAT}", got ${show(snap.format)}: not an idweave resolver snapshot`);
  const version = snap.version;
  if (version !== 1 && version !== 2) issues.fail(`version: ${show(version)} is not supported (this idweave reads resolver snapshots of version 1 and 2)`);

  // Top level: the fields, their types and the scalar bounds.
  for (const field of Object.keys(snap)) {
    if (!TOP_FIELDS.includes(field) || (field === 'checksum' && version === 1)) issues.add(`(snapshot): unexpected field ${show(field)} in a version ${version} snapshot`);
  }
  const checksum = snap.checksum;
  if (version === 2 && (typeof checksum !== 'string' || !/^fnv1a64:[0-9a-f]{16}$/.test(checksum))) {
    issues.add(`checksum: expected "${CHECKSUM_PREFIX}" and 16 hex digits, got ${show(checksum)}`);
  }
  const fingerprint = snap.options;
  if (typeof fingerprint !== 'string' || !/^[0-9a-f]{16}$/.test(fingerprint)) issues.add(`options: expected 16 hex digits, got ${show(fingerprint)}`);
  const nextSerial = snap.nextSerial;
  if (!isInt(nextSerial) || nextSerial < 1 || nextSerial > MAX_NEXT_SERIAL) issues.add(`nextSerial: ${show(nextSerial)} is not an integer from 1 to ${MAX_NEXT_SERIAL}`);
  for (const field of ['groups', 'keys', 'names', 'sources', 'records']) {
    if (!Array.isArray(snap[field])) issues.add(`${field}: expected an array, got ${show(snap[field])}`);
  }
  issues.throwIfAny();
  const s = snap as unknown as ResolverSnapshot;

  if (s.options !== optionsFingerprint(options)) {
    throw new IdweaveError('config_invalid', 'the snapshot was taken with different matching options (keys, guards or fuzzy evidence); restore it with the same options', [
      `snapshot options ${s.options}, given ${optionsFingerprint(options)}`,
    ]);
  }

  const state = new ResolverState(options);
  const h = version === 2 ? new Fnv1a64() : undefined;
  if (h) hashHead(h, s.options, s.nextSerial);

  // Groups: namespace groups of externalId, login and handle keys, each once.
  const groups = s.groups as readonly unknown[];
  const groupsSeen = new ByteInterner();
  for (let g = 0; g < groups.length && issues.open; g++) {
    const text = groups[g];
    if (typeof text !== 'string' || text.length < 2 || text.charCodeAt(1) !== 0x3a || !GROUPED[kindOfKeyPrefix(text.charCodeAt(0))]) {
      issues.add(`groups[${g}]: expected a namespace group ("x:…", "l:…" or "h:…"), got ${show(text)}`);
    } else if (isRepeat(groupsSeen, text)) issues.add(`groups[${g}]: duplicate group ${show(text)}`);
  }
  issues.throwIfAny();
  if (h) {
    h.u32(groups.length);
    for (const g of s.groups) h.str(g);
  }

  // Keys: interned in table order, so the state's key id is the table index.
  const keys = s.keys as readonly unknown[];
  for (let k = 0; k < keys.length && issues.open; k++) {
    const e = keys[k];
    if (!Array.isArray(e) || e.length !== 3) {
      issues.add(`keys[${k}]: expected [key, kind, group], got ${show(e)}`);
      continue;
    }
    const [key, kind, group] = e as unknown[];
    const expected = typeof key === 'string' && key.length > 2 && key.charCodeAt(1) === 0x3a ? kindOfKeyPrefix(key.charCodeAt(0)) : -1;
    if (expected < 0) {
      issues.add(`keys[${k}][0]: expected an identifier key ("x:", "l:", "h:", "e:" or "p:" and a value), got ${show(key)}`);
      continue;
    }
    if (kind !== expected) issues.add(`keys[${k}][1]: kind ${show(kind)} does not match key ${show(key)} (expected ${expected})`);
    let groupText = '';
    if (!GROUPED[expected]) {
      if (group !== -1) issues.add(`keys[${k}][2]: an email or phone key has no group (-1), got ${show(group)}`);
    } else if (!isIndex(group, groups.length)) {
      issues.add(`keys[${k}][2]: group index ${show(group)} out of range (0..${groups.length - 1})`);
    } else {
      groupText = groups[group] as string;
      if (!(key as string).startsWith(`${groupText}:`) || (key as string).length === groupText.length + 1) {
        issues.add(`keys[${k}][2]: group ${show(groupText)} does not match key ${show(key)}`);
      }
    }
    if (!issues.none) continue;
    const fresh = state.keys.size;
    if (state.restoreKey(key as string, expected, groupText) !== fresh) issues.add(`keys[${k}][0]: duplicate key ${show(key)}`);
  }
  issues.throwIfAny();
  const keyTable = s.keys;
  if (h) {
    h.u32(keyTable.length);
    for (const e of keyTable) hashKey(h, e);
  }

  // Names and sources: non-empty, each once; interned in table order.
  const strings = (field: 'names' | 'sources', into: ByteInterner): readonly string[] => {
    const list = s[field] as readonly unknown[];
    for (let i = 0; i < list.length && issues.open; i++) {
      const text = list[i];
      if (typeof text !== 'string' || text === '') issues.add(`${field}[${i}]: expected a non-empty string, got ${show(text)}`);
      else if (isRepeat(into, text)) issues.add(`${field}[${i}]: duplicate ${field === 'names' ? 'name' : 'source'} ${show(text)}`);
    }
    issues.throwIfAny();
    if (h) {
      h.u32(list.length);
      for (const text of list as readonly string[]) h.str(text);
    }
    return list as readonly string[];
  };
  const names = strings('names', state.names);
  const sources = strings('sources', state.sources);

  // Records: checked, restored (while nothing is wrong) and hashed in one pass.
  const records = s.records as readonly unknown[];
  h?.u32(records.length);
  // Per key: 2·row + 1 once record `row` lists it as strong, 2·row + 2 as weak (both lists may hold one key).
  const marks = new Uint32Array(keyTable.length);
  for (let row = 0; row < records.length && issues.open; row++) {
    const rec = records[row];
    if (!Array.isArray(rec) || (rec.length !== 9 && rec.length !== 10)) {
      issues.add(`records[${row}]: expected [id, serial, source, updatedAt, firstName, lastName, payload, keys, weak, attributes?], got ${show(rec)}`);
      continue;
    }
    const [id, serial, source, updatedAt, first, last, payload, strongRefs, weakRefs, attributes = -1] = rec as unknown[];
    if (typeof id !== 'string') issues.add(`records[${row}][0]: expected a record id (a string), got ${show(id)}`);
    else {
      const accepted = acceptId(id);
      if (!accepted.ok) issues.add(`records[${row}][0]: record id ${show(id)}: ${accepted.problem}`);
      else if (state.indexOf(id) >= 0) issues.add(`records[${row}][0]: duplicate record id ${show(id)}`);
    }
    if (!isInt(serial) || serial < 1) issues.add(`records[${row}][1]: serial ${show(serial)} is not an integer ≥ 1`);
    else if (serial >= s.nextSerial) issues.add(`records[${row}][1]: serial ${serial} is not below nextSerial ${s.nextSerial}`);
    if (source !== -1 && !isIndex(source, sources.length)) issues.add(`records[${row}][2]: source index ${show(source)} out of range (-1 or 0..${sources.length - 1})`);
    if (updatedAt !== null && !(typeof updatedAt === 'number' && Math.abs(updatedAt) <= MAX_TIME)) {
      issues.add(`records[${row}][3]: updatedAt ${show(updatedAt)} is neither null nor a time a Date can hold (epoch ms within ±${MAX_TIME})`);
    }
    if (first !== -1 && !isIndex(first, names.length)) issues.add(`records[${row}][4]: first name index ${show(first)} out of range (-1 or 0..${names.length - 1})`);
    if (last !== -1 && !isIndex(last, names.length)) issues.add(`records[${row}][5]: last name index ${show(last)} out of range (-1 or 0..${names.length - 1})`);
    if (attributes !== -1 && !isIndex(attributes, names.length)) issues.add(`records[${row}][9]: attributes index ${show(attributes)} out of range (-1 or 0..${names.length - 1})`);
    if (typeof payload !== 'string') issues.add(`records[${row}][6]: expected the payload as a JSON string, got ${show(payload)}`);
    else {
      const problem = payloadProblem(payload);
      if (problem !== undefined) issues.add(`records[${row}][6]: payload ${problem}`);
    }
    checkKeyRefs(strongRefs, row, 7, marks, keyTable, issues);
    checkKeyRefs(weakRefs, row, 8, marks, keyTable, issues);
    if (!issues.none) continue;

    const r = rec as unknown as SnapshotRecord;
    if (h) hashRecord(h, r);
    const keyStrings: string[] = [];
    const kinds: KindCode[] = [];
    const groupStrings: string[] = [];
    for (const k of r[7]) {
      const e = keyTable[k]!;
      keyStrings.push(e[0]);
      kinds.push(e[1] as KindCode);
      groupStrings.push(e[2] === -1 ? '' : s.groups[e[2]]!);
    }
    const p: PreparedRecord = {
      id: r[0],
      source: r[2] === -1 ? '' : sources[r[2]]!,
      updatedAt: r[3] ?? Number.NaN,
      firstName: r[4] === -1 ? '' : names[r[4]]!,
      lastName: r[5] === -1 ? '' : names[r[5]]!,
      // Folded again from the payload, which holds the attribute fields: a snapshot written before attributes (nine
      // elements) gets them back, and an edited names table cannot plant a string the linker never folded.
      attributes: attributesOfPayload(r[6]),
      payload: r[6],
      keys: keyStrings,
      kinds,
      groups: groupStrings,
      weak: r[8].map((k) => keyTable[k]![0]),
    };
    state.restoreRecord(p, r[1]);
  }
  issues.throwIfAny();

  if (h) {
    const actual = CHECKSUM_PREFIX + h.hex();
    if (actual !== s.checksum) issues.fail(`checksum: the content hashes to ${actual}, the snapshot says ${s.checksum}: it was edited or damaged`);
  }
  state.nextSerial = s.nextSerial;
  state.judgeAllKeys();
  if (verify) {
    verifyPartition(state, issues);
    issues.throwIfAny();
  }
  return state;
}

/**
 * Checks a record's strong (`i` = 7) or weak (8) key list, strong first: no longer than a record can hold, indices
 * in range, none twice, weak keys are emails.
 */
function checkKeyRefs(list: unknown, row: number, i: number, marks: Uint32Array, keys: readonly KeyEntry[], issues: Issues): void {
  if (!Array.isArray(list)) return issues.add(`records[${row}][${i}]: expected an array of key indices, got ${show(list)}`);
  const most = i === 7 ? MAX_STRONG_KEYS : MAX_IDENTIFIERS_PER_KIND;
  if (list.length > most) return issues.add(`records[${row}][${i}]: ${list.length} ${i === 7 ? 'keys' : 'weak keys'}, more than the ${most} one record can hold`);
  const stamp = 2 * row + i - 6;
  for (let j = 0; j < list.length && issues.open; j++) {
    const k = list[j] as unknown;
    if (!isIndex(k, keys.length)) issues.add(`records[${row}][${i}][${j}]: key index ${show(k)} out of range (0..${keys.length - 1})`);
    else if (marks[k] === stamp) issues.add(`records[${row}][${i}][${j}]: key ${k} listed twice`);
    else if (i === 8 && !isWeakKind(keys[k]![1])) issues.add(`records[${row}][${i}][${j}]: weak key ${show(keys[k]![0])} is neither an email nor a phone`);
    else marks[k] = stamp;
  }
}

/**
 * Re-links every component of the key graph and checks that the snapshot's profiles are exactly its clusters:
 * records linked together share a profile, and a profile's records are linked together.
 */
function verifyPartition(state: ResolverState, issues: Issues): void {
  const n = state.ids.size;
  const label = new Int32Array(n).fill(-1);
  let labels = 0;
  for (let r = 0; r < n; r++) {
    if (state.alive[r]! === 0 || label[r]! >= 0) continue;
    const linked = state.link(state.component([r]));
    const local = new Int32Array(linked.records.length).fill(-1);
    for (let i = 0; i < linked.records.length; i++) {
      const root = linked.root[i]!;
      if (local[root]! < 0) local[root] = labels++;
      label[linked.records[i]!] = local[root]!;
    }
  }
  const first = new Int32Array(labels).fill(-1);
  const id = (r: number): string => show(state.ids.keyOf(r));
  for (let r = 0; r < n && issues.open; r++) {
    if (state.alive[r]! === 0) continue;
    const serial = state.serial[r]!;
    const head = state.profiles.head(serial);
    if (head !== r && label[head] !== label[r]) {
      issues.add(`records ${id(head)} and ${id(r)}: both in profile ${profileIdOfSerial(serial)}, but their identifiers do not link them`);
    }
    const f = first[label[r]!]!;
    if (f < 0) first[label[r]!] = r;
    else if (state.serial[f] !== serial) {
      issues.add(`records ${id(f)} and ${id(r)}: linked by their identifiers, but in profiles ${profileIdOfSerial(state.serial[f]!)} and ${profileIdOfSerial(serial)}`);
    }
  }
}

/** Problems found so far; throws `snapshot_invalid` naming the first. */
class Issues {
  private readonly list: string[] = [];
  /** True while nothing is wrong. */
  get none(): boolean {
    return this.list.length === 0;
  }
  /** True while more problems are worth looking for. */
  get open(): boolean {
    return this.list.length < MAX_ISSUES;
  }
  add(issue: string): void {
    if (this.list.length < MAX_ISSUES) this.list.push(issue);
  }
  fail(issue: string): never {
    this.add(issue);
    return this.throwIfAny() as never;
  }
  throwIfAny(): void {
    const n = this.list.length;
    if (n === 0) return;
    const more = n === 1 ? '' : n < MAX_ISSUES ? ` (and ${n - 1} more problem${n === 2 ? '' : 's'})` : ` (and more problems; the first ${MAX_ISSUES} are listed)`;
    throw new IdweaveError('snapshot_invalid', `invalid resolver snapshot: ${this.list[0]}${more}`, this.list);
  }
}

// -------------------------------------------------------------------------------------------------------------
// Checks

/** Whether a kind (by code) has namespace groups: externalId, login, handle. */
const GROUPED: readonly boolean[] = [true, true, true, false, false];

/** Interns `text`; true when it was there already. */
function isRepeat(interner: ByteInterner, text: string): boolean {
  const fresh = interner.size;
  return interner.intern(text) !== fresh;
}

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

function isIndex(v: unknown, length: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < length;
}

/** A value for a message: strings quoted and cut, containers named. */
function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  if (v === undefined) return 'nothing';
  return Array.isArray(v) ? 'an array' : `a ${typeof v}`;
}

/**
 * Why a payload is not what `payloadOf` writes (undefined when it is): it must be one JSON object whose values
 * are strings, finite numbers, booleans or null (the record's fields). One pass over the characters, no parse:
 * `JSON.parse` is left to `profile()`, which is then sure to succeed. Raw lone surrogates are refused (the payload
 * store keeps UTF-8, which cannot hold them; `JSON.stringify` escapes them).
 */
export function payloadProblem(s: string): string | undefined {
  const n = s.length;
  let i = skipSpace(s, 0);
  if (s.charCodeAt(i) !== 0x7b) return i === n ? 'is empty, not a JSON object' : `is not a JSON object (character ${i})`;
  i = skipSpace(s, i + 1);
  if (s.charCodeAt(i) !== 0x7d) {
    for (;;) {
      if (s.charCodeAt(i) !== 0x22) return `is not valid JSON: expected a field name at character ${i}`;
      i = skipString(s, i);
      if (i < 0) return 'is not valid JSON: a bad field name';
      i = skipSpace(s, i);
      if (s.charCodeAt(i) !== 0x3a) return `is not valid JSON: expected ':' at character ${i}`;
      i = skipSpace(s, i + 1);
      const c = s.charCodeAt(i);
      const start = i;
      if (c === 0x22) i = skipString(s, i);
      else if (c === 0x74) i = s.startsWith('true', i) ? i + 4 : -1;
      else if (c === 0x66) i = s.startsWith('false', i) ? i + 5 : -1;
      else if (c === 0x6e) i = s.startsWith('null', i) ? i + 4 : -1;
      else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
        i = skipNumber(s, i);
        if (i === -2) return `has a number too large for a double at character ${start}`;
      } else if (c === 0x7b || c === 0x5b) return `has a field whose value is an object or array (character ${i}); fields hold strings, numbers, booleans or null`;
      else i = -1;
      if (i < 0) return `is not valid JSON: a bad value at character ${start}`;
      i = skipSpace(s, i);
      const d = s.charCodeAt(i);
      if (d === 0x7d) break;
      if (d !== 0x2c) return `is not valid JSON: expected ',' or '}' at character ${i}`;
      i = skipSpace(s, i + 1);
    }
  }
  i = skipSpace(s, i + 1);
  return i === n ? undefined : `is not valid JSON: unexpected text after the object at character ${i}`;
}

function skipSpace(s: string, i: number): number {
  for (let c = s.charCodeAt(i); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = s.charCodeAt(++i));
  return i;
}

/** The index after a JSON string starting at `i` (at its quote), or -1. */
function skipString(s: string, i: number): number {
  for (let j = i + 1; ; j++) {
    const c = s.charCodeAt(j);
    if (c === 0x22) return j + 1;
    if (c === 0x5c) {
      const e = s.charCodeAt(++j);
      if (e === 0x75) {
        for (let k = 1; k <= 4; k++) if (!isHex(s.charCodeAt(j + k))) return -1;
        j += 4;
      } else if (e !== 0x22 && e !== 0x5c && e !== 0x2f && e !== 0x62 && e !== 0x66 && e !== 0x6e && e !== 0x72 && e !== 0x74) return -1;
    } else if (c < 0x20 || Number.isNaN(c)) return -1;
    else if (c >= 0xd800 && c <= 0xdfff) {
      const d = s.charCodeAt(j + 1);
      if (c > 0xdbff || !(d >= 0xdc00 && d <= 0xdfff)) return -1;
      j++;
    }
  }
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

/** The index after a JSON number starting at `i`, -1 when malformed, -2 when it overflows to ±Infinity. */
function skipNumber(s: string, i: number): number {
  const start = i;
  if (s.charCodeAt(i) === 0x2d) i++;
  const intStart = i;
  if (s.charCodeAt(i) === 0x30) i++;
  else if (isDigit(s.charCodeAt(i))) while (isDigit(s.charCodeAt(i))) i++;
  else return -1;
  let large = i - intStart > 300;
  if (s.charCodeAt(i) === 0x2e) {
    if (!isDigit(s.charCodeAt(++i))) return -1;
    while (isDigit(s.charCodeAt(i))) i++;
  }
  const e = s.charCodeAt(i);
  if (e === 0x65 || e === 0x45) {
    large = true;
    const sign = s.charCodeAt(++i);
    if (sign === 0x2b || sign === 0x2d) i++;
    if (!isDigit(s.charCodeAt(i))) return -1;
    while (isDigit(s.charCodeAt(i))) i++;
  }
  return large && !Number.isFinite(Number(s.slice(start, i))) ? -2 : i;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** The folded evidence attributes of a record, from its payload (`payloadOf` keeps the fields as strings). */
function attributesOfPayload(payload: string): string {
  const fields = JSON.parse(payload) as Record<string, unknown>;
  const text = (name: string): string | undefined => {
    const v = Object.hasOwn(fields, name) ? fields[name] : undefined;
    return typeof v === 'string' ? v : undefined;
  };
  return foldAttributes({ dateOfBirth: text('dateOfBirth'), gender: text('gender'), address: text('address'), city: text('city'), postcode: text('postcode'), country: text('country') });
}
