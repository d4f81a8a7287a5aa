import { describe, expect, test } from 'vitest';
import { compareAttributes, compareDatesOfBirth, foldAttributes, foldDateOfBirth, noAttributeLevels } from './attributes.js';
import { LEVEL } from './levels.js';

describe('foldDateOfBirth', () => {
  test.each([
    ['1984-03-07', '19840307'],
    ['1984-03-07T00:00:00Z', '19840307'],
    ['1984/3/7', '19840307'],
    ['19840307', '19840307'],
    ['07/03/1984', '19840307'],
    ['07.03.1984', '19840307'],
    ['03/25/1984', '19840325'],
    ['1984-03', '19840300'],
    ['03/1984', '19840300'],
    ['1984', '19840000'],
    ['1984-01-01', '19840000'],
    ['1900-01-01', ''],
    ['1970-01-01', ''],
    ['1850-05-05', ''],
    ['1984-13-01', ''],
    ['yesterday', ''],
    ['', ''],
  ])('%s → %s', (raw, folded) => {
    expect(foldDateOfBirth(raw)).toBe(folded);
  });
});

describe('compareDatesOfBirth', () => {
  test.each([
    ['19840307', '19840307', LEVEL.exact],
    ['19840307', '19840703', LEVEL.close],
    ['19840307', '19840300', LEVEL.close],
    ['19840307', '19840000', LEVEL.close],
    ['19840307', '19840308', LEVEL.close],
    ['19840307', '19850307', LEVEL.close],
    ['19840000', '19840000', LEVEL.close],
    ['19840307', '19910515', LEVEL.disagree],
    ['19840307', '19840415', LEVEL.disagree],
    ['19840000', '19850000', LEVEL.close],
    ['19840000', '19870000', LEVEL.close],
    ['19840000', '19910000', LEVEL.disagree],
    ['19840307', '19850308', LEVEL.disagree],
  ])('%s ~ %s → %i', (a, b, level) => {
    expect(compareDatesOfBirth(a, b)).toBe(level);
    expect(compareDatesOfBirth(b, a)).toBe(level);
  });
});

describe('foldAttributes / compareAttributes', () => {
  test('a record without attributes folds to the empty string', () => {
    expect(foldAttributes({})).toBe('');
    expect(foldAttributes({ gender: 'unknown', dateOfBirth: 'n/a' })).toBe('');
  });

  test('each attribute compares on its own', () => {
    const a = foldAttributes({ dateOfBirth: '1984-03-07', gender: 'F', postcode: 'sw1a 1aa', city: 'Dubai', address: '12 Sheikh Zayed Road, Tower 3', country: 'AE' });
    const b = foldAttributes({ dateOfBirth: '07/03/1984', gender: 'female', postcode: 'SW1A1AA', city: 'Dubay', address: '12 sheikh zayed rd tower 3', country: 'ae' });
    const out = compareAttributes(a, b, noAttributeLevels());
    expect(out).toEqual({ dateOfBirth: LEVEL.exact, gender: LEVEL.exact, postcode: LEVEL.exact, city: LEVEL.variant, address: LEVEL.exact, country: LEVEL.exact });
  });

  test('conflicts and absences', () => {
    const a = foldAttributes({ dateOfBirth: '1984-03-07', gender: 'M', city: 'Dubai' });
    const b = foldAttributes({ dateOfBirth: '1991-11-20', gender: 'F', address: 'Al Wasl Road' });
    const out = compareAttributes(a, b, noAttributeLevels());
    expect(out).toEqual({ dateOfBirth: LEVEL.disagree, gender: LEVEL.disagree, postcode: LEVEL.none, city: LEVEL.none, address: LEVEL.none, country: LEVEL.none });
  });
});
