import { describe, expect, test } from 'vitest';
import { PieceBuffers } from './PieceBuffers.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const text = (b: Uint8Array): string => new TextDecoder().decode(b);

describe('PieceBuffers', () => {
  test('copies into shared memory, and reuses a buffer only once it is given back', () => {
    const buffers = new PieceBuffers(8);
    const a = buffers.copy(bytes('abc'));
    const b = buffers.copy(bytes('defgh'));
    expect(a.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(a.buffer).not.toBe(b.buffer);
    expect([text(a), text(b)]).toEqual(['abc', 'defgh']);
    // Both lent: a third piece gets a buffer of its own, whatever order the slots would come round in.
    const third = buffers.copy(bytes('z'));
    expect(third.buffer).not.toBe(a.buffer);
    expect(third.buffer).not.toBe(b.buffer);
    buffers.release(third);
    buffers.release(a);
    const c = buffers.copy(bytes('xy'));
    expect(c.buffer).toBe(a.buffer);
    expect([text(c), text(b)]).toEqual(['xy', 'defgh']);
    expect(buffers.slots).toBe(3);
  });

  test('a piece over the slot size gets a buffer of its own, not kept', () => {
    const buffers = new PieceBuffers(4);
    const big = buffers.copy(bytes('0123456789'));
    expect(text(big)).toBe('0123456789');
    buffers.release(big);
    expect(buffers.slots).toBe(0);
    expect(buffers.copy(bytes('ab')).buffer).not.toBe(big.buffer);
  });

  test('a buffer given back twice is lent once (no two pieces share one)', () => {
    const buffers = new PieceBuffers(8);
    const a = buffers.copy(bytes('a'));
    buffers.release(a);
    buffers.release(a);
    const b = buffers.copy(bytes('b'));
    const c = buffers.copy(bytes('c'));
    expect(b.buffer).not.toBe(c.buffer);
    expect([text(b), text(c)]).toEqual(['b', 'c']);
  });

  test('cleared, it keeps no buffer, even one given back later', () => {
    const buffers = new PieceBuffers(8);
    const a = buffers.copy(bytes('a'));
    buffers.release(buffers.copy(bytes('b')));
    buffers.clear();
    buffers.release(a);
    expect(buffers.slots).toBe(0);
    expect(buffers.copy(bytes('c')).buffer).not.toBe(a.buffer);
  });

  test('bytes not from here (a Parquet piece has none) are ignored', () => {
    const buffers = new PieceBuffers(8);
    buffers.release(new Uint8Array(0));
    buffers.release(new Uint8Array(new SharedArrayBuffer(8)));
    expect(buffers.slots).toBe(0);
  });
});
