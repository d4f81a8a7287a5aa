/**
 * The built-in junk list (spec §2 "Junk"): placeholder values typed into required fields of sign-up forms, POS
 * terminals and CRM imports. Plain data; `createJunkMatcher` compiles it once. Every value is lower-case and
 * trimmed, as matching is done on the folded canonical value. Patterns are compiled here, once, at module load.
 *
 * A false positive costs a missed link (one identifier of one record is ignored); a false negative ties unrelated
 * people together through a shared placeholder. Entries are chosen so that no real person's identifier plausibly
 * matches them; the list is documented in docs/normalization-rules.md ("Junk").
 */
import type { IdentifierKind } from '../../types.js';

/** Placeholders any identifier kind may hold. */
export const ANY_JUNK_VALUES: readonly string[] = [
  // "no value" words
  'n/a', 'n\\a', 'na', 'n.a', 'n.a.', 'n/d', 'null', '(null)', '<null>', 'nil', 'none', '(none)', 'nothing', 'undefined',
  'unknown', 'unk', 'not available', 'not applicable', 'not provided', 'not given', 'no', 'nope', 'blank', 'empty',
  'missing', 'tbd', 'tba', 'tbc', 'no email', 'no phone', 'no number', 'noemail', 'nophone', 'nonumber', 'no data',
  '-1', 'false', 'true',
  // spreadsheet and dataframe artefacts (Excel error values, pandas/NumPy NaN, JavaScript object dumps)
  'nan', '#n/a', '#na', '#value!', '#ref!', '#name?', '[object object]',
  // test and keyboard-mash values
  'test', 'testing', 'tester', 'dummy', 'fake', 'sample', 'demo', 'asdf', 'asdfgh', 'qwerty', 'abc', 'abc123',
  'abcd', 'xyz', 'aaa', 'zzz',
  // Arabic "none" / "not available" / "no" (UAE and GCC sign-up forms)
  'لا يوجد', 'لايوجد', 'غير متوفر', 'غير متاح', 'لا',
];

/**
 * Patterns any kind may match (tested on the trimmed, lower-cased value), as regular expression sources:
 * only punctuation (`-`, `--`, `.`, `...`, `?`, `*`, `_`, `#`, `/`, mojibake `????`), only zeros (`0`, `000`),
 * only `x` (`x`, `xxx`, `XXXXXXXX`), `test` with a number (`test1`, `test123`).
 */
export const ANY_JUNK_PATTERN_SOURCES: readonly string[] = [
  /^[\s\-_.,:;*?!#/\\|=~+'"`^<>()[\]{}]+$/.source,
  String.raw`^0+$`,
  String.raw`^x+$`,
  String.raw`^test\d+$`,
];

/** Exact placeholders per kind (in addition to `ANY_JUNK_VALUES`). */
export const JUNK_VALUES: Readonly<Record<IdentifierKind, readonly string[]>> = {
  email: [
    'test@test.com', 'test@example.com', 'example@example.com', 'a@a.com', 'a@b.com', 'abc@abc.com', 'abc@xyz.com',
    'none@none.com', 'no@no.com', 'na@na.com', 'null@null.com', 'email@email.com', 'mail@mail.com',
    'noemail@noemail.com', 'asdf@asdf.com', 'xxx@xxx.com', 'x@x.com', 'user@example.com', 'name@example.com',
    'sample@sample.com', 'demo@demo.com', 'no@email.com', 'none@email.com', 'na@email.com', 'unknown@unknown.com',
    'email@gmail.com', 'email@domain.com', 'name@domain.com', 'user@domain.com', 'your@email.com',
    'youremail@email.com', 'yourname@email.com', 'me@me.com', 'abc@gmail.com', 'xyz@gmail.com', 'aaa@gmail.com',
  ],
  phone: [],
  // Shared or system accounts typed into a login column: they tie many people together.
  login: ['guest', 'anonymous', 'anon', 'user', 'username', 'login', 'admin', 'administrator', 'root', 'default', 'changeme'],
  handle: [],
  externalId: [],
};

/**
 * Patterns per kind (in addition to `ANY_JUNK_PATTERN_SOURCES`), as regular expression sources. Back-references use
 * named groups with names unique across the whole list, because the sources of one kind are joined into one
 * alternation (see `BUILT_IN_PATTERNS`).
 */
export const JUNK_PATTERN_SOURCES: Readonly<Record<IdentifierKind, readonly string[]>> = {
  email: [
    // Placeholder local parts at any domain: noemail@…, no-email@…, no.mail@…, noreply@…, donotreply@…,
    // test@…, unknown@…, null@…, none@…, dummy@…, fake@… (optionally followed by digits: test1@…).
    String.raw`^(?:no[-_.]?e?[-_.]?mail|no[-_.]?reply|do[-_.]?not[-_.]?reply|no[-_.]?one|nobody|none|null|nil|unknown|test|testing|dummy|fake|na|not[-_.]?available|asdf|qwerty|x+)\d*@`,
    // One character at one character: a@b.com, x@y.co, 1@2.com.
    String.raw`^[a-z0-9]@[a-z0-9]\.[a-z]{2,3}$`,
    // One repeated letter: aaa@aaa.com, xx@xx.com.
    String.raw`^(?<l>[a-z])\k<l>*@(?<d>[a-z])\k<d>*\.[a-z]{2,3}$`,
  ],
  // Tested on canonical E.164 (`+971500000000`) and on raw digit strings (`0000000000`, `050 000 0000` → digits).
  phone: [
    // One repeated digit: 0000000000, 1111111, +9999999999.
    String.raw`^\+?(?<r>\d)\k<r>{5,}$`,
    // A national part of zeros after a country/area/operator prefix of at most 5 digits: +971500000000, 0500000000.
    String.raw`^\+?\d{0,5}?0{7,}$`,
    // Eight or more of one digit after such a prefix: +971555555555, 0555555555.
    String.raw`^\+?\d{0,5}?(?<t>\d)\k<t>{7,}$`,
    // A whole digit string that is an ascending or descending run: 1234567890, 0123456789, 9876543210.
    // Deliberately narrow: a run after a country or operator prefix is a real number (+33 6 12 34 56 78 and
    // +20 10 1234 5678 are libphonenumber's own example mobiles); a run filling a whole national number is caught
    // by normalizePhone's placeholder check.
    String.raw`^(?:0?12345678(?:90?)?|9?87654321(?:0)?)$`,
    // The same run as the whole national part after a country code: +971123456789, +1 987654321(0).
    String.raw`^\+\d{1,3}(?:0?1234567890?|9876543210?)$`,
  ],
  login: [],
  handle: [],
  externalId: [],
};

/**
 * Placeholder email domains, matched as the domain's last two labels (so also under subdomains:
 * …@mail.example.com): the reserved example domains (RFC 2606 §3) and placeholder domains.
 */
export const JUNK_EMAIL_DOMAINS: readonly string[] = [
  'example.com', 'example.net', 'example.org',
  'test.com', 'none.com', 'noemail.com', 'nomail.com', 'no-email.com', 'null.com', 'noreply.com', 'fake.com', 'dummy.com',
];

/**
 * Reserved top-level domains: any address under them is junk (…@foo.test, …@foo.example, …@foo.invalid,
 * …@foo.localhost: RFC 2606 §2, RFC 6761; and the mDNS-only .local, RFC 6762).
 */
export const JUNK_EMAIL_TLDS: readonly string[] = ['test', 'example', 'invalid', 'localhost', 'local'];

/**
 * Top-level domains under which an address whose local part repeats the domain name is junk: test@test.com,
 * asdf@asdf.com, email@email.com, info@info.com, abc@abc.ae.
 */
export const MIRRORED_EMAIL_TLDS: readonly string[] = ['com', 'net', 'org', 'co', 'ae'];

/**
 * The built-in patterns of each kind and of `any`, joined into one alternation per kind and compiled once at module
 * load. perf: one `RegExp#test` call per value instead of one per pattern (each call costs 40–130 ns even when it
 * fails at the first character).
 */
export const BUILT_IN_PATTERNS: Readonly<Record<IdentifierKind, RegExp>> = {
  email: alternation([...JUNK_PATTERN_SOURCES.email, ...ANY_JUNK_PATTERN_SOURCES]),
  phone: alternation([...JUNK_PATTERN_SOURCES.phone, ...ANY_JUNK_PATTERN_SOURCES]),
  login: alternation([...JUNK_PATTERN_SOURCES.login, ...ANY_JUNK_PATTERN_SOURCES]),
  handle: alternation([...JUNK_PATTERN_SOURCES.handle, ...ANY_JUNK_PATTERN_SOURCES]),
  externalId: alternation([...JUNK_PATTERN_SOURCES.externalId, ...ANY_JUNK_PATTERN_SOURCES]),
};

/**
 * Whether the built-in phone patterns surely miss `v`: true only for a canonical `+digits` value without a run of
 * six equal digits and without `12345678` or `98765432` in it. Each pattern needs one of those (a run: the
 * repeated-digit and zero patterns; a sequence: the ascending and descending ones), and none of `any`'s patterns
 * matches a `+` followed by digits. perf: nearly every phone is such a value, and the alternation's test cost
 * ~100 ns each (a property test holds this to the patterns).
 */
export function missesBuiltInPhonePatterns(v: string): boolean {
  const codeAt = String.prototype.charCodeAt; // perf: docs/architecture.md, "Loops over a string's characters"
  const n = v.length;
  if (n < 2 || codeAt.call(v, 0) !== 0x2b /* + */) return false;
  let run = 0;
  // Runs of digits one up (…1234…) and one down (…4321…): `12345678` ends an up run of 8 or more at 8, and
  // `98765432` a down run of 8 or more at 2. perf: counted in this scan, not by two `includes` after it.
  let up = 0;
  let down = 0;
  let prev = -1;
  for (let i = 1; i < n; i++) {
    const c = codeAt.call(v, i);
    if (c < 48 || c > 57) return false;
    run = c === prev ? run + 1 : 1;
    up = c === prev + 1 ? up + 1 : 1;
    down = c === prev - 1 ? down + 1 : 1;
    if (run >= 6 || (up >= 8 && c === 56 /* 8 */) || (down >= 8 && c === 50 /* 2 */)) return false;
    prev = c;
  }
  return true;
}

function alternation(sources: readonly string[]): RegExp {
  return new RegExp(sources.map((s) => `(?:${s})`).join('|'));
}
