import { parseResolveOptions } from '../config/parseResolveOptions.js';
import { IdweaveError } from '../errors.js';
import { withDefaults, type OverrideRule, type RecordOverride, type ResolveOptions } from '../config/ResolveOptions.js';
import { overrideSchema } from '../config/configSchema.js';
import { formatIssues } from '../config/parseConfig.js';
import { createRecordKeyer, describeKey, keyText, type KeyStats } from '../match/createRecordKeyer.js';
import { mergeKeyStats } from '../engine/prepareRecord.js';
import type { PreparedRecordCursor } from '../engine/PreparedChunk.js';
import type { CustomerRecord, GoldenProfile, IdentifierKind } from '../types.js';

/** The record field each identifier kind comes from, as warnings name it. */
const FIELD_OF_KIND: Readonly<Record<IdentifierKind, string>> = { email: 'emails', phone: 'phones', login: 'logins', handle: 'handles', externalId: 'externalIds' };
import { issueText, type RecordIssue } from '../accept/RecordIssue.js';
import { acceptId } from '../accept/recordRules.js';
import { compareStrings } from '../_internal/compareStrings.js';
import { acceptLibraryRecord, customerRecordSchema } from '../accept/customerRecordSchema.js';
import type { ProfileExplanation, RecordsExplanation } from '../explain/types.js';
import { explainProfileOf, explainRecords } from './explain.js';
import { profileIdOfSerial, ResolverState, serialOfProfileId, type StateOp } from './ResolverState.js';
import { readSnapshot, writeSnapshot, type ResolverSnapshot } from './snapshot.js';
import { Pacer } from './snapshotStreamFormat.js';
import { snapshotSourceOfState } from './snapshotStreamState.js';
import { writeSnapshotFile } from './snapshotStreamWrite.js';
import type { ResolverEvent } from '../identity/succession.js';

export type { ResolverEvent, ResolverEventType } from '../identity/succession.js';
export type { GenericIdentifier, ProfileExplanation, RecordsExplanation } from '../explain/types.js';
export type { ResolverSnapshot, SnapshotOverride, SnapshotRecord } from './snapshot.js';

/**
 * Outcome of `add` and `update`. Bad data is a value, not an exception: a record that fails validation, an `add`
 * of an id already present or erased, or an `update` of an unknown id gives `{ ok: false, reasons }` and changes
 * nothing; `erased` then lists the ids refused for being erased (`remove(id, { erase: true })`).
 */
export type ResolverChangeResult =
  | {
      readonly ok: true;
      readonly profileId: string;
      readonly events: readonly ResolverEvent[];
      /**
       * Identifiers of the record that will not link, and why: invalid (`emails: 1 value dropped
       * (invalid_email)`), placeholders (`phones: 1 placeholder value dropped (junk)`), or generic (shared by too
       * many records). Absent when there are none. The record is added either way.
       */
      readonly warnings?: readonly string[];
    }
  | { readonly ok: false; readonly reasons: readonly string[]; readonly issues?: readonly RecordIssue[]; readonly erased?: readonly string[] };

/** The edits of one `Resolver.apply` step; each record id at most once over the three lists. */
export interface ResolverChanges {
  readonly add?: readonly CustomerRecord[];
  readonly update?: readonly CustomerRecord[];
  readonly remove?: readonly string[];
}

/**
 * Outcome of `remove` (`{ ok: false }` for an unknown id, unless erasing) and of `apply` (whose `erased` lists the
 * ids it refused to add or update for being erased).
 */
export type ResolverRemoveResult =
  | { readonly ok: true; readonly events: readonly ResolverEvent[] }
  | { readonly ok: false; readonly reasons: readonly string[]; readonly issues?: readonly RecordIssue[]; readonly erased?: readonly string[] };

/** How `remove` removes. */
export interface RemoveOptions {
  /**
   * Erase for good: besides removing the record, keep a tombstone of its id, so that `add` and `apply` refuse the
   * id from then on (a source system re-sending an erased customer). Also for an id that is not live (removed
   * before, or not received yet). `erasedIds()` lists tombstones, `unerase(id)` lifts one; snapshots keep them.
   */
  readonly erase?: boolean;
}

/**
 * Outcome of `override` and `clearOverride`: `{ ok: false }` for an invalid override (empty ids, one record twice,
 * an unknown rule), or for clearing a pair that has none.
 */
export type ResolverOverrideResult = ResolverRemoveResult;

/**
 * One identifier to look up, normalized exactly as record identifiers are. `source` scopes a login when logins
 * are namespaced per source (`loginNamespace: 'source'`).
 */
export type LookupQuery =
  | { readonly email: string }
  | { readonly phone: string }
  | { readonly login: string; readonly source?: string }
  | { readonly handle: { readonly platform: string; readonly handle: string } }
  | { readonly externalId: { readonly namespace: string; readonly value: string } };

/** An incremental identity resolver: the partition after any sequence of edits equals `resolve()` on the surviving records. */
export interface Resolver {
  /** Adds a new record and resolves it; `profileId` is the profile it now belongs to. */
  add(record: CustomerRecord): ResolverChangeResult;
  /** Replaces an existing record (same id, new content); its profile may split, merge or change. */
  update(record: CustomerRecord): ResolverChangeResult;
  /**
   * Removes a record: it and its identifiers leave every profile and index; its profile may split or be deleted.
   * With `{ erase: true }` the id also gets a tombstone, and the record cannot be added again (`RemoveOptions`).
   */
  remove(recordId: string, options?: RemoveOptions): ResolverRemoveResult;
  /**
   * Several edits as one step (a night's delta from a source system): new records, replaced records and erased
   * ids, resolved together. Profile ids follow the net change, exactly as a batch run with `--previous` gives
   * them; one-by-one edits may allocate and retire intermediate ids. All or nothing: any invalid record, unknown
   * or duplicate id refuses the whole change with every reason.
   */
  apply(changes: ResolverChanges): ResolverRemoveResult;
  /**
   * Sets a steward override between two record ids (replacing any rule the pair had): `never` keeps them in
   * different profiles whatever links them, `always` puts them in one (docs/matching-model.md "Overrides"). Ids
   * need not be live: the override applies once both records are, and stays when one is removed. The events are
   * the profile changes it causes.
   */
  override(recordIdA: string, recordIdB: string, rule: OverrideRule): ResolverOverrideResult;
  /** Removes the override between two record ids (`{ ok: false }` when the pair has none); profiles follow. */
  clearOverride(recordIdA: string, recordIdB: string): ResolverOverrideResult;
  /**
   * The ids erased for good (tombstones), sorted by code unit: the list to keep, and to pass to the batch job's
   * `--erased` file, so that neither path brings an erased customer back.
   */
  erasedIds(): string[];
  /**
   * Lifts the tombstone of an id (a mistaken erasure): the id may be added again. Changes no profile (`events` is
   * empty); `{ ok: false }` when the id has no tombstone.
   */
  unerase(recordId: string): ResolverRemoveResult;
  /** The profile id of a record, or undefined. */
  profileOf(recordId: string): string | undefined;
  /** The golden profile (built with survivorship, as `resolve` builds it), or undefined for an unknown id. */
  profile(profileId: string): GoldenProfile | undefined;
  /** The profile holding an identifier, when exactly one does (undefined when none, or several: see `lookupAll`). */
  lookup(query: LookupQuery): string | undefined;
  /** Every profile holding an identifier, oldest first (a family phone or a generic identifier may be in several). */
  lookupAll(query: LookupQuery): string[];
  /** Why two records are, or are not, in one profile. */
  explain(recordIdA: string, recordIdB: string): RecordsExplanation;
  /** How a profile holds together; undefined for an unknown id. */
  explainProfile(profileId: string): ProfileExplanation | undefined;
  /** The whole state as JSON-serializable data, for `restoreResolver`. */
  snapshot(): ResolverSnapshot;
  /**
   * Writes the whole state to a file as a streamed snapshot (NDJSON lines of bounded size), for
   * `readResolverSnapshot`: what `snapshot()` cannot do for millions of records without blocking for seconds or
   * exceeding V8's string limit. Atomic (a temporary file beside `path`, flushed, then renamed), with backpressure,
   * and the event loop gets a turn every ~10 ms. Reads (`profile`, `lookup`, …) may run meanwhile; edits (`add`,
   * `update`, `remove`, overrides) throw `IdweaveError('usage')` until the promise settles. An unwritable path
   * rejects with `output_unwritable`.
   */
  writeSnapshot(path: string): Promise<{ bytes: number; records: number }>;
  /** Live records. */
  readonly recordCount: number;
  /** Live profiles. */
  readonly profileCount: number;
}

/**
 * Creates an incremental resolver for a CRM backend: records come and go one at a time, each change re-resolves
 * only the part of the identity graph it touches, and every change to a profile is reported as an event.
 * Profile ids are allocated (`P` + 8 base-36 digits) and follow explicit succession rules (docs/incremental.md).
 * Invalid options throw an `IdweaveError` (`config_invalid`) listing every problem.
 *
 * @example
 * const resolver = createResolver({ defaultRegion: 'AE' });
 * resolver.add({ id: 'app-1', emails: ['John.Doe+promo@gmail.com'], firstName: 'John' });
 * const r = resolver.add({ id: 'pos-7', emails: ['johndoe@googlemail.com'], phones: ['050 123 4567'] });
 * // r: { ok: true, profileId: 'P00000001', events: [{ type: 'joined', profileId: 'P00000001', recordIds: ['pos-7'] }] }
 * resolver.lookup({ phone: '+971501234567' }); // 'P00000001'
 */
export function createResolver(options: ResolverOptions = {}): Resolver {
  const { erased, ...resolveOptions } = options ?? {};
  const erasedIds = erasedOption(erased);
  const parsed = parseResolveOptions(resolveOptions);
  return new IncrementalResolver(withOverrides(withErased(new ResolverState(withDefaults(parsed)), erasedIds), parsed.overrides));
}

/** Options of `createResolver` (and of restoring): the `ResolveOptions`, and tombstones to start with. */
export interface ResolverOptions extends ResolveOptions {
  /**
   * Record ids erased for good, as `remove(id, { erase: true })` leaves them (the batch's `--erased` list): `add`
   * refuses them. Added to a snapshot's own; a record of a restored snapshot whose id is listed is removed, all in
   * one step whose events are not reported. Ids no record can have (not strings, blank, longer than 4,096
   * characters, control characters) are ignored, as the batch ignores them.
   */
  readonly erased?: Iterable<string>;
}

/** The `erased` option as a list of ids a record could have; anything but an iterable object is `config_invalid`. */
export function erasedOption(erased: unknown): string[] | undefined {
  if (erased === undefined) return undefined;
  // A string is iterable too, character by character: refused, as resolve() refuses it.
  if (typeof erased !== 'object' || erased === null || typeof (erased as Iterable<unknown>)[Symbol.iterator] !== 'function') {
    throw new IdweaveError('config_invalid', 'invalid options: erased: expected an iterable of record ids', ['erased: expected an iterable of record ids']);
  }
  const ids: string[] = [];
  for (const id of erased as Iterable<unknown>) if (typeof id === 'string' && acceptId(id).ok) ids.push(id);
  return ids;
}

/** Gives `erased` tombstones; live records among them are removed first, as one step. */
function withErased(state: ResolverState, erased: readonly string[] | undefined): ResolverState {
  if (erased === undefined || erased.length === 0) return state;
  const live = new Set<number>();
  for (const id of erased) {
    const r = state.indexOf(id);
    if (r >= 0) live.add(r);
  }
  if (live.size > 0) state.apply([...live].map((index): StateOp => ({ type: 'remove', index })));
  for (const id of erased) state.markErased(id);
  return state;
}

/**
 * Sets the `overrides` option on a state, with the batch's reading of a list: repeats are one override, and a pair
 * given both rules keeps `never` (a list has no order of edits; the batch refuses the always for contradicting it).
 * Not on a state restored with its own table: that table is the steward's latest word, and setting the option
 * again would bring back overrides cleared since the option was first set.
 */
function withOverrides(state: ResolverState, overrides: readonly RecordOverride[] | undefined): ResolverState {
  if (overrides === undefined || overrides.length === 0 || state.overridesRestored) return state;
  const ruleOf = new Map<string, { a: string; b: string; rule: OverrideRule }>();
  for (const o of overrides) {
    // An id no record can have would make an override nothing ever meets, and a snapshot its own reader refuses.
    if (!acceptId(o.recordA).ok || !acceptId(o.recordB).ok) continue;
    const [a, b] = o.recordA < o.recordB ? [o.recordA, o.recordB] : [o.recordB, o.recordA];
    const pair = JSON.stringify([a, b]);
    const seen = ruleOf.get(pair);
    if (seen === undefined || o.rule === 'never') ruleOf.set(pair, { a, b, rule: o.rule });
  }
  for (const { a, b, rule } of ruleOf.values()) state.setOverride(a, b, rule);
  return state;
}

/** Options of `restoreResolver`: the resolver's options, and how far to check the snapshot. */
export interface RestoreOptions extends ResolverOptions {
  /**
   * Re-link every record and refuse a snapshot whose profiles are not exactly the clusters its records' identifiers
   * give (default false: as costly as adding every record again; the other checks are always made).
   */
  readonly verify?: boolean;
  /**
   * Reading a file (`readResolverSnapshot`, `resolverFromBatch`): worker threads that decode its lines while this
   * thread restores them (default: one per core, none for a file under 16 MiB, where starting threads costs more
   * than it saves; 0: all in this thread). `restoreResolver` ignores it.
   */
  readonly threads?: number;
}

/**
 * Restores a resolver from `snapshot()` (possibly after `JSON.stringify` / `JSON.parse`). Continuing from the
 * restored resolver gives the same profiles, ids and events as never having stopped. The options must match
 * the snapshot's in everything that decides keys and links (survivorship may differ); a mismatch throws an
 * `IdweaveError` (`config_invalid`).
 *
 * Nothing in the snapshot is trusted: its shape, every bound and index, each payload and the checksum are checked
 * in one linear pass, and any problem throws `IdweaveError` (`snapshot_invalid`) naming it and where (never a
 * later throw from `profile()`); memory follows the snapshot's size. Versions 1 (before the checksum) and 2 (before
 * the id range, overrides and tombstones) are read with the same checks. `verify: true` also re-links the records
 * and refuses a partition that contradicts their identifiers and overrides (docs/incremental.md, "Snapshots").
 *
 * The snapshot's override table and tombstones are restored as they were, without re-linking or events; the
 * `overrides` option is set only on a snapshot that holds no table (versions 1 and 2), and `erased` adds tombstones.
 *
 * @example
 * const resolver = restoreResolver(JSON.parse(text), { defaultRegion: 'AE', verify: true });
 */
export function restoreResolver(snapshot: unknown, options: RestoreOptions = {}): Resolver {
  const { verify, erased, threads: _threads, ...resolveOptions } = options ?? {};
  if (verify !== undefined && typeof verify !== 'boolean') throw new IdweaveError('config_invalid', 'invalid options: verify: expected a boolean', ['verify: expected a boolean']);
  const erasedIds = erasedOption(erased);
  const parsed = parseResolveOptions(resolveOptions);
  return resolverOfState(readSnapshot(snapshot, withDefaults(parsed), verify === true), parsed.overrides, erasedIds);
}

/**
 * A resolver over a restored state (its id range and allocator set): the `erased` ids get tombstones (live ones
 * removed first), then the `overrides` option is set unless the state was restored with its own table.
 */
export function resolverOfState(state: ResolverState, overrides: readonly RecordOverride[] | undefined, erased?: readonly string[]): Resolver {
  return new IncrementalResolver(withOverrides(withErased(state, erased), overrides));
}

class IncrementalResolver implements Resolver {
  /** Streamed snapshots being written: their tables were picked from the records as they were, so edits wait. */
  private writing = 0;
  private readonly keyQuery: ReturnType<typeof createRecordKeyer>;
  private readonly queryStats: KeyStats = { invalid: {}, junk: {} };
  /**
   * The call whose edit of the state threw part way, and what it threw. An edit that fails half done (an
   * allocation refused while a record was being stored) can leave the tables disagreeing with each other, and
   * answers read from them would be wrong without a sign: every later call is refused instead (`usable`).
   */
  private failure: { readonly call: string; readonly error: unknown } | undefined;

  constructor(private readonly state: ResolverState) {
    this.keyQuery = createRecordKeyer(state.options);
  }

  get recordCount(): number {
    this.usable();
    return this.state.liveRecords;
  }

  get profileCount(): number {
    this.usable();
    return this.state.liveProfiles;
  }

  apply(changes: ResolverChanges): ResolverRemoveResult {
    this.refuseWhileWriting();
    const reasons: string[] = [];
    const erased: string[] = [];
    const seen = new Set<string>();
    const ops: StateOp[] = [];
    const once = (id: string): boolean => {
      if (seen.has(id)) {
        reasons.push(`id "${id}" appears more than once in one apply()`);
        return false;
      }
      seen.add(id);
      return true;
    };
    const list = <T>(v: readonly T[] | undefined, name: string): readonly T[] => {
      if (v === undefined) return [];
      if (!Array.isArray(v)) reasons.push(`${name}: expected an array`);
      return Array.isArray(v) ? v : [];
    };
    if (changes === null || typeof changes !== 'object') return { ok: false, reasons: ['apply: expected { add, update, remove }'] };
    for (const [name, type] of [['add', 'add'], ['update', 'update']] as const) {
      for (const record of list(changes[name], name)) {
        const checked = validate(record);
        if (!checked.ok) {
          reasons.push(...checked.reasons.map((r) => `${name}: ${r}`));
          continue;
        }
        const id = checked.record.id;
        if (!once(id)) continue;
        const r = this.state.indexOf(id);
        if (this.state.isErased(id)) {
          reasons.push(`${name}: ${erasedReason(id)}`);
          erased.push(id);
        } else if (type === 'add' && r >= 0) reasons.push(`add: duplicate id "${id}": use update to change an existing record`);
        else if (type === 'update' && r < 0) reasons.push(`update: unknown id "${id}": use add for a new record`);
        else {
          // Kept: several records are prepared before any is stored.
          const { prepared } = this.prepare(checked.record, true);
          ops.push(type === 'add' ? { type, record: prepared } : { type, index: r, record: prepared });
        }
      }
    }
    for (const id of list(changes.remove, 'remove')) {
      const r = typeof id === 'string' ? this.state.indexOf(id) : -1;
      if (r < 0) reasons.push(`remove: unknown id "${String(id)}"`);
      else if (once(id)) ops.push({ type: 'remove', index: r });
    }
    if (reasons.length > 0) return erased.length > 0 ? { ok: false, reasons, erased } : { ok: false, reasons };
    // Removals first, so an id's slot is free before anything else is stored.
    ops.sort((a, b) => (a.type === 'remove' ? 0 : 1) - (b.type === 'remove' ? 0 : 1));
    this.state.checkSerialsLeft(ops.length);
    return { ok: true, events: this.edit('apply()', () => this.state.apply(ops)) };
  }

  add(record: CustomerRecord): ResolverChangeResult {
    this.refuseWhileWriting();
    const checked = validate(record);
    if (!checked.ok) return checked;
    if (this.state.isErased(checked.record.id)) return { ok: false, reasons: [erasedReason(checked.record.id)], erased: [checked.record.id] };
    if (this.state.indexOf(checked.record.id) >= 0) return { ok: false, reasons: [`duplicate id "${checked.record.id}": use update() to change an existing record`] };
    // An id range that may not hold the edit's new profile ids refuses it before anything changes.
    this.state.checkSerialsLeft(1);
    return this.edit('add()', () => {
      const { prepared, stats } = this.prepare(checked.record);
      const events = this.state.add(prepared);
      return this.changed(checked.record, prepared, stats, events);
    });
  }

  update(record: CustomerRecord): ResolverChangeResult {
    this.refuseWhileWriting();
    const checked = validate(record);
    if (!checked.ok) return checked;
    const r = this.state.indexOf(checked.record.id);
    if (this.state.isErased(checked.record.id)) return { ok: false, reasons: [erasedReason(checked.record.id)], erased: [checked.record.id] };
    if (r < 0) return { ok: false, reasons: [`unknown id "${checked.record.id}": use add() for a new record`] };
    this.state.checkSerialsLeft(0);
    return this.edit('update()', () => {
      const { prepared, stats } = this.prepare(checked.record);
      const events = this.state.update(r, prepared);
      return this.changed(checked.record, prepared, stats, events);
    });
  }

  /** Prepares a record with its own identifier counts (for its warnings), added to the resolver's. */
  private prepare(record: CustomerRecord, keep = false): { prepared: PreparedRecordCursor; stats: KeyStats } {
    const stats: KeyStats = { invalid: {}, junk: {} };
    const prepared = this.state.prepare(record, stats, keep);
    mergeKeyStats(this.state.stats, stats);
    return { prepared, stats };
  }

  private changed(record: CustomerRecord, prepared: PreparedRecordCursor, stats: KeyStats, events: readonly ResolverEvent[]): ResolverChangeResult {
    const warnings: string[] = [];
    const values = (n: number): string => (n === 1 ? '1 value' : `${n} values`);
    for (const [kind, reasons] of Object.entries(stats.invalid)) {
      for (const [reason, n] of Object.entries(reasons ?? {})) warnings.push(`${FIELD_OF_KIND[kind as IdentifierKind]}: ${values(n)} dropped (${reason})`);
    }
    for (const [kind, n] of Object.entries(stats.junk)) {
      if (n) warnings.push(`${FIELD_OF_KIND[kind as IdentifierKind]}: ${n === 1 ? '1 placeholder value' : `${n} placeholder values`} dropped (junk)`);
    }
    for (let i = 0; i < prepared.keyCount; i++) {
      const key = prepared.text(prepared.keyRef(i));
      const k = this.state.keys.get(key);
      if (k >= 0 && this.state.keyGeneric[k] === 1) {
        const { kind, value } = describeKey(key);
        warnings.push(`${FIELD_OF_KIND[kind]}: ${value} is generic (shared by too many records or identifiers) and does not link`);
      }
    }
    const profileId = this.profileOf(record.id)!;
    return warnings.length > 0 ? { ok: true, profileId, events, warnings } : { ok: true, profileId, events };
  }

  remove(recordId: string, options?: RemoveOptions): ResolverRemoveResult {
    this.refuseWhileWriting();
    if (options !== undefined && (options === null || typeof options !== 'object')) return { ok: false, reasons: ['options: expected { erase?: boolean }'] };
    const erase = options?.erase;
    if (erase !== undefined && typeof erase !== 'boolean') return { ok: false, reasons: [`erase: expected a boolean, got ${typeof erase}`] };
    const r = typeof recordId === 'string' ? this.state.indexOf(recordId) : -1;
    if (erase === true) {
      const accepted = acceptId(recordId);
      if (typeof recordId !== 'string' || !accepted.ok) return { ok: false, reasons: [`id ${typeof recordId === 'string' ? JSON.stringify(recordId.slice(0, 60)) : String(recordId)}: ${accepted.ok ? 'expected a string' : accepted.problem}`] };
      // An erasure request must stick even when the record is gone already or has not arrived yet.
      if (r >= 0) this.state.checkSerialsLeft(0);
      return this.edit('remove()', () => {
        const events = r >= 0 ? this.state.remove(r) : [];
        this.state.markErased(recordId);
        return { ok: true, events };
      });
    }
    if (r < 0) return { ok: false, reasons: [`unknown id "${String(recordId)}"`] };
    this.state.checkSerialsLeft(0);
    return { ok: true, events: this.edit('remove()', () => this.state.remove(r)) };
  }

  erasedIds(): string[] {
    this.usable();
    return [...this.state.erasedIds()].sort(compareStrings);
  }

  unerase(recordId: string): ResolverRemoveResult {
    this.refuseWhileWriting();
    if (typeof recordId !== 'string' || !this.edit('unerase()', () => this.state.unmarkErased(recordId))) return { ok: false, reasons: [`id "${String(recordId)}" is not erased`] };
    return { ok: true, events: [] };
  }

  override(recordIdA: string, recordIdB: string, rule: OverrideRule): ResolverOverrideResult {
    this.refuseWhileWriting();
    const checked = overrideSchema.safeParse({ recordA: recordIdA, recordB: recordIdB, rule });
    if (!checked.success) return { ok: false, reasons: formatIssues(checked.error.issues) };
    // Ids a record could have, as a snapshot's reader checks them: an override on any other id could never apply.
    const problems: string[] = [];
    for (const [name, id] of [['recordA', checked.data.recordA], ['recordB', checked.data.recordB]] as const) {
      const accepted = acceptId(id);
      if (!accepted.ok) problems.push(`${name}: ${accepted.problem}`);
    }
    if (problems.length > 0) return { ok: false, reasons: problems };
    this.state.checkSerialsLeft(0);
    return { ok: true, events: this.edit('override()', () => this.state.setOverride(checked.data.recordA, checked.data.recordB, checked.data.rule))! };
  }

  clearOverride(recordIdA: string, recordIdB: string): ResolverOverrideResult {
    this.refuseWhileWriting();
    this.state.checkSerialsLeft(0);
    const events = typeof recordIdA === 'string' && typeof recordIdB === 'string' ? this.edit('clearOverride()', () => this.state.setOverride(recordIdA, recordIdB, undefined)) : undefined;
    if (events === undefined) return { ok: false, reasons: [`no override between "${String(recordIdA)}" and "${String(recordIdB)}"`] };
    return { ok: true, events };
  }

  profileOf(recordId: string): string | undefined {
    this.usable();
    const r = this.state.indexOf(recordId);
    return r < 0 ? undefined : profileIdOfSerial(this.state.serial[r]!);
  }

  profile(profileId: string): GoldenProfile | undefined {
    this.usable();
    const s = this.liveSerial(profileId);
    return s < 0 ? undefined : this.state.buildProfile(s, profileId);
  }

  lookup(query: LookupQuery): string | undefined {
    const all = this.lookupAll(query);
    return all.length === 1 ? all[0] : undefined;
  }

  lookupAll(query: LookupQuery): string[] {
    this.usable();
    const key = this.keyOfQuery(query);
    const k = key === undefined ? -1 : this.state.keys.get(key);
    if (k < 0) return [];
    const serials = new Set<number>();
    for (const r of this.state.strongMembers(k)) serials.add(this.state.serial[r]!);
    return [...serials].sort((a, b) => a - b).map(profileIdOfSerial);
  }

  explain(recordIdA: string, recordIdB: string): RecordsExplanation {
    this.usable();
    return explainRecords(this.state, recordIdA, recordIdB);
  }

  explainProfile(profileId: string): ProfileExplanation | undefined {
    this.usable();
    const s = this.liveSerial(profileId);
    return s < 0 ? undefined : explainProfileOf(this.state, s);
  }

  snapshot(): ResolverSnapshot {
    this.usable();
    return writeSnapshot(this.state);
  }

  async writeSnapshot(path: string): Promise<{ bytes: number; records: number }> {
    this.usable();
    if (typeof path !== 'string' || path === '') throw new IdweaveError('usage', 'writeSnapshot: expected the path of the snapshot file to write');
    this.writing++;
    try {
      const pacer = new Pacer();
      const { bytes, records } = await writeSnapshotFile(await snapshotSourceOfState(this.state, pacer), path, pacer);
      return { bytes, records };
    } finally {
      this.writing--;
    }
  }

  /** Throws `resolver_failed` once an edit has failed part way (`failure`). */
  private usable(): void {
    const f = this.failure;
    if (f === undefined) return;
    const why = f.error instanceof Error ? f.error.message : String(f.error);
    throw new IdweaveError('resolver_failed', `the resolver stopped after ${f.call} failed part way (${why}): its state may be inconsistent; restore it from a snapshot taken before`);
  }

  /** Runs an edit of the state; one that throws leaves the resolver refusing every later call. */
  private edit<T>(call: string, f: () => T): T {
    try {
      return f();
    } catch (e) {
      this.failure ??= { call, error: e };
      throw e;
    }
  }

  /** Misuse, not bad data, so it throws: a result of `{ ok: false }` could be taken for a refused record. */
  private refuseWhileWriting(): void {
    this.usable();
    if (this.writing > 0) throw new IdweaveError('usage', 'the resolver is writing a snapshot (writeSnapshot): await it before add, update, remove, override or unerase');
  }

  private liveSerial(profileId: string): number {
    const s = typeof profileId === 'string' ? serialOfProfileId(profileId) : -1;
    return this.state.profiles.head(s) >= 0 ? s : -1;
  }

  /** The key a query identifier has in records: the same keyer, on a one-identifier record. */
  private keyOfQuery(q: LookupQuery): string | undefined {
    // Untrusted callers (an HTTP handler passing a parsed body) may send anything: the query goes through the
    // same record shape check as add().
    if (q === null || typeof q !== 'object') return undefined;
    let record: unknown;
    if ('email' in q) record = { id: '?', emails: [q.email] };
    else if ('phone' in q) record = { id: '?', phones: [q.phone] };
    else if ('login' in q) record = { id: '?', logins: [q.login], ...(q.source !== undefined ? { source: q.source } : {}) };
    else if ('handle' in q) record = { id: '?', handles: [q.handle] };
    else if ('externalId' in q) record = { id: '?', externalIds: [q.externalId] };
    else return undefined;
    const checked = customerRecordSchema.safeParse(record);
    if (!checked.success) return undefined;
    // The keyer reuses its arrays: with no key (a junk or invalid value), [0] would be an earlier query's key.
    const keys = this.keyQuery(checked.data as CustomerRecord, this.queryStats);
    return keys.count === 0 ? undefined : keyText(keys, 0);
  }
}

function erasedReason(id: string): string {
  return `erased: id "${id}" was erased for good (remove with erase: true); unerase() lifts its tombstone`;
}

function validate(input: unknown): { ok: true; record: CustomerRecord } | { ok: false; reasons: string[]; issues: RecordIssue[] } {
  const accepted = acceptLibraryRecord(input);
  return accepted.ok ? { ok: true, record: accepted.record } : { ok: false, reasons: accepted.issues.map(issueText), issues: accepted.issues };
}
