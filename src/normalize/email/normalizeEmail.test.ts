import { describe, expect, test } from 'vitest';
import cases from '../../../fixtures/normalize/email.json' with { type: 'json' };
import { createJunkMatcher } from '../junk/createJunkMatcher.js';
import type { NormalizeFailureReason } from '../../types.js';
import { normalizeEmail } from './normalizeEmail.js';
import { MAJOR_DOMAINS, PROVIDERS, REAL_NEAR_DOMAINS } from './providers.js';

interface EmailCase {
  readonly input: string;
  readonly expected: string | null;
  readonly reason: NormalizeFailureReason | null;
  readonly typoOf?: string;
  readonly suggested?: string;
  readonly note: string;
}

const table = cases as readonly EmailCase[];

describe('normalizeEmail: fixtures/normalize/email.json', () => {
  test('the table has at least 40 cases', () => {
    expect(table.length).toBeGreaterThanOrEqual(40);
  });

  test.each(table)('$note: $input', (c) => {
    const r = normalizeEmail(c.input);
    if (c.expected === null) {
      expect(r).toMatchObject({ ok: false, reason: c.reason });
      return;
    }
    expect(r).toMatchObject({ ok: true, value: c.expected, raw: c.input });
    if (!r.ok) return;
    expect(r.typoOf).toBe(c.typoOf);
    expect(r.suggested).toBe(c.suggested);
    // The canonical value is a fixed point.
    expect(normalizeEmail(r.value)).toMatchObject({ ok: true, value: r.value });
  });
});

describe('normalizeEmail', () => {
  test('result carries raw and the canonical domain', () => {
    expect(normalizeEmail(' J.Doe@GoogleMail.com ')).toStrictEqual({
      ok: true,
      value: 'jdoe@gmail.com',
      raw: ' J.Doe@GoogleMail.com ',
      domain: 'gmail.com',
      typoOf: undefined,
      suggested: undefined,
    });
    expect(normalizeEmail('hassan@hotmial.com')).toMatchObject({ domain: 'hotmial.com', typoOf: 'hotmail.com' });
  });

  test('failures carry a readable detail', () => {
    expect(normalizeEmail('john.doe')).toEqual({ ok: false, reason: 'invalid_email', detail: 'missing "@"' });
    expect(normalizeEmail('a@b@company.com')).toMatchObject({ detail: 'more than one "@"' });
    expect(normalizeEmail('"john doe"@company.com')).toMatchObject({ detail: 'quoted local part (not supported)' });
    expect(normalizeEmail('john@company..com')).toMatchObject({ detail: 'domain has an empty label' });
    expect(normalizeEmail('john@-x.com')).toMatchObject({ detail: 'invalid domain label "-x"' });
  });

  test('never throws on values that are not strings', () => {
    for (const v of [undefined, null, 42, {}, [], Symbol('x')]) {
      expect(normalizeEmail(v as unknown as string)).toMatchObject({ ok: false, reason: 'invalid_email' });
    }
  });

  test('caps the length before any regex', () => {
    expect(normalizeEmail(`${'a'.repeat(2_000)}@gmail.com`)).toMatchObject({ ok: false, reason: 'too_long' });
    // 254 characters is the longest mailbox (RFC 5321): a 64-character local part and a 189-character domain.
    const domain = `${'d'.repeat(60)}.${'e'.repeat(60)}.${'f'.repeat(63)}.com`;
    const longest = `${'l'.repeat(64)}@${domain}`;
    expect(longest.length).toBe(254);
    expect(normalizeEmail(longest)).toMatchObject({ ok: true, value: longest });
    expect(normalizeEmail(`m${longest}`)).toMatchObject({ ok: false, reason: 'too_long' });
    // Padding does not count.
    expect(normalizeEmail(`   ${longest}   `)).toMatchObject({ ok: true, value: longest });
  });

  test('dots are folded only for Gmail, +tags only where the provider delivers them', () => {
    expect(normalizeEmail('a.b+x@gmail.com')).toMatchObject({ value: 'ab@gmail.com' });
    expect(normalizeEmail('a.b+x@outlook.com')).toMatchObject({ value: 'a.b@outlook.com' });
    expect(normalizeEmail('a.b+x@yahoo.com')).toMatchObject({ value: 'a.b+x@yahoo.com' });
    expect(normalizeEmail('a.b+x@company.com')).toMatchObject({ value: 'a.b+x@company.com' });
    expect(normalizeEmail('a.b-x@yahoo.com')).toMatchObject({ value: 'a.b-x@yahoo.com' });
  });

  test('no provider-table, major or allowlisted domain is ever flagged as a typo', () => {
    for (const domain of [...PROVIDERS.keys(), ...MAJOR_DOMAINS, ...REAL_NEAR_DOMAINS]) {
      const r = normalizeEmail(`maryam.yousef@${domain}`);
      expect(r.ok && r.typoOf, domain).toBeFalsy();
    }
  });

  test.each([
    ['gmial.com', 'gmail.com'], ['gmai.com', 'gmail.com'], ['gmaill.com', 'gmail.com'], ['gamil.com', 'gmail.com'],
    ['hotmial.com', 'hotmail.com'], ['hotmal.com', 'hotmail.com'], ['hotmaill.com', 'hotmail.com'],
    ['yaho.com', 'yahoo.com'], ['yahooo.com', 'yahoo.com'], ['outlok.com', 'outlook.com'], ['outllook.com', 'outlook.com'],
    ['iclod.com', 'icloud.com'], ['icoud.com', 'icloud.com'], ['gmail.cm', 'gmail.com'], ['hotmail.co', 'hotmail.com'],
    ['googlemial.com', 'googlemail.com'], ['hotmail.co.ik', 'hotmail.co.uk'], ['protonmal.com', 'protonmail.com'],
  ])('%s is flagged as a typo of %s', (typo, target) => {
    const r = normalizeEmail(`maryam.yousef+vox@${typo}`);
    expect(r).toMatchObject({ ok: true, value: `maryam.yousef+vox@${typo}`, domain: typo, typoOf: target });
    // The suggestion follows the target provider's rules (googlemail → gmail, dots and +tag dropped).
    const expected = normalizeEmail(`maryam.yousef+vox@${target}`);
    expect(r.ok && r.suggested).toBe(expected.ok && expected.value);
  });

  test.each(['aon.com', 'mail.com', 'email.com', 'cloud.com', 'gmx.com', 'zoho.com', 'company.com', 'gmail.de', 'live.nl', 'aim.com', 'msm.com', 'love.com'])(
    '%s is not flagged',
    (domain) => {
      expect(normalizeEmail(`maryam.yousef@${domain}`)).toMatchObject({ ok: true, typoOf: undefined, suggested: undefined });
    },
  );

  test('typo answers are stable across calls (cached per domain)', () => {
    for (let i = 0; i < 3; i++) expect(normalizeEmail(`sara@gmial.com`)).toMatchObject({ typoOf: 'gmail.com' });
  });

  test('junk is checked on the raw, canonical and suggested forms', () => {
    expect(normalizeEmail('No.Email@gmail.com')).toMatchObject({ ok: false, reason: 'junk_value' });
    expect(normalizeEmail('noemail+shop@outlook.com')).toMatchObject({ ok: false, reason: 'junk_value' });
    expect(normalizeEmail('te.st@gmial.com')).toMatchObject({ ok: false, reason: 'junk_value' });
  });

  test('a custom junk matcher extends the list', () => {
    const junk = createJunkMatcher({ values: { email: ['Front.Desk@Mall.ae'] }, patterns: { email: ['^reception\\d*@'] } });
    expect(normalizeEmail('front.desk@mall.ae', { junk })).toMatchObject({ ok: false, reason: 'junk_value' });
    expect(normalizeEmail('Reception2@hotel.ae', { junk })).toMatchObject({ ok: false, reason: 'junk_value' });
    expect(normalizeEmail('front.desk@mall.ae')).toMatchObject({ ok: true });
    expect(normalizeEmail('test@test.com', { junk })).toMatchObject({ reason: 'junk_value' });
  });

  test('IDN domains keep their Unicode form; the xn-- form is a different key', () => {
    expect(normalizeEmail('Info@Bücher.DE')).toMatchObject({ value: 'info@bücher.de', domain: 'bücher.de' });
    expect(normalizeEmail('info@xn--bcher-kva.de')).toMatchObject({ value: 'info@xn--bcher-kva.de' });
    // Composed and decomposed ü agree (NFC).
    expect(normalizeEmail('info@bu\u0308cher.de')).toMatchObject({ value: 'info@bücher.de' });
  });
});
