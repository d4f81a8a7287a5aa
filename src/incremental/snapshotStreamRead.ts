import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { ResolvedOptions } from '../config/ResolveOptions.js';
import { IdweaveError } from '../errors.js';
import type { ResolverState, TableSizes } from './ResolverState.js';
import { checkHead, checkOptions, Issues, show, SnapshotLoader, verifyPartition } from './snapshot.js';
import { decodeLines, recordBlockOf, recordOfBlock, type DecodedBatch, type DecodedSection, type RecordBlock, type SectionLimits, type TextBlock } from './snapshotBlocks.js';
import { MAX_LINE_BYTES, Pacer, SECTIONS, sectionsOf, SIZE_FIELDS, STREAM_CHECKSUM_PREFIX, STREAM_FORMAT, STREAM_VERSION, type Section } from './snapshotStreamFormat.js';

/** The head's fields by version (index = version). */
const HEAD_FIELDS: readonly (readonly string[])[] = [
  [],
  ['format', 'version', 'options', 'nextSerial'],
  ['format', 'version', 'options', 'idRange', 'nextSerial', 'holdsOverrides'],
  ['format', 'version', 'options', 'idRange', 'nextSerial', 'holdsOverrides', 'sizes'],
];
const NEWLINE = Buffer.from('\n');
const KEYS = SECTIONS.indexOf('keys');
const NAMES = SECTIONS.indexOf('names');
const RECORDS = SECTIONS.indexOf('records');
/** How the writer starts the lines of the decoded sections (it writes no spaces); other spellings are read the plain way. */
const DECODED: readonly (readonly [number, Buffer])[] = [KEYS, NAMES, RECORDS].map((s) => [s, Buffer.from(`{"${SECTIONS[s]}":[`)] as const);
/** How the writer starts the end line (it writes no spaces): lines skimmed under other options are told by it. */
const END_START = Buffer.from('{"end":');
/** Keys judged between two looks at the clock (judging one is a few µs, a large key's a few hundred). */
const JUDGE_BLOCK = 1024;

/**
 * Restores a resolver state from a streamed snapshot file, reading it line by line (memory: the state, plus one
 * line and one read buffer). A file that cannot be opened or read throws `IdweaveError('input_unreadable')`;
 * everything else is as `readSnapshotStream`.
 */
export async function readSnapshotFile(path: string, options: ResolvedOptions, verify = false, sizes: TableSizes = {}, decoder?: LineDecoder): Promise<ResolverState> {
  // Hints (a batch's identity.json, or the head's own) size the tables once; capped by what the file could hold
  // (an entry takes at least 4 bytes), so a hostile hint cannot make us allocate more than the file's size.
  const most = Math.floor((await stat(path).then((st) => st.size, () => 0)) / 4);
  const hint: SizeHints = { ...Object.fromEntries(SIZE_FIELDS.flatMap((f) => (sizes[f] === undefined ? [] : [[f, Math.min(sizes[f], most)]]))), limit: most };
  return readSnapshotStream(chunksOf(createReadStream(path, { highWaterMark: 1 << 20 }), path), options, verify, MAX_LINE_BYTES, hint, decoder);
}

/**
 * Restores a resolver state from the bytes of a streamed snapshot (snapshotStreamFormat.ts), trusting nothing:
 * each line is split off as bytes (a hand-rolled splitter: a line may be long, and the bytes are what the checksum
 * covers), decoded as strict UTF-8 and parsed on its own, and its entries go through the checks of the object
 * reader (`SnapshotLoader`). Lines come in order — head, tables, records, overrides, tombstones, end line — and
 * the end line's counts and SHA-256 must match what was read, so a truncated, damaged or edited stream is refused.
 * Any problem throws `IdweaveError('snapshot_invalid')` naming the line (`line 7: records[20012][1]: serial …`);
 * other matching options throw `config_invalid`. The event loop gets a turn after each slice of work.
 *
 * perf: `keys`, `names` and `records` lines (nearly all of the bytes) are decoded and checked by `decoder` — in
 * this thread by default, or by worker threads (resolverFromBatch) while this one restores the lines before — and
 * restored from typed columns. A line the decoder is unsure of is read the plain way, which names its problem.
 */
export async function readSnapshotStream(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: ResolvedOptions,
  verify = false,
  maxLineBytes = MAX_LINE_BYTES,
  sizes: SizeHints = {},
  decoder: LineDecoder = inThreadDecoder(),
): Promise<ResolverState> {
  const reader = new StreamReader(options, new Pacer(), sizes, decoder);
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const chunk of chunks) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (let nl = bytes.indexOf(10, start); nl >= 0; nl = bytes.indexOf(10, start)) {
      if (pendingBytes + nl - start > maxLineBytes) await reader.tooLong(maxLineBytes);
      const piece = bytes.subarray(start, nl);
      const line = pending.length === 0 ? piece : Buffer.concat([...pending, piece]);
      pending = [];
      pendingBytes = 0;
      start = nl + 1;
      await reader.take(line);
    }
    if (start < bytes.length) {
      pendingBytes += bytes.length - start;
      if (pendingBytes > maxLineBytes) await reader.tooLong(maxLineBytes);
      pending.push(bytes.subarray(start));
    }
  }
  if (pendingBytes > 0) {
    // A first line without a newline is still read, to say what the file is (an object snapshot, say).
    if (reader.atStart) await reader.take(Buffer.concat(pending));
    await reader.unterminated();
  }
  return reader.finish(verify);
}

/**
 * Decodes the lines of the large sections (snapshotBlocks.ts) for the stream reader, perhaps in other threads:
 * `start` once per section, with what its entries are checked against, before its first line; results may come in
 * any order, the reader applies them in its own.
 */
export interface LineDecoder {
  start(section: DecodedSection, limits: SectionLimits): Promise<void>;
  /**
   * The lines `bytes[ends[j − 1], ends[j])` (from 0), each decoded, in order, with the bytes themselves: a worker
   * thread takes the memory and hands it back, for the lines to read the plain way.
   */
  decode(bytes: Uint8Array, ends: Uint32Array): Promise<DecodedBatch>;
  /** Batches of lines in flight at most (1: decode, then restore). */
  readonly depth: number;
  /**
   * Bytes of lines to gather into one batch (a line longer than that goes alone). perf: for worker threads, one
   * message per line cost ~0.5 ms of this thread at 20M records (15k lines); in this thread, one line at a time
   * keeps each step short.
   */
  readonly batchBytes: number;
}


/** Decodes in this thread, one line at a time. */
export function inThreadDecoder(): LineDecoder {
  let section: DecodedSection = 'keys';
  let limits: SectionLimits = {};
  return {
    depth: 1,
    batchBytes: 0,
    start: (s, l) => {
      section = s;
      limits = l;
      return Promise.resolve();
    },
    decode: (bytes, ends) => Promise.resolve({ blocks: decodeLines(bytes, ends, section, limits), bytes }),
  };
}

/**
 * Sizes to make the tables for (`ResolverState.reserve`), from the caller; and `limit`, the most a head's own
 * `sizes` may say of any table (the file's bytes / 4; without it, the head's sizes are not used).
 */
export type SizeHints = TableSizes & { readonly limit?: number };

/** A batch of lines on its way: decoded elsewhere, restored in line order. */
interface InFlight {
  /** Number of the first line. */
  readonly line: number;
  readonly ends: Uint32Array;
  readonly decoded: Promise<DecodedBatch>;
}


/** The state of reading one stream: where it is, what it counted, the running hash. */
class StreamReader {
  // Declared types: `issues.fail()` narrows only through explicitly typed names.
  private readonly issues: Issues = new Issues();
  private readonly hash = createHash('sha256');
  /** Number of the line being read (from 1). */
  private line = 0;
  /** Index in `SECTIONS` of the last table line read; -1 before the first. */
  private section = -1;
  private readonly counts = SECTIONS.map(() => 0);
  /** The sections the head's version has. */
  private sections: readonly Section[] = SECTIONS;
  /** Whether the head says the stream holds the override table (version 2). */
  private holdsOverrides = false;
  private loader: SnapshotLoader | undefined;
  private ended = false;
  /**
   * Set when the head names other matching options. The rest is then only hashed, not restored: a flipped byte in
   * the fingerprint must be told from a snapshot taken under other options, and only the checksum can tell.
   */
  private mismatch: IdweaveError | undefined;

  /** Records lines handed to the decoder and not yet restored, in line order. */
  private readonly inFlight: InFlight[] = [];
  /** Decodable lines not yet sent: copied into `batch` back to back, ending at `batchEnds`. */
  private batch = new Uint8Array(0);
  private batchUsed = 0;
  private readonly batchEnds: number[] = [];
  private batchLine = 0;
  /** The section the decoder was last started for (index in `SECTIONS`; -1: none). */
  private decoding = -1;

  constructor(
    private readonly options: ResolvedOptions,
    private readonly pacer: Pacer,
    private sizes: SizeHints,
    private readonly decoder: LineDecoder,
  ) {}

  get atStart(): boolean {
    return this.line === 0;
  }

  /** One line, without its newline. */
  async take(bytes: Buffer): Promise<void> {
    const section = this.decodable(bytes);
    if (section >= 0) {
      this.line++;
      if (section !== this.decoding) {
        // A section's entries are checked against the tables before it: restore those first.
        await this.settle();
        this.decoding = section;
        await this.decoder.start(SECTIONS[section] as DecodedSection, this.limitsFor(section));
      }
      this.hash.update(bytes);
      this.hash.update(NEWLINE);
      if (this.batchEnds.length > 0 && this.batchUsed + bytes.length > this.batch.length) await this.send();
      // A copy: the read buffer is not ours to keep, and a worker takes the batch's memory.
      if (this.batchEnds.length === 0) {
        this.batch = new Uint8Array(Math.max(this.decoder.batchBytes, bytes.length));
        this.batchLine = this.line;
      }
      this.batch.set(bytes, this.batchUsed);
      this.batchUsed += bytes.length;
      this.batchEnds.push(this.batchUsed);
      return;
    }
    await this.settle();
    this.line++;
    await this.read(bytes, this.line, false);
    if (this.line === 1 && this.loader !== undefined) {
      // The tables, sized once for what the hints say is coming, a table per step.
      const steps = this.loader.state.reserveSteps(this.sizes);
      while (!steps.next().done) if (this.pacer.due()) await this.pacer.turn();
    }
  }

  /**
   * The section (index in `SECTIONS`) of a line that may go to the decoder, or -1: a keys, names or records line
   * as the writer spells it, where such a line may come, in a stream being restored.
   */
  private decodable(bytes: Buffer): number {
    if (this.loader === undefined || this.mismatch !== undefined || this.ended) return -1;
    for (const [section, start] of DECODED) {
      if (bytes.length > start.length && bytes[2] === start[2] && bytes.subarray(0, start.length).equals(start)) return section >= this.section ? section : -1;
    }
    return -1;
  }

  private limitsFor(section: number): SectionLimits {
    const loader = this.loader!;
    const state = loader.state;
    if (section === KEYS) return { groups: loader.groupTexts() };
    if (section === RECORDS) return { records: { nextSerial: state.nextSerial, names: state.names.size, sources: state.sources.size, keys: state.keys.size, keyKind: state.keyKind } };
    return {};
  }

  /** Sends the lines gathered to the decoder; restores batches while more than it takes are in flight. */
  private async send(): Promise<void> {
    if (this.batchEnds.length === 0) return;
    const bytes = this.batch.subarray(0, this.batchUsed);
    const ends = Uint32Array.from(this.batchEnds);
    this.inFlight.push({ line: this.batchLine, ends, decoded: this.decoder.decode(bytes, ends) });
    this.batchEnds.length = 0;
    this.batchUsed = 0;
    this.batch = new Uint8Array(0);
    while (this.inFlight.length > this.decoder.depth) await this.restoreNext();
  }

  /** Restores the oldest batch in flight, line by line: from its blocks, or (the decoder was unsure) the plain way. */
  private async restoreNext(): Promise<void> {
    const { line, ends, decoded } = this.inFlight.shift()!;
    const { blocks, bytes } = await decoded;
    for (let j = 0, start = 0; j < blocks.length; start = ends[j++]!) {
      const block = blocks[j];
      if (block === undefined) {
        await this.read(Buffer.from(bytes.buffer, bytes.byteOffset + start, ends[j]! - start), line + j, true);
        continue;
      }
      this.issues.where = `line ${line + j}: `;
      if (block.section === 'records') await this.restoreRecords(block, line + j);
      else this.restoreTexts(block, line + j);
      this.issues.throwIfAny();
      if (this.pacer.due()) await this.pacer.turn();
    }
  }

  private async restoreRecords(received: RecordBlock, line: number): Promise<void> {
    const issues: Issues = this.issues;
    this.section = RECORDS;
    const loader = this.loader!;
    const state = loader.state;
    const at = this.counts[RECORDS]!;
    const block = recordBlockOf(received);
    const payloads = state.adoptPayloads(block);
    this.blockLines.push([RECORDS, at, line]);
    for (let i = 0; i < block.count && issues.none; i++) {
      if (loader.holdsFoldedAttributes(block.refs[4 * i + 3]!)) state.restoreDecoded(block, i, payloads);
      else {
        await this.settleTables();
        loader.record(recordOfBlock(block, i), at + i);
      }
      if ((i & 255) === 255 && this.pacer.due()) await this.pacer.turn();
    }
    this.counts[RECORDS] = at + block.count;
  }

  /** A keys or names line (a few ms of work: no turn inside). */
  private restoreTexts(block: TextBlock, line: number): void {
    const loader = this.loader!;
    const state = loader.state;
    const keys = block.section === 'keys';
    const section = keys ? KEYS : NAMES;
    this.section = section;
    const at = this.counts[section]!;
    this.blockLines.push([section, at, line]);
    const groups = keys ? this.groupIds() : [];
    for (let i = 0, start = 0; i < block.count; i++) {
      const end = block.ends[i]!;
      if (keys) state.appendKey(block.bytes, start, end - start, block.hashes[i]!, block.kinds[i]!, block.groups[i] === -1 ? -1 : groups[block.groups[i]!]!);
      else state.appendName(block.bytes, start, end - start, block.hashes[i]!);
      start = end;
    }
    this.counts[section] = at + block.count;
  }

  /**
   * Looks up what the blocks restored without a lookup (`ResolverState.settleTables`), before anything else looks
   * one up; a repeat is refused as the plain reader refuses it, naming the line it came on.
   */
  private async settleTables(): Promise<void> {
    const state = this.loader?.state;
    if (state === undefined) return;
    const steps = state.settleTables();
    let step = steps.next();
    for (; !step.done; step = steps.next()) if (this.pacer.due()) await this.pacer.turn();
    const repeat = step.value;
    if (repeat === undefined) return;
    const { table, later } = repeat;
    const section = SECTIONS.indexOf(table);
    let line = 0;
    for (const [s, first, l] of this.blockLines) if (s === section && first <= later) line = l;
    this.issues.where = `line ${line}: `;
    if (table === 'keys') this.issues.fail(`keys[${later}][0]: duplicate key ${show(state.keys.keyOf(later))}`);
    if (table === 'names') this.issues.fail(`names[${later}]: duplicate name ${show(state.names.keyOf(later))}`);
    this.issues.fail(`records[${later}][0]: duplicate record id ${show(state.ids.keyOf(later))}`);
  }

  /** Per block restored: its section, the table index of its first entry, and its line (for `settleTables`). */
  private readonly blockLines: [number, number, number][] = [];

  /** The state's id of each group of the table (by table index). */
  private groupIds(): number[] {
    const state = this.loader!.state;
    return (this.groupIdCache ??= this.loader!.groupTexts().map((g) => state.groupId(g)));
  }

  private groupIdCache: number[] | undefined;

  /** Reads line number `line` the plain way; `hashed`: its bytes are in the hash already. */
  private async read(bytes: Buffer, lineNumber: number, hashed: boolean): Promise<void> {
    await this.settleTables();
    const issues: Issues = this.issues;
    issues.where = `line ${lineNumber}: `;
    if (this.ended) issues.fail('unexpected text after the end line');
    if (this.mismatch !== undefined && !bytes.subarray(0, END_START.length).equals(END_START)) {
      this.hash.update(bytes);
      this.hash.update(NEWLINE);
      if (this.pacer.due()) await this.pacer.turn();
      return;
    }
    let value: unknown;
    try {
      // perf: a native validity check and a plain decode are ~3× faster than a fatal TextDecoder.
      if (!isUtf8(bytes)) throw new TypeError('invalid UTF-8');
      value = JSON.parse(bytes.toString('utf8'));
    } catch (e) {
      // Messages stay short: V8 quotes the text around the error, which is customer data.
      issues.fail(e instanceof SyntaxError ? 'not valid JSON: the line is damaged or cut' : 'not valid UTF-8 text: the line is damaged');
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) issues.fail(`expected a JSON object, got ${show(value)}`);
    const line = value as Record<string, unknown>;
    if (lineNumber === 1) return this.head(line, bytes);
    const fields = Object.keys(line);
    if (fields.includes('end') || fields.includes('checksum')) return this.end(line, fields);
    const name = fields[0]!;
    const section = this.sections.indexOf(name as never);
    if (fields.length !== 1 || section < 0) {
      issues.fail(`expected a line of ${this.sections.map((s) => `"${s}"`).join(', ')} or the end line, got the field${fields.length === 1 ? '' : 's'} ${fields.map(show).join(', ') || '(none)'}`);
    }
    if (section < this.section) {
      issues.fail(`a "${name}" line after the "${SECTIONS[this.section]}" lines: a snapshot stream's lines come in the order ${this.sections.join(', ')}`);
    }
    if (name === 'overrides' && !this.holdsOverrides) issues.fail('an "overrides" line, but the head says the stream holds no override table (holdsOverrides: false)');
    const entries = line[name];
    if (!Array.isArray(entries)) issues.fail(`${name}: expected an array, got ${show(entries)}`);
    this.section = section;
    if (!hashed) {
      this.hash.update(bytes);
      this.hash.update(NEWLINE);
    }
    const loader = this.loader!;
    const at = this.counts[section]!;
    for (let j = 0; j < entries.length && issues.open; j++) {
      const e: unknown = entries[j];
      if (section === 0) loader.group(e, at + j);
      else if (section === 1) loader.key(e, at + j);
      else if (section === 2) loader.text('names', e, at + j);
      else if (section === 3) loader.text('sources', e, at + j);
      else if (section === 4) loader.record(e, at + j);
      else if (section === 5) loader.override(e, at + j);
      else loader.tombstone(e, at + j);
      if (this.pacer.due()) await this.pacer.turn();
    }
    this.counts[section] = at + entries.length;
    issues.throwIfAny();
  }

  private head(head: Record<string, unknown>, bytes: Buffer): void {
    const issues: Issues = this.issues;
    if (head.format !== STREAM_FORMAT) {
      issues.fail(
        head.format === 'idweave.resolver'
          ? 'format: "idweave.resolver" is an object snapshot (from snapshot()): read it with JSON.parse and restoreResolver'
          : `format: expected "${STREAM_FORMAT}", got ${show(head.format)}: not an idweave resolver snapshot stream`,
      );
    }
    const version = head.version;
    if (version !== 1 && version !== 2 && version !== STREAM_VERSION) issues.fail(`version: ${show(version)} is not supported (this idweave reads resolver snapshot streams of versions 1 to ${STREAM_VERSION})`);
    for (const field of Object.keys(head)) if (!HEAD_FIELDS[version]!.includes(field)) issues.add(`unexpected field ${show(field)} in the head`);
    checkHead(head, issues, version >= 2);
    if (version >= 2 && typeof head.holdsOverrides !== 'boolean') issues.add(`holdsOverrides: expected true or false, got ${show(head.holdsOverrides)}`);
    const said = head.sizes === undefined ? undefined : this.checkSizes(head.sizes);
    issues.throwIfAny();
    this.sections = sectionsOf(version);
    // What the caller knows wins; the head's sizes count only up to what the file could hold.
    const limit = this.sizes.limit ?? 0;
    const hint = (field: (typeof SIZE_FIELDS)[number]): number => this.sizes[field] ?? Math.min(said?.[field] ?? 0, limit);
    this.sizes = Object.fromEntries(SIZE_FIELDS.map((f) => [f, hint(f)]));
    // Version 1 holds no override table: the `overrides` option is set on what it restores.
    this.holdsOverrides = head.holdsOverrides === true;
    try {
      checkOptions(head.options as string, this.options);
    } catch (e) {
      this.mismatch = e as IdweaveError;
    }
    this.loader = new SnapshotLoader(this.options, { nextSerial: head.nextSerial as number, idRange: version >= 2 ? (head.idRange as number) : undefined, holdsOverrides: this.holdsOverrides }, issues);

    this.hash.update(bytes);
    this.hash.update(NEWLINE);
  }

  /** A head's `sizes`: an object of the known fields, each a count (a safe integer ≥ 0). */
  private checkSizes(sizes: unknown): TableSizes | undefined {
    const issues: Issues = this.issues;
    if (typeof sizes !== 'object' || sizes === null || Array.isArray(sizes)) {
      issues.add(`sizes: expected an object of table sizes, got ${show(sizes)}`);
      return undefined;
    }
    const fields = sizes as Record<string, unknown>;
    for (const f of Object.keys(fields)) {
      if (!(SIZE_FIELDS as readonly string[]).includes(f)) issues.add(`sizes: unexpected field ${show(f)}`);
      else if (!Number.isSafeInteger(fields[f]) || (fields[f] as number) < 0) issues.add(`sizes.${f}: ${show(fields[f])} is not a count`);
    }
    return fields as TableSizes;
  }

  /** The end line: the counts and the checksum of everything before it. */
  private end(line: Record<string, unknown>, fields: readonly string[]): void {
    const issues: Issues = this.issues;
    for (const f of fields) if (f !== 'end' && f !== 'checksum') issues.add(`unexpected field ${show(f)} in the end line`);
    const end = line.end;
    if (typeof end !== 'object' || end === null || Array.isArray(end)) issues.fail(`end: expected the counts {"groups": …, "records": …}, got ${show(end)}`);
    const counts = end as Record<string, unknown>;
    for (const f of Object.keys(counts)) if (!this.sections.includes(f as never)) issues.add(`end: unexpected field ${show(f)}`);
    // Skimmed lines (other options) were not counted; the checksum alone says whether they are intact.
    if (this.mismatch === undefined) {
      this.sections.forEach((s, i) => {
        if (counts[s] !== this.counts[i]) issues.add(`end.${s}: the end line counts ${show(counts[s])}, the stream holds ${this.counts[i]}: lines are missing or were added`);
      });
    }
    const said = line.checksum;
    if (typeof said !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(said)) issues.add(`checksum: expected "${STREAM_CHECKSUM_PREFIX}" and 64 hex digits, got ${show(said)}`);
    issues.throwIfAny();
    const actual = STREAM_CHECKSUM_PREFIX + this.hash.digest('hex');
    if (said !== actual) issues.fail(`checksum: the stream hashes to ${actual}, the end line says ${String(said)}: it was edited or damaged`);
    this.ended = true;
  }

  /** Restores the lines in flight (their problems come first, as they come first in the stream). */
  private async settle(): Promise<void> {
    await this.send();
    while (this.inFlight.length > 0) await this.restoreNext();
    await this.settleTables();
  }

  async tooLong(max: number): Promise<never> {
    await this.settle();
    this.issues.where = `line ${this.line + 1}: `;
    return this.issues.fail(`longer than ${max} bytes, more than a snapshot line may hold`);
  }

  /** Bytes after the last newline. */
  async unterminated(): Promise<never> {
    await this.settle();
    this.issues.where = `line ${this.line + 1}: `;
    return this.issues.fail(this.ended ? 'unexpected text after the end line' : 'the stream ends inside a line (no newline after it): it is truncated');
  }

  /** After the last line: judges every key's generic status and, with `verify`, re-links the partition. */
  async finish(verify: boolean): Promise<ResolverState> {
    await this.settle();
    const issues: Issues = this.issues;
    if (!this.ended) {
      issues.where = `line ${this.line + 1}: `;
      issues.fail(this.line === 0 ? 'the stream is empty: not a resolver snapshot' : 'the stream ends before its end line: it is truncated');
    }
    // Intact, but taken under other options: the configuration is what is wrong.
    if (this.mismatch !== undefined) throw this.mismatch;
    issues.where = '';
    const state = this.loader!.state;
    for (let k = 0; k < state.keys.size; k += JUDGE_BLOCK) {
      state.judgeKeys(k, Math.min(k + JUDGE_BLOCK, state.keys.size));
      if (this.pacer.due()) await this.pacer.turn();
    }
    if (verify) {
      const steps = verifyPartition(state, issues);
      while (!steps.next().done) if (this.pacer.due()) await this.pacer.turn();
      issues.throwIfAny();
    }
    return state;
  }
}

/** The chunks of a file stream; a file that cannot be opened or read (missing, a directory, an I/O error) is `input_unreadable`. */
async function* chunksOf(stream: Readable, path: string): AsyncGenerator<Buffer> {
  const it = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  try {
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await it.next();
      } catch (e) {
        throw unreadable(path, e);
      }
      if (next.done) return;
      yield next.value;
    }
  } finally {
    stream.destroy();
  }
}

function unreadable(path: string, e: unknown): IdweaveError {
  const reason = e instanceof Error ? e.message : String(e);
  return new IdweaveError('input_unreadable', `cannot read the snapshot ${path}: ${reason}`, [reason]);
}
