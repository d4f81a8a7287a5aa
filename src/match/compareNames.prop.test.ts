import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compareAttributes, foldAttributes, noAttributeLevels } from './attributes.js';
import { compareNamePairs, type NameLevels } from './compareNames.js';
import { LEVEL } from './levels.js';

// A pool that reaches every rule: variants, known distinct names, initials, scripts, particles, patronymics.
const FIRST = ['', 'hassan', 'hasan', 'حسن', 'حسين', 'brown', 'mary', 'j', 'john', 'bill', 'william', 'carl', 'carol', 'ali', 'smith', 'saeed', 'rashid', 'anna', 'mohammed ali'];
const LAST = ['', 'brown', 'hassan', 'smith', 'al otaibi', 'alotaibi', 'bin rashid', 'bin saeed', 'garcia lopez', 'garcia', 'ali', 'van dyke', 'john'];
const ADDRESSES = ['house 1 road 1 block 1', 'house 1 road 22 block 334', '12 sheikh zayed rd', '12 sheikh zayed road twr 3', 'al wasl rd'];

const SEED = 20261202;

describe('comparisons are symmetric (pinned seed)', () => {
  test('compareNamePairs(a, b) = compareNamePairs(b, a)', () => {
    const name = fc.tuple(fc.constantFrom(...FIRST), fc.constantFrom(...LAST));
    fc.assert(
      fc.property(name, name, ([fa, la], [fb, lb]) => {
        const ab = compareNamePairs(fa, la, fb, lb, 0.75, { first: LEVEL.none, last: LEVEL.none } as NameLevels);
        const ba = compareNamePairs(fb, lb, fa, la, 0.75, { first: LEVEL.none, last: LEVEL.none } as NameLevels);
        expect(ba).toEqual(ab);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  test('compareAttributes(a, b) = compareAttributes(b, a)', () => {
    const record = fc.record({
      dateOfBirth: fc.constantFrom('1984-03-07', '07/03/1984', '03/07/1984', '1984', '1985-03-07', '1991-11-20'),
      address: fc.constantFrom(...ADDRESSES),
      city: fc.constantFrom('dubai', 'dubay', 'doha'),
      gender: fc.constantFrom('m', 'f', ''),
    }, { requiredKeys: [] });
    fc.assert(
      fc.property(record, record, (a, b) => {
        const fa = foldAttributes(a);
        const fb = foldAttributes(b);
        fc.pre(fa !== '' && fb !== '');
        expect(compareAttributes(fb, fa, noAttributeLevels())).toEqual(compareAttributes(fa, fb, noAttributeLevels()));
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
});
