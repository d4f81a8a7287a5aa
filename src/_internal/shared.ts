type TypedArray = Int32Array | Uint32Array | Float32Array | Float64Array | Uint8Array;

/**
 * A copy of `a` in a `SharedArrayBuffer`, so worker threads read it without each getting a copy of its own
 * (structured cloning copies ordinary typed arrays, shares shared ones).
 */
export function toShared<T extends TypedArray>(a: T): T {
  const ctor = a.constructor as new (buffer: SharedArrayBuffer) => T;
  const out = new ctor(new SharedArrayBuffer(a.byteLength));
  (out as Uint8Array).set(a as Uint8Array);
  return out;
}

/** `a` itself when it is in shared memory already, else a shared copy (`toShared`). */
export function asShared<T extends TypedArray>(a: T): T {
  return a.buffer instanceof SharedArrayBuffer ? a : toShared(a);
}
