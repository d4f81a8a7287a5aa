import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import cases from '../../../fixtures/normalize/junk.json' with { type: 'json' };
import { IdweaveError } from '../../errors.js';
import type { IdentifierKind, JunkOptions } from '../../types.js';
import { createJunkMatcher, defaultJunkMatcher } from './createJunkMatcher.js';
import { BUILT_IN_PATTERNS, missesBuiltInPhonePatterns } from './junkLists.js';

interface JunkCase {
  readonly kind: IdentifierKind;
  readonly input: string;
  readonly junk: boolean;
  readonly note: string;
}

const table = cases as readonly JunkCase[];

describe('defaultJunkMatcher: fixtures/normalize/junk.json', () => {
  test('the table has at least 40 cases', () => {
    expect(table.length).toBeGreaterThanOrEqual(40);
  });

  test.each(table)('$kind $input → $junk ($note)', (c) => {
    expect(defaultJunkMatcher.isJunk(c.kind, c.input)).toBe(c.junk);
  });
});

describe('createJunkMatcher', () => {
  test('the any-kind placeholders of spec §2 are junk for every kind', () => {
    const kinds: IdentifierKind[] = ['email', 'phone', 'login', 'handle', 'externalId'];
    for (const v of ['n/a', 'na', 'null', 'none', '-', '--', '.', '0', 'unknown', 'test', 'nil', 'undefined', 'xxx', 'N/A', ' NULL ']) {
      for (const kind of kinds) expect(defaultJunkMatcher.isJunk(kind, v), `${kind} ${v}`).toBe(true);
    }
  });

  test('a value matches as it lower-cases, also through a character beyond ASCII (the Kelvin sign is a K)', () => {
    expect(defaultJunkMatcher.isJunk('login', 'un\u212a')).toBe(true); // "unK" lower-cases to the listed "unk"
    expect(defaultJunkMatcher.isJunk('login', '\u00a0UNK\u2003')).toBe(true);
    expect(defaultJunkMatcher.isJunk('login', 'unk\u00e9')).toBe(false);
  });

  test('a canonical phone, which skips the built-in patterns, still meets the values and patterns of the options', () => {
    const junk = createJunkMatcher({ values: { phone: ['+971 4 123 4567'], any: ['+442079460958'] }, patterns: { phone: ['^\\+9715'], any: ['^\\+1'] } });
    expect(junk.isJunk('phone', '+97141234567')).toBe(true);
    expect(junk.isJunk('phone', '+442079460958')).toBe(true);
    expect(junk.isJunk('phone', '+971501234567')).toBe(true);
    expect(junk.isJunk('phone', '+14155550123')).toBe(true);
    expect(junk.isJunk('phone', '+966501234567')).toBe(false);
  });

  test('user values match whatever the case beyond ASCII (Latin-1, and a capital outside the BMP)', () => {
    const junk = createJunkMatcher({ values: { any: ['josé', '\u{10428}x'] } });
    expect(junk.isJunk('login', 'josÉ')).toBe(true); // its one capital is beyond ASCII
    expect(junk.isJunk('login', '\u{10400}x')).toBe(true);
    expect(junk.isJunk('login', 'josie')).toBe(false);
  });

  test('options extend the built-in list per kind and for any kind', () => {
    const junk = createJunkMatcher({
      values: { email: ['Info@Mall.ae'], phone: ['+971 4 123 4567'], any: ['Sin Email'] },
      patterns: { login: ['^kiosk\\d+$'], any: ['^dummy'] },
    });
    expect(junk.isJunk('email', 'info@mall.ae')).toBe(true);
    expect(junk.isJunk('phone', '+97141234567')).toBe(true); // the E.164 form of the configured value
    expect(junk.isJunk('phone', '+971 4 123 4567')).toBe(true);
    expect(junk.isJunk('login', 'sin email')).toBe(true);
    expect(junk.isJunk('externalId', 'SIN EMAIL')).toBe(true);
    expect(junk.isJunk('login', 'Kiosk7')).toBe(true);
    expect(junk.isJunk('email', 'kiosk7@mall.ae')).toBe(false); // login pattern only
    expect(junk.isJunk('handle', 'instagram:dummy_account')).toBe(true);
    // The built-in list stays.
    expect(junk.isJunk('email', 'test@test.com')).toBe(true);
    // The default matcher is not affected.
    expect(defaultJunkMatcher.isJunk('email', 'info@mall.ae')).toBe(false);
  });

  test('misuse fails fast with every problem listed', () => {
    const bad = {
      values: { email: ['ok@x.com', 42], fax: ['1'] },
      patterns: { phone: ['(unclosed'], any: ['[z-a]'] },
    } as unknown as JunkOptions;
    let error: unknown;
    try {
      createJunkMatcher(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IdweaveError);
    const issues = (error as IdweaveError).issues;
    expect((error as IdweaveError).code).toBe('config_invalid');
    expect(issues).toHaveLength(4);
    expect(issues).toEqual(
      expect.arrayContaining([
        'junk.values.email[1]: expected a string',
        expect.stringMatching(/^junk\.values\.fax: unknown kind/),
        expect.stringMatching(/^junk\.patterns\.phone\[0\]: invalid regular expression/),
        expect.stringMatching(/^junk\.patterns\.any\[0\]: invalid regular expression/),
      ]),
    );
  });

  test('empty and non-string values are not junk (and never throw)', () => {
    expect(defaultJunkMatcher.isJunk('login', '')).toBe(false);
    expect(defaultJunkMatcher.isJunk('login', undefined as unknown as string)).toBe(false);
    expect(defaultJunkMatcher.isJunk('nope' as IdentifierKind, 'n/a')).toBe(false);
  });

  test('patterns keep no state between calls', () => {
    const junk = createJunkMatcher({ patterns: { login: ['^abc\\d$'] } });
    for (let i = 0; i < 5; i++) expect(junk.isJunk('login', 'abc1')).toBe(true);
  });

  test('is fast on the hot path', () => {
    // Not a benchmark (bench/ has those): a guard against an accidental per-call compile or allocation storm.
    const values = Array.from({ length: 10_000 }, (_, i) => `person.${i}@company${i % 50}.com`);
    const start = performance.now();
    let n = 0;
    for (let round = 0; round < 20; round++) for (const v of values) if (defaultJunkMatcher.isJunk('email', v)) n++;
    expect(n).toBe(0);
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});

describe('missesBuiltInPhonePatterns', () => {
  test('never skips a value the built-in phone patterns match (property, pinned seed)', () => {
    // Digit strings rich in runs and sequences, so that matches are common.
    const chunk = fc.oneof(
      fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 6 }),
      fc.tuple(fc.constantFrom(...'0123456789'), fc.integer({ min: 4, max: 12 })).map(([d, n]) => d.repeat(n)),
      fc.constantFrom('1234567890', '0123456789', '987654321', '9876543210', '12345678', '87654321', '123456789'),
    );
    const value = fc.tuple(fc.constantFrom('+', '+', '', '0', 'x'), fc.array(chunk, { maxLength: 4 })).map(([head, parts]) => head + parts.join(''));
    let skipped = 0;
    let matched = 0;
    fc.assert(
      fc.property(value, (v) => {
        const match = BUILT_IN_PATTERNS.phone.test(v);
        if (match) matched++;
        if (missesBuiltInPhonePatterns(v)) {
          skipped++;
          expect(match).toBe(false);
        }
      }),
      { seed: 20261205, numRuns: 20000 },
    );
    expect(skipped).toBeGreaterThan(1000);
    expect(matched).toBeGreaterThan(1000);
    expect(missesBuiltInPhonePatterns('+971501234567')).toBe(true);
    expect(defaultJunkMatcher.isJunk('phone', '+971500000000')).toBe(true);
    expect(defaultJunkMatcher.isJunk('phone', '+9711234567890')).toBe(true);
  });
});
