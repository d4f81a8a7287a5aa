import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compareAttributeBytes, compareAttributes, compareDatesOfBirth, foldAttributes, foldDateOfBirth, noAttributeLevels, type AttributeLevels } from './attributes.js';
import { LEVEL, type Level } from './levels.js';
import { nameSimilarity } from './nameSimilarity.js';

const SEED = 20261205;

/** The date rule as it was written on strings (parts sliced, digits compared as characters): the oracle. */
function referenceDates(a: string, b: string): Level {
  if (a === b) return a.endsWith('00') ? LEVEL.close : LEVEL.exact;
  const ya = a.slice(0, 4), yb = b.slice(0, 4), ma = a.slice(4, 6), mb = b.slice(4, 6), da = a.slice(6, 8), db = b.slice(6, 8);
  const known = (x: string): boolean => x !== '00';
  const oneDigit = (x: string, y: string): boolean => [...x].filter((c, i) => c !== y[i]).length === 1;
  const sameMonth = !known(ma) || !known(mb) || ma === mb;
  const sameDay = !known(da) || !known(db) || da === db;
  if (ya === yb && sameMonth && sameDay) return LEVEL.close;
  if (ya === yb && known(ma) && known(mb) && known(da) && known(db) && ma === db && da === mb) return LEVEL.close;
  const slips = (ya === yb ? 0 : oneDigit(ya, yb) ? 1 : 2) + (sameMonth ? 0 : oneDigit(ma, mb) ? 1 : 2) + (sameDay ? 0 : oneDigit(da, db) ? 1 : 2);
  return slips === 1 ? LEVEL.close : LEVEL.disagree;
}

/** The address rule written on strings (two Sets of split words): the oracle. */
function referenceAddresses(a: string, b: string): Level {
  if (a === b) return LEVEL.exact;
  const wa = new Set(a.split(' ', 24));
  const wb = new Set(b.split(' ', 24));
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  if (common / (wa.size + wb.size - common) >= 0.6) return LEVEL.variant;
  return a.length > 8 && b.length > 8 && nameSimilarity(a, b) >= 0.85 ? LEVEL.variant : LEVEL.disagree;
}

// Small pools, so that equal, one-digit-apart, swapped and partial dates and equal fields are frequent.
const date = fc.tuple(fc.constantFrom(1984, 1985, 1994, 1884, 1948, 2001), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 31 }))
  .map(([y, m, d]) => foldDateOfBirth(m === 0 ? String(y) : d === 0 ? `${y}-${m}` : `${y}-${m}-${d}`))
  .filter((s) => s !== '');
const record = fc.record({
  dateOfBirth: fc.constantFrom('1984-03-07', '1984-07-03', '1984-03-08', '1985-03-07', '1984', '1984-03', 'n/a'),
  gender: fc.constantFrom('m', 'f', 'female', 'x'),
  postcode: fc.constantFrom('SW1A 1AA', 'sw1a1aa', 'E1 6AN'),
  city: fc.constantFrom('Dubai', 'dubay', 'Doha', 'Zürich', 'دبي'),
  address: fc.constantFrom('12 Sheikh Zayed Road', '12 sheikh zayed rd tower 3', 'Al Wasl Road', 'شارع الوصل'),
  country: fc.constantFrom('AE', 'ae', 'QA'),
}, { requiredKeys: [] });

/**
 * The levels of two folded attribute strings, from their split fields and the oracles above: every field's rule
 * written on strings (city: exact, or a variant within 0.8 similarity).
 */
function referenceLevels(fa: string, fb: string): AttributeLevels {
  const pa = fa.split('\x1f');
  const pb = fb.split('\x1f');
  const present = (i: number): boolean => (pa[i] ?? '') !== '' && (pb[i] ?? '') !== '';
  const eq = (i: number): Level => (!present(i) ? LEVEL.none : pa[i] === pb[i] ? LEVEL.exact : LEVEL.disagree);
  const city = !present(3) ? LEVEL.none : pa[3] === pb[3] ? LEVEL.exact : nameSimilarity(pa[3]!, pb[3]!) >= 0.8 ? LEVEL.variant : LEVEL.disagree;
  return {
    dateOfBirth: present(0) ? referenceDates(pa[0]!, pb[0]!) : LEVEL.none,
    gender: eq(1),
    postcode: eq(2),
    city,
    address: present(4) ? referenceAddresses(pa[4]!, pb[4]!) : LEVEL.none,
    country: eq(5),
  };
}

/**
 * `compareAttributeBytes` on the two strings laid in one buffer as an interner lays entries: back to back, with
 * other entries (letters, digits, separators) right before, between and after, in either order, or the same entry
 * twice; `tail` false puts the last entry at the very end of the buffer.
 */
function compareLaidOut(fa: string, fb: string, filler: string, bFirst: boolean, same: boolean, tail: boolean): AttributeLevels {
  if (same) {
    const buf = Buffer.from(filler + fa + (tail ? filler : ''), 'utf8');
    const start = Buffer.byteLength(filler);
    const end = start + Buffer.byteLength(fa);
    return compareAttributeBytes(buf, start, end, buf, start, end, noAttributeLevels());
  }
  const [first, second] = bFirst ? [fb, fa] : [fa, fb];
  const buf = Buffer.from(filler + first + filler + second + (tail ? filler : ''), 'utf8');
  const firstStart = Buffer.byteLength(filler);
  const firstEnd = firstStart + Buffer.byteLength(first);
  const secondStart = firstEnd + Buffer.byteLength(filler);
  const secondEnd = secondStart + Buffer.byteLength(second);
  return bFirst
    ? compareAttributeBytes(buf, secondStart, secondEnd, buf, firstStart, firstEnd, noAttributeLevels())
    : compareAttributeBytes(buf, firstStart, firstEnd, buf, secondStart, secondEnd, noAttributeLevels());
}

const filler = fc.constantFrom('', 'ae', 'john', '19840307', '\x1f', '\x1fqa', 'x\x1f\x1f');
const layout = fc.tuple(filler, fc.boolean(), fc.boolean());

describe('attribute comparison on bytes (pinned seed)', () => {
  test('dates compare as the string rule did, both ways, on the bytes at any offset', () => {
    fc.assert(
      fc.property(date, date, layout, (a, b, [fill, bFirst, tail]) => {
        const want = referenceDates(a, b);
        expect(compareDatesOfBirth(a, b)).toBe(want);
        expect(compareDatesOfBirth(b, a)).toBe(want);
        const fa = foldAttributes({ dateOfBirth: a });
        const fb = foldAttributes({ dateOfBirth: b });
        expect(compareLaidOut(fa, fb, fill, bFirst, false, tail).dateOfBirth).toBe(want);
      }),
      { seed: SEED, numRuns: 20000 },
    );
  });

  test('every field as its rule on the split strings says, wherever the entries lie', () => {
    fc.assert(
      fc.property(record, record, layout, fc.boolean(), (ra, rb, [fill, bFirst, tail], same) => {
        const fa = foldAttributes(ra);
        const fb = same ? fa : foldAttributes(rb);
        fc.pre(fa !== '' && fb !== '');
        const want = referenceLevels(fa, fb);
        expect(compareAttributes(fa, fb, noAttributeLevels())).toEqual(want);
        expect(compareLaidOut(fa, fb, fill, bFirst, same, tail)).toEqual(want);
      }),
      { seed: SEED, numRuns: 5000 },
    );
  });

  test('addresses compare by the word-set rule, symmetrically (repeated words, the 24-word cap, several scripts)', () => {
    const word = fc.constantFrom('12', 'sheikh', 'zayed', 'rd', 'road', 'twr', '3', 'al', 'wasl', 'شارع', 'الوصل', 'zürich', 'flat', 'a');
    const address = fc.array(word, { minLength: 1, maxLength: 30 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(address, address, layout, (ra, rb, [fill, bFirst, tail]) => {
        const fa = foldAttributes({ address: ra });
        const fb = foldAttributes({ address: rb });
        const want = referenceAddresses(fa.split('\x1f')[4]!, fb.split('\x1f')[4]!);
        // Both orders: the similarity fallback once looked at the first address's length only.
        expect(compareAttributes(fa, fb, noAttributeLevels()).address).toBe(want);
        expect(compareAttributes(fb, fa, noAttributeLevels()).address).toBe(want);
        expect(compareLaidOut(fa, fb, fill, bFirst, false, tail).address).toBe(want);
      }),
      { seed: SEED, numRuns: 5000 },
    );
  });

  test('addresses as split on single spaces, even in text folding never writes (empty words, the 25th word)', () => {
    const long = Array.from({ length: 24 }, (_, i) => `w${i}`).join(' ');
    const cases: [string, string][] = [
      ['a  b', 'a b'], [' a b', 'a b'], ['a b ', 'a b'], [' ', '  '], ['zürich st', 'zurich st'], ['الوصل', 'الوصل 1'],
      [`${long} x`, `${long} y`], [`${long} x y z`, long], ['12345678', '123456789'], ['123456789', '12345678 9'],
    ];
    for (const [x, y] of cases) {
      const fa = `\x1f\x1f\x1f\x1f${x}\x1f`;
      const fb = `\x1f\x1f\x1f\x1f${y}\x1f`;
      expect(compareAttributes(fa, fb, noAttributeLevels()).address, `${x} ~ ${y}`).toBe(referenceAddresses(x, y));
      expect(compareAttributes(fb, fa, noAttributeLevels()).address, `${y} ~ ${x}`).toBe(referenceAddresses(x, y));
    }
  });

  test('a date field that is not eight digits is no evidence (a hand-edited snapshot)', () => {
    for (const bad of ['1984', '1984030', '198403071', '1984-3-7', '19８40307']) {
      expect(compareAttributes(`${bad}\x1f\x1f\x1f\x1f\x1f`, '19840307\x1f\x1f\x1f\x1f\x1f', noAttributeLevels()).dateOfBirth, bad).toBe(LEVEL.none);
    }
  });
});
