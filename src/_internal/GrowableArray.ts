type TypedArray = Int32Array | Uint32Array | Float64Array | Uint8Array;
type TypedArrayCtor<T extends TypedArray> = new (length: number) => T;

/**
 * An append-only typed array that doubles its capacity, for per-record columns whose final length is unknown
 * while streaming. perf: one contiguous buffer per column instead of an object per record.
 */
export class GrowableArray<T extends TypedArray> {
  private data: T;
  private n = 0;

  constructor(private readonly ctor: TypedArrayCtor<T>, initialCapacity = 1024) {
    this.data = new ctor(Math.max(16, initialCapacity));
  }

  get length(): number {
    return this.n;
  }

  push(value: number): void {
    if (this.n === this.data.length) this.grow();
    this.data[this.n++] = value;
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

  private grow(): void {
    const next = new this.ctor(this.data.length * 2);
    next.set(this.data as never);
    this.data = next;
  }
}
