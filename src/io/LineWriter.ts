import { createHash, type Hash } from 'node:crypto';
import { constants } from 'node:fs';
import { rm } from 'node:fs/promises';
import { IdweaveError } from '../errors.js';
import { BlockFile } from './_internal/BlockFile.js';

/** Bytes (roughly: UTF-16 code units) buffered before a write. */
const FLUSH_AT = 1 << 20;

/** What a closed writer wrote: the manifest's entry for the file. */
export interface WrittenFile {
  readonly bytes: number;
  readonly lines: number;
  /** SHA-256 of the bytes, hex. */
  readonly sha256: string;
}

/**
 * A buffered line writer for one output file in a staging directory (`OutputDir`): 1 MiB blocks around the page
 * cache where the system allows it (`BlockFile`; the file holds every byte once closed), and a running SHA-256 of
 * the bytes for the manifest (hashed as they are encoded, so once). The file is created exclusively and never
 * through a symbolic link: an existing name, planted or stale, is an error, never overwritten.
 * Backpressure: `write` returns true when the buffer is full, and the caller awaits `flush()` (perf: no promise
 * per line).
 *
 * @example
 * const w = await LineWriter.create('out/.idweave-staging-x/mapping.csv');
 * if (w.write('record_id,profile_id')) await w.flush();
 * const { bytes, sha256 } = await w.close();
 */
export class LineWriter {
  readonly path: string;
  private handle: BlockFile | undefined;
  private buffer = '';
  private lines = 0;
  private bytes = 0;
  /** Undefined when the bytes' producer hashes them and hands the checksum to `close`. */
  private readonly hash: Hash | undefined;
  private observer: ((bytes: Buffer) => void) | undefined;

  private constructor(file: string, handle: BlockFile, hashed: boolean) {
    this.path = file;
    this.handle = handle;
    this.hash = hashed ? createHash('sha256') : undefined;
  }

  /**
   * Creates `file`, which must not exist (O_EXCL, O_NOFOLLOW). Throws `output_unwritable`. With `hashed: false`
   * the writer does not hash: what produced the bytes did, and `close` takes its checksum (perf: a file that
   * carries a checksum of its own is not hashed twice).
   */
  static async create(file: string, { hashed = true }: { hashed?: boolean } = {}): Promise<LineWriter> {
    try {
      return new LineWriter(file, await BlockFile.open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644), hashed);
    } catch (e) {
      throw unwritable(file, e);
    }
  }

  /** Number of lines written so far. */
  get lineCount(): number {
    return this.lines;
  }

  /** Buffers one line (a newline is added). True when the caller should `await flush()`. */
  write(line: string): boolean {
    this.buffer += line;
    this.buffer += '\n';
    this.lines++;
    return this.buffer.length >= FLUSH_AT;
  }

  /** Buffers `lines` lines already joined, each ending in a newline. True when the caller should `await flush()`. */
  writeBlock(text: string, lines: number): boolean {
    this.buffer += text;
    this.lines += lines;
    return this.buffer.length >= FLUSH_AT;
  }

  /** Writes `lines` lines already joined and encoded (UTF-8, each ending in a newline), after what is buffered. */
  async writeEncodedBlock(bytes: Uint8Array, lines: number): Promise<void> {
    this.lines += lines;
    if (bytes.length === 0) return;
    await this.flush();
    await this.writeOut(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }

  /**
   * Shows `observer` every byte written from now on, in order, as it is written (the batch job finds where
   * lines end in `profiles.ndjson` and `evidence.ndjson` this way, to index them: `explain.idx`).
   */
  observe(observer: (bytes: Buffer) => void): void {
    this.observer = observer;
  }

  /** Counts `n` more lines without text: a binary table's rows (a Parquet output's rows are its manifest `lines`). */
  countLines(n: number): void {
    this.lines += n;
  }

  /** Writes bytes after what is buffered (a binary output, `explain.idx`); they count as no lines. */
  async writeBytes(bytes: Uint8Array): Promise<void> {
    await this.flush();
    await this.writeOut(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }

  /** Writes the buffer out. */
  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const bytes = Buffer.from(this.buffer, 'utf8');
    this.buffer = '';
    await this.writeOut(bytes);
  }

  /** Shows, hashes, counts and writes bytes (encoded once). */
  private async writeOut(bytes: Buffer): Promise<void> {
    this.observer?.(bytes);
    this.hash?.update(bytes);
    this.bytes += bytes.length;
    try {
      await this.requireHandle().write(bytes);
    } catch (e) {
      throw unwritable(this.path, e);
    }
  }

  /** Flushes and closes; returns what was written. `sha256` is the producer's checksum of an unhashed writer's bytes. */
  async close(sha256?: string): Promise<WrittenFile> {
    if ((this.hash === undefined) !== (sha256 !== undefined)) throw new IdweaveError('usage', `${this.path}: a checksum is given to close exactly the writers that do not hash`);
    await this.flush();
    const handle = this.requireHandle();
    this.handle = undefined;
    try {
      await handle.close();
    } catch (e) {
      throw unwritable(this.path, e);
    }
    return { bytes: this.bytes, lines: this.lines, sha256: sha256 ?? this.hash!.digest('hex') };
  }

  /** Closes and deletes the file (after a failure); never throws. */
  async abort(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    this.buffer = '';
    await handle?.abort();
    await rm(this.path, { force: true }).catch(() => {});
  }

  private requireHandle(): BlockFile {
    if (this.handle === undefined) throw new IdweaveError('usage', `${this.path}: writer already closed`);
    return this.handle;
  }
}

/** An `output_unwritable` error naming the file and the system's reason. */
export function unwritable(file: string, e: unknown): IdweaveError {
  const err = e as NodeJS.ErrnoException;
  const why =
    err.code === 'EACCES' || err.code === 'EPERM' ? 'permission denied'
    : err.code === 'ENOSPC' ? 'no space left on device'
    : err.code === 'ENOTDIR' ? 'a path component is not a directory'
    : err.code === 'EEXIST' ? 'it already exists'
    : err.code === 'ELOOP' ? 'it is a symbolic link'
    : err.code === 'ENOENT' ? 'directory does not exist'
    : (err.message ?? String(e));
  return new IdweaveError('output_unwritable', `${file}: cannot write (${why})`);
}
