import fc from 'fast-check';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { PROPERTY_SEED } from '../../_testing/textArbitraries.js';
import { eachText } from './eachText.js';

/** The texts `eachText` hands over, in order. */
const texts = (bytes: Uint8Array, atStart: boolean): string[] => {
  const out: string[] = [];
  eachText(bytes, atStart, (t) => out.push(t));
  return out;
};

const whole = (bytes: Uint8Array, atStart: boolean): string => new TextDecoder('utf-8', { ignoreBOM: !atStart }).decode(bytes);

/** Whether V8 holds `s` at one byte a character (its serializer tags one-byte strings `"`, two-byte ones `c`). */
const oneByte = (s: string): boolean => serialize(s)[2] === 0x22;

/** Bytes that make decoding hard: newlines, a BOM, lead and continuation bytes alone, overlong and surrogate forms. */
const piece = fc
  .array(
    fc.oneof(
      fc.constantFrom([10], [13, 10], [0xef, 0xbb, 0xbf], [0xc3], [0xa9], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xc0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xff], [0]),
      fc.string({ unit: 'binary', maxLength: 6 }).map((s) => [...Buffer.from(s, 'utf8')]),
      fc.uint8Array({ maxLength: 6 }).map((a) => [...a]),
    ),
    { maxLength: 40 },
  )
  .map((parts) => Uint8Array.from(parts.flat()));

describe('eachText', () => {
  it('joined, is the whole piece decoded, for any bytes, at the start of a file or not', () => {
    fc.assert(
      fc.property(piece, fc.boolean(), (bytes, atStart) => {
        expect(texts(bytes, atStart).join('')).toBe(whole(bytes, atStart));
      }),
      { seed: PROPERTY_SEED, numRuns: 3000 },
    );
  });

  it('reads a view into a larger buffer from its own offset', () => {
    const outer = Buffer.from('zz\nab\ncé\nd\nzz');
    const view = outer.subarray(3, 12);
    expect(texts(view, false).join('')).toBe('ab\ncé\nd\n');
  });

  it('keeps the ASCII lines around a line with an Arabic name at one byte a character', () => {
    const parts = texts(Buffer.from('a,1\nb,2\nc,محمد\nd,3\ne,4'), false);
    expect(parts).toEqual(['a,1\nb,2\n', 'c,محمد\n', 'd,3\ne,4']);
    expect(parts.map(oneByte)).toEqual([true, false, true]);
  });

  it('drops a BOM only where the file starts', () => {
    const bom = Buffer.from('\ufeffa\n\ufeffb\n');
    expect(texts(bom, true).join('')).toBe('a\n\ufeffb\n');
    expect(texts(bom, false).join('')).toBe('\ufeffa\n\ufeffb\n');
  });
});
