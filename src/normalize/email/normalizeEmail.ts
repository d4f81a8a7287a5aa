import { distance } from 'fastest-levenshtein';
import { detachedString } from '../../_internal/detachedString.js';
import { defaultJunkMatcher, type JunkMatcher } from '../junk/createJunkMatcher.js';
import { hasNonAscii } from '../_internal/hasNonAscii.js';
import { stripInvisible } from '../_internal/stripInvisible.js';
import type { NormalizeEmailResult, NormalizeFailure } from '../../types.js';
import { MAJOR_DOMAINS, PROVIDERS, REAL_NEAR_DOMAINS, WRONG_COM_SUFFIXES, type ProviderRule } from './providers.js';

export interface NormalizeEmailOptions {
  /** Junk list to apply; default `defaultJunkMatcher` (the built-in list). */
  readonly junk?: JunkMatcher;
}

/** RFC 5321 §4.5.3.1.3: a path is at most 256 octets including the angle brackets, so a mailbox at most 254. */
const MAX_LENGTH = 254;
/** RFC 5321 §4.5.3.1.1: local part at most 64 octets. */
const MAX_LOCAL = 64;
/** RFC 1035 §2.3.4 / RFC 5321 §4.5.3.1.2: a domain name is at most 255 octets, 253 characters in text form. */
const MAX_DOMAIN = 253;
/**
 * perf: hard cap on the raw input before any work at all (padding, `mailto:`, a display name may come on top of
 * the 254 characters of the address); anything longer cannot hold a usable address (libphonenumber-js caps at 250).
 */
const MAX_RAW = 1024;

/** Zero-width joiner / non-joiner are never meaningful in an address (in logins they can be); stripped everywhere. */
const ZW_JOINERS = /[\u200c\u200d]/g;

/**
 * Dot-atom local part (RFC 5322 §3.2.3 atext, §3.4.1), lower-case, plus any non-ASCII character that is not a
 * space, control, format, surrogate or unassigned code point (RFC 6531 §3.3 UTF8-non-ascii, internationalized
 * addresses). Atoms hold no dot, so the regex is linear.
 */
const ATEXT = "[a-z0-9!#$%&'*+/=?^_`{|}~-]|[^\\x00-\\x7f\\p{White_Space}\\p{C}\\ufffd]";
const LOCAL = new RegExp(`^(?:${ATEXT})+(?:\\.(?:${ATEXT})+)*$`, 'u');

/**
 * Domain: labels of letters, digits and hyphens, not starting or ending with a hyphen, at most 63 characters
 * (RFC 1035 §2.3.1, RFC 5890 for Unicode labels: letters, marks and digits of any script); at least two labels;
 * the top-level label is alphabetic or an ASCII `xn--` A-label (RFC 3696 §2: no all-numeric TLD, so dotted IPv4
 * is refused). Domain literals (`[192.0.2.1]`) are refused: consumer addresses never use them.
 */
const LABEL = '(?!-)[a-z0-9\\p{L}\\p{M}\\p{Nd}-]{1,63}(?<!-)';
const DOMAIN = new RegExp(`^(?:${LABEL}\\.)+(?:[a-z\\p{L}][a-z\\p{L}\\p{M}]{1,62}|xn--[a-z0-9-]{0,58}[a-z0-9])$`, 'u');
const LABEL_ONLY = new RegExp(`^${LABEL}$`, 'u');

// perf: failures without a detail that depends on the input are allocated once.
const EMPTY: NormalizeFailure = Object.freeze({ ok: false, reason: 'empty', detail: undefined });
const JUNK: NormalizeFailure = Object.freeze({ ok: false, reason: 'junk_value', detail: undefined });
const TOO_LONG: NormalizeFailure = Object.freeze({ ok: false, reason: 'too_long', detail: `over ${MAX_LENGTH} characters` });
const NOT_A_STRING: NormalizeFailure = Object.freeze({ ok: false, reason: 'invalid_email', detail: 'not a string' });

/**
 * Normalizes an email address to a canonical matching key (spec §2 "Email"; every rule and its source is listed
 * in docs/normalization-rules.md).
 *
 * 1. Clean-up: invisible characters (zero-width, bidi marks, BOM) are removed, the value is trimmed, a `mailto:`
 *    prefix, surrounding quotes and angle brackets (also `Name <address>`) are removed.
 * 2. Case and form: Unicode NFC (only when non-ASCII), lower-case (RFC 5321 lets the receiver decide the case of
 *    the local part; no consumer provider distinguishes it), a trailing dot of the domain removed.
 * 3. Syntax: one `@`, a dot-atom local part of at most 64 characters, a domain of valid labels with a dot, at
 *    most 254 characters in all. Quoted local parts (`"john doe"@x.com`) and domain literals are refused.
 *    IDN domains keep their Unicode form (`bücher.de`); an ASCII `xn--` domain stays as is (the two forms are not
 *    unified).
 * 4. Provider rules (providers.ts): Gmail/Googlemail drop dots and `+tag` (googlemail.com → gmail.com); Microsoft,
 *    iCloud, Proton, Fastmail, Yandex drop `+tag`; every other domain keeps its local part verbatim.
 * 5. Typo'd domains: a domain one or two edits from a major provider (`gmial.com`) or a major with a mistyped
 *    `.com` (`gmail.con`) keeps its value, and gets `typoOf` and a `suggested` canonical address (weaker evidence).
 * 6. Junk: the raw lower-cased value, the canonical value and the suggested value are checked against the junk list.
 *
 * Never throws; bad data returns `{ ok: false, reason, detail }`.
 *
 * @example
 * normalizeEmail(' John.Doe+promo@GoogleMail.com ') // { ok: true, value: 'johndoe@gmail.com', domain: 'gmail.com', … }
 * normalizeEmail('maryam@gmial.com') // { ok: true, value: 'maryam@gmial.com', typoOf: 'gmail.com', suggested: 'maryam@gmail.com', … }
 * normalizeEmail('test@test.com') // { ok: false, reason: 'junk_value' }
 */
export function normalizeEmail(input: string, options?: NormalizeEmailOptions): NormalizeEmailResult {
  if (typeof input !== 'string') return NOT_A_STRING;
  if (input.length > MAX_RAW) return TOO_LONG;
  const junk = options?.junk ?? defaultJunkMatcher;
  // perf: most inputs are already in the form the clean-up below produces, and valid: one scan says so, instead of
  // the scans for non-ASCII, trimming and lower-casing and the two Unicode regexes (the 2M benchmark file's emails:
  // 950 → 685 ns an email, 69% of them taking this path).
  const plainAt = plainAddressAt(input);
  if (plainAt !== -1) {
    if (junk.isJunk('email', input)) return JUNK;
    return canonicalAddress(input, input, input.slice(0, plainAt), input.slice(plainAt + 1), junk);
  }
  const nonAscii = hasNonAscii(input);
  let s = input;
  // perf: the Unicode clean-up only when a non-ASCII character is present (every invisible character is).
  if (nonAscii) s = stripInvisible(s).replace(ZW_JOINERS, '');
  s = unwrap(s.trim());
  if (s.length === 0) return EMPTY;
  if (s.length > MAX_LENGTH) return TOO_LONG;
  if (nonAscii) {
    // NFC before and after lower-casing: lower-casing can yield a sequence that is not in canonical order.
    s = s.normalize('NFC').toLowerCase().normalize('NFC');
  } else {
    s = s.toLowerCase();
  }
  // RFC 1034 §3.1: a trailing dot makes the domain absolute; it names the same domain.
  if (s.charCodeAt(s.length - 1) === 0x2e /* . */) s = s.slice(0, -1);

  // Before the syntax check, so `n/a`, `none`, `-` in an email column count as junk, not as invalid addresses.
  if (junk.isJunk('email', s)) return JUNK;

  const at = s.indexOf('@');
  if (at === -1) return invalid('missing "@"');
  if (s.indexOf('@', at + 1) !== -1) return invalid('more than one "@"');
  const local = s.slice(0, at);
  const domain = s.slice(at + 1);
  if (local.length === 0) return invalid('empty local part');
  if (local.length > MAX_LOCAL) return invalid(`local part over ${MAX_LOCAL} characters`);
  if (domain.length === 0) return invalid('empty domain');
  if (domain.length > MAX_DOMAIN) return invalid(`domain over ${MAX_DOMAIN} characters`);
  if (!LOCAL.test(local)) return invalid(explainLocal(local));
  if (!DOMAIN.test(domain)) return invalid(explainDomain(domain));
  return canonicalAddress(input, s, local, domain, junk);
}

/** Steps 4–6 for an address `s` (cleaned up, `local@domain`, valid syntax, not junk itself). */
function canonicalAddress(input: string, s: string, local: string, domain: string, junk: JunkMatcher): NormalizeEmailResult {
  const rule = PROVIDERS.get(domain);
  let value = s;
  let canonicalDomain = domain;
  if (rule !== undefined) {
    const canonicalLocal = applyRule(local, rule);
    if (canonicalLocal.length === 0) return invalid('empty local part once the +tag is removed');
    canonicalDomain = rule.canonicalDomain;
    // perf: reuse the input string when the provider rule changed nothing.
    if (canonicalLocal !== local || canonicalDomain !== domain) {
      value = `${canonicalLocal}@${canonicalDomain}`;
      if (junk.isJunk('email', value)) return JUNK;
    }
    return { ok: true, value, raw: input, domain: canonicalDomain, typoOf: undefined, suggested: undefined };
  }

  const typoOf = typoTargetOf(domain);
  if (typoOf === undefined) return { ok: true, value, raw: input, domain, typoOf: undefined, suggested: undefined };
  const target = PROVIDERS.get(typoOf);
  const suggestedLocal = target === undefined ? local : applyRule(local, target);
  // "+tag@gmial.com" has no address under Gmail's rules: no suggestion rather than a broken one.
  if (suggestedLocal.length === 0) return { ok: true, value, raw: input, domain, typoOf: undefined, suggested: undefined };
  const suggested = `${suggestedLocal}@${target === undefined ? typoOf : target.canonicalDomain}`;
  // t.e.s.t@gmial.com meant test@gmail.com: a placeholder whatever the typo.
  if (junk.isJunk('email', suggested)) return JUNK;
  return { ok: true, value, raw: input, domain, typoOf, suggested };
}

/**
 * The position of the `@` when `s` is an address the clean-up (steps 1–2) leaves as it is and the syntax rules
 * (step 3) accept, else -1 (then the general path decides). ASCII only: lower-case atext and dots in the local part
 * (no dot first, last or doubled), then labels of `a-z`, digits and inner hyphens, the last one alphabetic (2 to
 * 63 letters) or an `xn--` A-label, as `LOCAL` and `DOMAIN` read ASCII text. Refused here and left to the general
 * path: upper case, a trailing dot, a leading quote (`unwrap`), anything over the length limits.
 * Exported for its property test, which holds it to the general path.
 */
export function plainAddressAt(s: string): number {
  const codeAt = String.prototype.charCodeAt; // perf: docs/architecture.md, "Loops over a string's characters"
  const n = s.length;
  if (n === 0 || n > MAX_LENGTH || codeAt.call(s, 0) === 0x27 /* ' */) return -1;
  let at = -1;
  let prev = 0x2e; // as if after a dot: no dot may come first
  for (let i = 0; i < n; i++) {
    const c = codeAt.call(s, i);
    if (c === 0x40 /* @ */) {
      if (prev === 0x2e || i > MAX_LOCAL) return -1;
      at = i;
      break;
    }
    if (c === 0x2e ? prev === 0x2e : c >= 0x80 || ATEXT_ASCII[c] !== 1) return -1;
    prev = c;
  }
  if (at === -1 || n - at - 1 > MAX_DOMAIN) return -1;
  let labels = 0;
  let start = at + 1;
  for (let i = start; i <= n; i++) {
    const c = i === n ? 0x2e : codeAt.call(s, i);
    if (c !== 0x2e) {
      if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d)) return -1;
      continue;
    }
    const len = i - start;
    if (len === 0 || len > 63) return -1;
    if (i < n) {
      if (codeAt.call(s, start) === 0x2d || codeAt.call(s, i - 1) === 0x2d) return -1;
      labels++;
      start = i + 1;
    } else if (labels === 0 || !isAsciiTopLabel(s, start, i)) return -1;
  }
  return at;
}

/** `[a-z]{2,63}`, or `xn--[a-z0-9-]{0,58}[a-z0-9]`: `DOMAIN`'s last label in ASCII (its characters already checked). */
function isAsciiTopLabel(s: string, from: number, to: number): boolean {
  const len = to - from;
  const codeAt = String.prototype.charCodeAt; // perf: docs/architecture.md, "Loops over a string's characters"
  if (len >= 5 && String.prototype.startsWith.call(s, 'xn--', from)) return codeAt.call(s, to - 1) !== 0x2d;
  if (len < 2) return false;
  for (let i = from; i < to; i++) {
    const c = codeAt.call(s, i);
    if (c < 0x61 || c > 0x7a) return false;
  }
  return true;
}

/** 1 for each ASCII character `ATEXT` accepts (lower-case atext, RFC 5322 §3.2.3): the table derived from the rule. */
const ATEXT_ASCII = ((): Uint8Array => {
  const one = new RegExp(`^(?:${ATEXT})$`, 'u');
  const t = new Uint8Array(128);
  for (let c = 0; c < 128; c++) t[c] = one.test(String.fromCharCode(c)) ? 1 : 0;
  return t;
})();

function invalid(detail: string): NormalizeFailure {
  return { ok: false, reason: 'invalid_email', detail };
}

/**
 * Removes the wrappers addresses arrive in: `mailto:` (RFC 6068, with its `?query`), `<…>` (RFC 5322 angle-addr, also
 * after a display name: `John <john@x.com>`), and one pair of surrounding double or single quotes left by a CSV
 * export (`"john@x.com"`: a quoted string around the whole address is never a valid address, so this cannot change
 * the meaning of one).
 */
function unwrap(text: string): string {
  let s = text;
  for (let round = 0; round < 3; round++) {
    const before = s;
    const first = s.charCodeAt(0);
    const last = s.charCodeAt(s.length - 1);
    if (s.length >= 2 && ((first === 0x22 && last === 0x22) || (first === 0x27 && last === 0x27))) s = s.slice(1, -1).trim();
    if (last === 0x3e /* > */) {
      const lt = s.lastIndexOf('<');
      if (lt !== -1) s = s.slice(lt + 1, -1).trim();
    }
    if (s.length >= 7 && s.charCodeAt(6) === 0x3a /* : */ && s.slice(0, 7).toLowerCase() === 'mailto:') {
      s = s.slice(7);
      const q = s.indexOf('?');
      if (q !== -1) s = s.slice(0, q);
      s = s.trim();
    }
    if (s === before) return s;
  }
  return s;
}

function applyRule(local: string, rule: ProviderRule): string {
  let l = local;
  if (rule.dropPlusTag) {
    const plus = l.indexOf('+');
    if (plus !== -1) l = l.slice(0, plus);
  }
  if (rule.dropDots && l.includes('.')) l = l.replaceAll('.', '');
  return l;
}

/** A readable reason for a local part the regex refused (failure path only). */
function explainLocal(local: string): string {
  if (local.charCodeAt(0) === 0x22 /* " */) return 'quoted local part (not supported)';
  if (/\s/u.test(local)) return 'local part contains whitespace';
  if (local.startsWith('.') || local.endsWith('.')) return 'local part starts or ends with a dot';
  if (local.includes('..')) return 'local part has two dots in a row';
  return 'local part has an invalid character';
}

/** A readable reason for a domain the regex refused (failure path only). */
function explainDomain(domain: string): string {
  if (domain.startsWith('[')) return 'domain literal (not supported)';
  if (/\s/u.test(domain)) return 'domain contains whitespace';
  const labels = domain.split('.');
  if (labels.length < 2) return 'domain without a dot';
  for (const label of labels) {
    if (label.length === 0) return 'domain has an empty label';
    if (!LABEL_ONLY.test(label)) return `invalid domain label "${label.slice(0, 63)}"`;
  }
  return 'invalid top-level domain';
}

// Typo'd domains. perf: every table below is built once at module load.

interface Major {
  readonly domain: string;
  /** First label (`gmail`). */
  readonly name: string;
  /** The rest (`com`, `co.uk`). */
  readonly suffix: string;
}

const MAJORS: readonly Major[] = MAJOR_DOMAINS.map((domain) => {
  const dot = domain.indexOf('.');
  return { domain, name: domain.slice(0, dot), suffix: domain.slice(dot + 1) };
});
/** Domains never flagged: real providers, the majors themselves and real look-alikes (mail.com, cloud.com). */
const KNOWN_DOMAINS: ReadonlySet<string> = new Set([...PROVIDERS.keys(), ...MAJOR_DOMAINS, ...REAL_NEAR_DOMAINS]);
const MAJORS_BY_SUFFIX = groupBy(MAJORS, (m) => m.suffix);
const MAJORS_BY_NAME = groupBy(MAJORS, (m) => m.name);
const WRONG_COM: ReadonlySet<string> = new Set(WRONG_COM_SUFFIXES);
/**
 * Names shorter than this are only checked for a mistyped `.com`, never for edits of the name: every one-edit
 * neighbour of `aol`, `msn` or `live` is some real company's domain (aon.com, love.com).
 */
const MIN_NAME_FOR_EDITS = 5;
/** Two edits (a transposition, `gmial`, is two Levenshtein edits). */
const MAX_EDITS = 2;

// perf: the answer per distinct domain is cached (real data has few distinct domains: a handful of providers and
// company domains); the cache is cleared when it reaches its bound so memory stays flat on adversarial input.
const TYPO_CACHE_LIMIT = 1 << 16;
const typoCache = new Map<string, string | null>();

/** The major provider domain this (valid, non-provider) domain is a typo of, if any. */
function typoTargetOf(domain: string): string | undefined {
  if (KNOWN_DOMAINS.has(domain)) return undefined;
  const cached = typoCache.get(domain);
  if (cached !== undefined) return cached ?? undefined;
  const found = findTypoTarget(domain);
  if (typoCache.size >= TYPO_CACHE_LIMIT) typoCache.clear();
  typoCache.set(detachedString(domain), found ?? null);
  return found;
}

function findTypoTarget(domain: string): string | undefined {
  const dot = domain.indexOf('.');
  const name = domain.slice(0, dot);
  const suffix = domain.slice(dot + 1);
  // A major's exact name with a mistyped suffix: gmail.con, gmail.co, hotmail.co.ik.
  for (const m of MAJORS_BY_NAME.get(name) ?? []) {
    if (m.suffix === 'com' ? WRONG_COM.has(suffix) : Math.abs(suffix.length - m.suffix.length) <= 1 && distance(suffix, m.suffix) === 1) {
      return m.domain;
    }
  }
  // A mistyped name under the major's own suffix: gmial.com, hotmial.com, yahooo.com, outlok.com.
  if (name.length < MIN_NAME_FOR_EDITS - MAX_EDITS) return undefined;
  let best: string | undefined;
  let bestDistance = MAX_EDITS + 1;
  for (const m of MAJORS_BY_SUFFIX.get(suffix) ?? []) {
    if (m.name.length < MIN_NAME_FOR_EDITS) continue;
    // perf: a length difference is a lower bound of the edit distance; skip the computation when it is too big.
    if (Math.abs(m.name.length - name.length) >= bestDistance) continue;
    const d = distance(name, m.name);
    // Ties keep the earlier major (MAJOR_DOMAINS is in order of preference), so the answer is deterministic.
    if (d > 0 && d < bestDistance) {
      bestDistance = d;
      best = m.domain;
    }
  }
  return best;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): ReadonlyMap<string, readonly T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = out.get(key);
    if (list === undefined) out.set(key, [item]);
    else list.push(item);
  }
  return out;
}
