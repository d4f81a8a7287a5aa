import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { JsonBytes } from '../_internal/JsonBytes.js';
import { Utf8Lines } from '../_internal/Utf8Lines.js';
import { IdweaveError, isIdweaveError } from '../errors.js';
import { rangeOfSerial } from '../identity/profileIds.js';
import {
  MAX_LINE_BYTES,
  MAX_LINE_CHARS,
  MAX_LINE_ENTRIES,
  Pacer,
  SECTIONS,
  STREAM_CHECKSUM_PREFIX,
  STREAM_FORMAT,
  STREAM_VERSION,
  type Section,
} from './snapshotStreamFormat.js';
import type { FormattedLines, SnapshotSource } from './snapshotStreamSource.js';

/** What a streamed snapshot took: bytes written (the file's size) and records. */
export interface SnapshotWritten {
  readonly bytes: number;
  readonly records: number;
  /** SHA-256 of every byte written, the end line included (hex): a manifest's checksum of the file. */
  readonly sha256: string;
}

/**
 * Writes a snapshot to `path` atomically: into a temporary file beside it (mode 0600: a snapshot holds customer
 * data), flushed to disk, then renamed over `path`, so a crash or a failed write never leaves a partial snapshot
 * under the final name (and an older snapshot there survives a failed write). I/O failures throw
 * `IdweaveError('output_unwritable')`; the temporary file is removed.
 */
export async function writeSnapshotFile(source: SnapshotSource, path: string, pacer?: Pacer): Promise<SnapshotWritten> {
  const target = resolve(path);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  // `flush`: the file is fsynced before it is closed, so the rename never exposes data still in the page cache.
  const out = createWriteStream(temp, { flags: 'wx', mode: 0o600, flush: true, highWaterMark: 1 << 20 });
  // Kept for the stream's life: an error between two of our awaits must not go unhandled (finished() reports it).
  out.on('error', () => undefined);
  try {
    const written = await writeSnapshotStream(source, out, { pacer, name: path });
    out.end();
    await finished(out);
    if (!out.closed) await once(out, 'close');
    await rename(temp, target);
    await syncDirectory(dirname(target));
    return written;
  } catch (e) {
    // The file may still be opening: once the stream has closed, it exists or never will, and can be removed.
    out.destroy();
    if (!out.closed) await once(out, 'close').catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    if (isIdweaveError(e) || !isSystemError(e)) throw e;
    throw unwritable(path, e);
  }
}

/**
 * Writes a snapshot of `source` to `out` as NDJSON (snapshotStreamFormat.ts), waiting for `drain` whenever `out`
 * buffers more than its high-water mark and giving the event loop a turn after each slice of work; `out` is not
 * ended. Memory holds one line at a time (~256 KiB), whatever the snapshot's size. A failing `out` throws
 * `IdweaveError('output_unwritable')`, naming `name` when given.
 */
export async function writeSnapshotStream(source: SnapshotSource, out: Writable, { pacer = new Pacer(), name }: { pacer?: Pacer | undefined; name?: string } = {}): Promise<SnapshotWritten> {
  const sink = new LineSink(out);
  try {
    const head = {
      format: STREAM_FORMAT,
      version: STREAM_VERSION,
      options: source.options,
      idRange: source.idRange ?? rangeOfSerial(source.nextSerial),
      nextSerial: source.nextSerial,
      holdsOverrides: source.overrides !== undefined,
      ...(source.sizes === undefined ? {} : { sizes: source.sizes }),
    };
    await sink.line(JSON.stringify(head));
    const end = { groups: 0, keys: 0, names: 0, sources: 0, records: 0, overrides: 0, erased: 0 };
    for (const section of SECTIONS) end[section] = await writeSection(sink, section, source[section] ?? [], pacer, source.formatted?.[section]);
    await sink.line(JSON.stringify({ end, checksum: STREAM_CHECKSUM_PREFIX + sink.digestSoFar() }));
    return { bytes: sink.bytes, records: end.records, sha256: sink.digest() };
  } catch (e) {
    throw e === sink.failure ? unwritable(name, e) : e;
  } finally {
    sink.detach();
  }
}

/**
 * Writes one table (or the records) as lines of at most `MAX_LINE_ENTRIES` entries and ~`MAX_LINE_CHARS`
 * characters; or, when the source gives the section formatted, its lines as they come.
 */
async function writeSection(sink: LineSink, section: Section, entries: Iterable<unknown>, pacer: Pacer, formatted?: AsyncIterable<FormattedLines>): Promise<number> {
  if (formatted !== undefined) {
    let count = 0;
    for await (const block of formatted) {
      await sink.encoded(block.bytes);
      count += block.entries;
    }
    return count;
  }
  const out = new Utf8Lines();
  const cutter = new LineCutter(section, out);
  for (const entry of entries) {
    if (cutter.add(JSON.stringify(entry) ?? 'null')) await sink.encoded(out.takeLines());
    if (pacer.due()) await pacer.turn();
  }
  cutter.finish();
  const last = out.takeLines();
  if (last.byteLength > 0) await sink.encoded(last);
  return cutter.count;
}

/**
 * Cuts a section's entries (as JSON texts) into lines of at most `MAX_LINE_ENTRIES` entries and ~`MAX_LINE_CHARS`
 * characters: the one rule, whichever thread formats the lines. The lines go into `out` as they are made (perf: no
 * line is first joined as a string: joining and flattening 256K-character lines was 18% of a worker's time).
 */
export class LineCutter {
  private readonly open: string;
  private entries = 0;
  private chars = 0;
  /** Entries taken so far. */
  count = 0;

  constructor(
    private readonly section: Section,
    private readonly out: Utf8Lines,
  ) {
    this.open = `{"${section}":[`;
  }

  /** Takes an entry; says whether it closed the line before it (the entry did not fit on it). */
  add(text: string): boolean {
    if (text.length > MAX_LINE_CHARS && Buffer.byteLength(text) > MAX_LINE_BYTES - this.open.length - 3) this.tooLong();
    const closed = this.next(text.length);
    this.out.append(text);
    return closed;
  }

  /** Takes an entry built as bytes (`JsonBytes`); says whether it closed the line before it. */
  addEncoded(text: JsonBytes): boolean {
    if (text.chars > MAX_LINE_CHARS && text.length > MAX_LINE_BYTES - this.open.length - 3) this.tooLong();
    const closed = this.next(text.chars);
    this.out.appendBytes(text.bytes, text.length);
    return closed;
  }

  /** Starts the next entry, `chars` UTF-16 units long: on this line if it fits, else on a new one. */
  private next(chars: number): boolean {
    const closed = this.entries > 0 && (this.entries === MAX_LINE_ENTRIES || this.chars + chars > MAX_LINE_CHARS);
    if (closed) this.finish();
    if (this.entries === 0) this.out.append(this.open);
    else this.out.appendByte(44);
    this.entries++;
    this.chars += chars + 1;
    this.count++;
    return closed;
  }

  private tooLong(): never {
    throw new IdweaveError('output_unwritable', `cannot write the snapshot: ${this.section}[${this.count}] takes more than the ${MAX_LINE_BYTES} bytes a snapshot line may hold`);
  }

  /** Closes the line being filled, if any. */
  finish(): void {
    if (this.entries === 0) return;
    this.out.append(']}');
    this.out.endLine();
    this.entries = 0;
    this.chars = 0;
  }
}

/**
 * Lines to a Writable, with backpressure, counting bytes and hashing them: for the end line's checksum (the lines
 * before it) and for the whole file's (perf: the batch job's manifest takes it instead of hashing ~4 GB again at
 * 20M rows).
 */
class LineSink {
  bytes = 0;
  private readonly hash = createHash('sha256');
  /** The output's error, once it failed (thrown as it is, so the caller can tell it from a source's). */
  failure: unknown;
  private readonly onError = (e: Error): void => {
    this.failure ??= e;
  };

  constructor(private readonly out: Writable) {
    out.on('error', this.onError);
  }

  async line(text: string): Promise<void> {
    return this.write(Buffer.from(`${text}\n`));
  }

  /** Whole lines already encoded, each with its newline. */
  async encoded(bytes: Uint8Array): Promise<void> {
    return this.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }

  private async write(bytes: Buffer): Promise<void> {
    this.hash.update(bytes);
    this.bytes += bytes.length;
    if (this.failure === undefined && (this.out.destroyed || this.out.writableEnded)) this.failure = new Error('the output was closed before the snapshot was written');
    if (this.failure !== undefined) throw this.failure;
    if (!this.out.write(bytes)) {
      await drained(this.out).catch((e: unknown) => {
        this.failure ??= e;
        throw this.failure;
      });
    }
  }

  /** SHA-256 of the hashed bytes so far (hex); hashing goes on. */
  digestSoFar(): string {
    return this.hash.copy().digest('hex');
  }

  /** SHA-256 of every hashed byte (hex); the last call. */
  digest(): string {
    return this.hash.digest('hex');
  }

  detach(): void {
    this.out.off('error', this.onError);
  }
}

/** Resolves on `drain`; rejects when the stream fails or closes first (a destroyed stream never drains). */
function drained(out: Writable): Promise<void> {
  return new Promise((done, fail) => {
    const settle = (e?: Error): void => {
      out.off('drain', onDrain);
      out.off('error', onError);
      out.off('close', onClose);
      if (e) fail(e);
      else done();
    };
    const onDrain = (): void => settle();
    const onError = (e: Error): void => settle(e);
    const onClose = (): void => settle(new Error('the output closed before the snapshot was written'));
    out.on('drain', onDrain);
    out.on('error', onError);
    out.on('close', onClose);
  });
}

/** fsync of the directory, so the rename itself survives a power loss; not every platform can open a directory. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // A rename that is not yet durable still never exposes a partial file.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

function isSystemError(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string';
}

function unwritable(path: string | undefined, e: unknown): IdweaveError {
  if (isIdweaveError(e)) return e;
  const reason = e instanceof Error ? e.message : String(e);
  return new IdweaveError('output_unwritable', `cannot write the snapshot${path === undefined ? '' : ` ${path}`}: ${reason}`, [reason]);
}
