import { describe, expect, it } from 'vitest';
import { GrowableArray } from './GrowableArray.js';

describe('GrowableArray', () => {
  it('keeps every value of every element type through growth, shared or not', () => {
    const ctors = [Int32Array, Uint32Array, Float32Array, Float64Array, Uint8Array] as const;
    for (const shared of [false, true]) {
      for (const ctor of ctors) {
        const a = new GrowableArray(ctor as typeof Int32Array, 1, shared);
        for (let i = 0; i < 1000; i++) a.push(i % 200);
        expect(a.length).toBe(1000);
        expect(a.view()).toBeInstanceOf(ctor);
        expect(a.view().buffer instanceof SharedArrayBuffer).toBe(shared);
        for (let i = 0; i < 1000; i++) expect(a.get(i)).toBe(i % 200);
        a.set(999, 7);
        expect(a.get(999)).toBe(7);
        a.reserve(5000);
        a.push(3);
        expect([a.length, a.get(1000)]).toEqual([1001, 3]);
      }
    }
  });

  it('adopts an array of its own type only, and goes on from its end', () => {
    const a = new GrowableArray<Uint32Array>(Uint32Array);
    a.adopt(new Uint32Array([5, 6]));
    a.push(7);
    expect([...a.view()]).toEqual([5, 6, 7]);
    expect(() => a.adopt(new Int32Array(2) as unknown as Uint32Array)).toThrow(/own element type/);
    const shared = new GrowableArray(Int32Array, 16, true);
    expect(() => shared.adopt(new Int32Array(2))).toThrow(/shared memory only/);
  });

  it('stores values as its element type does (wrapping, rounding)', () => {
    const u8 = new GrowableArray(Uint8Array);
    u8.push(257);
    const f32 = new GrowableArray(Float32Array);
    f32.push(0.1);
    const i32 = new GrowableArray(Int32Array);
    i32.push(2 ** 31);
    expect([u8.get(0), f32.get(0), i32.get(0)]).toEqual([1, Math.fround(0.1), -(2 ** 31)]);
  });
});
