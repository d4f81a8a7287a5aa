import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { fnv1aBytes } from '../_internal/ByteInterner.js';
import { IdweaveError } from '../errors.js';
import { profileIdOfSerial, serialOfProfileId } from '../identity/profileIds.js';
import type { GenericIdentifier } from '../explain/types.js';
import type { LinkEvidence } from '../types.js';
import { manifestFile, sha256File, type Manifest } from './manifest.js';
import { fromEvidenceJson, OUTPUT_FILES } from './outputFiles.js';

/**
 * `explain.idx`: what `idweave explain` needs to answer with a few reads instead of streaming `mapping.csv` and
 * `evidence.ndjson` (1–2 GB at 20M records) on every call. Written by the batch job in the same pass as the
 * outputs it points into (`profiles.ndjson`, `evidence.ndjson`), listed in the manifest like them.
 *
 * Binary, little-endian. A 64-byte header, then fixed-size sections whose sizes follow from the header's counts
 * (`explainIndexLayout`); R records, P profiles, E evidence lines, G generic identifiers, B = `bucketBits`
 * (`explainIndexBucketBits`: ~8 records per bucket, 4 ≤ B ≤ 20):
 *
 * | section | entries | what |
 * |---|---|---|
 * | recordDir | u32 × (2^B + 1) | start of each bucket of `recordTable` (bucket = top B bits of the record id's hash) |
 * | recordTable | (u32 hash, u32 profile) × R | FNV-1a 32 of each record id's UTF-8 bytes, and its profile's index; grouped by bucket |
 * | profileSerials | f64 × P | each profile's serial (its id is `P` + the serial in base 36), ascending: profile order = `profiles.ndjson` order |
 * | profileLines | f64 × (P + 1) | byte offset of each profile's line in `profiles.ndjson`; the last is the file's size |
 * | profileEvidence | u32 × (P + 1) | start of each profile's run in `evidenceRefs` |
 * | evidenceRefs | u32 × N | per profile, ascending: the evidence lines (0-based) with a record of the profile at either end |
 * | evidenceLines | f64 × (E + 1) | byte offset of each line of `evidence.ndjson`; the last is the file's size |
 * | profileGeneric | u32 × (P + 1) | start of each profile's run in `genericRefs` |
 * | genericRefs | u32 × M | per profile: the generic identifiers (indices into `genericTable`) its records hold |
 * | genericTable | (u32 line, u32 records, u32 distinctIdentifiers) × G | each generic identifier: its line in `evidence.ndjson` (which names the key) and its figures |
 *
 * Header: magic `IWEXIDX1`, then u32 version, bucketBits, R, P, E, N, G, M, then f64 sizes of
 * `profiles.ndjson` and `evidence.ndjson`, then u32 evidence kept, then 4 zero bytes. Version 2: `evidence.ndjson`
 * holds every link decision (evidence kept 0). Version 3: the same layout, evidence kept 1: `evidence.ndjson`
 * holds the refused decisions only (`--evidence refused`), and E, the evidence lines and references count those.
 * A run that keeps every decision writes version 2, which an older idweave reads; a refusals-only index is version
 * 3, so that an older idweave refuses it rather than read the accepted links it lacks as "no links".
 *
 * A record is found by hashing its id, reading its bucket (~R / 2^B entries) and checking each candidate
 * profile's line (its `record_ids`); a profile by a binary search for its serial. Everything read is bounds-checked: a damaged
 * index is an `output_invalid` error, never a wrong answer outside the files.
 */
export const EXPLAIN_INDEX_FILE = 'explain.idx';

export const EXPLAIN_INDEX_MAGIC = 'IWEXIDX1';
export const EXPLAIN_INDEX_VERSION = 2;
/** The version of an index over a refusals-only `evidence.ndjson` (`--evidence refused`). */
export const EXPLAIN_INDEX_VERSION_REFUSED = 3;
export const EXPLAIN_INDEX_HEADER_BYTES = 64;
/**
 * Bucket bits of the record and profile directories for a run of `records` records: about 8 records per bucket
 * (a bucket is one small read), at least 2^4 buckets, at most 2^20 (4 MiB per directory; ~19 records per bucket
 * at 20M).
 */
export function explainIndexBucketBits(records: number): number {
  return Math.min(20, Math.max(4, Math.ceil(Math.log2(Math.max(1, records) / 8))));
}

/** The counts that decide an index's layout. */
export interface ExplainIndexCounts {
  readonly bucketBits: number;
  readonly records: number;
  readonly profiles: number;
  readonly evidence: number;
  readonly evidenceRefs: number;
  readonly generic: number;
  readonly genericRefs: number;
  readonly profilesBytes: number;
  readonly evidenceBytes: number;
}

/** Byte offsets of each section, and the file's total size. */
export interface ExplainIndexLayout {
  readonly recordDir: number;
  readonly recordTable: number;
  readonly profileSerials: number;
  readonly profileLines: number;
  readonly profileEvidence: number;
  readonly evidenceRefs: number;
  readonly evidenceLines: number;
  readonly profileGeneric: number;
  readonly genericRefs: number;
  readonly genericTable: number;
  readonly total: number;
}

export function explainIndexLayout(c: ExplainIndexCounts): ExplainIndexLayout {
  const buckets = 2 ** c.bucketBits + 1;
  let at = EXPLAIN_INDEX_HEADER_BYTES;
  const next = (bytes: number): number => {
    const start = at;
    at += bytes;
    return start;
  };
  return {
    recordDir: next(4 * buckets),
    recordTable: next(8 * c.records),
    profileSerials: next(8 * c.profiles),
    profileLines: next(8 * (c.profiles + 1)),
    profileEvidence: next(4 * (c.profiles + 1)),
    evidenceRefs: next(4 * c.evidenceRefs),
    evidenceLines: next(8 * (c.evidence + 1)),
    profileGeneric: next(4 * (c.profiles + 1)),
    genericRefs: next(4 * c.genericRefs),
    genericTable: next(12 * c.generic),
    total: at, // (evaluated last: every section is counted)
  };
}

/** Which decisions the `evidence.ndjson` an index points into holds: every one, or the refused ones only. */
export type IndexedEvidence = 'all' | 'refused';

export function encodeExplainIndexHeader(c: ExplainIndexCounts, evidence: IndexedEvidence = 'all'): Buffer {
  const h = Buffer.alloc(EXPLAIN_INDEX_HEADER_BYTES);
  h.write(EXPLAIN_INDEX_MAGIC, 0, 'latin1');
  let at = 8;
  const version = evidence === 'refused' ? EXPLAIN_INDEX_VERSION_REFUSED : EXPLAIN_INDEX_VERSION;
  for (const v of [version, c.bucketBits, c.records, c.profiles, c.evidence, c.evidenceRefs, c.generic, c.genericRefs]) at = h.writeUInt32LE(v, at);
  at = h.writeDoubleLE(c.profilesBytes, at);
  at = h.writeDoubleLE(c.evidenceBytes, at);
  if (evidence === 'refused') h.writeUInt32LE(1, at);
  return h;
}

/** The hash a record id is filed under: FNV-1a 32 of its UTF-8 bytes (as `ByteInterner` hashes it). */
export function recordIdHash(recordId: string): number {
  const bytes = Buffer.from(recordId, 'utf8');
  return fnv1aBytes(bytes, 0, bytes.length);
}

/** A profile as `explain` reads it: its index in the output, its id and its records. */
export interface IndexedProfile {
  readonly index: number;
  readonly profileId: string;
  readonly recordIds: readonly string[];
}

/**
 * Reads an output directory through its `explain.idx`: a record's profile, a profile's records, the evidence
 * lines touching a profile and the generic identifiers it holds, each with a few positioned reads. `open`
 * requires the manifest (already checked by `readManifest`) to list the index and the files it points into,
 * and the index's header to agree with the manifest.
 *
 * @example
 * const index = await ExplainIndex.open(dir, await readManifest(dir));
 * try { const p = await index.profileOfRecord('crm-1'); } finally { await index.close(); }
 */
export class ExplainIndex {
  private constructor(
    private readonly dir: string,
    private readonly index: FileHandle,
    private readonly profiles: FileHandle,
    private readonly evidence: FileHandle,
    private readonly counts: ExplainIndexCounts,
    private readonly layout: ExplainIndexLayout,
    /**
     * What `evidence.ndjson` holds: every decision, or (`--evidence refused`) the refused ones only, so that
     * `evidenceOf` returns no accepted links because none were kept, not because there were none.
     */
    readonly evidenceKept: IndexedEvidence,
  ) {}

  static async open(dir: string, manifest: Manifest): Promise<ExplainIndex> {
    const entry = manifestFile(manifest, EXPLAIN_INDEX_FILE);
    const profilesEntry = manifestFile(manifest, OUTPUT_FILES.profiles);
    const evidenceEntry = manifestFile(manifest, OUTPUT_FILES.evidence);
    if (entry === undefined || profilesEntry === undefined || evidenceEntry === undefined) {
      throw new IdweaveError('output_invalid', `${dir}: the run has no ${EXPLAIN_INDEX_FILE} (written by an older idweave); run idweave resolve again to explain it`);
    }
    const handles: FileHandle[] = [];
    try {
      for (const name of [EXPLAIN_INDEX_FILE, OUTPUT_FILES.profiles, OUTPUT_FILES.evidence]) handles.push(await openFile(path.join(dir, name)));
      const [index, profiles, evidence] = handles as [FileHandle, FileHandle, FileHandle];
      const h = await readExactly(index, 0, EXPLAIN_INDEX_HEADER_BYTES, dir);
      const u32 = (i: number): number => h.readUInt32LE(8 + 4 * i);
      const counts: ExplainIndexCounts = {
        bucketBits: u32(1),
        records: u32(2),
        profiles: u32(3),
        evidence: u32(4),
        evidenceRefs: u32(5),
        generic: u32(6),
        genericRefs: u32(7),
        profilesBytes: h.readDoubleLE(40),
        evidenceBytes: h.readDoubleLE(48),
      };
      const problems: string[] = [];
      const version = u32(0);
      const kept = h.readUInt32LE(56);
      if (h.toString('latin1', 0, 8) !== EXPLAIN_INDEX_MAGIC) problems.push('not an idweave explain index');
      else if (version !== EXPLAIN_INDEX_VERSION && version !== EXPLAIN_INDEX_VERSION_REFUSED) {
        problems.push(`version ${version}, this idweave reads versions ${EXPLAIN_INDEX_VERSION} and ${EXPLAIN_INDEX_VERSION_REFUSED}`);
      } else if (kept !== (version === EXPLAIN_INDEX_VERSION_REFUSED ? 1 : 0)) problems.push(`version ${version} with evidence kept ${kept}`);
      else {
        if (counts.bucketBits < 1 || counts.bucketBits > 24) problems.push(`bucket bits ${counts.bucketBits}`);
        if (counts.records !== manifest.counts.accepted) problems.push(`${counts.records} records, the manifest says ${manifest.counts.accepted}`);
        if (counts.profiles !== manifest.counts.profiles) problems.push(`${counts.profiles} profiles, the manifest says ${manifest.counts.profiles}`);
        if (counts.evidence !== evidenceEntry.lines) problems.push(`${counts.evidence} evidence lines, the manifest says ${evidenceEntry.lines}`);
        if (counts.profilesBytes !== profilesEntry.bytes || counts.evidenceBytes !== evidenceEntry.bytes) problems.push('file sizes differ from the manifest');
        if (problems.length === 0 && explainIndexLayout(counts).total !== entry.bytes) problems.push(`${entry.bytes} bytes, its header implies ${explainIndexLayout(counts).total}`);
        // The content too: a damaged section of the right size would otherwise give confident wrong answers.
        // perf: one streamed SHA-256 of the index (~0.3 s at 20M records, 532 MB, warm cache).
        if (problems.length === 0 && (await sha256File(path.join(dir, EXPLAIN_INDEX_FILE))) !== entry.sha256) problems.push('its checksum differs from the manifest');
      }
      if (problems.length > 0) throw damaged(dir, problems.join('; '));
      return new ExplainIndex(dir, index, profiles, evidence, counts, explainIndexLayout(counts), version === EXPLAIN_INDEX_VERSION_REFUSED ? 'refused' : 'all');
    } catch (e) {
      for (const f of handles) await f.close().catch(() => {});
      throw e;
    }
  }

  async close(): Promise<void> {
    for (const f of [this.index, this.profiles, this.evidence]) await f.close().catch(() => {});
  }

  /** The profile holding a record, or undefined when no accepted record has this id. */
  async profileOfRecord(recordId: string): Promise<IndexedProfile | undefined> {
    const hash = recordIdHash(recordId);
    const [start, end] = await this.bucket(this.layout.recordDir, hash, this.counts.records);
    if (end === start) return undefined;
    const entries = await this.read(this.layout.recordTable + 8 * start, 8 * (end - start));
    const tried = new Set<number>();
    for (let i = 0; i < end - start; i++) {
      if (entries.readUInt32LE(8 * i) !== hash) continue;
      const p = entries.readUInt32LE(8 * i + 4);
      // Several records of one profile may share a hash bucket; a colliding id of another profile is told apart
      // by the profile's own list of records.
      if (tried.has(p)) continue;
      tried.add(p);
      const profile = await this.profileAt(p);
      if (profile.recordIds.includes(recordId)) return profile;
    }
    return undefined;
  }

  /** A profile by id, or undefined. */
  async profileById(profileId: string): Promise<IndexedProfile | undefined> {
    const serial = serialOfProfileId(profileId);
    if (serial < 0) return undefined;
    // Binary search over the ascending serials: ~23 reads of 8 bytes at 8M profiles.
    let lo = 0;
    let hi = this.counts.profiles;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((await this.serialAt(mid)) < serial) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.counts.profiles && (await this.serialAt(lo)) === serial ? this.profileAt(lo) : undefined;
  }

  private async serialAt(p: number): Promise<number> {
    return (await this.read(this.layout.profileSerials + 8 * p, 8)).readDoubleLE(0);
  }

  /** Every evidence line with a record of profile `p` at either end, in decision (file) order. */
  async evidenceOf(p: number): Promise<{ readonly line: number; readonly evidence: LinkEvidence }[]> {
    const lines = await this.run(this.layout.profileEvidence, this.layout.evidenceRefs, this.counts.evidenceRefs, p);
    const out: { line: number; evidence: LinkEvidence }[] = [];
    for (const line of lines) out.push({ line, evidence: await this.evidenceLine(line) });
    return out;
  }

  /** Generic identifiers held by records of profile `p`. */
  async genericOf(p: number): Promise<GenericIdentifier[]> {
    const refs = await this.run(this.layout.profileGeneric, this.layout.genericRefs, this.counts.genericRefs, p);
    const out: GenericIdentifier[] = [];
    for (const g of refs) {
      if (g >= this.counts.generic) throw damaged(this.dir, `generic identifier ${g} of ${this.counts.generic}`);
      const t = await this.read(this.layout.genericTable + 12 * g, 12);
      const e = await this.evidenceLine(t.readUInt32LE(0));
      if (e.guard !== 'generic') throw damaged(this.dir, `generic identifier ${g} points at a line that is not one`);
      out.push({ key: e.key, records: t.readUInt32LE(4), distinctIdentifiers: t.readUInt32LE(8) });
    }
    return out;
  }

  private async profileAt(p: number): Promise<IndexedProfile> {
    if (p >= this.counts.profiles) throw damaged(this.dir, `profile ${p} of ${this.counts.profiles}`);
    const [from, to] = await this.range(this.layout.profileLines + 8 * p, this.counts.profilesBytes);
    const json = parseLine(await readExactly(this.profiles, from, to - from, this.dir), this.dir, OUTPUT_FILES.profiles) as { profile_id?: unknown; record_ids?: unknown };
    const profileId = profileIdOfSerial(await this.serialAt(p));
    if (json.profile_id !== profileId || !Array.isArray(json.record_ids) || !json.record_ids.every((r) => typeof r === 'string')) {
      throw damaged(this.dir, `profile ${p} is not ${profileId}'s line of ${OUTPUT_FILES.profiles}`);
    }
    return { index: p, profileId, recordIds: json.record_ids as string[] };
  }

  private async evidenceLine(line: number): Promise<LinkEvidence> {
    if (line >= this.counts.evidence) throw damaged(this.dir, `evidence line ${line} of ${this.counts.evidence}`);
    const [from, to] = await this.range(this.layout.evidenceLines + 8 * line, this.counts.evidenceBytes);
    const e = fromEvidenceJson(parseLine(await readExactly(this.evidence, from, to - from, this.dir), this.dir, OUTPUT_FILES.evidence));
    if (e === undefined) throw damaged(this.dir, `line ${line + 1} of ${OUTPUT_FILES.evidence} is not a link decision`);
    return e;
  }

  /** Entries [start, end) of the bucket of `hash` in a directory over `count` entries. */
  private async bucket(dir: number, hash: number, count: number): Promise<[number, number]> {
    const b = hash >>> (32 - this.counts.bucketBits);
    const d = await this.read(dir + 4 * b, 8);
    const start = d.readUInt32LE(0);
    const end = d.readUInt32LE(4);
    if (start > end || end > count) throw damaged(this.dir, `bucket ${b} [${start}, ${end}) of ${count}`);
    return [start, end];
  }

  /** The run of profile `p` in a CSR pair (`starts` u32 × (P + 1) into `items` u32 × `count`). */
  private async run(starts: number, items: number, count: number, p: number): Promise<number[]> {
    if (p >= this.counts.profiles) throw damaged(this.dir, `profile ${p} of ${this.counts.profiles}`);
    const s = await this.read(starts + 4 * p, 8);
    const start = s.readUInt32LE(0);
    const end = s.readUInt32LE(4);
    if (start > end || end > count) throw damaged(this.dir, `run [${start}, ${end}) of ${count}`);
    const b = await this.read(items + 4 * start, 4 * (end - start));
    const out: number[] = [];
    for (let i = 0; i < end - start; i++) out.push(b.readUInt32LE(4 * i));
    return out;
  }

  /** A line's byte range from a pair of f64 offsets, within a file of `size` bytes. */
  private async range(at: number, size: number): Promise<[number, number]> {
    const b = await this.read(at, 16);
    const from = b.readDoubleLE(0);
    const to = b.readDoubleLE(8);
    if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || to <= from || to > size) throw damaged(this.dir, `line range [${from}, ${to}) of ${size} bytes`);
    return [from, to];
  }

  private read(at: number, length: number): Promise<Buffer> {
    return readExactly(this.index, at, length, this.dir);
  }
}

async function openFile(file: string): Promise<FileHandle> {
  try {
    return await open(file, 'r');
  } catch (e) {
    throw new IdweaveError('input_unreadable', `${file}: cannot read (${(e as Error).message})`);
  }
}

async function readExactly(handle: FileHandle, at: number, length: number, dir: string): Promise<Buffer> {
  const b = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(b, done, length - done, at + done);
    if (bytesRead === 0) throw damaged(dir, `a read at byte ${at} ends past the end of a file`);
    done += bytesRead;
  }
  return b;
}

function parseLine(bytes: Buffer, dir: string, file: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw damaged(dir, `it points at a line of ${file} that is not JSON`);
  }
}

function damaged(dir: string, why: string): IdweaveError {
  return new IdweaveError('output_invalid', `${path.join(dir, EXPLAIN_INDEX_FILE)}: damaged or from another run (${why}); run idweave resolve again`);
}
