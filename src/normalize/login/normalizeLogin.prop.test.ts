import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { anyString, asciiCaseVariant, oneMegabyte, padding, PROPERTY_SEED } from '../../_testing/textArbitraries.js';
import { normalizeLogin } from './normalizeLogin.js';

const params = { seed: PROPERTY_SEED, numRuns: 3_000 };

describe('normalizeLogin properties', () => {
  test('never throws on arbitrary strings (binary, lone surrogates, nasty characters)', () => {
    fc.assert(
      fc.property(anyString(300), (s) => {
        expect(typeof normalizeLogin(s).ok).toBe('boolean');
      }),
      params,
    );
  });

  test('never throws on huge input (1 MB)', () => {
    for (const unit of ['a', ' ', '\ud800', 'ﷺ', '\u200b', 'İ']) expect(normalizeLogin(oneMegabyte(unit))).toMatchObject({ ok: false });
  });

  test('is idempotent on its own output', () => {
    fc.assert(
      fc.property(anyString(60), (s) => {
        const r = normalizeLogin(s);
        if (r.ok) expect(normalizeLogin(r.value)).toMatchObject({ ok: true, value: r.value });
      }),
      params,
    );
  });

  test('case and whitespace variants normalize to the same result', () => {
    fc.assert(
      fc.property(
        anyString(40).chain((s) => fc.tuple(fc.constant(s), asciiCaseVariant(s), padding, padding)),
        ([s, variant, before, after]) => {
          const expected = normalizeLogin(s);
          const r = normalizeLogin(`${before}${variant}${after}`);
          if (expected.ok) expect(r).toMatchObject({ ok: true, value: expected.value });
          // Padding can push a value over the raw cap only far above 256 characters: never here.
          else expect(r).toMatchObject({ ok: false, reason: expected.reason });
        },
      ),
      params,
    );
  });
});
