import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { anyString, PROPERTY_SEED } from '../../_testing/textArbitraries.js';
import { defaultJunkMatcher } from './createJunkMatcher.js';
import { ANY_JUNK_VALUES, BUILT_IN_PATTERNS, JUNK_VALUES, MIRRORED_EMAIL_TLDS, missesBuiltInPhonePatterns } from './junkLists.js';

const params = { seed: PROPERTY_SEED, numRuns: 5_000 };

/**
 * The matcher as it was written before its fast paths (a loop-and-RegExp fold, and a sticky RegExp for the
 * placeholder domains and reserved TLDs, the exact values' `Set` asked first, every phone folded and matched), kept
 * here as the oracle for the email, login and phone kinds.
 */
function referenceFold(s: string): string {
  const n = s.length;
  if (n === 0) return s;
  let t = s;
  if (s.charCodeAt(0) <= 0x20 || s.charCodeAt(n - 1) <= 0x20 || s.charCodeAt(0) > 0x7f || s.charCodeAt(n - 1) > 0x7f) t = s.trim();
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || c > 0x7f) return t.toLowerCase();
  }
  return t;
}

const DOMAIN_TAIL = /(?:example\.(?:com|net|org)|(?:test|none|noemail|nomail|no-email|null|noreply|fake|dummy)\.com|[^.@]+\.(?:test|example|invalid|localhost|local))$/y;

function referenceEmailShape(v: string): boolean {
  const at = v.lastIndexOf('@');
  const lastDot = v.lastIndexOf('.');
  if (at <= 0 || lastDot <= at + 1) return false;
  const prevDot = v.lastIndexOf('.', lastDot - 1);
  DOMAIN_TAIL.lastIndex = prevDot > at ? prevDot + 1 : at + 1;
  if (DOMAIN_TAIL.test(v)) return true;
  if (lastDot !== at + 1 + at) return false;
  if (v.slice(0, at) !== v.slice(at + 1, lastDot)) return false;
  return MIRRORED_EMAIL_TLDS.some((tld) => v.length === lastDot + 1 + tld.length && v.endsWith(tld));
}

function reference(kind: 'email' | 'login' | 'phone', canonical: string): boolean {
  const v = referenceFold(canonical);
  if (v.length === 0) return false;
  const values = new Set([...ANY_JUNK_VALUES, ...JUNK_VALUES[kind]]);
  const matches = (x: string): boolean => values.has(x) || BUILT_IN_PATTERNS[kind].test(x);
  if (matches(v)) return true;
  if (kind === 'phone' && !/^\+?\d*$/.test(v) && /^\+?[\d\s().\-/]+$/.test(v)) {
    const digits = (v.startsWith('+') ? '+' : '') + v.replace(/\D/g, '');
    return digits.length > 1 && matches(digits);
  }
  return kind === 'email' && referenceEmailShape(v);
}

const PIECES = [
  'test', 'TEST', 'example', 'Example', 'com', 'net', 'org', 'co', 'ae', 'none', 'noemail', 'no-email', 'nomail', 'null',
  'noreply', 'fake', 'dummy', 'invalid', 'localhost', 'local', 'gmail', 'mail', 'abc', 'n/a', 'x', 'a', '',
];

/**
 * Text made of the pieces the email rules look at, in any order; with characters beyond ASCII that lower-case to
 * ASCII (the Kelvin sign to `k`: `un\u212a` folds to the listed `unk`).
 */
const emailish: fc.Arbitrary<string> = fc
  .array(fc.constantFrom('@', '.', '-', ' ', '\u00a0', '\u2003', 'B', 'É', 'İ', 'ß', 'ي', '1', '\u212a', 'un', ...PIECES), { maxLength: 9 })
  .map((parts) => parts.join(''));

/** Addresses `local@label.….label`, labels from the pieces (empty ones too): every domain rule's edges. */
const address: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...PIECES), fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 4 }), fc.constantFrom('', ' ', '.', 'X'))
  .map(([local, labels, end]) => `${local}@${labels.join('.')}${end}`);

/** Phone text: canonical E.164 with and without runs and sequences, raw input with separators, words. */
const phoneish: fc.Arbitrary<string> = fc
  .array(fc.constantFrom('+', '971', '50', '0', '000000', '1', '123456', '78', '90', '9876', '54321', '5', '2', '8', '9', ' ', '-', '(', ')', 'n/a', 'x'), { maxLength: 8 })
  .map((parts) => parts.join(''));

/** `missesBuiltInPhonePatterns` as first written: runs of equal digits in the scan, the sequences by `includes`. */
function referenceMisses(v: string): boolean {
  if (v.length < 2 || v.charCodeAt(0) !== 0x2b) return false;
  let run = 0;
  let prev = -1;
  for (let i = 1; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return false;
    run = c === prev ? run + 1 : 1;
    if (run >= 6) return false;
    prev = c;
  }
  return !v.includes('12345678') && !v.includes('98765432');
}

/** A run of digits one up or one down (`34567`, `87654`), or one digit repeated, of any length that fits. */
const digitRun: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 10 }), fc.constantFrom(1, -1, 0))
  .map(([from, length, step]) => {
    let run = '';
    for (let d = from, i = 0; i < length && d >= 0 && d <= 9; i++, d += step) run += String(d);
    return run;
  });

/** Canonical-looking phones: `+` and digit runs, the listed sequences' edges among them. */
const canonicalPhone: fc.Arbitrary<string> = fc.array(fc.oneof(digitRun, fc.constantFrom('971', '50')), { maxLength: 5 }).map((parts) => `+${parts.join('')}`);

describe('defaultJunkMatcher against the reference matcher', () => {
  test('missesBuiltInPhonePatterns: the same answer as first written', () => {
    fc.assert(
      fc.property(fc.oneof(canonicalPhone, phoneish), (v) => {
        expect(missesBuiltInPhonePatterns(v)).toBe(referenceMisses(v));
      }),
      params,
    );
  });

  test('phone: the same answer for canonical and raw numbers near every pattern', () => {
    fc.assert(
      fc.property(fc.oneof(canonicalPhone, phoneish), (v) => {
        expect(defaultJunkMatcher.isJunk('phone', v)).toBe(reference('phone', v));
      }),
      params,
    );
  });

  test('email: the same answer for addresses and text near every rule', () => {
    fc.assert(
      fc.property(fc.oneof(address, emailish), (v) => {
        expect(defaultJunkMatcher.isJunk('email', v)).toBe(reference('email', v));
      }),
      params,
    );
  });

  test('email, login and phone: the same answer for arbitrary strings (case, Unicode, whitespace at the ends)', () => {
    fc.assert(
      fc.property(anyString(40), fc.constantFrom('email' as const, 'login' as const, 'phone' as const), (v, kind) => {
        expect(defaultJunkMatcher.isJunk(kind, v)).toBe(reference(kind, v));
      }),
      params,
    );
  });
});
