import { IdweaveError } from '../../errors.js';
import { WordSet } from '../../_internal/WordSet.js';
import type { IdentifierKind, JunkOptions } from '../../types.js';
import { ANY_JUNK_VALUES, BUILT_IN_PATTERNS, JUNK_EMAIL_DOMAINS, JUNK_EMAIL_TLDS, JUNK_VALUES, MIRRORED_EMAIL_TLDS, missesBuiltInPhonePatterns } from './junkLists.js';

/** A compiled junk list: built once from the built-in list plus user options, then used on every value. */
export interface JunkMatcher {
  /** True when the canonical value of this kind is a placeholder that must never link records. */
  isJunk(kind: IdentifierKind, canonical: string): boolean;
}

const KINDS: readonly IdentifierKind[] = ['email', 'phone', 'login', 'handle', 'externalId'];
const OPTION_KEYS: ReadonlySet<string> = new Set([...KINDS, 'any']);

/** Everything a phone may hold besides digits and a leading `+`: spaces, dots, dashes, brackets, slashes. */
const PHONE_SEPARATORS = /^\+?[\d\s().\-/]+$/;
const NON_DIGIT = /\D/g;

/** The junk list of one kind: exact values (`WordSet`) and patterns (compiled RegExps), `any` already merged in. */
interface KindTable {
  readonly values: WordSet;
  /** The built-in patterns of the kind and of `any`, as one precompiled alternation. */
  readonly builtIn: RegExp;
  /** True for values `builtIn` surely misses (its test is skipped); phones only. */
  readonly missesBuiltIn: ((v: string) => boolean) | undefined;
  /** User patterns of the kind and of `any`, compiled once here (kept apart: they may use numbered back-references). */
  readonly patterns: readonly RegExp[];
}

/**
 * Compiles the junk list: the built-in values and patterns (see `junkLists.ts`) plus `options`. Exact values are
 * compared after trimming and lower-casing; patterns are regular expression sources compiled once with the `i`
 * flag and tested on the trimmed, lower-cased canonical value. Values and patterns under `any` apply to every kind.
 *
 * Matching rules per kind:
 * - `handle`: the value is also tested without its `platform:` prefix and leading `@` (`instagram:null`, `@test`);
 * - `phone`: a value written with separators (`000-000-0000`, `+971 50 000 0000`) is also tested as its digits
 *   (with the leading `+`), so raw input and E.164 are both recognised;
 * - `externalId`: the id is case-sensitive but junk is not (`N/A` and `n/a` are both junk).
 *
 * Misuse fails fast (errors tier 3 of `errors.ts`): an unknown kind, a non-string value or an invalid regular expression
 * throws one `IdweaveError` (`config_invalid`) listing every problem.
 *
 * @example
 * const junk = createJunkMatcher({ values: { email: ['info@mall.ae'] }, patterns: { any: ['^dummy\\d*$'] } });
 * junk.isJunk('email', 'info@mall.ae'); // true
 * junk.isJunk('login', 'dummy42'); // true
 */
export function createJunkMatcher(options: JunkOptions = {}): JunkMatcher {
  const issues: string[] = [];
  const extraValues = collect(options.values, 'values', issues);
  const extraPatterns = collect(options.patterns, 'patterns', issues);

  const anyValues = new Set<string>(ANY_JUNK_VALUES);
  for (const v of extraValues.get('any') ?? []) anyValues.add(foldValue(v));
  const anyPatterns: RegExp[] = [];
  for (const [i, source] of (extraPatterns.get('any') ?? []).entries()) {
    const re = compile(source, `junk.patterns.any[${i}]`, issues);
    if (re) anyPatterns.push(re);
  }

  const tables = {} as Record<IdentifierKind, KindTable>;
  for (const kind of KINDS) {
    // perf: `any` is merged into every kind's Set and pattern list, so one lookup and one loop per call.
    const values = new Set<string>(anyValues);
    for (const v of JUNK_VALUES[kind]) values.add(v);
    for (const v of extraValues.get(kind) ?? []) {
      const folded = foldValue(v);
      values.add(folded);
      // A user phone written with separators also matches its digit form: "+971 50 000 0000" → "+971500000000".
      if (kind === 'phone' && PHONE_SEPARATORS.test(folded)) values.add(phoneDigits(folded));
    }
    const patterns: RegExp[] = [];
    for (const [i, source] of (extraPatterns.get(kind) ?? []).entries()) {
      const re = compile(source, `junk.patterns.${kind}[${i}]`, issues);
      if (re) patterns.push(re);
    }
    patterns.push(...anyPatterns);
    tables[kind] = { values: new WordSet(values), builtIn: BUILT_IN_PATTERNS[kind], missesBuiltIn: kind === 'phone' ? missesBuiltInPhonePatterns : undefined, patterns };
  }
  if (issues.length > 0) throw new IdweaveError('config_invalid', `invalid junk options: ${issues[0]}`, issues);
  return new CompiledJunkMatcher(tables);
}

/** The compiled matcher. A class so every instance shares one hidden class and one `isJunk` (perf: monomorphic). */
class CompiledJunkMatcher implements JunkMatcher {
  readonly #tables: Readonly<Record<IdentifierKind, KindTable>>;

  constructor(tables: Readonly<Record<IdentifierKind, KindTable>>) {
    this.#tables = tables;
  }

  isJunk(kind: IdentifierKind, canonical: string): boolean {
    const table = this.#tables[kind];
    if (table === undefined || typeof canonical !== 'string') return false;
    // perf: a canonical phone that `missesBuiltIn` accepts (`+` and digits, no run of six equal digits, no listed
    // sequence: nearly every phone) is folded already and the built-in patterns surely miss it. What the slow path
    // does beyond that cannot answer true for it (it is not empty; the separators branch needs a separator): only
    // the listed values and the user's patterns are left to test.
    if (table.missesBuiltIn !== undefined && table.missesBuiltIn(canonical)) return matchesListed(table, canonical);
    const v = fold(canonical);
    // Empty is not junk: normalizers report it as `empty` (and it never becomes a key anyway).
    if (v.length === 0) return false;
    if (matches(table, v)) return true;
    if (kind === 'email') return isJunkEmailShape(v);
    if (kind === 'handle') {
      // `instagram:null`, `@null`: the bare handle decides. Allocates only for prefixed values.
      const colon = v.indexOf(':');
      let start = colon === -1 ? 0 : colon + 1;
      if (v.charCodeAt(start) === 0x40 /* @ */) start++;
      if (start > 0 && start < v.length) return matches(table, v.slice(start));
      return false;
    }
    if (kind === 'phone' && !isPlainPhone(v) && PHONE_SEPARATORS.test(v)) {
      // Raw phone input with separators; canonical E.164 never gets here (perf: no allocation on the hot path).
      const digits = phoneDigits(v);
      return digits.length > 1 && matches(table, digits);
    }
    return false;
  }
}

function matches(table: KindTable, v: string): boolean {
  return (!(table.missesBuiltIn?.(v) ?? false) && table.builtIn.test(v)) || matchesListed(table, v);
}

/** `matches` without the built-in patterns: the exact values, then the user's patterns. */
function matchesListed(table: KindTable, v: string): boolean {
  if (table.values.has(v)) return true;
  // perf: a plain loop over precompiled, non-global RegExps (no lastIndex state, no allocation); usually empty.
  const patterns = table.patterns;
  for (let i = 0; i < patterns.length; i++) if (patterns[i]!.test(v)) return true;
  return false;
}

/**
 * The email checks that depend on where the domain starts: a placeholder domain or reserved TLD, and a local part
 * that repeats the domain name (test@test.com). perf: index arithmetic and `startsWith` at a position, no
 * substring and no RegExp (a sticky RegExp for the domain lists cost ~60 ns a call, most of this function).
 */
function isJunkEmailShape(v: string): boolean {
  // One backward scan over the domain for the last "@" and the last two dots after it.
  // perf: String#lastIndexOf costs ~40 ns a call in V8; the domain is a few characters long.
  const codeAt = String.prototype.charCodeAt; // perf: docs/architecture.md, "Loops over a string's characters"
  let at = -1;
  let lastDot = -1;
  let prevDot = -1;
  for (let i = v.length - 1; i >= 0; i--) {
    const c = codeAt.call(v, i);
    if (c === 0x40 /* @ */) {
      at = i;
      break;
    }
    if (c === 0x2e /* . */) {
      if (lastDot === -1) lastDot = i;
      else if (prevDot === -1) prevDot = i;
    }
  }
  if (at <= 0 || lastDot <= at + 1) return false;
  // A reserved TLD after a label that is not empty (lastDot > at + 1 above; an empty one ends at prevDot).
  if (isOneOf(v, lastDot + 1, JUNK_EMAIL_TLDS) && prevDot !== lastDot - 1) return true;
  // A placeholder domain as the last two labels.
  if (isOneOf(v, prevDot === -1 ? at + 1 : prevDot + 1, JUNK_EMAIL_DOMAINS)) return true;
  // local@local.tld: the domain is the local part, one dot, then a listed TLD.
  const localLength = at;
  if (lastDot !== at + 1 + localLength) return false;
  for (let i = 0; i < localLength; i++) if (codeAt.call(v, i) !== codeAt.call(v, at + 1 + i)) return false;
  return isOneOf(v, lastDot + 1, MIRRORED_EMAIL_TLDS);
}

/** Whether `v` from `start` to its end is one of `words`. */
function isOneOf(v: string, start: number, words: readonly string[]): boolean {
  const length = v.length - start;
  const startsWith = String.prototype.startsWith; // perf: docs/architecture.md, "Loops over a string's characters"
  for (let i = 0; i < words.length; i++) if (words[i]!.length === length && startsWith.call(v, words[i]!, start)) return true;
  return false;
}

/**
 * Trims and lower-cases only when needed: canonical email and login values are already both, so the common case
 * returns the input unchanged (perf: a scan instead of always allocating with `trim().toLowerCase()`; the scan by
 * `NEEDS_LOWER_CASE`, ~1.65x as fast as a char-code loop over an email address, the loop calling a local
 * `charCodeAt` alias as docs/architecture.md says, over strings of four representations; remeasured 2026-12-06).
 */
function fold(s: string): string {
  const n = s.length;
  if (n === 0) return s;
  let t = s;
  const codeAt = String.prototype.charCodeAt; // perf: docs/architecture.md, "Loops over a string's characters"
  const first = codeAt.call(s, 0);
  const last = codeAt.call(s, n - 1);
  if (first <= 0x20 || last <= 0x20 || first > 0x7f || last > 0x7f) t = s.trim();
  return NEEDS_LOWER_CASE.test(t) ? t.toLowerCase() : t;
}

/** A character `toLowerCase` may change: an ASCII capital, or any character beyond ASCII. */
const NEEDS_LOWER_CASE = /[A-Z\u0080-\uffff]/;

function foldValue(v: string): string {
  return v.trim().toLowerCase();
}

/** `+` followed by digits only, or digits only: already canonical, nothing to strip. */
function isPlainPhone(v: string): boolean {
  const codeAt = String.prototype.charCodeAt; // perf: docs/architecture.md, "Loops over a string's characters"
  const n = v.length;
  for (let i = codeAt.call(v, 0) === 0x2b ? 1 : 0; i < n; i++) {
    const c = codeAt.call(v, i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

function phoneDigits(v: string): string {
  const digits = v.replace(NON_DIGIT, '');
  return v.charCodeAt(0) === 0x2b ? `+${digits}` : digits;
}

/** Validates the shape of `options.values` / `options.patterns` and groups the strings by kind. */
function collect(
  input: JunkOptions['values'] | JunkOptions['patterns'],
  field: 'values' | 'patterns',
  issues: string[],
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (input === undefined || input === null) return out;
  if (typeof input !== 'object' || Array.isArray(input)) {
    issues.push(`junk.${field}: expected an object keyed by kind (${[...OPTION_KEYS].join(', ')})`);
    return out;
  }
  for (const [kind, list] of Object.entries(input)) {
    if (!OPTION_KEYS.has(kind)) {
      issues.push(`junk.${field}.${kind}: unknown kind, expected one of ${[...OPTION_KEYS].join(', ')}`);
      continue;
    }
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      issues.push(`junk.${field}.${kind}: expected an array of strings`);
      continue;
    }
    const strings: string[] = [];
    list.forEach((v: unknown, i: number) => {
      if (typeof v === 'string') strings.push(v);
      else issues.push(`junk.${field}.${kind}[${i}]: expected a string`);
    });
    out.set(kind, strings);
  }
  return out;
}

function compile(source: string, where: string, issues: string[]): RegExp | undefined {
  try {
    return new RegExp(source, 'i');
  } catch (e) {
    issues.push(`${where}: invalid regular expression: ${(e as Error).message}`);
    return undefined;
  }
}

/** The built-in list with no extensions; the default for every normalizer. */
export const defaultJunkMatcher: JunkMatcher = createJunkMatcher();
