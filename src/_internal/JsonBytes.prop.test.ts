import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyString } from '../_testing/textArbitraries.js';
import { JsonBytes, jsonText } from './JsonBytes.js';

const textOf = (j: JsonBytes): string => Buffer.from(j.bytes.subarray(0, j.length)).toString();

describe('JsonBytes', () => {
  it('writes a stored string as JSON.stringify writes it, and counts its UTF-16 length', () => {
    const j = new JsonBytes();
    fc.assert(
      fc.property(fc.oneof(anyString(), fc.string({ unit: 'binary' }), fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)) })), fc.nat(5), (s, pad) => {
        // Stored bytes read back as their decoding (a lone surrogate was stored as U+FFFD).
        const stored = Buffer.from(s);
        const src = Buffer.concat([Buffer.alloc(pad, 0x22), stored, Buffer.alloc(pad, 0x5c)]);
        j.reset();
        j.string(src, pad, pad + stored.length);
        const expected = JSON.stringify(stored.toString());
        expect(textOf(j)).toBe(expected);
        expect(j.chars).toBe(expected.length);
      }),
      { seed: 20261203, numRuns: 1000 },
    );
  });

  it('copies JSON text as it stands (raw), counting its UTF-16 length', () => {
    const j = new JsonBytes();
    fc.assert(
      fc.property(fc.oneof(anyString(), fc.string({ unit: 'binary' })), fc.nat(5), (s, pad) => {
        const text = JSON.stringify(Buffer.from(s).toString());
        const stored = Buffer.from(text);
        const src = Buffer.concat([Buffer.alloc(pad, 0xf0), stored, Buffer.alloc(pad, 0x80)]);
        j.reset();
        j.ascii('[');
        j.raw(src, pad, pad + stored.length);
        expect(textOf(j)).toBe(`[${text}`);
        expect(j.chars).toBe(text.length + 1);
      }),
      { seed: 20261203, numRuns: 1000 },
    );
  });

  it('appends a piece encoded once (jsonText) as UTF-8, counting its UTF-16 length', () => {
    const j = new JsonBytes();
    fc.assert(
      fc.property(fc.array(fc.oneof(anyString(), fc.string({ unit: 'binary' })).map((s) => JSON.stringify(Buffer.from(s).toString())), { maxLength: 6 }), (texts) => {
        j.reset();
        for (const t of texts) j.text(jsonText(t));
        expect(textOf(j)).toBe(texts.join(''));
        expect(j.chars).toBe(texts.join('').length);
      }),
      { seed: 20261204, numRuns: 500 },
    );
  });

  it('writes any number as JSON.stringify writes it', () => {
    const j = new JsonBytes();
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double(), fc.maxSafeInteger(), fc.integer({ min: -4102444800000, max: 4102444800000 }), fc.integer({ min: -1e6, max: 1e6 }).map((k) => k / 100), fc.integer().map((k) => k / 100), fc.integer({ min: -100, max: 100 }).map((k) => k / 1000), fc.constantFrom(0.1 + 0.2, 0.29, 1.005, -0.5, 0.01, -0.01, 99999999999999.99, 1e15 - 0.01, 9999999999999.99, 1e13 - 0.01, -9999999999999.99, 2147483648.5, 123456789012.35, -0, -1, -2147483648, 2147483647, 2147483648, 999999999, 1000000000, 2 ** 53, -(2 ** 53), 1e21, 1e9 + 1, 1e18, 1576937214000, 1000000000000, 999999999999, 1000000000999999, 9007199000000000, -1000000000000, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER)), (x) => {
        j.reset();
        j.number(x);
        expect(textOf(j)).toBe(JSON.stringify(x));
        expect(j.chars).toBe(JSON.stringify(x).length);
      }),
      { seed: 20261203, numRuns: 2000 },
    );
  });

  it('mixes its writers across buffer growth: the text is the pieces joined, its length counted', () => {
    const piece = fc.oneof(anyString(), fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ minLength: 200, maxLength: 900 }));
    const op = fc.oneof(
      piece.map((s) => ({ kind: 'text' as const, s: JSON.stringify(Buffer.from(s).toString()) })),
      piece.map((s) => ({ kind: 'raw' as const, s: JSON.stringify(Buffer.from(s).toString()) })),
      piece.map((s) => ({ kind: 'string' as const, s: Buffer.from(s).toString() })),
      fc.constantFrom(',', '[', '{"a":', 'null').map((s) => ({ kind: 'ascii' as const, s })),
      fc.constantFrom(44, 58, 93).map((c) => ({ kind: 'char' as const, s: String.fromCharCode(c) })),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 14 }), (ops) => {
        // A new builder each time, so its first growth happens inside whichever writer crosses 1,024 bytes.
        const j = new JsonBytes();
        let expected = '';
        for (const { kind, s } of ops) {
          if (kind === 'text') j.text(jsonText(s));
          else if (kind === 'raw') j.raw(Buffer.from(s), 0, Buffer.byteLength(s));
          else if (kind === 'string') j.string(Buffer.from(s), 0, Buffer.byteLength(s));
          else if (kind === 'ascii') j.ascii(s);
          else j.char(s.charCodeAt(0));
          expected += kind === 'string' ? JSON.stringify(s) : s;
        }
        expect(textOf(j)).toBe(expected);
        expect(j.chars).toBe(expected.length);
      }),
      { seed: 20261205, numRuns: 500 },
    );
  });

  it('writes a piece right after growing in another writer (its word view follows the new buffer)', () => {
    const j = new JsonBytes();
    const long = 'x'.repeat(1100);
    j.ascii(long);
    j.text(jsonText('"x"'));
    expect(textOf(j)).toBe(`${long}"x"`);
  });

  it('grows past its first buffer, keeping what it holds', () => {
    const j = new JsonBytes();
    const long = 'é"\n'.repeat(2000);
    j.char(91);
    j.string(Buffer.from(long), 0, Buffer.byteLength(long));
    j.ascii(',null]');
    expect(textOf(j)).toBe(JSON.stringify([long, null]));
    expect(j.chars).toBe(JSON.stringify([long, null]).length);
  });
});
