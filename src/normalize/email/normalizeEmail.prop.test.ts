import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { anyString, asciiCaseVariant, oneMegabyte, padding, PROPERTY_SEED } from '../../_testing/textArbitraries.js';
import { normalizeEmail, plainAddressAt } from './normalizeEmail.js';

const params = { seed: PROPERTY_SEED, numRuns: 2_000 };

/** Valid-looking addresses, some at providers with rules and some with typo'd domains. */
const address: fc.Arbitrary<string> = fc.oneof(
  fc.emailAddress(),
  fc
    .tuple(
      fc.stringMatching(/^[a-z0-9]{1,8}(?:\.[a-z0-9]{1,8}){0,2}(?:\+[a-z0-9]{1,6})?$/),
      fc.constantFrom('gmail.com', 'googlemail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'gmial.com', 'hotmial.com', 'gmail.con', 'bücher.de', 'مثال.امارات', 'company.ae'),
    )
    .map(([local, domain]) => `${local}@${domain}`),
);

describe('normalizeEmail properties', () => {
  test('never throws on arbitrary strings (binary, lone surrogates, nasty characters)', () => {
    fc.assert(
      fc.property(anyString(120), (s) => {
        const r = normalizeEmail(s);
        expect(typeof r.ok).toBe('boolean');
      }),
      params,
    );
  });

  test('never throws on huge input (1 MB)', () => {
    for (const unit of ['a', ' ', 'a@', '\ud800', '\u200b', 'ß@x.', '😀']) {
      expect(normalizeEmail(oneMegabyte(unit))).toMatchObject({ ok: false });
    }
    expect(normalizeEmail(`${' '.repeat(1 << 20)}john@gmail.com`)).toMatchObject({ ok: false, reason: 'too_long' });
  });

  test('is idempotent on its own output (arbitrary strings)', () => {
    fc.assert(
      fc.property(anyString(60), (s) => {
        const r = normalizeEmail(s);
        if (r.ok) expect(normalizeEmail(r.value)).toMatchObject({ ok: true, value: r.value });
      }),
      params,
    );
  });

  test('is idempotent on its own output (addresses)', () => {
    fc.assert(
      fc.property(address, (s) => {
        const r = normalizeEmail(s);
        if (!r.ok) return;
        const again = normalizeEmail(r.value);
        expect(again).toMatchObject({ ok: true, value: r.value, domain: r.domain, typoOf: r.typoOf, suggested: r.suggested });
        if (r.suggested !== undefined) expect(normalizeEmail(r.suggested)).toMatchObject({ ok: true, value: r.suggested });
      }),
      params,
    );
  });

  test('case and whitespace variants normalize to the same result', () => {
    fc.assert(
      fc.property(
        address.chain((s) => fc.tuple(fc.constant(s), asciiCaseVariant(s), padding, padding)),
        ([s, variant, before, after]) => {
          const expected = normalizeEmail(s);
          const r = normalizeEmail(`${before}${variant}${after}`);
          if (expected.ok) expect(r).toMatchObject({ ok: true, value: expected.value, typoOf: expected.typoOf, suggested: expected.suggested });
          else expect(r).toMatchObject({ ok: false, reason: expected.reason });
        },
      ),
      params,
    );
  });

  test('the plain-address shortcut answers as the general path does', () => {
    // Near-addresses: the characters the shortcut decides on (case, dots, hyphens, quotes, `xn--`, digits), and
    // lengths around the limits. A leading space sends the same text down the general path.
    const piece = fc.oneof(
      fc.stringMatching(/^[a-zA-Z0-9.\-_+'!~]{0,12}$/),
      // Any printable ASCII: every character the shortcut must refuse (quotes, brackets, `:`, spaces) or accept.
      fc.stringMatching(/^[ -~]{1,6}$/),
      fc.constantFrom('xn--', 'xn--p1ai', 'xn--p1ai-', 'xn--9-', 'xn--a', '.', '..', '-', '@', 'a'.repeat(63), 'b'.repeat(64), 'com', 'c0m', 'ae', 'x'),
    );
    const text = fc.oneof(
      fc.array(piece, { maxLength: 8 }).map((parts) => parts.join('')),
      fc.tuple(fc.array(piece, { minLength: 1, maxLength: 4 }), fc.array(piece, { minLength: 1, maxLength: 5 })).map(([l, d]) => `${l.join('')}@${d.join('.')}`),
      fc.tuple(fc.integer({ min: 0, max: 70 }), fc.integer({ min: 1, max: 200 })).map(([l, d]) => `${'a'.repeat(l)}@${'b.'.repeat(d)}com`),
    );
    let taken = 0;
    fc.assert(
      fc.property(text, (s) => {
        const fast = normalizeEmail(s);
        const general = normalizeEmail(` ${s}`);
        const { raw: _a, ...fastRest } = fast as { raw?: string };
        const { raw: _b, ...generalRest } = general as { raw?: string };
        expect(fastRest).toEqual(generalRest);
        if (plainAddressAt(s) !== -1) taken++;
      }),
      { ...params, numRuns: 20_000 },
    );
    // The generator reaches the shortcut often enough for the comparison to mean something.
    expect(taken).toBeGreaterThan(2_000);
  });
});
