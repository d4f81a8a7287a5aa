import { CHUNK_BASE, chunkString } from './chunkString.js';

/**
 * Bytes appended into large chunks outside the V8 heap, each run addressed as chunk · 2^32 + offset
 * (`CHUNK_BASE`); a run never spans two chunks. The storage under `ByteInterner` (ids, keys, names) and
 * `PayloadStore` (profile payloads). perf: tens of millions of small strings as heap objects cost gigabytes and GC
 * time; here they cost their bytes. Chunks double from 64 KiB up to `maxChunk`, so a small table stays small,
 * and live in shared memory when `shared`, so worker threads read them without a copy.
 */
export class ByteSlab {
  readonly chunks: Buffer[] = [];
  private current: Buffer = Buffer.alloc(0);
  /** Index of `current` in `chunks` (-1 before the first): adopted chunks may follow it. */
  private currentIndex = -1;
  /** Bytes of `current` in use; the free tail starts here. */
  used = 0;

  constructor(
    private readonly shared: boolean,
    private readonly maxChunk = 32 * 1024 * 1024,
    /** The first chunk's size: small for stores that are often tiny (one edit's refusal reasons). */
    private readonly minChunk = 64 * 1024,
  ) {}

  /** The current chunk, with room for `bytes` more bytes at `used` (a run is written there, then `commit`ted). */
  room(bytes: number): Buffer {
    // A first run of 0 bytes still needs a chunk to be addressed in.
    if (this.used + bytes > this.current.length || this.currentIndex < 0) {
      const size = Math.max(Math.min(this.maxChunk, Math.max(this.minChunk, this.current.length * 2)), bytes);
      this.current = this.shared ? Buffer.from(new SharedArrayBuffer(size)) : Buffer.allocUnsafe(size);
      this.currentIndex = this.chunks.push(this.current) - 1;
      this.used = 0;
    }
    return this.current;
  }

  /** Takes the `bytes` written at the free tail as a run; returns its address. */
  commit(bytes: number): number {
    const address = this.currentIndex * CHUNK_BASE + this.used;
    this.used += bytes;
    return address;
  }

  /** Appends `src[start, start + length)`; returns its address. */
  append(src: Uint8Array, start: number, length: number): number {
    const buf = this.room(length);
    const at = this.used;
    // perf: a short copy by hand beats making a subarray to `set` from.
    if (length > 32) buf.set(src.subarray(start, start + length), at);
    else for (let i = 0; i < length; i++) buf[at + i] = src[start + i]!;
    return this.commit(length);
  }

  /** Appends `s` as UTF-8; returns its address (its length: `Buffer.byteLength(s)`, or the caller's own count). */
  write(s: string): { address: number; length: number } {
    const buf = this.room(s.length * 3);
    const length = buf.write(s, this.used, 'utf8');
    return { address: this.commit(length), length };
  }

  /**
   * Takes `bytes` (runs back to back) as a chunk of its own, without a copy; returns the address of its first byte.
   * The caller gives up `bytes`.
   */
  adopt(bytes: Uint8Array): number {
    this.chunks.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return (this.chunks.length - 1) * CHUNK_BASE;
  }

  /** The chunk holding `address`; the run starts at `offsetOf(address)` in it. */
  chunkOf(address: number): Buffer {
    return this.chunks[Math.floor(address / CHUNK_BASE)]!;
  }

  text(address: number, length: number): string {
    return chunkString(this.chunks, address, length);
  }

  /** Overwrites a run with zeros (erasure: a removed record's data does not linger in memory). */
  zero(address: number, length: number): void {
    const start = offsetOf(address);
    this.chunkOf(address).fill(0, start, start + length);
  }
}

/** The offset of `address` within its chunk. */
export function offsetOf(address: number): number {
  return address % CHUNK_BASE;
}
