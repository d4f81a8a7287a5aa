import { defaultJunkMatcher, type JunkMatcher } from '../junk/createJunkMatcher.js';
import { findBadCharacter } from '../_internal/findBadCharacter.js';
import { hasNonAscii } from '../_internal/hasNonAscii.js';
import { stripInvisible } from '../_internal/stripInvisible.js';
import { trimUnicode } from '../_internal/trimUnicode.js';
import type { NormalizeFailure, NormalizeLoginResult } from '../../types.js';

export interface NormalizeLoginOptions {
  /** Junk list to apply; default `defaultJunkMatcher` (the built-in list). */
  readonly junk?: JunkMatcher;
}

/** Longest login kept, in UTF-16 code units after normalization (no login system we know allows more). */
const MAX_LENGTH = 256;
/** perf: hard cap on the raw input before any Unicode work (NFKC can expand a character, never 4-fold in practice). */
const MAX_RAW = MAX_LENGTH * 4;

// perf: failures without a detail that depends on the input are allocated once.
const EMPTY: NormalizeFailure = Object.freeze({ ok: false, reason: 'empty', detail: undefined });
const JUNK: NormalizeFailure = Object.freeze({ ok: false, reason: 'junk_value', detail: undefined });
const TOO_LONG: NormalizeFailure = Object.freeze({ ok: false, reason: 'too_long', detail: `over ${MAX_LENGTH} characters` });
const NOT_A_STRING: NormalizeFailure = Object.freeze({ ok: false, reason: 'invalid_login', detail: 'not a string' });

/**
 * Normalizes a login (user name) to a canonical matching key (spec §2 "Login"). The login namespace (`global` or
 * per source) is applied by the caller, not here.
 *
 * - Unicode NFKC (UAX #15): fullwidth and other compatibility forms fold to their plain characters (`Ａｌｉｃｅ` →
 *   `alice`, ligature `ﬁ` → `fi`, Arabic presentation forms → the letters), and composed/decomposed accents agree.
 * - Invisible formatting characters (zero-width space, bidi marks, BOM) are removed; zero-width (non-)joiners are
 *   kept inside (they shape Arabic-script and Indic text) but trimmed at the ends.
 * - Trimmed (Unicode White_Space); inner spaces are kept and not collapsed: they are part of the login.
 * - Case-folded with `toLowerCase()`, which is locale-independent (ECMA-262 §22.1.3.28, Unicode default case
 *   mapping): `I` → `i` (never Turkish dotless `ı`), `İ` → `i̇` (i + combining dot), `ı` stays `ı`; German `ß`
 *   stays `ß` and capital `ẞ` → `ß`. Full case folding (`ß` → `ss`, CaseFolding.txt "F" entries) is deliberately
 *   not applied: login systems compare logins with simple lower-casing, so `strasse` and `straße` are two logins.
 * - Refused: empty (`empty`), over 256 characters (`too_long`), control characters, line separators, U+FFFD
 *   (mis-decoded text) or unpaired surrogates (`invalid_login`), junk values (`junk_value`).
 *
 * Never throws; bad data returns `{ ok: false, reason, detail }`.
 *
 * @example
 * normalizeLogin('  Ａｌｉｃｅ_K ') // { ok: true, value: 'alice_k', raw: '  Ａｌｉｃｅ_K ' }
 * normalizeLogin('guest') // { ok: false, reason: 'junk_value' }
 */
export function normalizeLogin(input: string, options?: NormalizeLoginOptions): NormalizeLoginResult {
  if (typeof input !== 'string') return NOT_A_STRING;
  if (input.length > MAX_RAW) return TOO_LONG;
  let s: string;
  const nonAscii = hasNonAscii(input);
  if (nonAscii) {
    // NFKC again after lower-casing: lower-casing can leave combining marks out of canonical order (`İ̖`), and the
    // result must be a fixed point (normalizeLogin(value).value === value).
    s = trimUnicode(stripInvisible(input).normalize('NFKC').toLowerCase().normalize('NFKC'));
  } else {
    // perf: ASCII fast path, no Unicode normalization (NFKC and lower-casing agree with plain ASCII rules).
    s = input.trim().toLowerCase();
  }
  if (s.length === 0) return EMPTY;
  if (s.length > MAX_LENGTH) return TOO_LONG;
  const bad = findBadCharacter(s, nonAscii);
  if (bad !== undefined) return { ok: false, reason: 'invalid_login', detail: bad };
  if ((options?.junk ?? defaultJunkMatcher).isJunk('login', s)) return JUNK;
  return { ok: true, value: s, raw: input };
}
