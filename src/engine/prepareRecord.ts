import { parseIsoDate } from '../_internal/parseIsoDate.js';
import type { ResolvedOptions } from '../config/ResolveOptions.js';
import { createRecordKeyer, type KeyStats } from '../match/createRecordKeyer.js';
import { PreparedChunkWriter, PreparedRecordCursor } from './PreparedChunk.js';
import { foldAttributes } from '../match/attributes.js';
import { personNameOf } from '../match/personName.js';
import type { CustomerRecord } from '../types.js';
import { setOwn } from '../_internal/ownField.js';
import { FIXED_PAYLOAD_FIELDS, type PayloadNames } from '../_internal/PayloadNames.js';
import { EVIDENCE_FIELD_COLUMNS, PERSON_FIELD_COLUMNS, PERSON_FIELD_OF_COLUMN } from '../_internal/nameFields.js';

/**
 * Builds the one preparation of a record for one configuration (normalizers and junk list compiled once): keys
 * normalized, names and evidence attributes folded, update time parsed, the fields a golden profile carries
 * serialized to a JSON payload, all appended to a chunk (`PreparedChunkWriter.record`). Stateless: files are
 * prepared this way in worker threads, `resolve()` and the resolver one record at a time. `updatedAt`: the
 * record's `updatedAt` as `updatedAtOf` reads it, when the caller has it already (`acceptRecord` parsed it).
 */
export function createRecordPreparer(
  options: ResolvedOptions,
): (record: CustomerRecord, stats: KeyStats, into: PreparedChunkWriter, row: number, updatedAt?: number) => void {
  const keyRecord = createRecordKeyer(options);
  return (record, stats, into, row, updatedAt = updatedAtOf(record)) => {
    const keys = keyRecord(record, stats);
    const [first, last] = personNameOf(record);
    into.record(row, updatedAt, record.id, first, last, foldAttributes(record), record.source ?? '', writePayload(record, into), keys);
  };
}

/**
 * The preparation of one record at a time, as a chunk of one record read by a cursor (the same shape a file's
 * records take): for `resolve()` and the resolver. The cursor reads the preparer's own buffers and is valid until
 * the next call, unless `keep` (a copy, for a caller that prepares several records before storing them).
 */
export function createSinglePreparer(options: ResolvedOptions, names?: PayloadNames): (record: CustomerRecord, stats: KeyStats, keep?: boolean) => PreparedRecordCursor {
  const prepare = createRecordPreparer(options);
  const writer = new PreparedChunkWriter(1);
  writer.payloadNames = names;
  return (record, stats, keep = false) => {
    writer.reset();
    prepare(record, stats, writer, 1);
    const cursor = new PreparedRecordCursor(keep ? writer.finish(1, 0, stats) : writer.view(1, 0, stats));
    cursor.next();
    return cursor;
  };
}

/** Epoch ms of `updatedAt`, NaN when unknown. */
export function updatedAtOf(record: CustomerRecord): number {
  if (record.updatedAt === undefined) return Number.NaN;
  const t = parseIsoDate(record.updatedAt);
  return Number.isNaN(t) ? Date.parse(record.updatedAt) : t;
}

/**
 * Fields a golden profile carries besides identifiers: names, evidence attributes and other attributes, in one
 * flat namespace. An attribute may not take a record field's place (`firstName`, or `first_name`, its spelling in
 * outputs; `dateOfBirth`, `city`): such an
 * attribute is kept as `attribute:<name>`, and so is any attribute already starting with `attribute:`, which
 * keeps the renaming one-to-one.
 */
export function payloadOf(record: CustomerRecord): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  if (record.firstName) out.firstName = record.firstName.trim();
  if (record.lastName) out.lastName = record.lastName.trim();
  if (record.fullName) out.fullName = record.fullName.trim();
  for (const field of EVIDENCE_FIELD_COLUMNS.keys()) {
    const v = (record as unknown as Record<string, unknown>)[field];
    if (typeof v === 'string' && v.trim() !== '') out[field] = v.trim();
  }
  const attributes = record.attributes;
  if (attributes) for (const k of Object.keys(attributes)) setOwn(out, attributeField(k), attributes[k]!);
  return out;
}

/**
 * Writes `JSON.stringify(payloadOf(record))` into `into` as a text and returns its ref: the same bytes, without
 * the object or its string. perf: building and serializing the object was ~1.25 µs of ~7.5 a file row in the
 * read's workers (1M hard rows, one thread). An attribute the fast path would not write the same way (a name that
 * orders first in a JS object, an array index such as `"7"`; a value that is none of string, number, boolean,
 * null) takes the general path for the whole record.
 */
export function writePayload(record: CustomerRecord, into: PreparedChunkWriter): number {
  const attributes = record.attributes;
  if (attributes !== undefined && !plainAttributes(attributes)) return into.text(JSON.stringify(payloadOf(record)));
  into.openText();
  const names = into.payloadNames;
  const k = names === undefined ? WRITTEN_OUT_KEYS : TOKEN_KEYS;
  let sep = '{';
  // perf: one named read per field; a keyed read by a varying name (`record[field]`) is a slow generic lookup.
  if (nameField(into, sep, k[0]!, record.firstName)) sep = ',';
  if (nameField(into, sep, k[1]!, record.lastName)) sep = ',';
  if (nameField(into, sep, k[2]!, record.fullName)) sep = ',';
  if (evidenceField(into, sep, k[3]!, record.dateOfBirth)) sep = ',';
  if (evidenceField(into, sep, k[4]!, record.gender)) sep = ',';
  if (evidenceField(into, sep, k[5]!, record.address)) sep = ',';
  if (evidenceField(into, sep, k[6]!, record.city)) sep = ',';
  if (evidenceField(into, sep, k[7]!, record.postcode)) sep = ',';
  if (evidenceField(into, sep, k[8]!, record.country)) sep = ',';
  if (attributes !== undefined) {
    for (const name of Object.keys(attributes)) {
      into.textAscii(sep);
      into.textBytes(names === undefined ? attributeKeyBytes(name) : attributeTokenBytes(names, name));
      const v = attributes[name]!;
      if (typeof v === 'string') into.textJsonString(v);
      else into.textAscii(JSON.stringify(v));
      sep = ',';
    }
  }
  into.textAscii(sep === '{' ? '{}' : '}');
  return into.endText();
}

/**
 * `"field":` as UTF-8: attribute `name`'s payload field (`attributeField`) as JSON text, and its colon. perf: a
 * file's attributes are its header's few columns, met on every row: their field's checks and escaping, done here
 * once per name, were ~60 ns a row of a file with six attribute columns (~8% of its payload's writing).
 */
function attributeKeyBytes(name: string): Uint8Array {
  let key = attributeKeys.get(name);
  if (key === undefined) {
    key = Buffer.from(`${JSON.stringify(attributeField(name))}:`, 'utf8');
    // Bounded: NDJSON objects may bring any number of names.
    if (attributeKeys.size < MAX_ATTRIBUTE_KEYS) attributeKeys.set(name, key);
  }
  return key;
}
const attributeKeys = new Map<string, Uint8Array>();
const MAX_ATTRIBUTE_KEYS = 1024;

/** Attribute `name`'s key in a payload written with `names`' tokens: its token, or written out when it has none. */
function attributeTokenBytes(names: PayloadNames, name: string): Uint8Array {
  let key = names.attributeKeys.get(name);
  if (key === undefined) {
    const token = names.tokenOf(attributeField(name));
    key = token === 0 ? attributeKeyBytes(name) : Uint8Array.of(token);
    if (names.attributeKeys.size < MAX_ATTRIBUTE_KEYS) names.attributeKeys.set(name, key);
  }
  return key;
}

/** The record's own fields' keys (`FIXED_PAYLOAD_FIELDS`' order): written out, and as tokens 1..9. */
const WRITTEN_OUT_KEYS: readonly string[] = FIXED_PAYLOAD_FIELDS.map((f) => `${JSON.stringify(f)}:`);
const TOKEN_KEYS: readonly string[] = FIXED_PAYLOAD_FIELDS.map((_, i) => String.fromCharCode(i + 1));

/** Writes a name field when it is set (as `payloadOf`: trimmed, even to nothing); whether it did. */
function nameField(into: PreparedChunkWriter, sep: string, field: string, v: string | undefined): boolean {
  if (!v) return false;
  into.textAscii(sep);
  into.textAscii(field);
  into.textJsonString(v.trim());
  return true;
}

/** Writes one evidence field when it holds text; whether it did. `field`: its name quoted, with the colon. */
function evidenceField(into: PreparedChunkWriter, sep: string, field: string, v: unknown): boolean {
  if (typeof v !== 'string') return false;
  const t = String.prototype.trim.call(v); // perf: docs/architecture.md, "Loops over a string's characters"
  if (t === '') return false;
  into.textAscii(sep);
  into.textAscii(field);
  into.textJsonString(t);
  return true;
}

/** Whether every attribute is written in `Object.keys` order by `JSON.stringify` and as a JSON scalar. */
function plainAttributes(attributes: Readonly<Record<string, unknown>>): boolean {
  for (const k of Object.keys(attributes)) {
    const first = k.charCodeAt(0);
    if (first >= 0x30 && first <= 0x39) return false;
    const v = attributes[k];
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean' && v !== null) return false;
  }
  return true;
}

const ATTRIBUTE_PREFIX = 'attribute:';

/** The profile field an attribute is carried in (see `payloadOf`). */
export function attributeField(name: string): string {
  const reserved = PERSON_FIELD_COLUMNS.has(name) || PERSON_FIELD_OF_COLUMN.has(name) || name.startsWith(ATTRIBUTE_PREFIX);
  return reserved ? ATTRIBUTE_PREFIX + name : name;
}

/** Adds the counts of `from` into `into`. */
export function mergeKeyStats(into: KeyStats, from: KeyStats): void {
  for (const [kind, reasons] of Object.entries(from.invalid)) {
    const target = ((into.invalid as Record<string, Record<string, number>>)[kind] ??= {});
    for (const [reason, n] of Object.entries(reasons ?? {})) target[reason] = (target[reason] ?? 0) + n;
  }
  for (const [kind, n] of Object.entries(from.junk)) {
    (into.junk as Record<string, number>)[kind] = ((into.junk as Record<string, number>)[kind] ?? 0) + (n ?? 0);
  }
}
