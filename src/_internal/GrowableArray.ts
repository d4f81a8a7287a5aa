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
   * The element type, as a switch case: perf: one element store shared by every instance sees five typed-array
   * types, which makes V8's store megamorphic (~40 ns a push against ~4 measured; the batch pushes ~10 elements a
   * record, across its columns, interners and the link's log). A store per type stays monomorphic.
   */
  private readonly kind: number;

  /**
   * `shared`: keep the data in a `SharedArrayBuffer`, so `sharedView()` hands it to worker threads without a copy
   * (the batch's per-record columns; at 20M rows a copy of them all would be over a gigabyte).
   */
  constructor(ctor: TypedArrayCtor<T>, initialCapacity = 1024, private readonly shared = false) {
    const length = Math.max(16, initialCapacity);
    this.data = shared ? new ctor(new SharedArrayBuffer(length * ctor.BYTES_PER_ELEMENT)) : new ctor(length);
    this.capacity = length;
    this.kind = kindOf(this.data);
  }

  get length(): number {
    return this.n;
  }

  push(value: number): void {
    if (this.n === this.capacity) this.take(grow(this.data, this.n + 1));
    this.set(this.n++, value);
  }

  /** `data.length`, kept apart: the length of five typed-array types read at one place is megamorphic too. */
  private capacity: number;

  private take(data: T): void {
    this.data = data;
    this.capacity = data.length;
  }

  /** Makes room for `n` elements in all, exactly (a size known up front), so pushes up to it never copy. */
  reserve(n: number): void {
    this.take(grow(this.data, n, true));
  }

  /** Takes `data` (shared when this array is) as the whole filled part, without a copy. */
  adopt(data: T): void {
    if (this.shared && !(data.buffer instanceof SharedArrayBuffer)) throw new Error('GrowableArray: a shared array adopts shared memory only');
    if (kindOf(data) !== this.kind) throw new Error('GrowableArray: adopts an array of its own element type only');
    this.take(data);
    this.n = data.length;
  }

  get(i: number): number {
    switch (this.kind) {
      case INT32: return (this.data as Int32Array)[i]!;
      case UINT32: return (this.data as Uint32Array)[i]!;
      case FLOAT32: return (this.data as Float32Array)[i]!;
      case FLOAT64: return (this.data as Float64Array)[i]!;
      default: return (this.data as Uint8Array)[i]!;
    }
  }

  set(i: number, value: number): void {
    switch (this.kind) {
      case INT32: (this.data as Int32Array)[i] = value; break;
      case UINT32: (this.data as Uint32Array)[i] = value; break;
      case FLOAT32: (this.data as Float32Array)[i] = value; break;
      case FLOAT64: (this.data as Float64Array)[i] = value; break;
      default: (this.data as Uint8Array)[i] = value;
    }
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

const INT32 = 0;
const UINT32 = 1;
const FLOAT32 = 2;
const FLOAT64 = 3;
const UINT8 = 4;

function kindOf(a: TypedArray): number {
  if (a instanceof Int32Array) return INT32;
  if (a instanceof Uint32Array) return UINT32;
  if (a instanceof Float32Array) return FLOAT32;
  if (a instanceof Float64Array) return FLOAT64;
  if (a instanceof Uint8Array) return UINT8;
  // The type allows no other; a new element type needs its own case in `get` and `set`, not Uint8's.
  throw new Error(`GrowableArray: no store for ${Object.prototype.toString.call(a)}`);
}
