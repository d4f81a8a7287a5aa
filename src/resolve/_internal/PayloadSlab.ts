import { CHUNK_BASE, chunkString } from '../../_internal/chunkString.js';
import { GrowableArray } from '../../_internal/GrowableArray.js';

export interface PayloadView {
  /** Buffers over shared memory (after crossing to a worker: `asBuffers`). */
  readonly chunks: readonly Buffer[];
  readonly starts: Float64Array;
  readonly lengths: Uint32Array;
}

/** Payload i of a view. */
export function payloadAt(view: PayloadView, i: number): string {
  return chunkString(view.chunks, view.starts[i]!, view.lengths[i]!);
}

/**
 * Append-only store of small UTF-8 payloads (one per record) in large off-heap Buffers.
 * perf: 20M JSON strings on the V8 heap would cost ~2 GB of heap and GC time; Buffers live outside the heap and
 * cost their bytes plus 12 bytes of address and length per record.
 */
export class PayloadSlab {
  private static readonly CHUNK = 64 * 1024 * 1024;
  private readonly chunks: Buffer[] = [];
  private current: Buffer = Buffer.allocUnsafe(0);
  private used = 0;
  /** Payload i: `lengths[i]` bytes at `starts[i]` (chunk · 2^32 + offset), in shared memory for worker threads. */
  private readonly starts = new GrowableArray(Float64Array, 1024, true);
  private readonly lengths = new GrowableArray(Uint32Array, 1024, true);

  get length(): number {
    return this.starts.length;
  }

  push(payload: string): void {
    const bytes = Buffer.byteLength(payload);
    this.reserve(bytes);
    this.current.write(payload, this.used, 'utf8');
    this.commit(bytes);
  }

  /** Appends a payload given as UTF-8 bytes `src[start, start + length)`. */
  pushBytes(src: Uint8Array, start: number, length: number): void {
    this.reserve(length);
    this.current.set(src.subarray(start, start + length), this.used);
    this.commit(length);
  }

  private reserve(bytes: number): void {
    if (this.used + bytes > this.current.length) {
      // Shared memory: worker threads build profiles from the payloads without copies.
      // Chunks double from 64 KiB, so a small batch stays small.
      const next = Math.min(PayloadSlab.CHUNK, Math.max(64 * 1024, this.current.length * 2));
      this.current = Buffer.from(new SharedArrayBuffer(Math.max(next, bytes)));
      this.chunks.push(this.current);
      this.used = 0;
    }
  }

  private commit(bytes: number): void {
    this.starts.push((this.chunks.length - 1) * CHUNK_BASE + this.used);
    this.lengths.push(bytes);
    this.used += bytes;
  }

  /** The payloads in shared memory, for `payloadAt` in another thread. */
  view(): PayloadView {
    return { chunks: [...this.chunks], starts: this.starts.sharedView(), lengths: this.lengths.sharedView() };
  }

  /** FNV-1a 32 of payload i's bytes, seeded with `h` (to chain with other hashes). */
  hashOf(i: number, h = 0x811c9dc5): number {
    const address = this.starts.get(i);
    const chunk = Math.floor(address / CHUNK_BASE);
    const buf = this.chunks[chunk]!;
    const from = address - chunk * CHUNK_BASE;
    for (let j = from, end = from + this.lengths.get(i); j < end; j++) h = Math.imul(h ^ buf[j]!, 0x01000193);
    return h >>> 0;
  }

  get(i: number): string {
    return chunkString(this.chunks, this.starts.get(i), this.lengths.get(i));
  }
}
