import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoTime } from './isoTime.js';
import { JsonBytes } from './JsonBytes.js';

// Profiles write first_seen / last_seen with isoTime and JsonBytes.isoTime instead of Date.prototype.toISOString:
// the same text for every time a Date holds, fractions of a millisecond and years outside 0 to 9999 included.
const times = fc.oneof(
  fc.integer({ min: -8.64e15, max: 8.64e15 }),
  fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }),
  fc.double({ min: -1e13, max: 1e13, noNaN: true }),
  fc.constantFrom(-62_167_219_200_000, -62_167_219_200_001, 253_402_300_799_999, 253_402_300_800_000, 0, -0, -1, -0.5, -1.5, 0.9, 951_782_400_000, 8.64e15, -8.64e15, -62_167_219_200_000.5),
);

describe('isoTime', () => {
  it('is new Date(time).toISOString(), as a string and as bytes', () => {
    const j = new JsonBytes();
    fc.assert(
      fc.property(times, (time) => {
        const expected = new Date(time).toISOString();
        expect(isoTime(time)).toBe(expected);
        j.reset();
        j.isoTime(time);
        expect(Buffer.from(j.bytes.subarray(0, j.length)).toString()).toBe(expected);
        expect(j.chars).toBe(expected.length);
      }),
      { seed: 20261203, numRuns: 5000 },
    );
  });

  it('throws for an invalid time, as a Date does', () => {
    expect(() => isoTime(Number.NaN)).toThrow(RangeError);
    expect(() => isoTime(8.64e15 + 1)).toThrow(RangeError);
  });
});
