import { describe, expect, test } from 'vitest';
import { KIND } from './createRecordKeyer.js';
import { LEVEL } from './levels.js';
import { linkWeight, weightParts, weightPartsInto, type LinkFacts } from './matchWeights.js';

// evidence.ndjson lists a decision's weight parts in one order (readers and diffs of two runs rely on it), and
// the batch writes them from weightPartsInto while explain reads weightParts: both must give that order.

const every: LinkFacts = {
  kind: KIND.email,
  shared: false,
  weak: false,
  household: false,
  namesOnKey: 1,
  corroboration: 1.234,
  conflicts: 1,
  names: { first: LEVEL.exact, last: LEVEL.exact },
  attributes: { dateOfBirth: LEVEL.exact, postcode: LEVEL.exact, address: LEVEL.exact, city: LEVEL.exact, country: LEVEL.exact, gender: LEVEL.exact },
};
const ORDER = ['identifier', 'other_identifiers', 'conflicting_identifiers', 'first_name', 'last_name', 'date_of_birth', 'postcode', 'address', 'city', 'country', 'gender'];

describe('weight parts', () => {
  test('come in the evidence order, rounded to hundredths, from both functions', () => {
    const parts = weightParts(every);
    expect(Object.keys(parts)).toEqual(ORDER);
    expect(parts.other_identifiers).toBe(1.23);
    const names: string[] = [];
    const values: number[] = [];
    const n = weightPartsInto(every, names, values);
    expect(names.slice(0, n)).toEqual(ORDER);
    expect(values.slice(0, n)).toEqual(ORDER.map((k) => parts[k]));
  });

  test('leave out zero parts; the parts add up to the weight', () => {
    const some: LinkFacts = { ...every, corroboration: 0, conflicts: 0, attributes: { ...every.attributes, postcode: LEVEL.none, city: LEVEL.none } };
    const parts = weightParts(some);
    expect(Object.keys(parts)).toEqual(ORDER.filter((k) => !['other_identifiers', 'conflicting_identifiers', 'postcode', 'city'].includes(k)));
    const sum = Object.values(parts).reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - linkWeight(some))).toBeLessThan(0.01 * Object.keys(parts).length);
  });

  test('name the key by its kind of sharing', () => {
    expect(Object.keys(weightParts({ ...every, shared: true }))[0]).toBe('shared_identifier');
    expect(Object.keys(weightParts({ ...every, shared: true, household: true }))[0]).toBe('household_identifier');
    expect(Object.keys(weightParts({ ...every, weak: true, shared: true }))[0]).toBe('weak_identifier');
  });
});
