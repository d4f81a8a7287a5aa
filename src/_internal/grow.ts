type TypedArray = Uint8Array | Int32Array | Uint32Array | Float32Array | Float64Array;

/**
 * A copy of `a` with room for at least `min` elements, or `a` itself when it has room. Capacity doubles (from at
 * least 16), or is `min` exactly when `exact` (a size known up front, where rounding up to a power of two would
 * waste up to half). The copy lives in the same kind of buffer: a column in shared memory stays readable by
 * worker threads without a copy.
 */
export function grow<T extends TypedArray>(a: T, min: number, exact = false): T {
  if (min <= a.length) return a;
  let n = exact ? min : Math.max(16, a.length * 2);
  while (n < min) n *= 2;
  const next = allocLike(a, n);
  next.set(a as never);
  return next;
}

/** A zeroed array of `a`'s type with `length` elements, in a shared buffer when `a`'s is shared. */
export function allocLike<T extends TypedArray>(a: T, length: number): T {
  const ctor = a.constructor as { new (n: number): T; new (buffer: SharedArrayBuffer): T; readonly BYTES_PER_ELEMENT: number };
  return a.buffer instanceof SharedArrayBuffer ? new ctor(new SharedArrayBuffer(length * ctor.BYTES_PER_ELEMENT)) : new ctor(length);
}
