import { isUtf8 } from 'node:buffer';
import { fnv1aBytes } from '../_internal/ByteInterner.js';
import { PayloadNames } from '../_internal/PayloadNames.js';
import { checkKeyEntry, checkRecordEntry, checkTextEntry, Issues, type RecordLimits, type SnapshotRecord } from './snapshot.js';

/**
 * The sections of a streamed snapshot whose lines may be decoded apart from the thread that restores them: they
 * hold nearly all of its bytes (20M records: 20M keys, 6M names, 20M records).
 */
export type DecodedSection = 'keys' | 'names' | 'records';

/** What the entries of a section are checked against: the group texts for keys, the tables' limits for records. */
export interface SectionLimits {
  readonly groups?: readonly string[];
  readonly records?: RecordLimits;
}

/**
 * The entries of one `keys` or `names` line, checked and laid out as UTF-8 bytes (`ends[i]`: where entry i ends)
 * with `fnv1aBytes` hashes, as `ByteInterner` takes them; keys also have their kind and group (a table index,
 * -1 for none). Transferred to the restoring thread, not copied.
 */
export interface TextBlock {
  readonly section: 'keys' | 'names';
  readonly count: number;
  readonly bytes: Uint8Array;
  readonly ends: Uint32Array;
  readonly hashes: Uint32Array;
  readonly kinds: Uint8Array;
  readonly groups: Int32Array;
}

/**
 * The records of one `records` line, checked and laid out in typed columns, so that the one thread that restores
 * spends no time on UTF-8 decoding, `JSON.parse` or per-field checks. Strings are UTF-8 bytes; `…Ends[i]` is where
 * entry i ends. `updatedAt` is NaN for none; `idHashes` are the ids' `fnv1aBytes`.
 */
export interface RecordBlock {
  readonly section: 'records';
  readonly count: number;
  readonly ids: Uint8Array;
  readonly idEnds: Uint32Array;
  readonly idHashes: Uint32Array;
  readonly serials: Float64Array;
  readonly updatedAt: Float64Array;
  /** Per record: source, first name, last name, attributes (-1 for none), four i32 each. */
  readonly refs: Int32Array;
  readonly payloads: Uint8Array;
  readonly payloadEnds: Uint32Array;
  /** Strong key ids, and where each record's end (CSR); likewise weak. */
  readonly strong: Int32Array;
  readonly strongEnds: Uint32Array;
  readonly weak: Int32Array;
  readonly weakEnds: Uint32Array;
}

export type LineBlock = TextBlock | RecordBlock;

/** The typed arrays of a block, to transfer to another thread. */
export function transferablesOfBlock(b: LineBlock): ArrayBuffer[] {
  const arrays =
    b.section === 'records'
      ? [b.ids, b.idEnds, b.idHashes, b.serials, b.updatedAt, b.refs, b.payloads, b.payloadEnds, b.strong, b.strongEnds, b.weak, b.weakEnds]
      : [b.bytes, b.ends, b.hashes, b.kinds, b.groups];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

/**
 * Decodes one line (without its newline) that should be a line of `section`, running every entry check the
 * plain reader runs (`checkKeyEntry`, `checkTextEntry`, `checkRecordEntry`). Returns undefined when the line is
 * anything but a well-formed line of that section whose every entry passes (and, for records, has the current
 * ten elements): the reader then reads that line the plain way, which finds and names the problem. Checks that
 * need the restored state (an entry repeated across lines, the folded attributes text) are the restoring thread's.
 * Pure: runs in any thread.
 */
export function decodeLine(bytes: Uint8Array, section: DecodedSection, limits: SectionLimits): LineBlock | undefined {
  let value: unknown;
  try {
    if (!isUtf8(bytes)) return undefined;
    value = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const fields = Object.keys(value);
  if (fields.length !== 1 || fields[0] !== section) return undefined;
  const entries = (value as Record<string, unknown>)[section];
  if (!Array.isArray(entries)) return undefined;
  if (section === 'records') return limits.records === undefined ? undefined : recordBlock(entries, limits.records);
  if (section === 'keys') return limits.groups === undefined ? undefined : keyBlock(entries, limits.groups);
  return nameBlock(entries);
}

/** A batch of lines decoded: a block per line (undefined: read it the plain way), and the lines' bytes. */
export interface DecodedBatch {
  readonly blocks: (LineBlock | undefined)[];
  readonly bytes: Uint8Array;
}

/** `decodeLine` of each line `bytes[ends[j − 1], ends[j])` (from 0) of a batch, in order. */
export function decodeLines(bytes: Uint8Array, ends: Uint32Array, section: DecodedSection, limits: SectionLimits): (LineBlock | undefined)[] {
  const blocks: (LineBlock | undefined)[] = [];
  for (let j = 0, start = 0; j < ends.length; start = ends[j++]!) blocks.push(decodeLine(bytes.subarray(start, ends[j]), section, limits));
  return blocks;
}

function keyBlock(entries: unknown[], groups: readonly string[]): TextBlock | undefined {
  const issues = new Issues();
  const n = entries.length;
  const keys: string[] = new Array<string>(n);
  const kinds = new Uint8Array(n);
  const groupOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const checked = checkKeyEntry(entries[i], i, groups, issues);
    if (checked === undefined || !issues.none) return undefined;
    keys[i] = checked.key;
    kinds[i] = checked.kind;
    groupOf[i] = checked.group;
  }
  return { ...packStrings(keys), section: 'keys', count: n, kinds, groups: groupOf };
}

function nameBlock(entries: unknown[]): TextBlock | undefined {
  const issues = new Issues();
  for (let i = 0; i < entries.length; i++) if (!checkTextEntry('names', entries[i], i, issues)) return undefined;
  return { ...packStrings(entries as string[]), section: 'names', count: entries.length, kinds: new Uint8Array(0), groups: new Int32Array(0) };
}

/** Strings as one buffer of UTF-8 bytes, where each ends, and each one's `fnv1aBytes`. */
function packStrings(texts: readonly string[]): { bytes: Uint8Array; ends: Uint32Array; hashes: Uint32Array } {
  const n = texts.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += Buffer.byteLength(texts[i]!);
  const buf = Buffer.allocUnsafeSlow(total);
  const ends = new Uint32Array(n);
  const hashes = new Uint32Array(n);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const length = buf.write(texts[i]!, at, 'utf8');
    hashes[i] = fnv1aBytes(buf, at, at + length);
    at += length;
    ends[i] = at;
  }
  return { bytes: new Uint8Array(buf.buffer, 0, total), ends, hashes };
}

function recordBlock(entries: unknown[], limits: RecordLimits): RecordBlock | undefined {
  const issues = new Issues();
  const n = entries.length;
  let strongCount = 0;
  let weakCount = 0;
  for (let i = 0; i < n; i++) {
    const rec: unknown = entries[i];
    if (!Array.isArray(rec) || rec.length !== 10 || !checkRecordEntry(rec, i, limits, issues) || !issues.none) return undefined;
    strongCount += rec[7].length;
    weakCount += rec[8].length;
  }
  const records = entries as SnapshotRecord[];
  const ids = packStrings(records.map((r) => r[0]));
  // Payloads need no hashes: one pass for the byte count bounds them; they are written with their field names as
  // tokens into this thread's scratch, then copied into a block of their size (it is transferred, then kept).
  let payloadBytes = 0;
  for (let i = 0; i < n; i++) payloadBytes += Buffer.byteLength(records[i]![6]);
  if (payloadScratch.length < payloadBytes) payloadScratch = Buffer.allocUnsafeSlow(Math.max(payloadBytes, 2 * payloadScratch.length));
  const payloads = payloadScratch;
  const block = {
    section: 'records',
    count: n,
    ids: ids.bytes,
    idEnds: ids.ends,
    idHashes: ids.hashes,
    serials: new Float64Array(n),
    updatedAt: new Float64Array(n),
    refs: new Int32Array(4 * n),
    payloads: new Uint8Array(0),
    payloadEnds: new Uint32Array(n),
    strong: new Int32Array(strongCount),
    strongEnds: new Uint32Array(n),
    weak: new Int32Array(weakCount),
    weakEnds: new Uint32Array(n),
  } satisfies RecordBlock;
  let payloadAt = 0;
  let s = 0;
  let w = 0;
  for (let i = 0; i < n; i++) {
    const r = records[i]!;
    block.serials[i] = r[1];
    block.updatedAt[i] = r[3] ?? Number.NaN;
    block.refs[4 * i] = r[2];
    block.refs[4 * i + 1] = r[4];
    block.refs[4 * i + 2] = r[5];
    block.refs[4 * i + 3] = r[9]!;
    // As the resolver keeps payloads: the record's own field names as tokens (`PayloadNames.fixed`).
    payloadAt = FIXED_NAMES.tokenize(payloads, payloadAt, payloadAt + payloads.write(r[6], payloadAt, 'utf8'));
    block.payloadEnds[i] = payloadAt;
    for (const k of r[7]) block.strong[s++] = k;
    block.strongEnds[i] = s;
    for (const k of r[8]) block.weak[w++] = k;
    block.weakEnds[i] = w;
  }
  block.payloads = Uint8Array.prototype.slice.call(payloads, 0, payloadAt);
  return block;
}

let payloadScratch = Buffer.allocUnsafeSlow(0);

/**
 * The same block as an object of one fixed shape. perf: a block that crossed threads is rebuilt by the structured
 * clone reader, possibly in dictionary mode; the restoring loop reads its fields millions of times.
 */
export function recordBlockOf(b: RecordBlock): RecordBlock {
  return {
    section: 'records',
    count: b.count,
    ids: b.ids,
    idEnds: b.idEnds,
    idHashes: b.idHashes,
    serials: b.serials,
    updatedAt: b.updatedAt,
    refs: b.refs,
    payloads: b.payloads,
    payloadEnds: b.payloadEnds,
    strong: b.strong,
    strongEnds: b.strongEnds,
    weak: b.weak,
    weakEnds: b.weakEnds,
  };
}

/** Record `i` of a block as the snapshot tuple it was decoded from (for the reader's plain path on that record). */
export function recordOfBlock(b: RecordBlock, i: number): SnapshotRecord {
  const text = (bytes: Uint8Array, ends: Uint32Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', i === 0 ? 0 : ends[i - 1], ends[i]);
  const slice = (keys: Int32Array, ends: Uint32Array): number[] => Array.from(keys.subarray(i === 0 ? 0 : ends[i - 1], ends[i]));
  const updatedAt = b.updatedAt[i]!;
  return [
    text(b.ids, b.idEnds),
    b.serials[i]!,
    b.refs[4 * i]!,
    Number.isNaN(updatedAt) ? null : updatedAt,
    b.refs[4 * i + 1]!,
    b.refs[4 * i + 2]!,
    FIXED_NAMES.expand(text(b.payloads, b.payloadEnds)),
    slice(b.strong, b.strongEnds),
    slice(b.weak, b.weakEnds),
    b.refs[4 * i + 3]!,
  ];
}

const FIXED_NAMES = PayloadNames.fixed();
