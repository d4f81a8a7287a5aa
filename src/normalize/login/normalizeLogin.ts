import { defaultJunkMatcher, type JunkMatcher } from '../junk/createJunkMatcher.js';
import type { NormalizeLoginResult } from '../../types.js';

export interface NormalizeLoginOptions {
  readonly junk?: JunkMatcher;
}

const MAX_LENGTH = 256;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Normalizes a login (user name): Unicode NFKC (fullwidth and compatibility forms fold to their plain letters,
 * UAX #15), trimmed, case-folded with `toLowerCase` (locale-independent: Turkish dotted/dotless i are not
 * special-cased, and "ß" stays "ß" — full case folding would turn it into "ss", which no login system we know
 * of does). Inner spaces are kept: they are part of the login.
 *
 * @example normalizeLogin('  Ａｌｉｃｅ_K ') // { ok: true, value: 'alice_k', … }
 */
export function normalizeLogin(input: string, options: NormalizeLoginOptions = {}): NormalizeLoginResult {
  if (typeof input !== 'string') return { ok: false, reason: 'invalid_login', detail: 'not a string' };
  if (input.length > MAX_LENGTH * 4) return { ok: false, reason: 'too_long', detail: `over ${MAX_LENGTH} characters` };
  let s = input;
  // perf: NFKC only when a non-ASCII character is present.
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0x7f) {
      s = s.normalize('NFKC');
      break;
    }
  }
  s = s.trim().toLowerCase();
  if (s === '') return { ok: false, reason: 'empty' };
  if (s.length > MAX_LENGTH) return { ok: false, reason: 'too_long', detail: `over ${MAX_LENGTH} characters` };
  if (CONTROL.test(s)) return { ok: false, reason: 'invalid_login', detail: 'contains control characters' };
  if ((options.junk ?? defaultJunkMatcher).isJunk('login', s)) return { ok: false, reason: 'junk_value' };
  return { ok: true, value: s, raw: input };
}
