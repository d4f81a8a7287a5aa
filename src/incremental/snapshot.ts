import { hash64Hex } from '../_internal/hash.js';
import { acceptId, MAX_IDENTIFIERS_PER_KIND } from '../accept/recordRules.js';
import type { OverrideRule, ResolvedOptions } from '../config/ResolveOptions.js';
import { IdweaveError } from '../errors.js';
import { foldAttributes } from '../match/attributes.js';
import { isWeakKind, kindOfKeyPrefix, type KindCode } from '../match/createRecordKeyer.js';
import { ByteInterner } from '../_internal/ByteInterner.js';
import { compareStrings } from '../_internal/compareStrings.js';
import { firstSerialOfRange, ID_RANGE_SIZE, MAX_ID_RANGE, rangeOfSerial } from '../identity/profileIds.js';
import { profileIdOfSerial, ResolverState } from './ResolverState.js';

/**
 * One record in a snapshot: `[id, profile serial, source, updatedAt (epoch ms or null), first name, last name,
 * payload (JSON of names and attributes), strong keys, weak keys, folded evidence attributes]`. Source, names,
 * attributes and keys are indices into the snapshot's tables (-1 for none). Snapshots written before evidence
 * attributes have nine elements (no attributes).
 */
export type SnapshotRecord = readonly [...SnapshotRecordScalars, keys: readonly number[], weak: readonly number[], attributes?: number];

/** The elements of a `SnapshotRecord` before its key lists. */
export type SnapshotRecordScalars = [id: string, serial: number, source: number, updatedAt: number | null, firstName: number, lastName: number, payload: string];

/** One steward override in a snapshot: `[record id, record id, rule]`; the records need not be live. */
export type SnapshotOverride = readonly [recordA: string, recordB: string, rule: OverrideRule];

/**
 * The whole state of an incremental resolver as plain JSON: the normalized records (not the raw input), each
 * record's profile serial, the id allocator, the steward overrides and the tombstones. Only live records, and only
 * the keys, names and sources they hold, are written: a removed record leaves no trace in the next snapshot, and
 * one erased for good leaves only its id, in `erased`.
 */
export interface ResolverSnapshot {
  readonly format: 'idweave.resolver';
  /**
   * 3 since the id range, overrides and tombstones; versions 1 (no checksum) and 2 are still read, with every
   * other check.
   */
  readonly version: 3;
  /**
   * `fnv1a64:` + 16 hex digits over the canonical content (see `snapshotChecksum`). It detects damage and casual
   * edits; it is not a signature (anyone can recompute it), so an untrusted snapshot is still checked in full.
   */
  readonly checksum: string;
  /** Fingerprint of the options that decide keys and links; restoring under different ones is refused. */
  readonly options: string;
  /**
   * The id range the resolver allocates in (identity/profileIds): kept, not derived from `nextSerial`, which
   * reaches the next range's first serial once this range is used up.
   */
  readonly idRange: number;
  /** The next profile serial to allocate (serials are never reused); in `idRange`. */
  readonly nextSerial: number;
  readonly groups: readonly string[];
  /** `[key, kind code, group index or -1]`. */
  readonly keys: readonly (readonly [string, number, number])[];
  readonly names: readonly string[];
  readonly sources: readonly string[];
  readonly records: readonly SnapshotRecord[];
  /**
   * The steward overrides, each pair once (ids in code-unit order, pairs sorted). Absent: the snapshot does not
   * hold the table, and restoring sets the `overrides` option instead (as for versions 1 and 2).
   */
  readonly overrides?: readonly SnapshotOverride[];
  /** Tombstones: ids erased for good (`remove(id, { erase: true })`), none of them live; sorted. Absent: none. */
  readonly erased?: readonly string[];
}

/**
 * The largest `nextSerial` a snapshot may hold: serials are safe integers, so every serial below it is exact in a
 * double and its id (`P` + base 36, at least 8 digits; 2^53 − 2 is `P2gosa7pa2gu`) reads back to the same serial.
 * Memory does not depend on it: live profiles are kept by serial in a hash table, not a column indexed by serial.
 */
export const MAX_NEXT_SERIAL = Number.MAX_SAFE_INTEGER;
/** The range of a JS `Date`, in ms from the epoch. */
const MAX_TIME = 8.64e15;
/** Most strong keys a record can hold: `MAX_IDENTIFIERS_PER_KIND` values of each of the five kinds. */
const MAX_STRONG_KEYS = 5 * MAX_IDENTIFIERS_PER_KIND;
/** Problems listed before giving up (the message names the first). */
const MAX_ISSUES = 20;
const FORMAT = 'idweave.resolver';
const VERSION = 3;
const CHECKSUM_PREFIX = 'fnv1a64:';
const FIELDS_1 = ['format', 'version', 'options', 'nextSerial', 'groups', 'keys', 'names', 'sources', 'records'];
const FIELDS_2 = [...FIELDS_1, 'checksum'];
/** The fields of each version's snapshot (index = version). */
const TOP_FIELDS: readonly (readonly string[])[] = [[], FIELDS_1, FIELDS_2, [...FIELDS_2, 'idRange', 'overrides', 'erased']];

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
  const overrides: SnapshotOverride[] = [];
  for (const [a, b, rule] of state.overrides.pairs()) {
    const x = state.ids.keyOf(a);
    const y = state.ids.keyOf(b);
    overrides.push(compareStrings(x, y) < 0 ? [x, y, rule] : [y, x, rule]);
  }
  overrides.sort((p, q) => compareStrings(p[0], q[0]) || compareStrings(p[1], q[1]));
  const erased = [...state.erasedIds()].sort(compareStrings);
  const content = { options: optionsFingerprint(state.options), idRange: state.idRange, nextSerial: state.nextSerial, groups, keys, names, sources, records, overrides, erased };
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

  /** A 32-bit integer (an index, a count; -1 as 0xffffffff), low 16 bits first. */
  u32(n: number): void {
    this.unit(n & 0xffff);
    this.unit((n >>> 16) & 0xffff);
  }

  /**
   * A serial (a safe integer): its low 32 bits, then its high bits when it has any. Serials below 2^32 hash as
   * they always did (`u32`), so snapshots written before serials grew keep their checksum.
   */
  serial(n: number): void {
    this.u32(n);
    if (n >= 2 ** 32) this.u32(Math.floor(n / 2 ** 32));
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
/** What the checksum covers; `version` defaults to the current one, so older snapshots can be hashed (tests). */
type SnapshotContent = Pick<ResolverSnapshot, 'options' | 'nextSerial' | 'groups' | 'keys' | 'names' | 'sources' | 'records' | 'overrides' | 'erased'> & {
  readonly version?: number;
  readonly idRange?: number;
};

function hashHead(h: Fnv1a64, version: number, options: string, nextSerial: number, idRange: number | undefined): void {
  h.str(FORMAT);
  h.u32(version);
  h.str(options);
  h.serial(nextSerial);
  if (version >= 3) h.u32(idRange ?? 0);
}

/** Whether a table is held (version 3 may leave the override table out): a unit 1 and then its length, or 0. */
function hashPresence(h: Fnv1a64, list: readonly unknown[] | undefined): void {
  h.u32(list === undefined ? 0 : 1);
  if (list !== undefined) h.u32(list.length);
}

function hashOverride(h: Fnv1a64, o: SnapshotOverride): void {
  h.str(o[0]);
  h.str(o[1]);
  h.u32(o[2] === 'always' ? 1 : 0);
}

function hashRecord(h: Fnv1a64, rec: SnapshotRecord): void {
  h.str(rec[0]);
  h.serial(rec[1]);
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
 * The checksum of a snapshot's content (everything but `checksum`; `format` and `version` included):
 * FNV-1a 64 over a canonical stream, in field order — format, version, options, nextSerial, idRange (version 3);
 * then each table (groups, keys, names, sources) as its length and its entries; then the records' count and each
 * record's fields in tuple order; then (version 3) the overrides and the tombstones, each as a presence unit (0
 * absent, 1 present), its length and its entries (an override: both ids and its rule, 0 never, 1 always). A string
 * is its length and its UTF-16 code units, an integer 32 bits (a serial from 2^32 on also its high bits),
 * updatedAt a null tag or the float64's bits. The stream does not depend on JSON spacing or field order, only on
 * the values; a version 2 snapshot hashes as it always did.
 */
export function snapshotChecksum(s: SnapshotContent): string {
  const version = s.version ?? VERSION;
  const h = new Fnv1a64();
  hashHead(h, version, s.options, s.nextSerial, s.idRange);
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
  if (version >= 3) {
    hashPresence(h, s.overrides);
    for (const o of s.overrides ?? []) hashOverride(h, o);
    hashPresence(h, s.erased);
    for (const id of s.erased ?? []) h.str(id);
  }
  return CHECKSUM_PREFIX + h.hex();
}

// -------------------------------------------------------------------------------------------------------------
// Reading

/**
 * Rebuilds a state from a snapshot, trusting nothing in it: every field's shape and bounds, every index, the
 * tables' uniqueness, each payload's JSON, the overrides and tombstones (version 3) and the checksum (from
 * version 2) are checked in one pass, and memory follows the snapshot's size, never a number it states. Any problem throws `IdweaveError('snapshot_invalid')`
 * naming the first problem and where (`records[12][1]: serial 24000000 is not below nextSerial 3`); matching
 * options that differ throw `config_invalid`. With `verify`, the records are re-linked component by component
 * and a partition that does not follow from their identifiers is refused too (as costly as adding every record).
 */
export function readSnapshot(input: unknown, options: ResolvedOptions, verify = false): ResolverState {
  const issues = new Issues();
  if (typeof input !== 'object' || input === null || Array.isArray(input)) issues.fail(`(snapshot): expected a resolver snapshot object, got ${show(input)}`);
  const snap = input as Record<string, unknown>;
  if (snap.format !== FORMAT) issues.fail(`format: expected "${FORMAT}", got ${show(snap.format)}: not an idweave resolver snapshot`);
  const version = snap.version as number;
  if (version !== 1 && version !== 2 && version !== 3) issues.fail(`version: ${show(version)} is not supported (this idweave reads resolver snapshots of versions 1 to 3)`);

  // Top level: the fields, their types and the scalar bounds.
  for (const field of Object.keys(snap)) {
    if (!TOP_FIELDS[version]!.includes(field)) issues.add(`(snapshot): unexpected field ${show(field)} in a version ${version} snapshot`);
  }
  const checksum = snap.checksum;
  if (version >= 2 && (typeof checksum !== 'string' || !/^fnv1a64:[0-9a-f]{16}$/.test(checksum))) {
    issues.add(`checksum: expected "${CHECKSUM_PREFIX}" and 16 hex digits, got ${show(checksum)}`);
  }
  checkHead(snap, issues, version >= 3);
  for (const field of ['groups', 'keys', 'names', 'sources', 'records']) {
    if (!Array.isArray(snap[field])) issues.add(`${field}: expected an array, got ${show(snap[field])}`);
  }
  for (const field of ['overrides', 'erased']) {
    if (snap[field] !== undefined && !Array.isArray(snap[field])) issues.add(`${field}: expected an array, got ${show(snap[field])}`);
  }
  issues.throwIfAny();
  const s = snap as unknown as ResolverSnapshot;
  checkOptions(s.options, options);

  // Versions before 3 hold no override table: the `overrides` option is set on what they restore.
  const loader = new SnapshotLoader(options, { nextSerial: s.nextSerial, idRange: version >= 3 ? s.idRange : undefined, holdsOverrides: s.overrides !== undefined }, issues);
  const h = version >= 2 ? new Fnv1a64() : undefined;
  if (h) hashHead(h, version, s.options, s.nextSerial, s.idRange);

  // Each table is checked whole (up to 20 problems) before the next, which indexes into it.
  const groups = s.groups as readonly unknown[];
  for (let g = 0; g < groups.length && issues.open; g++) loader.group(groups[g], g);
  issues.throwIfAny();
  if (h) {
    h.u32(groups.length);
    for (const g of s.groups) h.str(g);
  }

  const keys = s.keys as readonly unknown[];
  for (let k = 0; k < keys.length && issues.open; k++) loader.key(keys[k], k);
  issues.throwIfAny();
  if (h) {
    h.u32(keys.length);
    for (const e of s.keys) hashKey(h, e);
  }

  for (const field of ['names', 'sources'] as const) {
    const list = s[field] as readonly unknown[];
    for (let i = 0; i < list.length && issues.open; i++) loader.text(field, list[i], i);
    issues.throwIfAny();
    if (h) {
      h.u32(list.length);
      for (const text of s[field]) h.str(text);
    }
  }

  const records = s.records as readonly unknown[];
  h?.u32(records.length);
  for (let row = 0; row < records.length && issues.open; row++) {
    const r = loader.record(records[row], row);
    if (h && r) hashRecord(h, r);
  }
  issues.throwIfAny();

  // After the records: a tombstone on a live id is refused, which needs the records restored.
  const v3 = version >= 3 ? h : undefined;
  const overrides = s.overrides as readonly unknown[] | undefined;
  if (v3) hashPresence(v3, overrides);
  for (let i = 0; overrides !== undefined && i < overrides.length && issues.open; i++) {
    const o = loader.override(overrides[i], i);
    if (v3 && o) hashOverride(v3, o);
  }
  issues.throwIfAny();
  const erased = s.erased as readonly unknown[] | undefined;
  if (v3) hashPresence(v3, erased);
  for (let i = 0; erased !== undefined && i < erased.length && issues.open; i++) {
    const id = loader.tombstone(erased[i], i);
    if (v3 && id !== undefined) v3.str(id);
  }
  issues.throwIfAny();

  if (h) {
    const actual = CHECKSUM_PREFIX + h.hex();
    if (actual !== s.checksum) issues.fail(`checksum: the content hashes to ${actual}, the snapshot says ${s.checksum}: it was edited or damaged`);
  }
  const state = loader.state;
  state.judgeAllKeys();
  if (verify) {
    drain(verifyPartition(state, issues));
    issues.throwIfAny();
  }
  return state;
}

/**
 * Checks the fields every snapshot head has, whatever its format: `options` and `nextSerial`, and `idRange` when
 * the version has one: `nextSerial` lies in that range (its last value, one past the range, means it is used up).
 */
export function checkHead(head: Record<string, unknown>, issues: Issues, withIdRange: boolean): void {
  const fingerprint = head.options;
  if (typeof fingerprint !== 'string' || !/^[0-9a-f]{16}$/.test(fingerprint)) issues.add(`options: expected 16 hex digits, got ${show(fingerprint)}`);
  const nextSerial = head.nextSerial;
  const serialOk = isInt(nextSerial) && nextSerial >= 1 && nextSerial <= MAX_NEXT_SERIAL;
  if (!serialOk) issues.add(`nextSerial: ${show(nextSerial)} is not an integer from 1 to ${MAX_NEXT_SERIAL}`);
  if (!withIdRange) return;
  const range = head.idRange;
  if (!isInt(range) || range < 0 || range > MAX_ID_RANGE) issues.add(`idRange: ${show(range)} is not an integer from 0 to ${MAX_ID_RANGE}`);
  else if (serialOk) {
    const first = firstSerialOfRange(range);
    const end = (range + 1) * ID_RANGE_SIZE;
    if (nextSerial < first || nextSerial > end) issues.add(`nextSerial: ${nextSerial} is not in id range ${range} (${first} to ${end})`);
  }
}

/** Refuses (`config_invalid`) a snapshot taken under other matching options: its keys and partition would not match. */
export function checkOptions(fingerprint: string, options: ResolvedOptions): void {
  if (fingerprint !== optionsFingerprint(options)) {
    throw new IdweaveError('config_invalid', 'the snapshot was taken with different matching options (keys, guards or fuzzy evidence); restore it with the same options', [
      `snapshot options ${fingerprint}, given ${optionsFingerprint(options)}`,
    ]);
  }
}

/**
 * Checks a snapshot's table entries and records one at a time and restores them into a fresh state, trusting
 * nothing: what the object reader (`readSnapshot`) and the stream reader (snapshotStreamRead.ts) share, so that
 * both refuse exactly the same entries with the same messages. Entries must come in snapshot order — every
 * group, then every key, name, source, record, override, tombstone — with their indices counted from 0 per table;
 * each table's strings are interned in table order, so the state's id of an entry is its table index. Tombstones
 * come after the records because one on a live id is refused.
 *
 * Problems go to `issues` (the first 20); while there are any, nothing more is restored, and the caller throws
 * them (`issues.throwIfAny()`) before an entry of the next table, which may index into a wrong one.
 */
export class SnapshotLoader {
  readonly state: ResolverState;
  /** The group texts, by table index (the state numbers groups in the order keys use them). */
  private readonly groups: string[] = [];
  private readonly groupsSeen = new ByteInterner();
  /** Set when the first record comes: the tables are complete by then. */
  private limits: RecordLimits | undefined;
  /** Per name: 1 once found to have the folded attributes' shape, 2 once found not to (checked once per name). */
  private folded: Uint8Array | undefined;
  private readonly nextSerial: number;

  /**
   * `head` is checked already (`checkHead`): records' serials are below `nextSerial`; `idRange` is undefined for
   * formats before it was kept (then the range `nextSerial` lies in, as those resolvers read it); `holdsOverrides`
   * says the snapshot holds the override table (even an empty one), which then replaces the `overrides` option.
   */
  constructor(options: ResolvedOptions, head: { readonly nextSerial: number; readonly idRange: number | undefined; readonly holdsOverrides: boolean }, readonly issues: Issues) {
    this.nextSerial = head.nextSerial;
    this.state = new ResolverState(options);
    this.state.nextSerial = head.nextSerial;
    this.state.idRange = head.idRange ?? rangeOfSerial(head.nextSerial);
    this.state.overridesRestored = head.holdsOverrides;
  }

  /** Group `g`: a namespace group of externalId, login and handle keys, each once. */
  group(text: unknown, g: number): void {
    const issues = this.issues;
    if (typeof text !== 'string' || text.length < 2 || text.charCodeAt(1) !== 0x3a || !GROUPED[kindOfKeyPrefix(text.charCodeAt(0))]) {
      issues.add(`groups[${g}]: expected a namespace group ("x:…", "l:…" or "h:…"), got ${show(text)}`);
    } else if (isRepeat(this.groupsSeen, text)) issues.add(`groups[${g}]: duplicate group ${show(text)}`);
    this.groups.push(typeof text === 'string' ? text : '');
  }

  /** Key `k`: `[key, kind, group]`, interned in table order (so the state's key id is `k`). */
  key(e: unknown, k: number): void {
    const issues = this.issues;
    const checked = checkKeyEntry(e, k, this.groups, issues);
    if (checked === undefined || !issues.none) return;
    const fresh = this.state.keys.size;
    if (this.state.internKey(checked.key, checked.kind, checked.group === -1 ? '' : this.groups[checked.group]!) !== fresh) issues.add(`keys[${k}][0]: duplicate key ${show(checked.key)}`);
  }

  /** The group texts by table index (for checking keys elsewhere). */
  groupTexts(): readonly string[] {
    return this.groups;
  }

  /** Name or source `i`: non-empty, each once; interned in table order. */
  text(field: 'names' | 'sources', text: unknown, i: number): void {
    if (!checkTextEntry(field, text, i, this.issues)) return;
    if (isRepeat(field === 'names' ? this.state.names : this.state.sources, text)) {
      this.issues.add(`${field}[${i}]: duplicate ${field === 'names' ? 'name' : 'source'} ${show(text)}`);
    }
  }

  /** Record `row`: checked, and restored while nothing is wrong; returns it when it was restored. */
  record(rec: unknown, row: number): SnapshotRecord | undefined {
    const issues = this.issues;
    const state = this.state;
    this.limits ??= { nextSerial: this.nextSerial, names: state.names.size, sources: state.sources.size, keys: state.keys.size, keyKind: state.keyKind, keyText: (k) => state.keys.keyOf(k) };
    if (!checkRecordEntry(rec, row, this.limits, issues, (id) => state.indexOf(id) >= 0) || !issues.none) return undefined;
    const attributes = rec[9] ?? -1;
    const r = rec;
    if (rec.length === 10 && this.holdsFoldedAttributes(attributes)) {
      // perf (resolverFromBatch at 20M): tables were interned in table order, so indices are the state's ids and no
      // string is decoded and interned again. An attributes string without the folded shape is not trusted: the
      // path below folds the payload again.
      state.restoreInterned(r[0], r[1], r[7], r[8], r[4], r[5], attributes as number, r[2], r[3] ?? Number.NaN, r[6]);
      return r;
    }
    // The attributes are folded again from the payload, which holds the attribute fields: a snapshot written
    // before attributes (nine elements) gets them back, and an edited names table cannot plant a string the linker
    // never folded.
    const folded = attributesOfPayload(r[6]);
    state.restoreInterned(r[0], r[1], r[7], r[8], r[4], r[5], folded === '' ? -1 : state.names.intern(folded), r[2], r[3] ?? Number.NaN, r[6]);
    return r;
  }

  /**
   * Override `i`: `[record id, record id, rule]`, two different ids that records could have, the pair (either way
   * round) given once; set without re-linking. Returns it when it was set.
   */
  override(e: unknown, i: number): SnapshotOverride | undefined {
    const issues = this.issues;
    if (!Array.isArray(e) || e.length !== 3) {
      issues.add(`overrides[${i}]: expected [recordA, recordB, rule], got ${show(e)}`);
      return undefined;
    }
    const [a, b, rule] = e as unknown[];
    const ok = this.checkId(a, `overrides[${i}][0]`) && this.checkId(b, `overrides[${i}][1]`);
    if (ok && a === b) issues.add(`overrides[${i}][1]: the same record id as overrides[${i}][0] (${show(a)}): a record is always in its own profile`);
    if (rule !== 'never' && rule !== 'always') issues.add(`overrides[${i}][2]: rule ${show(rule)} is neither "never" nor "always"`);
    if (!issues.none) return undefined;
    if (!this.state.restoreOverride(a as string, b as string, rule as OverrideRule)) {
      issues.add(`overrides[${i}]: the pair ${show(a)} / ${show(b)} is given twice`);
      return undefined;
    }
    return e as unknown as SnapshotOverride;
  }

  /** Tombstone `i`: an id records could have, given once, and not live (erasing removed the record). Returns it when set. */
  tombstone(id: unknown, i: number): string | undefined {
    const issues = this.issues;
    if (!this.checkId(id, `erased[${i}]`) || !issues.none) return undefined;
    const text = id as string;
    if (this.state.indexOf(text) >= 0) issues.add(`erased[${i}]: record id ${show(text)} is erased, yet a live record has it`);
    else if (!this.state.markErased(text)) issues.add(`erased[${i}]: duplicate id ${show(text)}`);
    return issues.none ? text : undefined;
  }

  /** A record id as `add()` takes it (a string; not blank, not too long, no control characters or lone surrogates). */
  private checkId(id: unknown, where: string): boolean {
    if (typeof id !== 'string') {
      this.issues.add(`${where}: expected a record id (a string), got ${show(id)}`);
      return false;
    }
    const accepted = acceptId(id);
    if (!accepted.ok) this.issues.add(`${where}: record id ${show(id)}: ${accepted.problem}`);
    return accepted.ok;
  }

  /**
   * Whether `attributes` (a name index, -1 for none) is trusted as the record's folded attributes: a text without
   * their shape is not, and the record's payload is folded again instead (an edited names table cannot plant a
   * string the linker never folded).
   */
  holdsFoldedAttributes(attributes: number): boolean {
    if (attributes === -1) return true;
    this.folded ??= new Uint8Array(this.state.names.size);
    if (this.folded[attributes] === 0) this.folded[attributes] = isFoldedAttributes(this.state.names.keyOf(attributes)) ? 1 : 2;
    return this.folded[attributes] === 1;
  }
}

/**
 * Checks one entry of a snapshot's key table against the group table (`groups`, texts by index): its shape, that
 * its kind is its prefix's, and its group (-1 for emails and phones; else the key's own namespace). The one place
 * a key entry is checked, by the readers and by decoding threads. Problems go to `issues`; the key when it has
 * the shape of one (a string key of a known kind), whatever else is wrong.
 */
export function checkKeyEntry(e: unknown, k: number, groups: readonly string[], issues: Issues): { key: string; kind: KindCode; group: number } | undefined {
  if (!Array.isArray(e) || e.length !== 3) {
    issues.add(`keys[${k}]: expected [key, kind, group], got ${show(e)}`);
    return undefined;
  }
  const [key, kind, group] = e as unknown[];
  const expected = typeof key === 'string' && key.length > 2 && key.charCodeAt(1) === 0x3a ? kindOfKeyPrefix(key.charCodeAt(0)) : -1;
  if (expected < 0) {
    issues.add(`keys[${k}][0]: expected an identifier key ("x:", "l:", "h:", "e:" or "p:" and a value), got ${show(key)}`);
    return undefined;
  }
  if (kind !== expected) issues.add(`keys[${k}][1]: kind ${show(kind)} does not match key ${show(key)} (expected ${expected})`);
  if (!GROUPED[expected]) {
    if (group !== -1) issues.add(`keys[${k}][2]: an email or phone key has no group (-1), got ${show(group)}`);
  } else if (!isIndex(group, groups.length)) {
    issues.add(`keys[${k}][2]: group index ${show(group)} out of range (0..${groups.length - 1})`);
  } else {
    const groupText = groups[group]!;
    if (!(key as string).startsWith(`${groupText}:`) || (key as string).length === groupText.length + 1) {
      issues.add(`keys[${k}][2]: group ${show(groupText)} does not match key ${show(key)}`);
    }
  }
  return { key: key as string, kind: expected as KindCode, group: GROUPED[expected] ? (group as number) : -1 };
}

/** Checks one entry of a snapshot's names or sources table: a non-empty string (repeats are the reader's check). */
export function checkTextEntry(field: 'names' | 'sources', text: unknown, i: number, issues: Issues): text is string {
  if (typeof text === 'string' && text !== '') return true;
  issues.add(`${field}[${i}]: expected a non-empty string, got ${show(text)}`);
  return false;
}

/** What a record is checked against: the head's `nextSerial`, the table sizes, and each key's kind code. */
export interface RecordLimits {
  readonly nextSerial: number;
  readonly names: number;
  readonly sources: number;
  readonly keys: number;
  /** Kind code per key id (at least `keys` long). */
  readonly keyKind: Uint8Array;
  /** A key's text, for messages (absent: messages give its index). */
  readonly keyText?: (k: number) => string;
}

/**
 * Checks one snapshot record against the tables (the one place a record's fields are checked, by the readers and
 * by the worker threads that decode streamed lines): its shape, id, serial, indices, time, payload and key lists.
 * `isLive` says whether an id is a record already (the readers' check for repeats; a worker cannot know). Problems
 * go to `issues`; true when the entry has a record's shape, so that its fields may be read.
 */
export function checkRecordEntry(rec: unknown, row: number, limits: RecordLimits, issues: Issues, isLive?: (id: string) => boolean): rec is SnapshotRecord {
  if (!Array.isArray(rec) || (rec.length !== 9 && rec.length !== 10)) {
    issues.add(`records[${row}]: expected [id, serial, source, updatedAt, firstName, lastName, payload, keys, weak, attributes?], got ${show(rec)}`);
    return false;
  }
  const { names, sources } = limits;
  const [id, serial, source, updatedAt, first, last, payload, strongRefs, weakRefs, attributes = -1] = rec as unknown[];
  if (typeof id !== 'string') issues.add(`records[${row}][0]: expected a record id (a string), got ${show(id)}`);
  else {
    const accepted = acceptId(id);
    if (!accepted.ok) issues.add(`records[${row}][0]: record id ${show(id)}: ${accepted.problem}`);
    else if (isLive?.(id) === true) issues.add(`records[${row}][0]: duplicate record id ${show(id)}`);
  }
  // Any safe integer below nextSerial (itself at most MAX_NEXT_SERIAL), so ids never lose digits.
  if (!isInt(serial) || serial < 1) issues.add(`records[${row}][1]: serial ${show(serial)} is not an integer ≥ 1`);
  else if (serial >= limits.nextSerial) issues.add(`records[${row}][1]: serial ${serial} is not below nextSerial ${limits.nextSerial}`);
  if (source !== -1 && !isIndex(source, sources)) issues.add(`records[${row}][2]: source index ${show(source)} out of range (-1 or 0..${sources - 1})`);
  if (updatedAt !== null && !(typeof updatedAt === 'number' && Math.abs(updatedAt) <= MAX_TIME)) {
    issues.add(`records[${row}][3]: updatedAt ${show(updatedAt)} is neither null nor a time a Date can hold (epoch ms within ±${MAX_TIME})`);
  }
  if (first !== -1 && !isIndex(first, names)) issues.add(`records[${row}][4]: first name index ${show(first)} out of range (-1 or 0..${names - 1})`);
  if (last !== -1 && !isIndex(last, names)) issues.add(`records[${row}][5]: last name index ${show(last)} out of range (-1 or 0..${names - 1})`);
  if (attributes !== -1 && !isIndex(attributes, names)) issues.add(`records[${row}][9]: attributes index ${show(attributes)} out of range (-1 or 0..${names - 1})`);
  if (typeof payload !== 'string') issues.add(`records[${row}][6]: expected the payload as a JSON string, got ${show(payload)}`);
  else {
    const problem = payloadProblem(payload);
    if (problem !== undefined) issues.add(`records[${row}][6]: payload ${problem}`);
  }
  const strongOk = checkKeyRefs(strongRefs, row, 7, limits, issues);
  const weakOk = checkKeyRefs(weakRefs, row, 8, limits, issues);
  return strongOk && weakOk && typeof id === 'string' && typeof payload === 'string';
}

/**
 * Checks a record's strong (`i` = 7) or weak (8) key list: no longer than a record can hold, indices in range,
 * none twice, weak keys are emails or phones. True when it is an array (of anything).
 */
function checkKeyRefs(list: unknown, row: number, i: number, limits: RecordLimits, issues: Issues): list is number[] {
  if (!Array.isArray(list)) {
    issues.add(`records[${row}][${i}]: expected an array of key indices, got ${show(list)}`);
    return false;
  }
  const most = i === 7 ? MAX_STRONG_KEYS : MAX_IDENTIFIERS_PER_KIND;
  if (list.length > most) {
    issues.add(`records[${row}][${i}]: ${list.length} ${i === 7 ? 'keys' : 'weak keys'}, more than the ${most} one record can hold`);
    return true;
  }
  const keys = limits.keys;
  // Lists are short (one or two keys); a long one gets a set, so a hostile line costs no quadratic time.
  const seen = list.length > 16 ? new Set<number>() : undefined;
  for (let j = 0; j < list.length && issues.open; j++) {
    const k = list[j] as unknown;
    if (!isIndex(k, keys)) issues.add(`records[${row}][${i}][${j}]: key index ${show(k)} out of range (0..${keys - 1})`);
    else if (seen === undefined ? list.indexOf(k) < j : seen.size === seen.add(k).size) issues.add(`records[${row}][${i}][${j}]: key ${k} listed twice`);
    else if (i === 8 && !isWeakKind(limits.keyKind[k]!)) issues.add(`records[${row}][${i}][${j}]: weak key ${limits.keyText ? show(limits.keyText(k)) : `index ${k}`} is neither an email nor a phone`);
  }
  return true;
}

/** Runs a stepwise job to its end (the synchronous reader; the stream reader gives the event loop turns between steps). */
export function drain(steps: Generator<void, void, void>): void {
  while (!steps.next().done);
}

/**
 * Re-links every component of the key graph and checks that the snapshot's profiles are exactly its clusters:
 * records linked together share a profile, and a profile's records are linked together. Stepwise: it stops after
 * each component and every 4,096 records of the second pass, so a caller may give the event loop turns between.
 */
export function* verifyPartition(state: ResolverState, issues: Issues): Generator<void, void, void> {
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
    yield;
  }
  const first = new Int32Array(labels).fill(-1);
  const id = (r: number): string => show(state.ids.keyOf(r));
  for (let r = 0; r < n && issues.open; r++) {
    if ((r & 4095) === 4095) yield;
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
export class Issues {
  private readonly list: string[] = [];
  /** Put before each problem added (the stream reader names the line: `line 7: `). */
  where = '';
  /** True while nothing is wrong. */
  get none(): boolean {
    return this.list.length === 0;
  }
  /** True while more problems are worth looking for. */
  get open(): boolean {
    return this.list.length < MAX_ISSUES;
  }
  add(issue: string): void {
    if (this.list.length < MAX_ISSUES) this.list.push(this.where + issue);
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
export function show(v: unknown): string {
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

/** Whether `s` has the shape `foldAttributes` gives: six fields, five separators, and a plausible length. */
function isFoldedAttributes(s: string): boolean {
  if (s.length > 1024) return false;
  let seps = 0;
  for (let i = s.indexOf('\x1f'); i !== -1; i = s.indexOf('\x1f', i + 1)) seps++;
  return seps === 5;
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
