import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compareAttributeBytes, compareAttributes, compareDatesOfBirth, foldAttributes, foldDateOfBirth, noAttributeLevels } from './attributes.js';
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

describe('attribute comparison on bytes (pinned seed)', () => {
  test('dates compare as the string rule did, both ways', () => {
    fc.assert(
      fc.property(date, date, (a, b) => {
        expect(compareDatesOfBirth(a, b)).toBe(referenceDates(a, b));
        expect(compareDatesOfBirth(b, a)).toBe(referenceDates(a, b));
      }),
      { seed: SEED, numRuns: 20000 },
    );
  });

  test('fields are read where they lie: the same levels at any offset of a larger buffer, and as the split fields say', () => {
    fc.assert(
      fc.property(record, record, fc.nat(9), fc.nat(9), (ra, rb, padA, padB) => {
        const fa = foldAttributes(ra);
        const fb = foldAttributes(rb);
        fc.pre(fa !== '' && fb !== '');
        const expected = compareAttributes(fa, fb, noAttributeLevels());
        // Both entries in one buffer, between bytes a careless bound would read (separators and digits).
        const before = '\x1f9'.repeat(padA);
        const between = '\x1f1'.repeat(padB);
        const buf = Buffer.from(before + fa + between + fb + '\x1f\x1f', 'utf8');
        const aStart = Buffer.byteLength(before);
        const aEnd = aStart + Buffer.byteLength(fa);
        const bStart = aEnd + Buffer.byteLength(between);
        const bEnd = bStart + Buffer.byteLength(fb);
        expect(compareAttributeBytes(buf, aStart, aEnd, buf, bStart, bEnd, noAttributeLevels())).toEqual(expected);
        // The equality fields and presence, against the split strings.
        const pa = fa.split('\x1f');
        const pb = fb.split('\x1f');
        const eq = (i: number): Level => (pa[i] === '' || pb[i] === '' ? LEVEL.none : pa[i] === pb[i] ? LEVEL.exact : LEVEL.disagree);
        expect([expected.gender, expected.postcode, expected.country]).toEqual([eq(1), eq(2), eq(5)]);
        expect(expected.dateOfBirth).toBe(pa[0] === '' || pb[0] === '' ? LEVEL.none : referenceDates(pa[0]!, pb[0]!));
        for (const [level, i] of [[expected.city, 3], [expected.address, 4]] as const) {
          if (pa[i] === '' || pb[i] === '') expect(level).toBe(LEVEL.none);
          else if (pa[i] === pb[i]) expect(level).toBe(LEVEL.exact);
          else expect(level === LEVEL.variant || level === LEVEL.disagree).toBe(true);
        }
      }),
      { seed: SEED, numRuns: 5000 },
    );
  });

  test('addresses compare by the word-set rule, symmetrically (repeated words, the 24-word cap, several scripts)', () => {
    const word = fc.constantFrom('12', 'sheikh', 'zayed', 'rd', 'road', 'twr', '3', 'al', 'wasl', 'شارع', 'الوصل', 'zürich', 'flat', 'a');
    const address = fc.array(word, { minLength: 1, maxLength: 30 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(address, address, (ra, rb) => {
        const fa = foldAttributes({ address: ra });
        const fb = foldAttributes({ address: rb });
        const want = referenceAddresses(fa.split('\x1f')[4]!, fb.split('\x1f')[4]!);
        // Both orders: the similarity fallback once looked at the first address's length only.
        expect(compareAttributes(fa, fb, noAttributeLevels()).address).toBe(want);
        expect(compareAttributes(fb, fa, noAttributeLevels()).address).toBe(want);
      }),
      { seed: SEED, numRuns: 5000 },
    );
  });
});
