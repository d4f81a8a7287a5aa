import type { IdentifierKind, JunkOptions } from '../../types.js';

/** A compiled junk list: built once from the built-in list plus user options, then used on every value. */
export interface JunkMatcher {
  /** True when the canonical value of this kind is a placeholder that must never link records. */
  isJunk(kind: IdentifierKind, canonical: string): boolean;
}

/** Placeholders any identifier kind may hold (after lower-casing and trimming). */
const ANY_VALUES = [
  'n/a', 'na', 'n.a.', 'null', 'nil', 'none', 'nothing', 'undefined', 'unknown', 'test', 'testing', '-', '--', '---',
  '.', '..', '0', '00', 'x', 'xx', 'xxx', 'xxxx', 'no', 'nope', 'not available', 'not applicable', 'blank', 'empty',
  'tbd', 'tba', '?', '??', '*', 'no email', 'no phone', 'noemail', 'nophone', 'asdf', 'qwerty', 'abc', 'abc123',
];

/** Email placeholders seen in CRM exports (exact canonical values). */
const EMAIL_VALUES = [
  'test@test.com', 'test@example.com', 'a@a.com', 'a@b.com', 'abc@abc.com', 'none@none.com', 'no@no.com',
  'na@na.com', 'null@null.com', 'email@email.com', 'mail@mail.com', 'noemail@noemail.com', 'asdf@asdf.com',
  'xxx@xxx.com', 'x@x.com', 'test@gmail.com', 'test@yahoo.com', 'test@hotmail.com', 'user@example.com',
  'name@example.com', 'sample@sample.com', 'demo@demo.com', 'no@email.com', 'none@email.com', 'unknown@unknown.com',
];

/** Patterns over canonical emails: reserved example domains (RFC 2606), no-email local parts. */
const EMAIL_PATTERNS = [
  /@example\.(?:com|org|net)$/,
  /@(?:test|invalid|localhost)$/,
  /^(?:no-?e?mail|no-?reply|do-?not-?reply|donotreply|noreply|none|null|nil|unknown|test|testing|dummy|fake|na|n\/a)\d*@/,
  /^([a-z])\1*@([a-z])\2*\.com$/, // aaa@aaa.com
];

/** Phone placeholders: raw digit strings (e.g. before parsing) and canonical E.164 values. */
const PHONE_PATTERNS = [
  /^\+?(\d)\1{5,}$/, // 0000000000, +1111111111
  /^\+?0?123456789\d?$/, // 1234567890, 0123456789
  /^\+?9876543210?$/,
];

/**
 * Compiles the junk list: built-in values and patterns plus `options` (exact values compared after trimming and
 * lower-casing; patterns are regular expression sources, compiled once, tested on the canonical value).
 */
export function createJunkMatcher(options: JunkOptions = {}): JunkMatcher {
  const any = new Set(ANY_VALUES);
  const exact: Partial<Record<IdentifierKind, Set<string>>> = { email: new Set(EMAIL_VALUES) };
  const patterns: Partial<Record<IdentifierKind, RegExp[]>> = { email: [...EMAIL_PATTERNS], phone: [...PHONE_PATTERNS] };
  const anyPatterns: RegExp[] = [];
  for (const [kind, values] of Object.entries(options.values ?? {})) {
    for (const v of values ?? []) {
      const folded = v.trim().toLowerCase();
      if (kind === 'any') any.add(folded);
      else (exact[kind as IdentifierKind] ??= new Set()).add(folded);
    }
  }
  for (const [kind, sources] of Object.entries(options.patterns ?? {})) {
    for (const source of sources ?? []) {
      const re = new RegExp(source, 'i');
      if (kind === 'any') anyPatterns.push(re);
      else (patterns[kind as IdentifierKind] ??= []).push(re);
    }
  }
  return {
    isJunk(kind, canonical) {
      const v = canonical.length > 0 && (canonical.charCodeAt(0) <= 32 || canonical.charCodeAt(canonical.length - 1) <= 32) ? canonical.trim() : canonical;
      const folded = kind === 'externalId' || kind === 'phone' ? v.toLowerCase() : v;
      if (any.has(folded)) return true;
      // A handle is junk when its bare name is (instagram:null, @test).
      if (kind === 'handle') {
        const colon = folded.indexOf(':');
        const bare = colon === -1 ? folded : folded.slice(colon + 1);
        if (any.has(bare) || any.has(bare.replace(/^@/, ''))) return true;
      }
      if (exact[kind]?.has(folded)) return true;
      const ps = patterns[kind];
      if (ps) for (const p of ps) if (p.test(folded)) return true;
      for (const p of anyPatterns) if (p.test(folded)) return true;
      return false;
    },
  };
}

/** The built-in list with no extensions; the default for every normalizer. */
export const defaultJunkMatcher: JunkMatcher = createJunkMatcher();
