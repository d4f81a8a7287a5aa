import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { IdweaveError } from '../errors.js';

/** Bytes (roughly: UTF-16 code units) buffered before a write. */
const FLUSH_AT = 1 << 20;

/**
 * A buffered, atomic-ish line writer: lines go to a hidden `.<name>.partial` file beside the target in ~1 MiB
 * writes, and `close()` renames it into place, so a failed run never leaves a half-written output under its
 * real name. Backpressure: `write` returns true when the buffer is full, and the caller awaits `flush()`
 * (perf: no promise per line).
 *
 * @example
 * const w = await LineWriter.open('out/mapping.csv');
 * if (w.write('record_id,profile_id')) await w.flush();
 * await w.close();
 */
export class LineWriter {
  readonly path: string;
  private readonly partialPath: string;
  private handle: FileHandle | undefined;
  private buffer = '';
  private lines = 0;

  private constructor(file: string, partialPath: string, handle: FileHandle) {
    this.path = file;
    this.partialPath = partialPath;
    this.handle = handle;
  }

  /** Opens (truncates) the partial file for `file`; the directory must exist. Throws `output_unwritable`. */
  static async open(file: string): Promise<LineWriter> {
    const partialPath = path.join(path.dirname(file), `.${path.basename(file)}.partial`);
    try {
      return new LineWriter(file, partialPath, await open(partialPath, 'w'));
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

  /** Writes the buffer out. */
  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer;
    this.buffer = '';
    try {
      // writeFile on a handle writes everything from the current position, looping over partial writes.
      await this.requireHandle().writeFile(chunk);
    } catch (e) {
      throw unwritable(this.path, e);
    }
  }

  /** Flushes, closes and renames the partial file to its final name. */
  async close(): Promise<void> {
    await this.flush();
    const handle = this.requireHandle();
    this.handle = undefined;
    try {
      await handle.close();
      await rename(this.partialPath, this.path);
    } catch (e) {
      throw unwritable(this.path, e);
    }
  }

  /** Closes and deletes the partial file (after a failure); never throws. */
  async abort(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    this.buffer = '';
    await handle?.close().catch(() => {});
    await rm(this.partialPath, { force: true }).catch(() => {});
  }

  private requireHandle(): FileHandle {
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
    : err.code === 'ENOTDIR' || err.code === 'EEXIST' ? 'a path component is not a directory'
    : err.code === 'ENOENT' ? 'directory does not exist'
    : (err.message ?? String(e));
  return new IdweaveError('output_unwritable', `${file}: cannot write (${why})`);
}
