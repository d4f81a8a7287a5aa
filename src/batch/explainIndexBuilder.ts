import { lowerBound } from '../_internal/lowerBound.js';
import { endianness } from 'node:os';
import { CHUNK_BASE } from '../_internal/chunkString.js';
import { fnv1aBytes } from '../_internal/ByteInterner.js';
import { GrowableArray } from '../_internal/GrowableArray.js';
import { isAcceptedOutcome, OUTCOME } from '../cluster/EvidenceLog.js';
import { genericKeyOf, type LinkConfig } from '../cluster/linkRecords.js';
import { encodeExplainIndexHeader, explainIndexBucketBits, type ExplainIndexCounts } from '../io/explainIndex.js';
import type { BatchColumns } from '../engine/BatchColumns.js';

/**
 * Builds `explain.idx` (format: `io/explainIndex.ts`) from a linked batch's columns while the batch job writes
 * its outputs: it watches the bytes of `profiles.ndjson` and `evidence.ndjson` go out (`LineWriter.observe`) and
 * notes where each line ends (a native newline search over the encoded bytes, on the writing thread, which waits
 * for the workers anyway), and `sections()` yields the file's bytes. Everything else comes from the columns in a
 * few linear passes over typed arrays (no sort: records are grouped by hash bucket with a counting pass;
 * profiles are already in id order). With `refusedOnly` (`--evidence refused`), `evidence.ndjson` holds only the
 * refused decisions, in decision order: the index numbers and points to those lines only, and says so in its
 * header (version 3), so that `explain` never reads the missing accepted links as none.
 *
 * @example
 * const index = new ExplainIndexBuilder(batch.columns(), batch.options.generic);
 * profilesWriter.observe(index.profileBytes); evidenceWriter.observe(index.evidenceBytes); // … write them
 * for (const bytes of index.sections(profilesBytes, evidenceBytes)) await indexWriter.writeBytes(bytes);
 */
export class ExplainIndexBuilder {
  private readonly profileLines: LineEnds;
  private readonly evidenceLines: LineEnds;

  /** Lines of `evidence.ndjson`: every decision, or the refused ones. */
  private readonly evidenceCount: number;

  constructor(
    private readonly c: BatchColumns,
    private readonly genericLimits: LinkConfig['generic'],
    private readonly refusedOnly = false,
  ) {
    this.profileLines = new LineEnds(c.profileSerial.length);
    let lines = c.evidence.length;
    if (refusedOnly) for (let i = 0; i < c.evidence.length; i++) if (isAcceptedOutcome(c.evidence.outcome[i]!)) lines--;
    this.evidenceCount = lines;
    this.evidenceLines = new LineEnds(lines);
  }

  /** Observer of the bytes of `profiles.ndjson`, in file order. */
  readonly profileBytes = (bytes: Buffer): void => this.profileLines.add(bytes);

  /** Observer of the bytes of `evidence.ndjson`, in file order. */
  readonly evidenceBytes = (bytes: Buffer): void => this.evidenceLines.add(bytes);

  /**
   * The index file, section by section. `tables`: what comes from the columns alone (`explainTables`), computed
   * ahead (the batch job does, in a thread of its own, from when it starts writing the profiles), else here.
   */
  *sections(profilesBytes: number, evidenceBytes: number, tables: ExplainTables = explainTables(this.c, this.genericLimits, this.refusedOnly)): Generator<Uint8Array> {
    const c = this.c;
    const records = c.profileOf.length;
    const profiles = c.profileSerial.length;
    const evidence = this.evidenceCount;
    if (this.profileLines.lines !== profiles || this.evidenceLines.lines !== evidence) {
      throw new Error(`explain index: ${this.profileLines.lines} of ${profiles} profile lines and ${this.evidenceLines.lines} of ${evidence} evidence lines seen`);
    }
    const { byProfile, generic } = tables;
    const counts: ExplainIndexCounts = {
      bucketBits: tables.bucketBits,
      records,
      profiles,
      evidence,
      evidenceRefs: byProfile.refs.length,
      generic: generic.table.length / 3,
      genericRefs: generic.refs.length,
      profilesBytes,
      evidenceBytes,
    };
    yield encodeExplainIndexHeader(counts, this.refusedOnly ? 'refused' : 'all');
    yield le32(tables.recordDir);
    yield le32(tables.recordTable);
    yield le64(c.profileSerial);
    yield le64(this.profileLines.offsets);
    yield le32(byProfile.starts);
    yield le32(byProfile.refs);
    yield le64(this.evidenceLines.offsets);
    yield le32(generic.starts);
    yield le32(generic.refs);
    yield le32(generic.table);
  }
}

/** The sections of `explain.idx` that come from a linked batch's columns alone (not from where lines end). */
export interface ExplainTables {
  /** recordDir and recordTable: (hash, profile) per record, grouped by the hash's top `bucketBits` bits. */
  readonly bucketBits: number;
  readonly recordDir: Uint32Array;
  readonly recordTable: Uint32Array;
  /** For each profile, the evidence lines with one of its records at either end (CSR, ascending lines). */
  readonly byProfile: { readonly starts: Uint32Array; readonly refs: Uint32Array };
  /** The generic identifiers with their figures, and for each profile the ones its records hold. */
  readonly generic: { readonly starts: Uint32Array; readonly refs: Uint32Array; readonly table: Uint32Array };
}

/** The buffers of `t`, to hand it to another thread by transfer. */
export function transferablesOfTables(t: ExplainTables): ArrayBuffer[] {
  return [t.recordDir, t.recordTable, t.byProfile.starts, t.byProfile.refs, t.generic.starts, t.generic.refs, t.generic.table].map((a) => a.buffer as ArrayBuffer);
}

/**
 * The sections of `explain.idx` that depend on the linked batch only (`ExplainTables`): a few linear passes over
 * its columns, in any thread. `refusedOnly`: evidence.ndjson holds only the refused decisions (lines count those).
 */
export function explainTables(c: BatchColumns, genericLimits: LinkConfig['generic'], refusedOnly: boolean): ExplainTables {
  // Whether decision i has a line in evidence.ndjson. Lines follow decision order: a written decision's line is
  // the number of written decisions before it.
  const written = (i: number): boolean => !refusedOnly || !isAcceptedOutcome(c.evidence.outcome[i]!);
  const bucketBits = explainIndexBucketBits(c.profileOf.length);
  const { dir, table } = recordSections(c, bucketBits);
  return { bucketBits, recordDir: dir, recordTable: table, byProfile: evidenceByProfile(c, written), generic: genericByProfile(c, genericLimits, written) };
}

/** recordDir and recordTable: (hash, profile) per record, grouped by the hash's top bits. */
function recordSections(c: BatchColumns, bits: number): { dir: Uint32Array; table: Uint32Array } {
  const n = c.profileOf.length;
  const hashes = new Uint32Array(n);
  const { chunks, starts, lengths } = c.ids;
  for (let i = 0; i < n; i++) {
    const address = starts[i]!;
    const chunk = Math.floor(address / CHUNK_BASE);
    const offset = address - chunk * CHUNK_BASE;
    hashes[i] = fnv1aBytes(chunks[chunk]!, offset, offset + lengths[i]!);
  }
  const shift = 32 - bits;
  const dir = new Uint32Array(2 ** bits + 1);
  for (let i = 0; i < n; i++) dir[(hashes[i]! >>> shift) + 1]!++;
  for (let b = 0; b + 1 < dir.length; b++) dir[b + 1]! += dir[b]!;
  const fill = dir.slice(0, dir.length - 1);
  const table = new Uint32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const at = fill[hashes[i]! >>> shift]!++;
    table[2 * at] = hashes[i]!;
    table[2 * at + 1] = c.profileOf[i]!;
  }
  return { dir, table };
}

/** For each profile, the evidence lines with one of its records at either end (CSR, ascending lines). */
function evidenceByProfile(c: BatchColumns, written: (i: number) => boolean): { starts: Uint32Array; refs: Uint32Array } {
  const { evidence: ev, profileOf } = c;
  const profiles = c.profileSerial.length;
  const starts = new Uint32Array(profiles + 1);
  for (let i = 0; i < ev.length; i++) {
    if (!written(i)) continue;
    const pa = profileOf[ev.recordA[i]!]!;
    const pb = profileOf[ev.recordB[i]!]!;
    starts[pa + 1]!++;
    if (pb !== pa) starts[pb + 1]!++;
  }
  for (let p = 0; p < profiles; p++) starts[p + 1]! += starts[p]!;
  const fill = starts.slice(0, profiles);
  const refs = new Uint32Array(starts[profiles]!);
  for (let i = 0, line = 0; i < ev.length; i++) {
    if (!written(i)) continue;
    const pa = profileOf[ev.recordA[i]!]!;
    const pb = profileOf[ev.recordB[i]!]!;
    refs[fill[pa]!++] = line;
    if (pb !== pa) refs[fill[pb]!++] = line;
    line++;
  }
  return { starts, refs };
}

/**
 * The generic identifiers (one `generic` evidence line each), their figures as the linker judged them, and
 * for each profile the ones its records hold.
 */
function genericByProfile(c: BatchColumns, genericLimits: LinkConfig['generic'], written: (i: number) => boolean): { starts: Uint32Array; refs: Uint32Array; table: Uint32Array } {
  const ev = c.evidence;
  const profiles = c.profileSerial.length;
  // Each generic decision (a refusal: written in either mode) and its line in evidence.ndjson.
  const generic: { key: number; line: number }[] = [];
  for (let i = 0, line = 0; i < ev.length; i++) {
    if (!written(i)) continue;
    if (ev.outcome[i] === OUTCOME.generic) generic.push({ key: ev.key[i]!, line });
    line++;
  }
  const starts = new Uint32Array(profiles + 1);
  if (generic.length === 0 || genericLimits === false) return { starts, refs: new Uint32Array(0), table: new Uint32Array(0) };
  // Generic key ids, sorted, with their line; a byte per key marks them for the scan over every record's keys.
  const byKey = generic.sort((a, b) => a.key - b.key);
  const keys = Int32Array.from(byKey, (g) => g.key);
  const marked = new Uint8Array(c.keys.lengths.length);
  for (const k of keys) marked[k] = 1;
  const holderRecord = new GrowableArray(Uint32Array, 1024);
  const holderGeneric = new GrowableArray(Uint32Array, 1024);
  const records = c.profileOf.length;
  for (let r = 0; r < records; r++) {
    for (let j = c.keyStart[r]!, end = c.keyStart[r + 1]!; j < end; j++) {
      const k = c.keyIds[j]!;
      if (marked[k] === 0) continue;
      holderRecord.push(r);
      holderGeneric.push(lowerBound(keys, k));
    }
  }
  const hr = holderRecord.view();
  const hg = holderGeneric.view();
  // Figures: the linker's rule on each key's holders (the same numbers as the report and the evidence line).
  const g = keys.length;
  const memberStart = new Uint32Array(g + 1);
  for (let i = 0; i < hg.length; i++) memberStart[hg[i]! + 1]!++;
  for (let x = 0; x < g; x++) memberStart[x + 1]! += memberStart[x]!;
  const fill = memberStart.slice(0, g);
  const members = new Uint32Array(hg.length);
  for (let i = 0; i < hg.length; i++) members[fill[hg[i]!]!++] = hr[i]!;
  const table = new Uint32Array(3 * g);
  const seen = new Set<number>();
  for (let x = 0; x < g; x++) {
    const figures = genericKeyOf(c, keys[x]!, members, memberStart[x]!, memberStart[x + 1]!, genericLimits, seen);
    table[3 * x] = byKey[x]!.line;
    table[3 * x + 1] = figures?.records ?? memberStart[x + 1]! - memberStart[x]!;
    table[3 * x + 2] = figures?.distinctIdentifiers ?? 0;
  }
  // Per profile, each generic key once: holders grouped by profile (CSR), then each short run de-duplicated.
  const all = new Uint32Array(profiles + 1);
  for (let i = 0; i < hr.length; i++) all[c.profileOf[hr[i]!]! + 1]!++;
  for (let p = 0; p < profiles; p++) all[p + 1]! += all[p]!;
  const next = all.slice(0, profiles);
  const grouped = new Uint32Array(hr.length);
  for (let i = 0; i < hr.length; i++) grouped[next[c.profileOf[hr[i]!]!]!++] = hg[i]!;
  const refs = new GrowableArray(Uint32Array, 1024);
  for (let p = 0; p < profiles; p++) {
    if (all[p] === all[p + 1]) {
      starts[p + 1] = refs.length;
      continue;
    }
    const run = grouped.subarray(all[p]!, all[p + 1]!).sort();
    for (let i = 0; i < run.length; i++) if (i === 0 || run[i] !== run[i - 1]) refs.push(run[i]!);
    starts[p + 1] = refs.length;
  }
  return { starts, refs: refs.view().slice(), table };
}

/** Where each line of a file starts, from its bytes as they are written: `offsets[i]` .. `offsets[i + 1]` is line i. */
class LineEnds {
  readonly offsets: Float64Array;
  lines = 0;
  private written = 0;

  constructor(lines: number) {
    this.offsets = new Float64Array(lines + 1);
  }

  add(bytes: Buffer): void {
    const { offsets } = this;
    for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) {
      if (this.lines + 1 >= offsets.length) throw new Error('explain index: more lines than the batch has');
      offsets[++this.lines] = this.written + at + 1;
    }
    this.written += bytes.length;
  }
}

const LITTLE_ENDIAN = endianness() === 'LE';

function le32(a: Uint32Array): Uint8Array {
  const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  return LITTLE_ENDIAN ? bytes : Buffer.from(bytes).swap32();
}

function le64(a: Float64Array): Uint8Array {
  const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  return LITTLE_ENDIAN ? bytes : Buffer.from(bytes).swap64();
}
