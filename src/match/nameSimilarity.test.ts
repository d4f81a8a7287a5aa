import { describe, expect, test } from 'vitest';
import { compareNames } from './compareNames.js';
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

describe('compareNames', () => {
  const names = ['ali', 'smith', 'omar', 'layla', 'haddad', 'حسن', 'hassan', 'darwish', 'khan'];
  const id = (n: string) => names.indexOf(n);
  const cmp = (fa: string, la: string, fb: string, lb: string) =>
    compareNames(fa ? id(fa) : -1, la ? id(la) : -1, fb ? id(fb) : -1, lb ? id(lb) : -1, (i) => names[i]!, 0.75);
  test.each([
    ['ali', 'smith', 'smith', 'ali', 'agree'],
    ['omar', 'haddad', 'layla', 'haddad', 'disagree'],
    ['حسن', 'darwish', 'hassan', 'darwish', 'unknown'],
    ['', 'haddad', 'omar', 'haddad', 'unknown'],
    ['', 'haddad', '', 'khan', 'disagree'],
    ['', 'omar', 'omar', 'khan', 'unknown'],
    ['omar', '', 'omar', 'khan', 'agree'],
    ['', '', 'omar', 'khan', 'unknown'],
  ] as const)('%s %s ~ %s %s → %s', (fa, la, fb, lb, verdict) => {
    expect(cmp(fa, la, fb, lb)).toBe(verdict);
    expect(cmp(fb, lb, fa, la)).toBe(verdict);
  });
});
