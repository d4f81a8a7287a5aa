import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { ResolvedOptions } from '../../config/ResolveOptions.js';
import { IdweaveError } from '../../errors.js';
import type { ResolverState } from './ResolverState.js';
import { checkHead, checkOptions, Issues, show, SnapshotLoader, verifyPartition } from './snapshot.js';
import { MAX_LINE_BYTES, Pacer, SECTIONS, sectionsOf, STREAM_CHECKSUM_PREFIX, STREAM_FORMAT, STREAM_VERSION, type Section } from './snapshotStreamFormat.js';

/** The head's fields by version (index = version). */
const HEAD_FIELDS: readonly (readonly string[])[] = [[], ['format', 'version', 'options', 'nextSerial'], ['format', 'version', 'options', 'idRange', 'nextSerial', 'holdsOverrides']];
const NEWLINE = Buffer.from('\n');
/** How the writer starts the end line (it writes no spaces): lines skimmed under other options are told by it. */
const END_START = Buffer.from('{"end":');
/** Keys judged between two looks at the clock (judging one is a few µs, a large key's a few hundred). */
const JUDGE_BLOCK = 1024;

/**
 * Restores a resolver state from a streamed snapshot file, reading it line by line (memory: the state, plus one
 * line and one read buffer). A file that cannot be opened or read throws `IdweaveError('input_unreadable')`;
 * everything else is as `readSnapshotStream`.
 */
export async function readSnapshotFile(path: string, options: ResolvedOptions, verify = false, expectedRecords = 0): Promise<ResolverState> {
  // A hint from elsewhere (a batch's identity.json) sizes the tables once; capped by what the file could hold.
  let hint = 0;
  if (expectedRecords > 0) hint = Math.min(expectedRecords, Math.floor((await stat(path).then((st) => st.size, () => 0)) / 16));
  return readSnapshotStream(chunksOf(createReadStream(path, { highWaterMark: 1 << 20 }), path), options, verify, MAX_LINE_BYTES, hint);
}

/**
 * Restores a resolver state from the bytes of a streamed snapshot (snapshotStreamFormat.ts), trusting nothing:
 * each line is split off as bytes (a hand-rolled splitter: a line may be long, and the bytes are what the checksum
 * covers), decoded as strict UTF-8 and parsed on its own, and its entries go through the checks of the object
 * reader (`SnapshotLoader`). Lines come in order — head, tables, records, overrides, tombstones, end line — and
 * the end line's counts and SHA-256 must match what was read, so a truncated, damaged or edited stream is refused.
 * Any problem throws `IdweaveError('snapshot_invalid')` naming the line (`line 7: records[20012][1]: serial …`);
 * other matching options throw `config_invalid`. The event loop gets a turn after each slice of work.
 */
export async function readSnapshotStream(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: ResolvedOptions, verify = false, maxLineBytes = MAX_LINE_BYTES, expectedRecords = 0): Promise<ResolverState> {
  const reader = new StreamReader(options, new Pacer(), expectedRecords);
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const chunk of chunks) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (let nl = bytes.indexOf(10, start); nl >= 0; nl = bytes.indexOf(10, start)) {
      if (pendingBytes + nl - start > maxLineBytes) reader.tooLong(maxLineBytes);
      const piece = bytes.subarray(start, nl);
      const line = pending.length === 0 ? piece : Buffer.concat([...pending, piece]);
      pending = [];
      pendingBytes = 0;
      start = nl + 1;
      await reader.take(line);
    }
    if (start < bytes.length) {
      pendingBytes += bytes.length - start;
      if (pendingBytes > maxLineBytes) reader.tooLong(maxLineBytes);
      pending.push(bytes.subarray(start));
    }
  }
  if (pendingBytes > 0) {
    // A first line without a newline is still read, to say what the file is (an object snapshot, say).
    if (reader.atStart) await reader.take(Buffer.concat(pending));
    reader.unterminated();
  }
  return reader.finish(verify);
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

  constructor(
    private readonly options: ResolvedOptions,
    private readonly pacer: Pacer,
    private readonly expectedRecords = 0,
  ) {}

  get atStart(): boolean {
    return this.line === 0;
  }

  /** One line, without its newline. */
  async take(bytes: Buffer): Promise<void> {
    const issues: Issues = this.issues;
    this.line++;
    issues.where = `line ${this.line}: `;
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
    if (this.line === 1) return this.head(line, bytes);
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
    this.hash.update(bytes);
    this.hash.update(NEWLINE);
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
    if (version !== 1 && version !== STREAM_VERSION) issues.fail(`version: ${show(version)} is not supported (this idweave reads resolver snapshot streams of versions 1 and ${STREAM_VERSION})`);
    for (const field of Object.keys(head)) if (!HEAD_FIELDS[version]!.includes(field)) issues.add(`unexpected field ${show(field)} in the head`);
    checkHead(head, issues, version >= 2);
    if (version >= 2 && typeof head.holdsOverrides !== 'boolean') issues.add(`holdsOverrides: expected true or false, got ${show(head.holdsOverrides)}`);
    issues.throwIfAny();
    this.sections = sectionsOf(version);
    // Version 1 holds no override table: the `overrides` option is set on what it restores.
    this.holdsOverrides = head.holdsOverrides === true;
    try {
      checkOptions(head.options as string, this.options);
    } catch (e) {
      this.mismatch = e as IdweaveError;
    }
    this.loader = new SnapshotLoader(this.options, { nextSerial: head.nextSerial as number, idRange: version >= 2 ? (head.idRange as number) : undefined, holdsOverrides: this.holdsOverrides }, issues);
    if (this.expectedRecords > 0) this.loader.state.reserve(this.expectedRecords);
    this.hash.update(bytes);
    this.hash.update(NEWLINE);
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

  tooLong(max: number): never {
    this.issues.where = `line ${this.line + 1}: `;
    return this.issues.fail(`longer than ${max} bytes, more than a snapshot line may hold`);
  }

  /** Bytes after the last newline. */
  unterminated(): never {
    this.issues.where = `line ${this.line + 1}: `;
    return this.issues.fail(this.ended ? 'unexpected text after the end line' : 'the stream ends inside a line (no newline after it): it is truncated');
  }

  /** After the last line: judges every key's generic status and, with `verify`, re-links the partition. */
  async finish(verify: boolean): Promise<ResolverState> {
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
