import { CHUNK_BASE, chunkString } from '../../_internal/chunkString.js';
import { toShared } from '../../_internal/shared.js';

export interface PayloadView {
  /** Buffers over shared memory (after crossing to a worker: `asBuffers`). */
  readonly chunks: readonly Buffer[];
  readonly starts: Float64Array;
  readonly ends: Float64Array;
}

/** Payload i of a view. */
export function payloadAt(view: PayloadView, i: number): string {
  return chunkString(view.chunks, view.starts[i]!, view.ends[i]! - view.starts[i]!);
}

/**
 * Append-only store of small UTF-8 payloads (one per record) in large off-heap Buffers.
 * perf: 20M JSON strings on the V8 heap would cost ~2 GB of heap and GC time; Buffers live outside the heap and
 * cost their bytes plus 8 bytes of offset per record.
 */
export class PayloadSlab {
  private static readonly CHUNK = 64 * 1024 * 1024;
  private readonly chunks: Buffer[] = [];
  private current: Buffer = Buffer.allocUnsafe(0);
  private used = 0;
  /** Start of payload i as chunk * CHUNK + offset; end is the next start. */
  private starts = new Float64Array(1024);
  private ends = new Float64Array(1024);
  private n = 0;

  get length(): number {
    return this.n;
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
    if (this.n === this.starts.length) {
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
    }
    const base = (this.chunks.length - 1) * CHUNK_BASE;
    this.starts[this.n] = base + this.used;
    this.used += bytes;
    this.ends[this.n] = base + this.used;
    this.n++;
  }

  /** The payloads in shared memory, for `payloadAt` in another thread. */
  view(): PayloadView {
    return { chunks: [...this.chunks], starts: toShared(this.starts.subarray(0, this.n)), ends: toShared(this.ends.subarray(0, this.n)) };
  }

  get(i: number): string {
    return chunkString(this.chunks, this.starts[i]!, this.ends[i]! - this.starts[i]!);
  }
}

function grow(a: Float64Array): Float64Array<ArrayBuffer> {
  const next = new Float64Array(a.length * 2);
  next.set(a);
  return next;
}
