import { grow } from './grow.js';
import { toShared } from './shared.js';

type TypedArray = Int32Array | Uint32Array | Float32Array | Float64Array | Uint8Array;
type TypedArrayCtor<T extends TypedArray> = { new (length: number): T; new (buffer: SharedArrayBuffer): T; readonly BYTES_PER_ELEMENT: number };

/**
 * An append-only typed array that doubles its capacity (`grow`), for per-record columns whose final length is
 * unknown while streaming. perf: one contiguous buffer per column instead of an object per record.
 */
export class GrowableArray<T extends TypedArray> {
  private data: T;
  private n = 0;

  /**
   * `shared`: keep the data in a `SharedArrayBuffer`, so `sharedView()` hands it to worker threads without a copy
   * (the batch's per-record columns; at 20M rows a copy of them all would be over a gigabyte).
   */
  constructor(ctor: TypedArrayCtor<T>, initialCapacity = 1024, private readonly shared = false) {
    const length = Math.max(16, initialCapacity);
    this.data = shared ? new ctor(new SharedArrayBuffer(length * ctor.BYTES_PER_ELEMENT)) : new ctor(length);
  }

  get length(): number {
    return this.n;
  }

  push(value: number): void {
    if (this.n === this.data.length) this.data = grow(this.data, this.n + 1);
    this.data[this.n++] = value;
  }

  /** Makes room for `n` elements in all, exactly (a size known up front), so pushes up to it never copy. */
  reserve(n: number): void {
    this.data = grow(this.data, n, true);
  }

  /** Takes `data` (shared when this array is) as the whole filled part, without a copy. */
  adopt(data: T): void {
    if (this.shared && !(data.buffer instanceof SharedArrayBuffer)) throw new Error('GrowableArray: a shared array adopts shared memory only');
    this.data = data;
    this.n = data.length;
  }

  get(i: number): number {
    return this.data[i]!;
  }

  set(i: number, value: number): void {
    this.data[i] = value;
  }

  /** A view of the filled part (shares memory; valid until the next push). */
  view(): T {
    return this.data.subarray(0, this.n) as T;
  }

  /** The filled part in shared memory, for worker threads: the view itself when `shared`, else a shared copy. */
  sharedView(): T {
    return this.shared ? this.view() : toShared(this.view());
  }
}
