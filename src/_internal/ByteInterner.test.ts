import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ByteInterner, fnv1aBytes } from './ByteInterner.js';
import { fnv1a32, fnv1a32Utf8 } from './hash.js';

describe('ByteInterner', () => {
  test('assigns dense ids in first-seen order and returns the same id again', () => {
    const k = new ByteInterner();
    expect(k.intern('a')).toBe(0);
    expect(k.intern('b')).toBe(1);
    expect(k.intern('a')).toBe(0);
    expect(k.intern('')).toBe(2);
    expect(k.intern('')).toBe(2);
    expect(k.size).toBe(3);
    expect(k.keyOf(1)).toBe('b');
    expect(k.keyOf(2)).toBe('');
    expect(k.get('a')).toBe(0);
    expect(k.get('c')).toBe(-1);
  });

  test('round-trips non-ASCII text and keeps strings that differ only past the first bytes apart', () => {
    const k = new ByteInterner();
    const words = ['محمد', 'Zoë', 'zoe', '😀x', '\uE000', 'e:john@gmail.com', 'e:john@gmail.con'];
    const ids = words.map((w) => k.intern(w));
    expect(new Set(ids).size).toBe(words.length);
    words.forEach((w, i) => expect(k.keyOf(ids[i]!)).toBe(w));
  });

  test('interns bytes given by a caller (as worker results arrive) into the same ids as strings', () => {
    const k = new ByteInterner();
    const a = k.intern('p:+971501234567');
    const bytes = Buffer.from('xxp:+971501234567yy');
    expect(k.internBytes(bytes, 2, 15, fnv1aBytes(bytes, 2, 17))).toBe(a);
    const b = k.internBytes(bytes, 0, 4, fnv1aBytes(bytes, 0, 4));
    expect(b).toBe(1);
    expect(k.keyOf(b)).toBe('xxp:');
  });

  test('hash equals fnv1a32 of ASCII strings (ordering stays what it was with string hashes)', () => {
    const k = new ByteInterner();
    for (const s of ['crm-1', 'r08n7czb', 'e:a.b@x.com']) expect(k.hashOf(k.intern(s))).toBe(fnv1a32(s));
  });

  test('compare orders like JavaScript string comparison, surrogate pairs included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (s, t) => {
        // Lone surrogates do not survive UTF-8; compare what does.
        const a = Buffer.from(s, 'utf8').toString('utf8');
        const b = Buffer.from(t, 'utf8').toString('utf8');
        const k = new ByteInterner();
        const ia = k.intern(a);
        const ib = k.intern(b);
        expect(Math.sign(k.compare(ia, ib))).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
      { seed: 20261130, numRuns: 2000 },
    );
    const k = new ByteInterner();
    // U+E000 sorts after a surrogate pair in code unit order, before it in code point order.
    expect(k.compare(k.intern('\uE000'), k.intern('😀'))).toBeGreaterThan(0);
  });

  test('grows its table and chunks: 300k keys, then a key longer than a chunk', () => {
    const k = new ByteInterner();
    for (let i = 0; i < 300_000; i++) k.intern(`p:+97150${String(i).padStart(7, '0')}`);
    expect(k.size).toBe(300_000);
    expect(k.intern('p:+971500000042')).toBe(42);
    expect(k.keyOf(299_999)).toBe('p:+971500299999');
    const huge = 'x'.repeat(40 * 1024 * 1024);
    const id = k.intern(huge);
    expect(k.keyOf(id).length).toBe(huge.length);
    expect(k.intern(huge)).toBe(id);
    expect(k.intern('after')).toBe(id + 1);
  });

  describe('append, then settle (loading a table whose entries should be distinct)', () => {
    const bytesOf = (s: string): [Buffer, number] => {
      const b = Buffer.from(s, 'utf8');
      return [b, fnv1aBytes(b, 0, b.length)];
    };
    const append = (t: ByteInterner, s: string): number => {
      const [b, h] = bytesOf(s);
      return t.append(b, 0, b.length, h);
    };

    test('appended entries are found after settle, whatever the table grew to, and interning goes on from there', () => {
      const t = new ByteInterner();
      t.intern('first');
      const texts = Array.from({ length: 300_000 }, (_, i) => (i % 3 === 0 ? `ليلى-${i}` : i % 3 === 1 ? `🙂${i}` : `rec-${i}`));
      texts.forEach((s, i) => expect(append(t, s)).toBe(i + 1));
      expect(t.settle()).toBeUndefined();
      for (let i = 0; i < texts.length; i += 997) expect(t.get(texts[i]!)).toBe(i + 1);
      expect(t.intern('rec-2')).toBe(3);
      expect(t.intern('new')).toBe(texts.length + 1);
      expect(t.keyOf(2)).toBe('🙂1');
    });

    test('a repeat is reported as [earlier, later] with the smallest later id, and the earlier id is the one found', () => {
      const t = new ByteInterner();
      t.intern('x');
      for (const s of ['a', 'b', 'a', 'c', 'b', 'a', 'x']) append(t, s);
      // Entries: x0, a1, b2, a3, c4, b5, a6, x7: the first repeat in id order is a3.
      expect(t.settle()).toEqual([1, 3]);
      expect(t.get('a')).toBe(1);
      expect(t.get('b')).toBe(2);
      expect(t.get('x')).toBe(0);
      expect(t.get('c')).toBe(4);
    });

    test('looking up before settle is a bug, and says so', () => {
      const t = new ByteInterner();
      append(t, 'a');
      expect(() => t.intern('a')).toThrow(/settle/);
      expect(() => t.get('a')).toThrow(/settle/);
      t.settle();
      expect(t.intern('a')).toBe(0);
      expect(t.settle()).toBeUndefined();
    });
  });

  test('warm reads the entries lookups will find, within the table, and changes nothing', () => {
    const ids = new ByteInterner();
    const texts = Array.from({ length: 5000 }, (_, i) => `key-${i}-${'é'.repeat(i % 3)}`);
    for (const t of texts) ids.intern(t);
    const hashes = Uint32Array.from([...texts.slice(0, 100), 'absent', ''].map((t) => fnv1a32Utf8(t)));
    const scratch = new Int32Array(hashes.length);
    const sum = ids.warm(hashes, hashes.length, scratch);
    expect(Number.isFinite(sum)).toBe(true);
    // Each of the first 100 was found at its home slot or a later one: at least some at home, none wrongly.
    const found = Array.from(scratch.subarray(0, 100));
    expect(found.every((id, i) => id === -1 || id === i)).toBe(true);
    expect(found.filter((id) => id >= 0).length).toBeGreaterThan(50);
    expect(ids.size).toBe(5000);
    expect(texts.every((t, i) => ids.get(t) === i)).toBe(true);
  });

  test('every entry is found again across many table doublings, reserved room and settled appends', () => {
    const t = new ByteInterner();
    const text = (i: number): string => `k${i}:${'é'.repeat(i % 2)}`;
    for (let i = 0; i < 30_000; i++) expect(t.intern(text(i))).toBe(i);
    t.reserveEntries(100_000);
    for (let i = 30_000; i < 60_000; i++) {
      const b = Buffer.from(text(i));
      t.append(b, 0, b.length, fnv1a32Utf8(text(i)));
    }
    expect(t.settle()).toBeUndefined();
    for (let i = 60_000; i < 130_000; i++) expect(t.intern(text(i))).toBe(i);
    for (let i = 0; i < 130_000; i++) if (t.get(text(i)) !== i) expect.fail(`entry ${i} not found`);
    expect(t.get('absent')).toBe(-1);
    expect(t.size).toBe(130_000);
  });

  test('a table sized ahead (reserveTable) finds every entry, whether the entries stop short of it or outgrow it', () => {
    for (const [reserved, entries] of [[50_000, 10_000], [10_000, 50_000]] as const) {
      const t = new ByteInterner();
      for (let i = 0; i < 100; i++) t.intern(`a${i}`);
      t.reserveTable(reserved);
      for (let i = 100; i < entries; i++) expect(t.intern(`a${i}`)).toBe(i);
      for (let i = 0; i < entries; i++) if (t.get(`a${i}`) !== i || t.intern(`a${i}`) !== i) expect.fail(`entry ${i} not found`);
      expect(t.size).toBe(entries);
    }
  });

  test('keyOf an unknown id throws a RangeError (misuse, not data)', () => {
    expect(() => new ByteInterner().keyOf(0)).toThrow(RangeError);
  });
});

describe('fnv1a32Utf8', () => {
  test('equals the interner hash of the same text (property, pinned seed)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const bytes = Buffer.from(s, 'utf8');
        expect(fnv1a32Utf8(s)).toBe(fnv1aBytes(bytes, 0, bytes.length));
      }),
      { seed: 20261130, numRuns: 2000 },
    );
  });
});
