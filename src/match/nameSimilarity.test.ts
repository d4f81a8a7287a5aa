import { describe, expect, test } from 'vitest';
import { nameSimilarity } from './nameSimilarity.js';
import { normalizeName, firstToken } from './normalizeName.js';

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

  test('firstToken', () => {
    expect(firstToken('mohammed ali')).toBe('mohammed');
    expect(firstToken('sara')).toBe('sara');
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
