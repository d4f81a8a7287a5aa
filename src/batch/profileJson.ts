import { compareAt, stringAt, type InternedView } from '../_internal/ByteInterner.js';
import { chunkByte } from '../_internal/chunkString.js';
import { compareStrings } from '../_internal/compareStrings.js';
import type { JsonBytes } from '../_internal/JsonBytes.js';
import { payloadAt } from '../_internal/PayloadStore.js';
import type { Utf8Lines } from '../_internal/Utf8Lines.js';
import { profileIdAt, sourceName, type BatchColumns } from '../engine/BatchColumns.js';
import { setProfileField, toProfileFields, type ProfileJson } from '../io/outputFiles.js';
import type { ProfileLineage } from '../io/profileLineage.js';
import { kindOfKeyText } from '../match/createRecordKeyer.js';
import { KIND_ORDER, surviveFields, type MemberRecord } from '../merge/buildProfile.js';
import { ruleFor, type SurvivorshipConfig } from '../merge/survivorshipConfig.js';

type Fields = MemberRecord['fields'];

/**
 * Writes into `out` the `profiles.ndjson` line of profile `p`, with its newline: exactly
 * `JSON.stringify(toProfileJson(profileAt(c, p, config), lineage))` (a test holds it to that). Its id, record ids,
 * sources, times and identifiers are copied from their stored bytes (`JsonBytes`, through `head`), ordered by
 * comparing bytes (`compareAt`) and counted by key id; only the fields are parsed from the payloads, survive
 * (`surviveFields`, the one survivorship) and are stringified.
 *
 * perf: the general path decoded every member's id and keys, built a member object per record, maps and sets of
 * identifiers keyed by strings, the golden profile and its JSON object, then stringified and encoded the whole
 * line. One-record profiles (60% in the hard data) parse their one payload straight into their fields.
 */
export function writeProfileJson(out: Utf8Lines, head: JsonBytes, c: BatchColumns, p: number, config: SurvivorshipConfig, lineage: ProfileLineage): void {
  const members = sortedMembers(c, c.memberStart[p]!, c.memberStart[p + 1]!);
  head.reset();
  head.ascii('{"profile_id":"');
  // A profile id is `P` and base-36 digits: nothing to escape.
  head.ascii(profileIdAt(c, p));
  head.ascii('","record_ids":[');
  let first = Infinity;
  let last = -Infinity;
  for (let j = 0; j < members.length; j++) {
    const r = members[j]!;
    if (j > 0) head.char(44);
    entry(head, c.ids, r);
    const t = c.updatedAt[r]!;
    if (t < first) first = t;
    if (t > last) last = t;
  }
  head.ascii('],"sources":[');
  const order = sourceOrder(c);
  const ranks = sourceRanks(c, order, members);
  sourceList(head, c, order, ranks, 0, ranks.length);
  head.char(93);
  if (first !== Infinity) {
    head.ascii(',"first_seen":"');
    head.isoTime(first);
    head.ascii('","last_seen":"');
    head.isoTime(last);
    head.char(34);
  }
  head.ascii(',"identifiers":[');
  writeIdentifiers(head, c, order, members);
  head.ascii('],"fields":');
  out.appendBytes(head.bytes, head.length);
  out.append(JSON.stringify(members.length === 1 ? oneRecordFields(c, members[0]!, config, lineage) : toProfileFields(surviveFields(memberFields(c, members), config), lineage)));
  out.append('}');
  out.endLine();
}

/** Entry `i` of `view` as a JSON string. */
function entry(head: JsonBytes, view: InternedView, i: number, skip = 0): void {
  head.chunkString(view.chunks, view.starts[i]!, view.lengths[i]!, skip);
}

const memberScratch: number[] = [];

/** Members `members[from, to)` by record id (as `compareStrings` orders the ids). Valid until the next call. */
function sortedMembers(c: BatchColumns, from: number, to: number): readonly number[] {
  const out = memberScratch;
  out.length = 0;
  for (let j = from; j < to; j++) out.push(c.members[j]!);
  if (out.length > 1) out.sort((a, b) => compareAt(c.ids, a, b));
  return out;
}

// perf: a batch has a handful of sources; their order by name is found once per thread.
const sourceOrders = new WeakMap<InternedView, Int32Array>();

/** The batch's source ids by name (`compareStrings`); the rank of a source is its place here. */
function sourceOrder(c: BatchColumns): Int32Array {
  let order = sourceOrders.get(c.sources);
  if (order === undefined) {
    const ids = Array.from({ length: c.sources.lengths.length }, (_, s) => s).sort((a, b) => compareAt(c.sources, a, b));
    order = Int32Array.from(ids);
    sourceOrders.set(c.sources, order);
  }
  return order;
}

const rankOfSource = new WeakMap<Int32Array, Int32Array>();

/** The rank of each source id in `order` (its inverse). */
function rankOf(order: Int32Array): Int32Array {
  let rank = rankOfSource.get(order);
  if (rank === undefined) {
    rank = new Int32Array(order.length);
    for (let i = 0; i < order.length; i++) rank[order[i]!] = i;
    rankOfSource.set(order, rank);
  }
  return rank;
}

/** The distinct ranks of the members' sources, ascending. */
function sourceRanks(c: BatchColumns, order: Int32Array, members: readonly number[]): readonly number[] {
  const rank = rankOf(order);
  const out: number[] = [];
  for (const r of members) {
    const s = c.sourceOf[r]!;
    if (s >= 0) out.push(rank[s]!);
  }
  return distinctAscending(out, 0, out.length);
}

/** `values[from, to)` sorted, repeats removed (in place; returns the values kept). */
function distinctAscending(values: number[], from: number, to: number): number[] {
  const part = from === 0 && to === values.length ? values : values.slice(from, to);
  if (part.length > 1) part.sort((a, b) => a - b);
  let n = 0;
  for (let i = 0; i < part.length; i++) if (i === 0 || part[i] !== part[i - 1]) part[n++] = part[i]!;
  part.length = n;
  return part;
}

/** Sources of ranks `ranks[from, to)`, as JSON strings separated by commas. */
function sourceList(head: JsonBytes, c: BatchColumns, order: Int32Array, ranks: readonly number[], from: number, to: number): void {
  for (let i = from; i < to; i++) {
    if (i > from) head.char(44);
    entry(head, c.sources, order[ranks[i]!]!);
  }
}

/** Scratch: per key a member holds, key · span + source rank + 1 (0: no source), sorted to group by key. */
let occurrences = new Float64Array(256);
const groupStart: number[] = [];

/**
 * The profile's identifiers: one per distinct key of its members, with the number of members holding it and
 * their sources, ordered as `buildProfile` orders identifiers (`KIND_ORDER`, then the value: the key's text after
 * its two-character prefix). A record's keys are distinct (its keyer adds each once), so a key's occurrences are
 * its records.
 */
function writeIdentifiers(head: JsonBytes, c: BatchColumns, order: Int32Array, members: readonly number[]): void {
  const rank = rankOf(order);
  // A key and a source rank in one exact double (perf: a numeric sort, no comparator); within 2^53 while keys ·
  // (sources + 1) is, far beyond V8's reach for either.
  const span = order.length + 1;
  let n = 0;
  for (const r of members) n += c.keyStart[r + 1]! - c.keyStart[r]!;
  if (occurrences.length < n) occurrences = new Float64Array(Math.max(n, 2 * occurrences.length));
  n = 0;
  for (const r of members) {
    const s = c.sourceOf[r]!;
    const code = s >= 0 ? rank[s]! + 1 : 0;
    for (let j = c.keyStart[r]!; j < c.keyStart[r + 1]!; j++) occurrences[n++] = c.keyIds[j]! * span + code;
  }
  const occ = occurrences.subarray(0, n).sort();
  groupStart.length = 0;
  for (let i = 0; i < n; i++) if (i === 0 || Math.floor(occ[i]! / span) !== Math.floor(occ[i - 1]! / span)) groupStart.push(i);
  const groups = groupStart.length;
  groupStart.push(n);
  const keyOf = (g: number): number => Math.floor(occ[groupStart[g]!]! / span);
  const kindRank = (k: number): number => KIND_ORDER[kindOfKeyText(chunkByte(c.keys.chunks, c.keys.starts[k]!))];
  const byValue = Array.from({ length: groups }, (_, g) => g);
  if (groups > 1) byValue.sort((a, b) => kindRank(keyOf(a)) - kindRank(keyOf(b)) || compareAt(c.keys, keyOf(a), keyOf(b), 2));
  for (let i = 0; i < groups; i++) {
    const g = byValue[i]!;
    const k = keyOf(g);
    head.ascii(i === 0 ? '{"kind":"' : ',{"kind":"');
    head.ascii(kindOfKeyText(chunkByte(c.keys.chunks, c.keys.starts[k]!)));
    head.ascii('","value":');
    entry(head, c.keys, k, 2);
    head.ascii(',"records":');
    head.number(groupStart[g + 1]! - groupStart[g]!);
    head.ascii(',"sources":[');
    // Sorted by source rank within the key; repeats and "no source" (0) skipped.
    let last = 0;
    for (let j = groupStart[g]!; j < groupStart[g + 1]!; j++) {
      const code = occ[j]! - k * span;
      if (code === last) continue;
      if (last !== 0) head.char(44);
      entry(head, c.sources, order[code - 1]!);
      last = code;
    }
    head.ascii(']}');
  }
}

/** The members as survivorship reads them: id, source, update time and fields parsed from the payload. */
function memberFields(c: BatchColumns, members: readonly number[]): { recordId: string; source: string | undefined; updatedAt: number; fields: Fields }[] {
  return members.map((r) => {
    const s = c.sourceOf[r]!;
    return { recordId: stringAt(c.ids, r), source: s === -1 ? undefined : sourceName(c, s), updatedAt: c.updatedAt[r]!, fields: JSON.parse(payloadAt(c.payloads, r)) as Fields };
  });
}

/** A one-record profile's fields, as `toProfileJson` writes them: every non-empty payload field, by name. */
function oneRecordFields(c: BatchColumns, r: number, config: SurvivorshipConfig, lineage: ProfileLineage): ProfileJson['fields'] {
  const payload = JSON.parse(payloadAt(c.payloads, r)) as Fields;
  const s = c.sourceOf[r]!;
  const recordId = stringAt(c.ids, r);
  const source = s === -1 ? undefined : sourceName(c, s);
  const out: ProfileJson['fields'] = {};
  for (const field of Object.keys(payload).sort(compareStrings)) {
    const value = payload[field]!;
    if (value === null || value === '') continue;
    setProfileField(out, field, value, recordId, source, ruleFor(config, field), lineage);
  }
  return out;
}
