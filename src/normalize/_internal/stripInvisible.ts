/**
 * Invisible formatting characters that are never part of an identifier a person typed, but arrive with copy and
 * paste (web pages, Word, WhatsApp, right-to-left UIs): soft hyphen U+00AD, Arabic letter mark U+061C, Mongolian
 * vowel separator U+180E, zero-width space U+200B, left-to-right / right-to-left marks U+200E–U+200F, bidi
 * embeddings and overrides U+202A–U+202E, word joiner U+2060, invisible operators U+2061–U+2064, bidi isolates
 * U+2066–U+2069, and the byte-order mark / zero-width no-break space U+FEFF (Unicode TR #9 and UAX #31 §2.3
 * "default ignorable" code points).
 *
 * Deliberately NOT in the set: zero-width non-joiner U+200C and zero-width joiner U+200D. They change how Persian,
 * Arabic-script and Indic text is shaped and join emoji sequences, so inside a login they can be meaningful;
 * callers trim them at the ends only (see `trimUnicode`).
 */
const INVISIBLE = /[\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const HAS_INVISIBLE = /[\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

/**
 * Removes invisible formatting characters anywhere in the string (see the set above). Returns the same string when
 * there is nothing to remove.
 *
 * perf: call only after `hasNonAscii` (every character in the set is non-ASCII); the test-before-replace avoids
 * building a new string in the common case.
 */
export function stripInvisible(s: string): string {
  return HAS_INVISIBLE.test(s) ? s.replace(INVISIBLE, '') : s;
}
