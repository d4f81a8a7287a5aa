import { flatJsonMembers } from './flatJson.js';
import { controlEscapes, type ControlEscapes } from './JsonBytes.js';
import { sameBytes } from './sameBytes.js';

/**
 * Payload field names as one-byte tokens. A stored payload (`PayloadStore`) is the JSON text of a record's fields,
 * where a member's `"name":` may be written as one byte t in 1..31, standing for `fields[t - 1]` of the store's
 * table (a batch's: the record's own fields and its inputs' attribute columns; a resolver's: the record's own
 * fields, `fixed`): `{\x01"Hessa",\x07"Dubai"}` is `{"firstName":"Hessa","city":"Dubai"}`. JSON text never
 * holds such a byte raw (JSON.stringify escapes every control character), so a byte below 0x20 in a payload is a
 * token and nothing else, and a payload without tokens reads as it always did. Every reader expands tokens, so
 * every output is the same text as without them.
 *
 * perf, memory: field names were a third of a payload's bytes (`"marketing_opt_in":` is 19 bytes on every row that
 * holds the column): at 20M rows with six attribute columns, ~2 GB of the batch's resident memory, copied into
 * its slabs and read back by every profile line.
 */

/** The record's own payload fields (`payloadOf`), always tokens 1..9 in this order. */
export const FIXED_PAYLOAD_FIELDS: readonly string[] = ['firstName', 'lastName', 'fullName', 'dateOfBirth', 'gender', 'address', 'city', 'postcode', 'country'];

/** Tokens are the bytes 1..31: a table holds at most this many names; further names stay written out. */
export const MAX_PAYLOAD_TOKENS = 31;

/** `FIXED_PAYLOAD_FIELDS` then `attributeFields` (each once, in order), up to `MAX_PAYLOAD_TOKENS` names. */
export function payloadFieldTable(attributeFields: Iterable<string>): string[] {
  const fields = [...FIXED_PAYLOAD_FIELDS];
  const seen = new Set(fields);
  for (const f of attributeFields) {
    if (fields.length === MAX_PAYLOAD_TOKENS) break;
    if (seen.has(f)) continue;
    seen.add(f);
    fields.push(f);
  }
  return fields;
}

export class PayloadNames {
  /** Per token t (index t; 0 unused): the field's name as JSON text, quotes included, no colon (a member's key). */
  readonly keys: readonly Uint8Array[];
  /**
   * What each byte below 0x20 stands for inside a JSON string (`JsonBytes.payloadString`): a token's `"name":`
   * escaped (`\"name\":`), any other byte as `JSON.stringify` escapes it.
   */
  readonly escapes: ControlEscapes;
  /** Per token t: `"name":`, the text the token stands for. */
  private readonly members: readonly string[];
  /** Per token t: `"name":` as UTF-8 (what the fingerprint hashes). */
  private readonly memberBytes: readonly Uint8Array[];
  private readonly tokenByField = new Map<string, number>();
  /** Per attribute name, its token as a one-byte key, or its written-out key (see `engine/prepareRecord`). */
  readonly attributeKeys = new Map<string, Uint8Array>();

  private constructor(readonly fields: readonly string[]) {
    const keys: Uint8Array[] = [new Uint8Array(0)];
    const members: string[] = [''];
    const memberBytes: Uint8Array[] = [new Uint8Array(0)];
    for (let i = 0; i < fields.length; i++) {
      const key = JSON.stringify(fields[i]);
      keys.push(Buffer.from(key, 'utf8'));
      members.push(`${key}:`);
      memberBytes.push(Buffer.from(`${key}:`, 'utf8'));
      this.tokenByField.set(fields[i]!, i + 1);
    }
    this.keys = keys;
    this.escapes = controlEscapes((b) => JSON.stringify(b >= 1 && b <= fields.length ? members[b] : String.fromCharCode(b)).slice(1, -1));
    this.members = members;
    this.memberBytes = memberBytes;
  }

  /** The table of `fields` (`payloadFieldTable`'s), one per thread for one array (tables travel as arrays). */
  static of(fields: readonly string[]): PayloadNames {
    let names = tables.get(fields);
    if (names === undefined) {
      if (fields.length > MAX_PAYLOAD_TOKENS) throw new RangeError(`a payload table holds at most ${MAX_PAYLOAD_TOKENS} names`);
      // The writer knows the record's own fields as tokens 1..9 without a lookup (`engine/prepareRecord`).
      if (FIXED_PAYLOAD_FIELDS.some((f, i) => fields[i] !== f)) throw new RangeError("a payload table starts with the record's own fields");
      tables.set(fields, (names = new PayloadNames(fields)));
    }
    return names;
  }

  /** The table of the record's own fields alone: a resolver's, whose attributes are not known ahead. */
  static fixed(): PayloadNames {
    return PayloadNames.of(FIXED_TABLE);
  }

  /**
   * Writes the member names of the payload `bytes[from, to)` that this table holds as their tokens, in place (the
   * text only shrinks); returns where it ends now. A text that is not a flat JSON object is left as it is.
   */
  tokenize(bytes: Uint8Array, from: number, to: number): number {
    const n = flatJsonMembers(bytes, from, to, spans);
    if (n <= 0) return to;
    // Writing never overtakes reading: a token is one byte, the name it stands for at least three.
    let at = from + 1;
    for (let m = 0; m < n; m++) {
      const keyStart = spans[4 * m]!;
      const valueStart = spans[4 * m + 2]!;
      const valueEnd = spans[4 * m + 3]!;
      if (m > 0) bytes[at++] = 44;
      const token = this.tokenOfKey(bytes, keyStart, spans[4 * m + 1]!);
      if (token !== 0) bytes[at++] = token;
      else for (let i = keyStart; i < valueStart; i++) bytes[at++] = bytes[i]!;
      for (let i = valueStart; i < valueEnd; i++) bytes[at++] = bytes[i]!;
    }
    bytes[at++] = 125;
    return at;
  }

  /** The token of the member name whose JSON text is `bytes[from, to)`, 0 for none. */
  private tokenOfKey(bytes: Uint8Array, from: number, to: number): number {
    for (let t = 1; t < this.keys.length; t++) {
      const key = this.keys[t]!;
      if (key.length === to - from && sameBytes(key, 0, key.length, bytes, from, to)) return t;
    }
    return 0;
  }

  /** The token of payload field `field`, 0 for none. */
  tokenOf(field: string): number {
    return this.tokenByField.get(field) ?? 0;
  }

  /** `payload` (a stored payload's text) with its tokens written out: the JSON text it stands for. */
  expand(payload: string): string {
    return TOKEN.test(payload) ? payload.replace(TOKENS, (t) => this.members[t.charCodeAt(0)] ?? t) : payload;
  }

  /** FNV-1a, 32 bits, of the expanded UTF-8 text of `bytes[from, to)` (a fingerprint's payload part). */
  fnv1a(bytes: Uint8Array, from: number, to: number): number {
    let h = 0x811c9dc5;
    for (let i = from; i < to; i++) {
      const b = bytes[i]!;
      if (b >= 0x20 || b === 0) h = Math.imul(h ^ b, 0x01000193);
      else {
        const m = this.memberBytes[b]!;
        for (let j = 0; j < m.length; j++) h = Math.imul(h ^ m[j]!, 0x01000193);
      }
    }
    return h >>> 0;
  }
}

const tables = new WeakMap<readonly string[], PayloadNames>();
const FIXED_TABLE: readonly string[] = payloadFieldTable([]);
const spans: number[] = [];
const TOKEN = /[\x01-\x1f]/;
const TOKENS = /[\x01-\x1f]/g;
