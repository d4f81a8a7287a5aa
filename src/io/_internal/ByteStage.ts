import type { Hash } from 'node:crypto';
import { openInput, rawChunks, unreadable } from './rawChunks.js';

/**
 * The bytes of a file not yet cut into pieces (`filePieces`), in one buffer reused for the whole file: reads
 * append at `end`, a cut consumes from `start`.
 *
 * perf: a piece was a read stream's fresh buffer, then a fresh concatenation of the carried partial row and
 * that buffer, then a copy into a piece slot: two buffers of the piece's size allocated and first touched per
 * piece on the main thread (~12 µs a 4 KiB page the first time here, a virtual machine). Here the file's bytes
 * are read straight into this buffer, and only the carried partial row moves.
 */
export class ByteStage {
  private buf: Buffer;
  private start = 0;
  private end = 0;

  constructor(capacity: number) {
    this.buf = Buffer.allocUnsafe(Math.max(16, capacity));
  }

  /** The bytes held, first to last (a view: valid until the next `fill`). */
  window(): Buffer {
    return this.buf.subarray(this.start, this.end);
  }

  get length(): number {
    return this.end - this.start;
  }

  /** Drops the first `n` bytes held. */
  consume(n: number): void {
    this.start += n;
    if (this.start === this.end) this.start = this.end = 0;
  }

  /** Appends up to `max` bytes from `source`; resolves to how many (0: the source is done). */
  async fill(source: ByteSource, max: number): Promise<number> {
    if (this.start > 0) {
      this.buf.copyWithin(0, this.start, this.end);
      this.end -= this.start;
      this.start = 0;
    }
    if (this.buf.length - this.end < max) {
      let size = this.buf.length * 2;
      while (size - this.end < max) size *= 2;
      const grown = Buffer.allocUnsafe(size);
      this.buf.copy(grown, 0, 0, this.end);
      this.buf = grown;
    }
    const n = await source.read(this.buf, this.end, max);
    this.end += n;
    return n;
  }
}

/** Where a stage's bytes come from. */
export interface ByteSource {
  /** Writes up to `max` bytes at `into[at…]`; resolves to how many (0 at the end). */
  read(into: Buffer, at: number, max: number): Promise<number>;
  /** Lets go of the file (also when the reader stops early). */
  close(): Promise<void>;
}

/**
 * The bytes of a plain (not gzipped) file, read where they are wanted. `onBytesRead` and `hash` see every byte,
 * as `rawChunks` gives them. Errors are `IdweaveError`s naming the file.
 */
export async function fileSource(file: string, onBytesRead?: (bytesRead: number, bytesTotal: number) => void, hash?: Hash): Promise<ByteSource> {
  const { handle, size } = await openInput(file);
  let position = 0;
  let closed = false;
  return {
    async read(into, at, max) {
      let n: number;
      try {
        ({ bytesRead: n } = await handle.read(into, at, max, position));
      } catch (e) {
        throw unreadable(file, e);
      }
      position += n;
      if (n > 0) {
        hash?.update(into.subarray(at, at + n));
        onBytesRead?.(position, size);
      }
      return n;
    },
    async close() {
      if (closed) return;
      closed = true;
      await handle.close();
    },
  };
}

/** The bytes of chunks (a gunzipped file, standard input), copied out as a stage asks for them. */
export function chunkSource(chunks: AsyncIterable<Buffer>): ByteSource {
  const it = chunks[Symbol.asyncIterator]();
  let pending: Buffer = Buffer.alloc(0);
  let done = false;
  return {
    async read(into, at, max) {
      while (pending.length === 0) {
        if (done) return 0;
        const r = await it.next();
        if (r.done) {
          done = true;
          return 0;
        }
        pending = r.value;
      }
      const n = Math.min(max, pending.length);
      pending.copy(into, at, 0, n);
      pending = pending.subarray(n);
      return n;
    },
    async close() {
      if (done) return;
      done = true;
      await it.return?.();
    },
  };
}

/** A file's bytes as a source: read in place when plain, through `rawChunks` when gzipped. */
export async function bytesOfFile(file: string, gzip: boolean, chunkBytes: number, onBytesRead?: (bytesRead: number, bytesTotal: number) => void, hash?: Hash): Promise<ByteSource> {
  return gzip ? chunkSource(rawChunks(file, true, chunkBytes, onBytesRead, hash)) : fileSource(file, onBytesRead, hash);
}
