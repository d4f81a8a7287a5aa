type TypedArray = Int32Array | Uint32Array | Uint8Array | Float64Array;

/**
 * A copy of `a` with room for at least `min` elements (doubling; `exact`: `min`, for a size known up front, where
 * rounding up to a power of two would waste up to half), or `a` itself when it has room.
 */
export function grow<T extends TypedArray>(a: T, min: number, exact = false): T {
  if (min <= a.length) return a;
  let n = exact ? min : Math.max(16, a.length * 2);
  while (n < min) n *= 2;
  const next = new (a.constructor as new (n: number) => T)(n);
  next.set(a as never);
  return next;
}
