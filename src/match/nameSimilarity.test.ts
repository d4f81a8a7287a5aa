import { describe, expect, test } from 'vitest';
import { nameSimilarity } from './nameSimilarity.js';
import { editDistance, nameSimilarity as sim } from './nameSimilarity.js';
import { normalizeName } from './normalizeName.js';

describe('normalizeName', () => {
  test.each([
    ['  José ', 'jose'],
    ["O'Brien", 'o brien'],
    ['MOHAMMED   Ali', 'mohammed ali'],
    ['مُحَمَّد', 'محمد'],
    ['Ｊｏｈｎ', 'john'],
    ['---', ''],
    [undefined, ''],
  ])('%s → %s', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });
});

describe('nameSimilarity', () => {
  test.each([
    ['mohammed', 'muhammad', true],
    ['mohammed', 'mohamed', true],
    ['mohamed', 'muhammad', true],
    ['rob', 'robert', true],
    ['ahmed', 'ahmad', true],
    ['yousef', 'yusuf', true],
    ['fatima', 'fatma', true],
    ['john', 'jon', true],
    ['ahmed', 'sara', false],
    ['omar', 'aisha', false],
    ['john', 'mary', false],
    ['ali', 'alia', true],
    ['layla', 'khalid', false],
  ])('%s ~ %s agree=%s at 0.75', (a, b, agree) => {
    expect(nameSimilarity(a, b) >= 0.75).toBe(agree);
    expect(nameSimilarity(a, b)).toBe(nameSimilarity(b, a));
  });
});

describe('editDistance (Levenshtein, a neighbour swap is one edit)', () => {
  test.each([
    ['amna', 'anma', 1],
    ['john', 'jhon', 1],
    ['carl', 'carol', 1],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['ab', 'ba', 1],
    ['abcd', 'badc', 3], // two swaps: plain Levenshtein (only a single swap counts as one edit)
  ])('%s ~ %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  test('a letter swap is one slip: "anma" is a variant of "amna" at 0.75', () => {
    expect(sim('amna', 'anma')).toBe(0.75);
  });
});
