/**
 * fast-check arbitraries shared by the normalizers' property tests (test-only; nothing in the library imports it).
 * The seed is pinned in each test so a failure replays; fast-check prints the seed and the shrunk counter-example.
 */
import fc from 'fast-check';

/** The seed every normalizer property test runs with. */
export const PROPERTY_SEED = 20261122;

/** Characters that break naive normalizers: spaces of every kind, invisible marks, controls, BOM, U+FFFD. */
const NASTY = [
  ' ', '\t', '\n', '\r', '\u0000', '\u0085', '\u00a0', '\u00ad', '\u061c', '\u180e', '\u200b', '\u200c', '\u200d',
  '\u200e', '\u200f', '\u2028', '\u202e', '\u2060', '\u3000', '\ufeff', '\ufffd', '\uffff', '@', '.', '+', '<', '>',
  '"', ':', 'İ', 'ı', 'ß', 'ẞ', 'ﬁ', 'Ａ', 'Σ', '\u0301', '\u0307', '\u0316', 'ﻣ', 'محمد', '٢', '😀',
];

/** One lone (unpaired) surrogate code unit. */
export const loneSurrogate: fc.Arbitrary<string> = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** Any code point, lone surrogates, and the nasty characters above, mixed. */
export const anyUnit: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }),
  fc.constantFrom(...NASTY),
  loneSurrogate,
);

/** Arbitrary strings including binary-looking input and lone surrogates. */
export const anyString = (maxLength = 80): fc.Arbitrary<string> => fc.string({ unit: anyUnit, maxLength });

/** Padding a value may arrive with: ASCII and Unicode spaces, zero-width characters, BOM, bidi marks. */
export const padding: fc.Arbitrary<string> = fc.string({
  unit: fc.constantFrom(' ', '\t', '\n', '\r\n', '\u00a0', '\u2003', '\u3000', '\u200b', '\ufeff', '\u200f', '\u200e'),
  maxLength: 4,
});

/** A random upper/lower-case variant of the ASCII letters of `s` (non-ASCII characters are left alone). */
export const asciiCaseVariant = (s: string): fc.Arbitrary<string> =>
  fc.array(fc.boolean(), { minLength: s.length, maxLength: s.length }).map((flips) => {
    let out = '';
    for (let i = 0; i < s.length; i++) {
      const ch = s[i]!;
      out += flips[i] && /[a-zA-Z]/.test(ch) ? (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase()) : ch;
    }
    return out;
  });

/** A string of about one megabyte: `unit` repeated. */
export const oneMegabyte = (unit: string): string => unit.repeat(Math.ceil((1 << 20) / unit.length));
