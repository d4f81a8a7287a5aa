import { describe, expect, test } from 'vitest';
import { compareFirstNames, compareNamePairs, compareSurnames, type NameLevels } from './compareNames.js';
import { LEVEL } from './levels.js';

const first = (a: string, b: string) => compareFirstNames(a, b, 0.75);
const last = (a: string, b: string) => compareSurnames(a, b, 0.75);

describe('first names', () => {
  test.each([
    ['john', 'john', LEVEL.exact],
    ['william', 'bill', LEVEL.variant],
    ['mohammed', 'mohd', LEVEL.variant],
    ['mohammed', 'محمد', LEVEL.variant],
    ['amna', 'anma', LEVEL.variant],
    ['alan', 'allen', LEVEL.variant],
    ['j', 'john', LEVEL.close],
    ['j', 'mary', LEVEL.disagree],
    ['carl', 'carol', LEVEL.disagree],
    ['dana', 'diana', LEVEL.disagree],
    ['mohammed ali', 'mohammed', LEVEL.variant],
    ['ma teresa', 'maria teresa', LEVEL.variant],
    ['zzyzx', 'حسن', LEVEL.unknown],
  ])('%s ~ %s → %i', (a, b, level) => {
    expect(first(a, b)).toBe(level);
    expect(first(b, a)).toBe(level);
  });
});

describe('surnames', () => {
  test.each([
    ['al otaibi', 'alotaibi', LEVEL.exact],
    ['al otaibi', 'otaibi', LEVEL.exact],
    ['garcia lopez', 'garcia', LEVEL.variant],
    ['schmidt', 'schmitt', LEVEL.variant],
    ['garcia', 'chowdhury', LEVEL.disagree],
    ['haddad', 'حداد', LEVEL.unknown],
  ])('%s ~ %s → %i', (a, b, level) => {
    expect(last(a, b)).toBe(level);
    expect(last(b, a)).toBe(level);
  });
});

describe('name pairs', () => {
  const pair = (fa: string, la: string, fb: string, lb: string): NameLevels => compareNamePairs(fa, la, fb, lb, 0.75, { first: LEVEL.none, last: LEVEL.none });
  test('fields swapped are variants; a patronymic is not a swapped surname', () => {
    expect(pair('ali', 'smith', 'smith', 'ali')).toEqual({ first: LEVEL.variant, last: LEVEL.variant });
    expect(pair('saeed', 'bin rashid', 'rashid', 'bin saeed')).toEqual({ first: LEVEL.disagree, last: LEVEL.disagree });
    expect(pair('', 'haddad', 'omar', 'haddad')).toEqual({ first: LEVEL.none, last: LEVEL.exact });
  });

  test('a hostile name of a hundred words costs no more than a few', () => {
    const words = (p: string) => Array.from({ length: 100 }, (_, i) => `${p}${i}zq`).join(' ');
    const t = performance.now();
    for (let i = 0; i < 200; i++) pair(words('ka'), words('lo'), words('mu'), words('ne'));
    expect(performance.now() - t).toBeLessThan(2000);
  });
});
