import { fnv1aBytes } from '../_internal/ByteInterner.js';
import { grow } from '../_internal/grow.js';
import type { PayloadNames } from '../_internal/PayloadNames.js';
import type { KeyStats, RecordKeys } from '../match/createRecordKeyer.js';
import type { RecordIssue } from '../types.js';

/** A row of a piece that did not become a record: a reader error, a mapping problem or a missing id. */
export interface PieceReject {
  /** Row number within the piece (1 = its first row); the caller adds the rows of earlier pieces. */
  readonly row: number;
  readonly input: unknown;
  readonly issues: readonly RecordIssue[];
}

/**
 * The records of one piece of an input file, prepared (normalized, keyed, names folded, payload serialized,
 * content fingerprinted) and packed into a few typed arrays, so a worker thread can hand them over by transfer, without structured
 * cloning an object per record, and the main thread can intern their strings straight from the bytes.
 *
 * `ints` holds per record: row, id, first name, last name, folded attributes, source, payload (string refs, -1 for
 * none), key count, then (key, kind, group) per key, weak-key count, then one ref per weak key. A string ref
 * indexes `strStart` / `strLen` / `strHash` (UTF-8 in `bytes`, FNV-1a of those bytes); a payload's ref indexes
 * the same tables, its bytes in `payloads` (hash 0). The layout lives in this file only:
 * `PreparedChunkWriter.record` writes it, `PreparedRecordCursor` reads it.
 */
export interface PreparedChunk {
  readonly records: number;
  readonly ints: Int32Array;
  readonly updatedAt: Float64Array;
  /** Each record's content fingerprint, two 32-bit halves at 2r, 2r + 1 (`PreparedChunkWriter.record`). */
  readonly fingerprints: Uint32Array;
  readonly bytes: Uint8Array;
  /**
   * The payloads' UTF-8 (`PreparedChunkWriter.text`, `openText` … `endText`), apart from the other strings. A
   * chunk handed over by a worker holds them in a range of one of its thread's payload slabs (`payloadSlab`),
   * shared memory that the batch keeps as it is (`RecordTable.adoptChunkPayloads`) instead of copying each
   * payload on its main thread.
   */
  readonly payloads: Uint8Array;
  /**
   * The slab `payloads` is a range of (one id per slab of the process: a message gives each chunk a new
   * SharedArrayBuffer object over the same memory); 0: none, the payloads are the chunk's own (`finish`, `view`).
   */
  readonly payloadSlab: number;
  readonly strStart: Uint32Array;
  readonly strLen: Uint32Array;
  readonly strHash: Uint32Array;
  readonly rejects: PieceReject[];
  /** Rows (CSV) or lines (NDJSON) the piece held, to number the next piece's rows. */
  readonly rows: number;
  readonly invalidUpdatedAt: number;
  readonly stats: KeyStats;
  /** CSV: data rows of the piece whose quoted cells span more than one line (read as rows, not rejected). */
  readonly multiLineRows: number;
  /** NDJSON: the distinct field names seen in the piece's objects (at most `MAX_FIELD_NAMES`), for column checks. */
  readonly fieldNames: readonly string[];
}

/** Most distinct NDJSON field names a piece reports (a hostile file may use a new name on every line). */
export const MAX_FIELD_NAMES = 1000;

/**
 * The buffers of a chunk, to pass as a `postMessage` transfer list, and back to `recycleChunkBuffers` once the
 * chunk is applied (the order is the one `PreparedChunkWriter.handOver` takes them in).
 */
export function transferablesOf(c: PreparedChunk): ArrayBuffer[] {
  return [c.ints.buffer, c.updatedAt.buffer, c.fingerprints.buffer, c.bytes.buffer, c.strStart.buffer, c.strLen.buffer, c.strHash.buffer] as ArrayBuffer[];
}

/**
 * Buffer sets of chunks handed over (`handOver`) and given back once applied, for this thread's writers to write
 * the next chunks in. perf: a chunk's ~20 MB of fresh buffers per 4 MiB piece, zeroed page by page by the system
 * and freed on another thread, was ~3.5% of the read's worker time at 2M rows (`finish` in a `--cpu-prof`
 * profile of the CLI; the same copy costs next to nothing in one thread, where freed memory is reused at once).
 */
const spareSets: ArrayBuffer[][] = [];
/** Most spare sets a thread keeps: about the chunks in flight per thread (`resolveFiles` keeps 2 per thread). */
const MAX_SPARE_SETS = 3;

/** Takes back the buffers of an applied chunk (`transferablesOf`) for this thread's next `handOver`s. */
export function recycleChunkBuffers(buffers: readonly ArrayBuffer[]): void {
  if (spareSets.length >= MAX_SPARE_SETS || buffers.length !== 7) return;
  // A set whose shapes a writer could not use as its own (one that `handOver` did not make) is dropped.
  const [ints, updated, fingerprints, bytes, start, len, hash] = buffers as [ArrayBuffer, ArrayBuffer, ArrayBuffer, ArrayBuffer, ArrayBuffer, ArrayBuffer, ArrayBuffer];
  if (!(ints.byteLength >= 4 && updated.byteLength >= 8 && fingerprints.byteLength === updated.byteLength && bytes.byteLength > 0)) return;
  if (!(start.byteLength >= 4 && len.byteLength === start.byteLength && hash.byteLength === start.byteLength)) return;
  spareSets.push([...buffers]);
}

/** Drops this thread's spare sets (the read is over: their memory is not needed again). */
export function dropChunkSpares(): void {
  spareSets.length = 0;
  slab = undefined;
}

/**
 * This thread's payload slabs (`handOver`): each chunk's payloads are appended to the current one, a new one
 * started when they do not fit. perf: one SharedArrayBuffer per chunk (~1.5 MB) sat in 4 KiB pages, faulted one
 * by one, where a slab this size is `madvise`d into huge pages (`cli/respawnEnv`) as the batch's own are.
 */
const SLAB_BYTES = 32 * 1024 * 1024;
let slab: Uint8Array | undefined;
let slabUsed = 0;
let slabs = 0;
/**
 * Makes this thread's slab ids (`PreparedChunk.payloadSlab`) its own: `owner` (≥ 1) must differ by thread. Set once
 * per thread before its first `handOver` (the batch's workers: their thread id).
 */
export function setPayloadSlabOwner(owner: number): void {
  if (!Number.isSafeInteger(owner) || owner < 1 || owner >= 2 ** 31) throw new RangeError(`setPayloadSlabOwner: ${owner}`);
  slabOwner = owner;
  slab = undefined;
}
let slabOwner = 0;

/** Builds a `PreparedChunk`, record by record. */
export class PreparedChunkWriter {
  private ints: Int32Array<ArrayBuffer>;
  private nInts = 0;
  private updated: Float64Array<ArrayBuffer>;
  private fingerprints: Uint32Array<ArrayBuffer>;
  private bytes: Buffer;
  private nBytes = 0;
  /** The payloads' bytes (`PreparedChunk.payloads`). */
  private texts: Buffer;
  private nTexts = 0;
  private strStart: Uint32Array<ArrayBuffer>;
  private strLen: Uint32Array<ArrayBuffer>;
  private strHash: Uint32Array<ArrayBuffer>;
  private nStr = 0;
  private records = 0;
  /** Where the text being written in pieces starts (`openText`). */
  private textStart = 0;
  // perf: a piece's rows mostly repeat a handful of sources and groups; their refs are reused.
  private readonly repeated = new Map<string, number>();
  rejects: PieceReject[] = [];
  /**
   * The batch's payload field tokens (`PayloadNames`): payloads are written with their field names as tokens where
   * the table has them; undefined (single records, the resolver): written out.
   */
  payloadNames: PayloadNames | undefined;

  /** `records`: about how many records the chunk will hold (a piece of a file: thousands; `add()`: one). */
  constructor(records = 1024) {
    this.ints = new Int32Array(16 * records);
    this.updated = new Float64Array(records);
    this.fingerprints = new Uint32Array(2 * records);
    // Never a slice of Node's shared Buffer pool (`allocUnsafeSlow`, here and in `reserve`): `handOver` transfers
    // the bytes' whole ArrayBuffer, and transferring the pool's would break every other Buffer cut from it.
    this.bytes = Buffer.allocUnsafeSlow(256 * records);
    this.texts = Buffer.allocUnsafeSlow(128 * records);
    const strings = 4 * records;
    this.strStart = new Uint32Array(strings);
    this.strLen = new Uint32Array(strings);
    this.strHash = new Uint32Array(strings);
  }

  /** Empties the writer for the next chunk (its buffers are kept: `finish` hands out copies, `handOver` swaps them). */
  reset(): void {
    this.nInts = 0;
    this.nBytes = 0;
    this.nTexts = 0;
    this.nStr = 0;
    this.records = 0;
    this.repeated.clear();
    this.rejects = [];
  }

  /**
   * Appends one prepared record (strings as they are; '' for none). `payload`: the ref of its payload's text
   * (`text`, or `openText` … `endText`), -1 for none.
   */
  record(row: number, updatedAt: number, id: string, first: string, last: string, attributes: string, source: string, payload: number, keys: RecordKeys): void {
    if (this.records === this.updated.length) {
      this.updated = grow(this.updated, this.records + 1);
      this.fingerprints = grow(this.fingerprints, 2 * this.updated.length, true);
    }
    const r = this.records++;
    this.updated[r] = updatedAt;
    this.int(row);
    this.str(id);
    const fields = this.nInts;
    this.str(first);
    this.str(last);
    this.str(attributes);
    this.repeatedStr(source);
    this.int(payload);
    this.int(keys.count);
    for (let i = 0; i < keys.count; i++) {
      this.int(this.addKey(keys.prefixes[i]!, keys.values[i]!));
      this.int(keys.kinds[i]!);
      this.repeatedStr(keys.groups[i]!);
    }
    this.int(keys.weakCount);
    for (let i = 0; i < keys.weakCount; i++) this.int(this.addKey(keys.weakPrefixes[i]!, keys.weakValues[i]!));
    this.fingerprint(r, fields, updatedAt);
  }

  /**
   * Record r's content fingerprint: 64 bits of hash over everything that decides its links and its profile fields
   * (payload, keys, weak keys, names, attributes, source, update time), from the hashes of the strings just
   * written (`fields`: where its first name's ref is in `ints`). Equal fingerprints mean an unchanged record
   * between runs (`fingerprints.bin`); written here, where the strings' hashes are at hand, so the batch's main
   * thread does not read them back after linking (perf: ~16 s at 20M rows, one thread).
   */
  private fingerprint(r: number, fields: number, updatedAt: number): void {
    const ints = this.ints;
    const hashes = this.strHash;
    const first = ints[fields]!;
    const last = ints[fields + 1]!;
    const attributes = ints[fields + 2]!;
    const source = ints[fields + 3]!;
    const payload = ints[fields + 4]!;
    let p = fields + 5;
    const h = FOLD;
    // Hashed as the text the payload stands for, its tokens written out: a fingerprint does not depend on them.
    const names = this.payloadNames;
    const from = payload === -1 ? 0 : this.strStart[payload]!;
    const to = payload === -1 ? 0 : from + this.strLen[payload]!;
    h[0] = payload === -1 ? 0x811c9dc5 : names === undefined ? fnv1aBytes(this.texts, from, to) : names.fnv1a(this.texts, from, to);
    h[1] = h[0]! ^ 0x9e3779b9;
    const keyCount = ints[p++]!;
    for (let k = 0; k < keyCount; k++, p += 3) fold(h, hashes[ints[p]!]!);
    fold(h, 0x5eed);
    const weakCount = ints[p++]!;
    for (let k = 0; k < weakCount; k++) fold(h, hashes[ints[p++]!]!);
    fold(h, first < 0 ? 1 : hashes[first]!);
    fold(h, last < 0 ? 2 : hashes[last]!);
    fold(h, attributes < 0 ? 3 : hashes[attributes]!);
    fold(h, source < 0 ? 4 : hashes[source]!);
    TIME[0] = updatedAt;
    fold(h, TIME_BITS[0]!);
    fold(h, TIME_BITS[1]!);
    // Never 0, 0: that pair means "unknown" in a previous run.
    this.fingerprints[2 * r] = h[0]! || 1;
    this.fingerprints[2 * r + 1] = h[1]!;
  }

  private int(v: number): void {
    if (this.nInts === this.ints.length) this.ints = grow(this.ints, this.nInts + 1);
    this.ints[this.nInts++] = v;
  }

  /** Appends a string ref ('' → -1). */
  private str(s: string): void {
    this.int(s === '' ? -1 : this.addString(s));
  }

  /** Appends a string ref, sharing one copy of strings that repeat across records (sources, groups). */
  private repeatedStr(s: string): void {
    if (s === '') return this.int(-1);
    let ref = this.repeated.get(s);
    if (ref === undefined) this.repeated.set(s, (ref = this.addString(s)));
    this.int(ref);
  }

  /**
   * The chunk as written so far, over the writer's own buffers (no copy; valid until the next `reset` or
   * record). perf: the resolver prepares one record per `add()`, and seven fresh ArrayBuffers per call (`finish`)
   * made V8 collect garbage far more often: loading 1M records took twice as long.
   */
  view(rows: number, invalidUpdatedAt: number, stats: KeyStats, multiLineRows = 0, fieldNames: readonly string[] = []): PreparedChunk {
    return {
      records: this.records,
      ints: this.ints.subarray(0, this.nInts),
      updatedAt: this.updated.subarray(0, this.records),
      fingerprints: this.fingerprints.subarray(0, 2 * this.records),
      bytes: this.bytes.subarray(0, this.nBytes),
      payloads: this.texts.subarray(0, this.nTexts),
      payloadSlab: 0,
      strStart: this.strStart.subarray(0, this.nStr),
      strLen: this.strLen.subarray(0, this.nStr),
      strHash: this.strHash.subarray(0, this.nStr),
      rejects: this.rejects,
      rows,
      invalidUpdatedAt,
      stats,
      multiLineRows,
      fieldNames,
    };
  }

  /**
   * The chunk over the writer's own buffers, which it gives up (to be transferred, then recycled:
   * `recycleChunkBuffers`); the writer goes on in a spare set, or in fresh buffers of the same sizes.
   */
  handOver(rows: number, invalidUpdatedAt: number, stats: KeyStats, multiLineRows = 0, fieldNames: readonly string[] = []): PreparedChunk {
    // The payloads in shared memory, for the batch to keep as they are: copied here, on this worker's core, into
    // this thread's slab; the writer keeps its buffer.
    if (slabOwner === 0) throw new Error('PreparedChunkWriter.handOver: this thread has no payload slab owner (setPayloadSlabOwner)');
    const n = this.nTexts;
    if (slab === undefined || slabUsed + n > slab.length) {
      slab = new Uint8Array(new SharedArrayBuffer(Math.max(SLAB_BYTES, n)));
      slabUsed = 0;
      slabs++;
    }
    const payloads = slab.subarray(slabUsed, slabUsed + n);
    slabUsed += n;
    const payloadSlab = slabOwner * 2 ** 21 + slabs;
    payloads.set(this.texts.subarray(0, n));
    const chunk = { ...this.view(rows, invalidUpdatedAt, stats, multiLineRows, fieldNames), payloads, payloadSlab };
    const spare = spareSets.pop();
    if (spare !== undefined) {
      this.ints = new Int32Array(spare[0]!);
      this.updated = new Float64Array(spare[1]!);
      this.fingerprints = new Uint32Array(spare[2]!);
      this.bytes = Buffer.from(spare[3]!);
      this.strStart = new Uint32Array(spare[4]!);
      this.strLen = new Uint32Array(spare[5]!);
      this.strHash = new Uint32Array(spare[6]!);
    } else {
      this.ints = new Int32Array(this.ints.length);
      this.updated = new Float64Array(this.updated.length);
      this.fingerprints = new Uint32Array(this.fingerprints.length);
      this.bytes = Buffer.allocUnsafeSlow(this.bytes.length);
      this.strStart = new Uint32Array(this.strStart.length);
      this.strLen = new Uint32Array(this.strLen.length);
      this.strHash = new Uint32Array(this.strHash.length);
    }
    this.reset();
    return chunk;
  }

  finish(rows: number, invalidUpdatedAt: number, stats: KeyStats, multiLineRows = 0, fieldNames: readonly string[] = []): PreparedChunk {
    return {
      records: this.records,
      ints: this.ints.slice(0, this.nInts),
      updatedAt: this.updated.slice(0, this.records),
      fingerprints: this.fingerprints.slice(0, 2 * this.records),
      bytes: new Uint8Array(this.bytes.subarray(0, this.nBytes)),
      payloads: new Uint8Array(this.texts.subarray(0, this.nTexts)),
      payloadSlab: 0,
      strStart: this.strStart.slice(0, this.nStr),
      strLen: this.strLen.slice(0, this.nStr),
      strHash: this.strHash.slice(0, this.nStr),
      rejects: this.rejects,
      rows,
      invalidUpdatedAt,
      stats,
      multiLineRows,
      fieldNames,
    };
  }

  /** Stores `s` as a text (never interned, see `addText`): its ref for `record`, -1 for ''. */
  text(s: string): number {
    return s === '' ? -1 : this.addText(s);
  }

  /**
   * Opens a text written in pieces (`textAscii`, `textBytes`, `textJsonString`) and closed by `endText`, which returns its ref.
   * perf: a record's payload JSON is written this way, straight into the chunk's bytes: building its string first
   * cost ~1 µs of ~7.5 a row in the read's workers.
   */
  openText(): void {
    this.textStart = this.nTexts;
  }

  /** Appends `s`, which must be ASCII (JSON punctuation, field names, numbers), to the open text. */
  textAscii(s: string): void {
    const n = s.length;
    this.reserveText(n);
    const bytes = this.texts;
    const at = this.nTexts;
    const codeAt = String.prototype.charCodeAt; // perf: docs/architecture.md, "Loops over a string's characters"
    for (let i = 0; i < n; i++) bytes[at + i] = codeAt.call(s, i);
    this.nTexts = at + n;
  }

  /** Appends `b`, UTF-8 text encoded once (a cached piece of JSON), to the open text. */
  textBytes(b: Uint8Array): void {
    const n = b.length;
    this.reserveText(n);
    const bytes = this.texts;
    const at = this.nTexts;
    for (let i = 0; i < n; i++) bytes[at + i] = b[i]!;
    this.nTexts = at + n;
  }

  /** Appends `JSON.stringify(s)` as UTF-8 to the open text. */
  textJsonString(s: string): void {
    const n = s.length;
    this.reserveText(n + 2);
    const bytes = this.texts;
    const at = this.nTexts;
    bytes[at] = 0x22;
    const codeAt = String.prototype.charCodeAt; // perf: docs/architecture.md, "Loops over a string's characters"
    for (let i = 0; i < n; i++) {
      const c = codeAt.call(s, i);
      // Printable ASCII but a quote or backslash is written as it is; anything else as JSON.stringify writes it.
      if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) {
        const quoted = JSON.stringify(s);
        this.reserveText(quoted.length * 3);
        this.nTexts = at + this.texts.write(quoted, at, 'utf8');
        return;
      }
      bytes[at + 1 + i] = c;
    }
    bytes[at + 1 + n] = 0x22;
    this.nTexts = at + n + 2;
  }

  /** Closes the open text: its ref. */
  endText(): number {
    const at = this.textStart;
    return this.pushRef(at, this.nTexts - at, 0);
  }

  /**
   * Appends a string that is stored, never interned: its hash is left 0 (`text`: a payload on the general path,
   * `writePayload`'s fallback).
   */
  private addText(s: string): number {
    this.reserveText(s.length * 3);
    const bytes = this.texts;
    const at = this.nTexts;
    // perf: as in addString, ASCII is copied in a JS loop: a native write per string cost more than the copy.
    let len = s.length;
    const codeAt = String.prototype.charCodeAt; // perf: docs/architecture.md, "Loops over a string's characters"
    for (let i = 0; i < len; i++) {
      const c = codeAt.call(s, i);
      if (c >= 0x80) {
        len = bytes.write(s, at, 'utf8');
        break;
      }
      bytes[at + i] = c;
    }
    this.nTexts = at + len;
    return this.pushRef(at, len, 0);
  }

  private addString(s: string): number {
    this.reserve(s.length * 3);
    const bytes = this.bytes;
    const at = this.nBytes;
    // perf: short ASCII strings (nearly all ids, keys and names) are copied and hashed in one JS loop; a native
    // Buffer.write per string cost more than the copy itself.
    let len = s.length;
    let h = 0x811c9dc5;
    const codeAt = String.prototype.charCodeAt; // perf: docs/architecture.md, "Loops over a string's characters"
    for (let i = 0; i < len; i++) {
      const c = codeAt.call(s, i);
      if (c >= 0x80) {
        len = -1;
        break;
      }
      bytes[at + i] = c;
      h = Math.imul(h ^ c, 0x01000193);
    }
    if (len === -1) {
      len = bytes.write(s, at, 'utf8');
      h = fnv1aBytes(bytes, at, at + len);
    }
    return this.pushString(at, len, h >>> 0);
  }

  /**
   * Appends the key `prefix + value` as one string (its bytes and hash as `addString` would write them), without
   * building it (see `RecordKeys`).
   */
  private addKey(prefix: string, value: string): number {
    const np = prefix.length;
    const nv = value.length;
    const n = np + nv;
    this.reserve(3 * n);
    const bytes = this.bytes;
    const at = this.nBytes;
    let h = 0x811c9dc5;
    const codeAt = String.prototype.charCodeAt; // perf: docs/architecture.md, "Loops over a string's characters"
    for (let i = 0; i < np; i++) {
      const c = codeAt.call(prefix, i);
      if (c >= 0x80) return this.addString(prefix + value);
      bytes[at + i] = c;
      h = Math.imul(h ^ c, 0x01000193);
    }
    const v = at + np;
    for (let i = 0; i < nv; i++) {
      const c = codeAt.call(value, i);
      if (c >= 0x80) return this.addString(prefix + value);
      bytes[v + i] = c;
      h = Math.imul(h ^ c, 0x01000193);
    }
    return this.pushString(at, n, h >>> 0);
  }

  /** Room for `n` more bytes. */
  private reserve(n: number): void {
    if (this.nBytes + n > this.bytes.length) this.bytes = grown(this.bytes, this.nBytes, n);
  }

  /** Room for `n` more bytes of payloads. */
  private reserveText(n: number): void {
    if (this.nTexts + n > this.texts.length) this.texts = grown(this.texts, this.nTexts, n);
  }

  /** Records the string of `len` bytes just written at `at` in `bytes`; returns its ref. */
  private pushString(at: number, len: number, hash: number): number {
    this.nBytes += len;
    return this.pushRef(at, len, hash);
  }

  /** A ref for `len` bytes at `at` (of `bytes`, or of `texts` for a payload). */
  private pushRef(at: number, len: number, hash: number): number {
    if (this.nStr === this.strStart.length) {
      this.strStart = grow(this.strStart, this.nStr + 1);
      this.strLen = grow(this.strLen, this.nStr + 1);
      this.strHash = grow(this.strHash, this.nStr + 1);
    }
    this.strStart[this.nStr] = at;
    this.strLen[this.nStr] = len;
    this.strHash[this.nStr] = hash;
    return this.nStr++;
  }
}

/**
 * Reads the records of a chunk one at a time, in order (the reader beside `PreparedChunkWriter.record`). Fields
 * are string refs into the chunk (-1 for none); `next()` moves to the next record. No allocation per record.
 */
export class PreparedRecordCursor {
  private p = 0;
  private r = -1;
  row = 0;
  id = -1;
  first = -1;
  last = -1;
  attributes = -1;
  source = -1;
  payload = -1;
  keyCount = 0;
  weakCount = 0;
  private keysAt = 0;
  private weakAt = 0;

  constructor(readonly chunk: PreparedChunk) {}

  /** Moves to the next record; false after the last. */
  next(): boolean {
    const c = this.chunk;
    if (this.r + 1 >= c.records) return false;
    if (this.r >= 0) this.p = this.weakAt + this.weakCount;
    this.r++;
    const ints = c.ints;
    let p = this.p;
    this.row = ints[p++]!;
    this.id = ints[p++]!;
    this.first = ints[p++]!;
    this.last = ints[p++]!;
    this.attributes = ints[p++]!;
    this.source = ints[p++]!;
    this.payload = ints[p++]!;
    this.keyCount = ints[p++]!;
    this.keysAt = p;
    p += 3 * this.keyCount;
    this.weakCount = ints[p++]!;
    this.weakAt = p;
    return true;
  }

  get updatedAt(): number {
    return this.chunk.updatedAt[this.r]!;
  }

  /** The record's content fingerprint, high half (see `PreparedChunkWriter.record`). */
  get fingerprintHi(): number {
    return this.chunk.fingerprints[2 * this.r]!;
  }

  get fingerprintLo(): number {
    return this.chunk.fingerprints[2 * this.r + 1]!;
  }

  keyRef(i: number): number {
    return this.chunk.ints[this.keysAt + 3 * i]!;
  }
  keyKind(i: number): number {
    return this.chunk.ints[this.keysAt + 3 * i + 1]!;
  }
  keyGroup(i: number): number {
    return this.chunk.ints[this.keysAt + 3 * i + 2]!;
  }
  weakRef(i: number): number {
    return this.chunk.ints[this.weakAt + i]!;
  }

  /** A string ref's text (for tests and messages; the engine interns the bytes without decoding). */
  text(ref: number): string {
    const c = this.chunk;
    return ref === -1 ? '' : Buffer.from(c.bytes.buffer, c.bytes.byteOffset + c.strStart[ref]!, c.strLen[ref]!).toString('utf8');
  }

  /** The record's payload text, as stored (its field names maybe tokens: `PayloadNames`); '' for none. */
  payloadText(): string {
    const c = this.chunk;
    const ref = this.payload;
    return ref === -1 ? '' : Buffer.from(c.payloads.buffer, c.payloads.byteOffset + c.strStart[ref]!, c.strLen[ref]!).toString('utf8');
  }
}

/**
 * A copy of `buffer`'s first `used` bytes in one at least twice as large, with room for `n` more. perf: callers test
 * for room themselves: assigning the field on every write (nearly all have room) made the read worker ~2.5% slower
 * (`bench/lines/preparePieces.ts`, 2M hard, three pairs).
 */
function grown(buffer: Buffer, used: number, n: number): Buffer {
  const next = Buffer.allocUnsafeSlow(Math.max(buffer.length * 2, used + n));
  buffer.copy(next, 0, 0, used);
  return next;
}

const FOLD = new Uint32Array(2);
const TIME = new Float64Array(1);
const TIME_BITS = new Uint32Array(TIME.buffer);

/** Folds `x` into the two halves of a fingerprint (FNV-1a step, and a murmur-style step). */
function fold(h: Uint32Array, x: number): void {
  h[0] = Math.imul(h[0]! ^ x, 0x01000193);
  h[1] = Math.imul((h[1]! ^ x) + 0x7f4a7c15, 0x85ebca6b) ^ (h[1]! >>> 13);
}
