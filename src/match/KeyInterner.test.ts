import { describe, expect, test } from 'vitest';
import { KeyInterner } from './KeyInterner.js';

describe('KeyInterner', () => {
  test('assigns dense ids in first-seen order and returns the same id again', () => {
    const k = new KeyInterner();
    expect(k.intern('a')).toBe(0);
    expect(k.intern('b')).toBe(1);
    expect(k.intern('a')).toBe(0);
    expect(k.size).toBe(2);
    expect(k.keyOf(1)).toBe('b');
    expect(k.get('c')).toBe(-1);
  });

  test('holds more strings than one Map could in a shard-balanced way', () => {
    // 200k keys with long shared prefixes must not pile into one shard.
    const k = new KeyInterner();
    for (let i = 0; i < 200_000; i++) k.intern(`p:+97150${String(i).padStart(7, '0')}`);
    expect(k.size).toBe(200_000);
    const sizes = (k as unknown as { shards: Map<string, number>[] }).shards.map((s) => s.size);
    expect(Math.max(...sizes)).toBeLessThan(200_000 / 64 * 3);
  });

  test('keyOf an unknown id throws a RangeError (misuse, not data)', () => {
    expect(() => new KeyInterner().keyOf(0)).toThrow(RangeError);
  });
});
