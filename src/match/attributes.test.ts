import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compareAttributes, compareDatesOfBirth, foldAttributes, foldDateOfBirth, noAttributeLevels } from './attributes.js';
import { LEVEL } from './levels.js';
import { normalizeName } from './normalizeName.js';

describe('address folding', () => {
  const ABBREVIATED: Record<string, string> = { street: 'st', str: 'st', road: 'rd', avenue: 'ave', av: 'ave', boulevard: 'blvd', drive: 'dr', lane: 'ln', place: 'pl', court: 'ct', building: 'bldg', bld: 'bldg', apartment: 'apt', flat: 'apt', floor: 'fl', tower: 'twr', villa: 'vl', north: 'n', south: 's', east: 'e', west: 'w', number: 'no' };
  // The rule as words: fold like a name, split on spaces, abbreviate each listed word, join.
  const reference = (raw: string): string => {
    const folded = normalizeName(raw);
    return folded === '' ? '' : folded.split(' ').map((w) => (Object.hasOwn(ABBREVIATED, w) ? ABBREVIATED[w] : w)).join(' ');
  };
  const addressOf = (raw: string): string => foldAttributes({ address: raw }).split('\x1f')[4] ?? '';

  test('every listed word is abbreviated wherever it stands, nothing else changes (property, pinned seed)', () => {
    const word = fc.oneof(fc.constantFrom(...Object.keys(ABBREVIATED), 'Street', 'ROAD.', 'streets', 'st', 'rd', 'al', 'wasl', '12', 'Tower-3', 'شارع', 'é'), fc.string({ maxLength: 6 }));
    const gap = fc.constantFrom(' ', '  ', ', ', '.', '-', '\t', '');
    fc.assert(
      fc.property(fc.array(fc.tuple(word, gap), { maxLength: 8 }), (parts) => {
        const raw = parts.map(([w, g]) => w + g).join('');
        expect(addressOf(raw)).toBe(reference(raw));
      }),
      { seed: 20261205, numRuns: 3000 },
    );
    expect(addressOf('12 Sheikh Zayed Road, Tower 3')).toBe('12 sheikh zayed rd twr 3');
    expect(addressOf('Street Road')).toBe('st rd');
    expect(addressOf('Al Wasl')).toBe('al wasl');
  });
});

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

describe('foldDateOfBirth against its patterns', () => {
  // The rule as patterns, tried in turn (what the digit-run reader replaced).
  const reference = (raw: string): string => {
    const s = raw.trim();
    if (s.length > 40) return '';
    let y = 0;
    let m = 0;
    let d = 0;
    let match: RegExpExecArray | null;
    if ((match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/.exec(s))) [y, m, d] = [+match[1]!, +match[2]!, +match[3]!];
    else if ((match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s))) {
      [d, m, y] = [+match[1]!, +match[2]!, +match[3]!];
      if (m > 12 && d <= 12) [d, m] = [m, d];
    } else if ((match = /^(\d{4})(\d{2})(\d{2})$/.exec(s))) [y, m, d] = [+match[1]!, +match[2]!, +match[3]!];
    else if ((match = /^(\d{4})[-/.](\d{1,2})$/.exec(s))) [y, m] = [+match[1]!, +match[2]!];
    else if ((match = /^(\d{1,2})[-/.](\d{4})$/.exec(s))) [m, y] = [+match[1]!, +match[2]!];
    else if ((match = /^(\d{4})$/.exec(s))) y = +match[1]!;
    else return '';
    if (y < 1875 || y > 2100 || m > 12 || d > 31 || (d > 0 && m === 0)) return '';
    if (m === 1 && d === 1) {
      if (y === 1900 || y === 1970 || y === 1901) return '';
      m = 0;
      d = 0;
    }
    return String(y) + String(m).padStart(2, '0') + String(d).padStart(2, '0');
  };

  test('agrees with the patterns on date-like and arbitrary text (property, pinned seed)', () => {
    const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
    const piece = fc.oneof(digits(1, 9), fc.constantFrom('-', '/', '.', 'T', ' ', '\n', '\u2028', ':', 'x', '٣', '+', '  '));
    // Mostly plausible numbers, so that the checks after the shape are reached too.
    const year = fc.oneof(fc.integer({ min: 1870, max: 2105 }).map(String), digits(1, 5));
    const part = fc.oneof(fc.integer({ min: 0, max: 33 }).chain((v) => fc.constantFrom(String(v), String(v).padStart(2, '0'))), digits(0, 3));
    const sep = fc.constantFrom('-', '/', '.', '', ' ', 'T');
    const tail = fc.constantFrom('', '', 'T10:00:00Z', ' 10:00', 'T\nx', ' 1\r2', 'T\u20290', ' x', 'Z', 'x');
    const shaped = fc.oneof(
      fc.tuple(year, sep, part, sep, part, tail).map((p) => p.join('')),
      fc.tuple(part, sep, part, sep, year, tail).map((p) => p.join('')),
      fc.tuple(year, part, part, tail).map((p) => p.join('')),
      fc.tuple(year, sep, part, tail).map((p) => p.join('')),
      fc.tuple(part, sep, year, tail).map((p) => p.join('')),
      fc.tuple(year, tail).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(fc.oneof(shaped, fc.array(piece, { maxLength: 8 }).map((p) => p.join('')), fc.string({ maxLength: 12 })), fc.constantFrom('', ' ', '\t'), (text, pad) => {
        const raw = pad + text + pad;
        expect(foldDateOfBirth(raw)).toBe(reference(raw));
      }),
      { seed: 20261205, numRuns: 20000 },
    );
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
