import { compareAt, stringAt, type InternedView } from '../_internal/ByteInterner.js';
import { CHUNK_BASE, chunkByte } from '../_internal/chunkString.js';
import { flatJsonMembers, flatJsonValue } from '../_internal/flatJson.js';
import { sortBy, sortNumbers } from '../_internal/smallSort.js';
import { compareStrings } from '../_internal/compareStrings.js';
import { jsonText, type JsonBytes, type JsonText } from '../_internal/JsonBytes.js';
import { payloadAt } from '../_internal/PayloadStore.js';
import { PayloadNames } from '../_internal/PayloadNames.js';
import type { Utf8Lines } from '../_internal/Utf8Lines.js';
import { profileIdAt, sourceName, type BatchColumns } from '../engine/BatchColumns.js';
import { profileFieldName, toProfileFields } from '../io/outputFiles.js';
import type { ProfileLineage } from '../io/profileLineage.js';
import { kindOfKeyText } from '../match/createRecordKeyer.js';
import { KIND_ORDER, surviveFields, type MemberRecord } from '../merge/buildProfile.js';
import { ruleFor, type SurvivorshipConfig } from '../merge/survivorshipConfig.js';
import { ruleReadsValues, survivorIndex, type Candidate } from '../merge/survive.js';
import type { SurvivorshipRule } from '../types.js';
import { sameBytes } from '../_internal/sameBytes.js';

type Fields = MemberRecord['fields'];

/**
 * Writes into `out` the `profiles.ndjson` line of profile `p`, with its newline: exactly
 * `JSON.stringify(toProfileJson(profileAt(c, p, config), lineage))` (a test holds it to that). Nothing is decoded
 * but what a rule compares: the id, record ids, sources, times and identifiers are copied from their stored bytes
 * (`JsonBytes`, through `head`), ordered by comparing bytes (`compareAt`) and counted by key id; the fields'
 * values are copied from the members' payload bytes (`writeFields`), the survivor of each chosen by `survivorIndex`
 * (the survivorship of `merge/survive`).
 *
 * perf: the general path decoded every member's id, keys and payload, built a member object per record, maps and
 * sets of identifiers keyed by strings, the golden profile and its JSON object, then stringified and encoded the
 * whole line.
 *
 * Returns where the record ids end in `head` (before their `]`): `head.bytes[0, that)` is the line's
 * `{"profile_id":…,"record_ids":[…` (valid until `head` is reset), which the profile's `created` event repeats.
 */
export function writeProfileJson(out: Utf8Lines, head: JsonBytes, c: BatchColumns, p: number, config: SurvivorshipConfig, lineage: ProfileLineage): number {
  const members = sortedMembers(c, c.memberStart[p]!, c.memberStart[p + 1]!);
  head.reset();
  head.text(OPEN_PROFILE);
  // A profile id is `P` and base-36 digits: nothing to escape.
  head.ascii(profileIdAt(c, p));
  head.text(RECORD_IDS);
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
  const idsEnd = head.length;
  head.text(SOURCES_LIST);
  const sources = sourceRanking(c);
  sourceList(head, c, sources.order, profileSourceRanks(c, sources.rank, members));
  head.char(93);
  if (first !== Infinity) {
    head.text(FIRST_SEEN);
    head.isoTime(first);
    head.text(LAST_SEEN);
    head.isoTime(last);
    head.char(34);
  }
  head.text(IDENTIFIERS);
  writeIdentifiers(head, c, sources, members);
  head.text(FIELDS);
  const start = head.length;
  if (writeFields(head, c, members, config, lineage)) {
    head.char(125);
    out.appendBytes(head.bytes, head.length);
  } else {
    // A payload that is not a flat object (nested attribute values, which only the library's callers can pass):
    // the fields the general way.
    out.appendBytes(head.bytes, start);
    out.append(JSON.stringify(toProfileFields(surviveFields(memberFields(c, members), config), lineage)));
    out.append('}');
  }
  out.endLine();
  return idsEnd;
}

const OPEN_PROFILE = jsonText('{"profile_id":"');
const RECORD_IDS = jsonText('","record_ids":[');
const SOURCES_LIST = jsonText('],"sources":[');
const FIRST_SEEN = jsonText(',"first_seen":"');
const LAST_SEEN = jsonText('","last_seen":"');
const IDENTIFIERS = jsonText(',"identifiers":[');
const FIELDS = jsonText('],"fields":');

/** A payload field name as profile lines write it, with its rule. */
interface FieldName {
  /** The name in the payload (`firstName`, an attribute's name). */
  readonly name: string;
  /** Its JSON text in the payload (quotes included), UTF-8: a copy, so the cache keeps no payload chunk alive. */
  readonly key: Uint8Array;
  /** That name's value when it is an array index (V8, and so `JSON.stringify`, puts those first, in numeric order), else -1. */
  readonly index: number;
  readonly rule: SurvivorshipRule;
  /** Its member's text up to its value, its name in the line (`profileFieldName`) first: `"name":{"value":`. */
  readonly open: JsonText;
  /** Its member's text after the source with full lineage: `,"rule":"…"}`. */
  readonly close: JsonText;
  /**
   * Its place among the names known to this thread in the order a profile's fields are written (array indexes by
   * number, then by name: `compareFieldNames`); -1 for a name past the cache's cap.
   */
  rank: number;
}

/** At most this many field names are kept per thread and config (a batch has a handful). */
const MAX_FIELD_NAMES = 4096;
/** Signatures of field names whose last two names `FieldNames.of` remembers (a power of two). */
const RECENT_SLOTS = 256;

/**
 * A field name's slot in `FieldNames.of`'s cache, from its JSON text (at least its two quotes): its length and
 * the characters inside its quotes at both ends, which tell apart the names a batch has.
 */
function signature(bytes: Uint8Array, from: number, to: number): number {
  return (Math.imul(to - from, 97) + Math.imul(bytes[from + 1]!, 31) + bytes[to - 2]!) & (RECENT_SLOTS - 1);
}

/**
 * The field names a thread has met, found from their JSON bytes in a payload (perf: decoding each member's names
 * and looking them up by string was a tenth of writing profile lines), each ranked in the fields' written order.
 */
class FieldNames {
  private readonly byHash = new Map<number, FieldName[]>();
  private readonly all: FieldName[] = [];
  /**
   * The names last found with each signature (`signature`), two a signature. perf: a batch has a handful of field
   * names, so a payload member's name is nearly always one found with its signature before: a byte comparison
   * instead of a hash over the name and a map lookup. Records leave out their empty fields, so a name's place in
   * its payload is no such key: a cache by place missed 54-62% of the names on the generator's data (200k rows)
   * and 79% with six more attribute columns.
   */
  private readonly recent: (FieldName | undefined)[] = new Array<FieldName | undefined>(2 * RECENT_SLOTS).fill(undefined);

  /** The field table of the tokens met last (`PayloadNames`), and the name each of its tokens stands for. */
  private tokenFields: readonly string[] | undefined;
  private byToken: (FieldName | undefined)[] = [];

  constructor(private readonly config: SurvivorshipConfig) {}

  /**
   * The name whose JSON text (quotes included) is `bytes[from, to)`, or, for one byte, whose token that byte is in
   * `fields` (a batch's payloads: `PayloadNames`).
   */
  of(bytes: Uint8Array, from: number, to: number, fields: readonly string[] | undefined): FieldName {
    if (to - from === 1) return this.ofToken(bytes[from]!, fields!);
    // Two names a signature: two of a batch's names that share one do not push each other out.
    const slot = 2 * signature(bytes, from, to);
    const last = this.recent[slot];
    if (last !== undefined && sameBytes(last.key, 0, last.key.length, bytes, from, to)) return last;
    const before = this.recent[slot + 1];
    if (before !== undefined && sameBytes(before.key, 0, before.key.length, bytes, from, to)) return before;
    const f = this.lookUp(bytes, from, to);
    this.recent[slot + 1] = last;
    this.recent[slot] = f;
    return f;
  }

  private ofToken(token: number, fields: readonly string[]): FieldName {
    if (fields !== this.tokenFields) {
      this.tokenFields = fields;
      this.byToken = [];
    }
    let f = this.byToken[token];
    if (f === undefined) {
      const key = PayloadNames.of(fields).keys[token]!;
      this.byToken[token] = f = this.lookUp(key, 0, key.length);
    }
    return f;
  }

  private lookUp(bytes: Uint8Array, from: number, to: number): FieldName {
    let h = 0x811c9dc5;
    for (let i = from; i < to; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
    const same = this.byHash.get(h);
    if (same !== undefined) {
      for (const f of same) if (sameBytes(f.key, 0, f.key.length, bytes, from, to)) return f;
    }
    const name = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('utf8')) as string;
    const column = profileFieldName(name);
    const index = /^(?:0|[1-9]\d{0,9})$/.test(column) && Number(column) < 2 ** 32 - 1 ? Number(column) : -1;
    const rule = ruleFor(this.config, name);
    const f: FieldName = {
      name,
      key: Uint8Array.from(bytes.subarray(from, to)),
      index,
      rule,
      open: jsonText(`${JSON.stringify(column)}:{"value":`),
      close: jsonText(`,"rule":${JSON.stringify(rule)}}`),
      rank: -1,
    };
    if (this.all.length < MAX_FIELD_NAMES) {
      if (same === undefined) this.byHash.set(h, [f]);
      else same.push(f);
      // Inserted in order (binary search); the names after it move up one rank.
      let lo = 0;
      let hi = this.all.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (compareFieldNames(this.all[mid]!, f) < 0) lo = mid + 1;
        else hi = mid;
      }
      this.all.splice(lo, 0, f);
      for (let r = lo; r < this.all.length; r++) this.all[r]!.rank = r;
    }
    return f;
  }
}

/** The order of a profile's fields, as `JSON.stringify` writes `toProfileFields(surviveFields(…))`: array indexes first, by number, then by name. */
function compareFieldNames(a: FieldName, b: FieldName): number {
  return indexRank(a) - indexRank(b) || compareStrings(a.name, b.name);
}

const fieldNameCaches = new WeakMap<SurvivorshipConfig, FieldNames>();

function fieldNamesOf(config: SurvivorshipConfig): FieldNames {
  let names = fieldNameCaches.get(config);
  if (names === undefined) fieldNameCaches.set(config, (names = new FieldNames(config)));
  return names;
}

const RECORD_ID = jsonText(',"record_id":');

/** A source's name as JSON text (`"pos"`), and as a field's member `,"source":"pos"`. */
interface SourceText {
  readonly name: JsonText;
  readonly member: JsonText;
}

// perf: a batch has a handful of sources, each written several times a line: escaped once per thread.
const sourceTextCache = new WeakMap<InternedView, SourceText[]>();

function sourceTexts(c: BatchColumns): SourceText[] {
  let texts = sourceTextCache.get(c.sources);
  if (texts === undefined) {
    texts = [];
    for (let s = 0; s < c.sources.lengths.length; s++) {
      const name = JSON.stringify(stringAt(c.sources, s));
      texts.push({ name: jsonText(name), member: jsonText(`,"source":${name}`) });
    }
    sourceTextCache.set(c.sources, texts);
  }
  return texts;
}

// Scratch for one profile's fields: per non-empty value (`entryCount` of them), its field, member and value bytes.
// perf: written by index over a count, never emptied (setting an array's length is a call into the runtime).
const spans: number[] = [];
let entryCount = 0;
const entryField: FieldName[] = [];
const entryMember: number[] = [];
const entryFrom: number[] = [];
const entryTo: number[] = [];
const entryChunk: Buffer[] = [];

/**
 * Writes the profile's `fields` object (`toProfileFields(surviveFields(…))`), its values copied from the members'
 * payload bytes (`flatJsonMembers`); values are decoded only where a rule compares them (`ruleReadsValues`).
 * Returns false, having written nothing, when a payload is not a flat object.
 */
function writeFields(head: JsonBytes, c: BatchColumns, members: readonly number[], config: SurvivorshipConfig, lineage: ProfileLineage): boolean {
  entryCount = 0;
  const p = c.payloads;
  const names = fieldNamesOf(config);
  let ranked = true;
  for (let j = 0; j < members.length; j++) {
    const r = members[j]!;
    const address = p.starts[r]!;
    const chunk = Math.floor(address / CHUNK_BASE);
    const bytes = p.chunks[chunk]!;
    const from = address - chunk * CHUNK_BASE;
    const n = flatJsonMembers(bytes, from, from + p.lengths[r]!, spans);
    if (n < 0) return false;
    for (let m = 0; m < n; m++) {
      const vs = spans[4 * m + 2]!;
      const ve = spans[4 * m + 3]!;
      // `""` and `null` are no value (as `surviveFields` skips them).
      if ((ve - vs === 2 && bytes[vs] === 34) || (ve - vs === 4 && bytes[vs] === 110 /* n */)) continue;
      const f = names.of(bytes, spans[4 * m]!, spans[4 * m + 1]!, p.fields);
      if (f.rank === -1) ranked = false;
      const e = entryCount++;
      entryField[e] = f;
      entryMember[e] = j;
      entryFrom[e] = vs;
      entryTo[e] = ve;
      entryChunk[e] = bytes;
    }
  }
  const n = entryCount;
  const order = entriesInOrder(ranked);
  // The survivor of each field (`fields` of them), in the order the fields are written.
  const winners = winnerScratch;
  let fields = 0;
  // Decoded only for a field with several candidates (survivorship breaks ties by record id).
  let recordIds: string[] | undefined;
  for (let i = 0; i < n; ) {
    let end = i + 1;
    // By name, not by object: past the cache's cap, each lookup of a name makes a new FieldName.
    while (end < n && entryField[order[end]!]!.name === entryField[order[i]!]!.name) end++;
    if (end - i === 1) winners[fields++] = order[i]!;
    else {
      recordIds ??= members.map((r) => stringAt(c.ids, r));
      winners[fields++] = order[i + survivorOf(c, members, recordIds, config, order, i, end)]!;
    }
    i = end;
  }
  const sources = lineage !== 'compact' ? sourceTexts(c) : undefined;
  head.char(123);
  for (let i = 0; i < fields; i++) {
    const e = winners[i]!;
    const f = entryField[e]!;
    const r = members[entryMember[e]!]!;
    if (i > 0) head.char(44);
    head.text(f.open);
    head.raw(entryChunk[e]!, entryFrom[e]!, entryTo[e]!);
    head.text(RECORD_ID);
    entry(head, c.ids, r);
    if (sources !== undefined) {
      const s = c.sourceOf[r]!;
      if (s >= 0) head.text(sources[s]!.member);
      head.text(f.close);
    } else head.char(125);
  }
  head.char(125);
  return true;
}

let entryKeys = new Float64Array(64);
// The entries in the written order (the first `entryCount`), and the winning entry of each field.
const orderScratch: number[] = [];
const winnerScratch: number[] = [];

/**
 * The entries by field (in the written order, `compareFieldNames`), then by member: each field's candidates
 * together. Entries were pushed member by member, so with every name ranked a numeric sort of rank · n + entry
 * gives that order (perf: no comparator).
 */
function entriesInOrder(ranked: boolean): readonly number[] {
  const n = entryCount;
  const order = orderScratch;
  if (!ranked) {
    const sorted = Array.from({ length: n }, (_, e) => e).sort((a, b) => compareFieldNames(entryField[a]!, entryField[b]!) || entryMember[a]! - entryMember[b]!);
    for (let i = 0; i < n; i++) order[i] = sorted[i]!;
    return order;
  }
  if (entryKeys.length < n) entryKeys = new Float64Array(Math.max(n, 2 * entryKeys.length));
  const keys = entryKeys;
  for (let e = 0; e < n; e++) keys[e] = entryField[e]!.rank * n + e;
  sortNumbers(keys, n);
  for (let i = 0; i < n; i++) order[i] = keys[i]! % n;
  return order;
}

/** Array-index names before the others (by their number), the others equal: a stable sort keeps their order. */
function indexRank(f: FieldName): number {
  return f.index === -1 ? 2 ** 32 : f.index;
}

/** The place in `order[from, to)` (one field's candidates) of the one that survives (`survivorIndex`). */
function survivorOf(c: BatchColumns, members: readonly number[], recordIds: readonly string[], config: SurvivorshipConfig, order: readonly number[], from: number, to: number): number {
  const rule = entryField[order[from]!]!.rule;
  const withValues = ruleReadsValues(rule);
  const candidates = candidateScratch;
  for (let i = from; i < to; i++) {
    const e = order[i]!;
    const j = entryMember[e]!;
    const r = members[j]!;
    const s = c.sourceOf[r]!;
    const candidate = (candidates[i - from] ??= { value: null, recordId: '', source: undefined, updatedAt: Number.NaN });
    candidate.value = withValues ? (flatJsonValue(entryChunk[e]!, entryFrom[e]!, entryTo[e]!) as Candidate['value']) : null;
    candidate.recordId = recordIds[j]!;
    candidate.source = s === -1 ? undefined : sourceName(c, s);
    candidate.updatedAt = c.updatedAt[r]!;
  }
  return survivorIndex(rule, candidates, config.sourceRank, to - from);
}

/** Candidates reused by `survivorOf` (perf: not an object per member for each field with several values). */
const candidateScratch: { -readonly [K in keyof Candidate]: Candidate[K] }[] = [];

/** Entry `i` of `view` as a JSON string. */
function entry(head: JsonBytes, view: InternedView, i: number, skip = 0): void {
  head.chunkString(view.chunks, view.starts[i]!, view.lengths[i]!, skip);
}

const memberScratch: number[] = [];

/**
 * The members of a profile, `members[from, to)`, by record id (as `compareStrings` orders the ids), as its line
 * and its `created` event list them. Valid until the next call.
 */
export function sortedMembers(c: BatchColumns, from: number, to: number): readonly number[] {
  const out = memberScratch;
  out.length = 0;
  for (let j = from; j < to; j++) out.push(c.members[j]!);
  if (out.length > 1) {
    const ids = c.ids;
    sortBy(out, (a, b) => compareAt(ids, a, b));
  }
  return out;
}

/** The batch's source ids by name (`compareStrings`), and the place of each source id in that order (its rank). */
interface SourceRanking {
  readonly order: Int32Array;
  readonly rank: Int32Array;
}

// perf: a batch has a handful of sources; their order by name is found once per thread.
const sourceRankings = new WeakMap<InternedView, SourceRanking>();

function sourceRanking(c: BatchColumns): SourceRanking {
  let ranking = sourceRankings.get(c.sources);
  if (ranking === undefined) {
    const order = Int32Array.from(Array.from({ length: c.sources.lengths.length }, (_, s) => s).sort((a, b) => compareAt(c.sources, a, b)));
    const rank = new Int32Array(order.length);
    for (let i = 0; i < order.length; i++) rank[order[i]!] = i;
    sourceRankings.set(c.sources, (ranking = { order, rank }));
  }
  return ranking;
}

/** The distinct ranks of the members' sources, ascending. */
function profileSourceRanks(c: BatchColumns, rank: Int32Array, members: readonly number[]): number[] {
  const ranks: number[] = [];
  // perf: a batch has a handful of sources: their ranks as bits, read back in order, without a sort.
  if (rank.length <= 32) {
    let bits = 0;
    for (const r of members) {
      const s = c.sourceOf[r]!;
      if (s >= 0) bits |= 1 << rank[s]!;
    }
    for (let k = 0; bits !== 0; k++, bits >>>= 1) if ((bits & 1) !== 0) ranks.push(k);
    return ranks;
  }
  for (const r of members) {
    const s = c.sourceOf[r]!;
    if (s >= 0) ranks.push(rank[s]!);
  }
  if (ranks.length > 1) ranks.sort((a, b) => a - b);
  let n = 0;
  for (let i = 0; i < ranks.length; i++) if (i === 0 || ranks[i] !== ranks[i - 1]) ranks[n++] = ranks[i]!;
  ranks.length = n;
  return ranks;
}

/** The sources of `ranks`, as JSON strings separated by commas. */
function sourceList(head: JsonBytes, c: BatchColumns, order: Int32Array, ranks: readonly number[]): void {
  const texts = sourceTexts(c);
  for (let i = 0; i < ranks.length; i++) {
    if (i > 0) head.char(44);
    head.text(texts[order[ranks[i]!]!]!.name);
  }
}

const RECORDS = jsonText(',"records":');
const SOURCES = jsonText(',"sources":[');
const CLOSE_IDENTIFIER = jsonText(']}');
const kindOpens: (JsonText | undefined)[] = [];

/** The text up to the value of an identifier whose key starts with byte `prefix`: `{"kind":"email","value":`. */
function kindOpen(prefix: number): JsonText {
  return (kindOpens[prefix] ??= jsonText(`{"kind":${JSON.stringify(kindOfKeyText(prefix))},"value":`));
}

/** Scratch: per key a member holds, key · span + source rank + 1 (0: no source), sorted to group by key. */
let occurrences = new Float64Array(256);
// Per distinct key of a profile (a group of occurrences): where it starts, the key, its kind's rank (written by
// index over the group count, never emptied); and the groups in the written order.
const groupStart: number[] = [];
const groupKey: number[] = [];
const groupKind: number[] = [];
const byValue: number[] = [];

/**
 * The profile's identifiers: one per distinct key of its members, with the number of members holding it and
 * their sources, ordered as `buildProfile` orders identifiers (`KIND_ORDER`, then the value: the key's text after
 * its two-character prefix). A record's keys are distinct (its keyer adds each once), so a key's occurrences are
 * its records.
 */
function writeIdentifiers(head: JsonBytes, c: BatchColumns, { order, rank }: SourceRanking, members: readonly number[]): void {
  // A key and a source rank in one exact double (perf: a numeric sort, no comparator): exact while keys ·
  // (sources + 1) < 2^53, ~9·10^15; at 20M rows, with 60M keys and a source of its own on every row, 1.2·10^15.
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
  sortNumbers(occurrences, n);
  const occ = occurrences;
  byValue.length = 0;
  let groups = 0;
  for (let i = 0; i < n; i++) {
    const k = Math.floor(occ[i]! / span);
    if (groups > 0 && k === groupKey[groups - 1]) continue;
    byValue.push(groups);
    groupStart[groups] = i;
    groupKey[groups] = k;
    groupKind[groups++] = KIND_ORDER[kindOfKeyText(chunkByte(c.keys.chunks, c.keys.starts[k]!))];
  }
  groupStart[groups] = n;
  if (groups > 1) {
    const keys = c.keys;
    sortBy(byValue, (a, b) => groupKind[a]! - groupKind[b]! || compareAt(keys, groupKey[a]!, groupKey[b]!, 2));
  }
  const texts = sourceTexts(c);
  for (let i = 0; i < groups; i++) {
    const g = byValue[i]!;
    const k = groupKey[g]!;
    if (i > 0) head.char(44);
    head.text(kindOpen(chunkByte(c.keys.chunks, c.keys.starts[k]!)));
    entry(head, c.keys, k, 2);
    head.text(RECORDS);
    head.number(groupStart[g + 1]! - groupStart[g]!);
    head.text(SOURCES);
    // Sorted by source rank within the key; repeats and "no source" (0) skipped.
    let last = 0;
    for (let j = groupStart[g]!; j < groupStart[g + 1]!; j++) {
      const code = occ[j]! - k * span;
      if (code === last) continue;
      if (last !== 0) head.char(44);
      head.text(texts[order[code - 1]!]!.name);
      last = code;
    }
    head.text(CLOSE_IDENTIFIER);
  }
}

/** The members as survivorship reads them: id, source, update time and fields parsed from the payload. */
function memberFields(c: BatchColumns, members: readonly number[]): { recordId: string; source: string | undefined; updatedAt: number; fields: Fields }[] {
  return members.map((r) => {
    const s = c.sourceOf[r]!;
    return { recordId: stringAt(c.ids, r), source: s === -1 ? undefined : sourceName(c, s), updatedAt: c.updatedAt[r]!, fields: JSON.parse(payloadAt(c.payloads, r)) as Fields };
  });
}
