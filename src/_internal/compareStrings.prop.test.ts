import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROPERTY_SEED } from '../_testing/textArbitraries.js';
import { compareStrings, compareUtf8 } from './compareStrings.js';

// Characters on both sides of the one place UTF-8 byte order and UTF-16 code unit order part: U+E000–U+FFFF
// against supplementary characters (surrogate pairs).
const unit = fc.oneof(
  fc.constantFrom('a', 'z', 'é', '\u0800', '\ud7ff', '\ue000', '\uf8ff', '\uffff', '😀', '\u{10000}', '\u{10ffff}', ''),
  fc.string({ unit: 'binary', maxLength: 1 }),
);
const text = fc.array(unit, { maxLength: 6 }).map((parts) => parts.join(''));

describe('compareUtf8', () => {
  it('orders encoded strings as compareStrings orders the strings, or says it cannot tell (NaN) only for a lead byte from 0xEE on both sides', () => {
    fc.assert(
      fc.property(text, text, fc.nat(3), (a, b, pad) => {
        const x = Buffer.concat([Buffer.alloc(pad), Buffer.from(a)]);
        const y = Buffer.from(b);
        const order = compareUtf8(x, pad, x.length - pad, y, 0, y.length);
        const want = Math.sign(compareStrings(a, b));
        if (Number.isNaN(order)) {
          let i = 0;
          while (x[pad + i] === y[i]) i++;
          expect(x[pad + i]).toBeGreaterThanOrEqual(0xee);
          expect(y[i]).toBeGreaterThanOrEqual(0xee);
        } else expect(Math.sign(order)).toBe(want);
      }),
      { seed: PROPERTY_SEED, numRuns: 5000 },
    );
  });
});
