import { distance } from 'fastest-levenshtein';
import { defaultJunkMatcher, type JunkMatcher } from '../junk/createJunkMatcher.js';
import type { NormalizeEmailResult } from '../../types.js';
import { MAJOR_DOMAINS, PROVIDERS, REAL_NEAR_DOMAINS } from './providers.js';

export interface NormalizeEmailOptions {
  readonly junk?: JunkMatcher;
}

/** RFC 5321 §4.5.3.1: a path is at most 256 octets, a forward-path (mailbox) in practice at most 254. */
const MAX_LENGTH = 254;
/** RFC 5321 §4.5.3.1.1: local part at most 64 octets. */
const MAX_LOCAL = 64;
const INVISIBLE = /[\u00a0\u1680\u180e\u2000-\u200f\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]/g;
// Dot-atom local part (RFC 5322 §3.4.1) in its common form; quoted local parts are deliberately not accepted
// (no consumer provider issues them, and they are almost always data-entry noise).
const LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{|}~\u0080-\uffff-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~\u0080-\uffff-]+)*$/;
const LABEL = /^(?!-)[a-z0-9\u0080-\uffff-]{1,63}(?<!-)$/;
const TLD = /^(?:[a-z\u0080-\uffff]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * Normalizes an email address to a canonical matching key.
 *
 * Trims (including Unicode and zero-width spaces), strips `mailto:` and `<…>`, lower-cases (RFC 5321 leaves the
 * local part's case to the receiver; every major provider ignores it), drops a trailing dot of the domain, then
 * applies the provider table (Gmail/Googlemail: dots and `+tag` dropped, googlemail → gmail; Outlook, iCloud,
 * Proton, …: `+tag` dropped). A domain one or two edits from a major provider (`gmial.com`) is flagged with
 * `typoOf` and a `suggested` canonical address; the value itself is not corrected.
 *
 * @example normalizeEmail(' John.Doe+promo@GoogleMail.com ') // { ok: true, value: 'johndoe@gmail.com', … }
 */
export function normalizeEmail(input: string, options: NormalizeEmailOptions = {}): NormalizeEmailResult {
  if (typeof input !== 'string') return { ok: false, reason: 'invalid_email', detail: 'not a string' };
  if (input.length > MAX_LENGTH + 32) return { ok: false, reason: 'too_long', detail: `over ${MAX_LENGTH} characters` };
  let s = input.trim();
  // perf: the Unicode clean-up only when a non-ASCII character is present.
  if (hasNonAscii(s)) s = s.replace(INVISIBLE, '').normalize('NFC').trim();
  if (s.toLowerCase().startsWith('mailto:')) s = s.slice(7);
  if (s.startsWith('<') && s.endsWith('>')) s = s.slice(1, -1).trim();
  if (s === '') return { ok: false, reason: 'empty' };
  s = s.toLowerCase();
  const junk = options.junk ?? defaultJunkMatcher;
  if (junk.isJunk('email', s)) return { ok: false, reason: 'junk_value' };
  if (s.length > MAX_LENGTH) return { ok: false, reason: 'too_long', detail: `over ${MAX_LENGTH} characters` };

  const at = s.lastIndexOf('@');
  if (at === -1) return invalid('missing "@"');
  if (s.indexOf('@') !== at) return invalid('more than one "@"');
  let local = s.slice(0, at);
  let domain = s.slice(at + 1);
  if (domain.endsWith('.')) domain = domain.slice(0, -1);
  if (local === '') return invalid('empty local part');
  if (local.length > MAX_LOCAL) return invalid('local part over 64 characters');
  if (!LOCAL.test(local)) return invalid('local part has invalid characters or dots');
  const domainProblem = checkDomain(domain);
  if (domainProblem) return invalid(domainProblem);

  const rule = PROVIDERS.get(domain);
  if (rule) {
    local = canonicalLocal(local, rule.dropDots, rule.dropPlusTag);
    if (local === '') return invalid('empty local part after removing the +tag');
    domain = rule.canonicalDomain;
  }
  const value = `${local}@${domain}`;
  if (value !== s && junk.isJunk('email', value)) return { ok: false, reason: 'junk_value' };

  const typoOf = rule ? undefined : typoTarget(domain);
  if (typoOf === undefined) return { ok: true, value, raw: input, domain };
  const target = PROVIDERS.get(typoOf);
  const suggestedLocal = target ? canonicalLocal(local, target.dropDots, target.dropPlusTag) : local;
  const suggestedDomain = target?.canonicalDomain ?? typoOf;
  return { ok: true, value, raw: input, domain, typoOf: suggestedDomain, suggested: `${suggestedLocal}@${suggestedDomain}` };
}

function invalid(detail: string): NormalizeEmailResult {
  return { ok: false, reason: 'invalid_email', detail };
}

function canonicalLocal(local: string, dropDots: boolean, dropPlusTag: boolean): string {
  let l = local;
  if (dropPlusTag) {
    const plus = l.indexOf('+');
    if (plus !== -1) l = l.slice(0, plus);
  }
  if (dropDots && l.includes('.')) l = l.replaceAll('.', '');
  return l;
}

function checkDomain(domain: string): string | undefined {
  if (domain === '') return 'empty domain';
  if (domain.length > 253) return 'domain over 253 characters';
  const labels = domain.split('.');
  if (labels.length < 2) return 'domain without a dot';
  for (const label of labels) if (!LABEL.test(label)) return `invalid domain label "${label}"`;
  if (!TLD.test(labels[labels.length - 1]!)) return 'invalid top-level domain';
  return undefined;
}

// perf: typo targets are decided once per distinct domain; real data has few distinct domains.
const typoCache = new Map<string, string | null>();

/** The major provider domain this domain is one or two edits from, if any (never for known real domains). */
function typoTarget(domain: string): string | undefined {
  const hit = typoCache.get(domain);
  if (hit !== undefined) return hit ?? undefined;
  let best: string | null = null;
  if (!REAL_NEAR_DOMAINS.has(domain) && !PROVIDERS.has(domain) && !MAJOR_DOMAINS.includes(domain)) {
    let bestDistance = 3;
    for (const major of MAJOR_DOMAINS) {
      if (Math.abs(major.length - domain.length) > 2) continue;
      const d = distance(domain, major);
      // One edit on short domains, two on longer ones: "aol.co" → aol.com is plausible, "gol.com" is not aol.com.
      const allowed = major.length >= 9 ? 2 : 1;
      if (d <= allowed && d < bestDistance) {
        bestDistance = d;
        best = major;
      }
    }
  }
  if (typoCache.size < 100_000) typoCache.set(domain, best);
  return best ?? undefined;
}

function hasNonAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return true;
  return false;
}
