/**
 * Characters that make a value unusable as a key:
 * - C0 and C1 control characters (U+0000–U+001F, U+007F–U+009F): never typed, they come from broken exports;
 * - line and paragraph separators U+2028 / U+2029 (a value is one line);
 * - the replacement character U+FFFD: a sign that the text was decoded with the wrong encoding. Two different
 *   Arabic logins garbled into the same run of U+FFFD would otherwise collide and merge two people;
 * - the noncharacters U+FFFE / U+FFFF (Unicode §23.7, never interchanged);
 * - unpaired surrogates (the string is not well-formed UTF-16 and cannot be written as UTF-8 without loss).
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const BAD_NON_ASCII = /[\u2028\u2029\ufffd\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Describes the first character that makes a value unusable as a key (see above), or returns `undefined`.
 * `nonAscii` is the caller's `hasNonAscii` result.
 *
 * perf: the non-ASCII regex runs only when the caller already knows a character above U+007F is present.
 */
export function findBadCharacter(s: string, nonAscii: boolean): string | undefined {
  if (CONTROL.test(s)) return 'contains a control character';
  if (!nonAscii) return undefined;
  const m = BAD_NON_ASCII.exec(s);
  if (m === null) return undefined;
  const c = m[0].charCodeAt(0);
  if (c === 0xfffd) return 'contains U+FFFD (text decoded with the wrong encoding)';
  if (c >= 0xd800 && c <= 0xdfff) return 'contains an unpaired surrogate';
  if (c === 0x2028 || c === 0x2029) return 'contains a line separator';
  return 'contains a Unicode noncharacter';
}
