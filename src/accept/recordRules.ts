/**
 * The rules every accepted record obeys, whatever path it came by (files, `resolve()`, the incremental
 * resolver): what an id may be, how many identifiers a record may hold, how deep a nested attribute may go.
 * Bounds here keep the work per record linear in its size and keep one bad row from costing the run.
 */

/** Most values one record may hold per identifier kind (emails, phones, logins, handles, external ids). */
export const MAX_IDENTIFIERS_PER_KIND = 100;

/** Longest record id, in UTF-16 code units. */
export const MAX_ID_CHARS = 4096;

/** Deepest nesting of a JSON value (NDJSON attributes, reject inputs) that is read or written. */
export const MAX_JSON_DEPTH = 64;

/** `problem` names what is wrong without the field's name (callers prefix it), or is `missing id`. */
export type IdResult = { readonly ok: true; readonly id: string } | { readonly ok: false; readonly problem: string };

export const MISSING_ID = 'missing id';

// C0 and C1 controls and DEL: invisible, and a raw NUL or CR in mapping.csv breaks every reader after it.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Any character either check above could refuse (perf: one scan, not two, clears the common id). */
const SUSPECT = /[\u0000-\u001f\u007f-\u009f\ud800-\udfff]/;

/**
 * A record id from a value. A string is kept as given (callers that trim do so first); a JSON integer within the
 * safe range is its decimal string (`12` → `"12"`); any other number would have been rounded or is not an id.
 * Refused: empty, over `MAX_ID_CHARS`, control characters, lone surrogates (`x\ud800` and `x\ud801` would be
 * the same UTF-8 bytes, so two records would share an id).
 */
export function acceptId(value: unknown): IdResult {
  let id: string;
  if (typeof value === 'string') id = value;
  else if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      return {
        ok: false,
        // JSON has already rounded a large number, so its digits here may not be the file's: not quoted.
        problem: Number.isInteger(value)
          ? 'a number beyond ±(2^53−1), which JSON cannot keep exactly; write the id as a string'
          : `the number ${String(value)} is not an integer; write the id as a string or a plain integer`,
      };
    }
    id = String(value);
  } else if (value === undefined || value === null) return { ok: false, problem: MISSING_ID };
  else return { ok: false, problem: 'expected a string or an integer' };
  if (id === '' || id.trim() === '') return { ok: false, problem: MISSING_ID };
  if (id.length > MAX_ID_CHARS) return { ok: false, problem: `longer than ${MAX_ID_CHARS} characters (${id.length})` };
  if (!SUSPECT.test(id)) return { ok: true, id };
  const control = CONTROL.exec(id);
  if (control !== null) return { ok: false, problem: `control character U+${codePoint(control[0])} at position ${control.index + 1}` };
  if (LONE_SURROGATE.test(id)) return { ok: false, problem: `lone surrogate (not valid Unicode text)` };
  return { ok: true, id };
}

/**
 * True when an integer id came from a plain JSON integer token: `1e3`, `12.0` and `-0` parse to integers too,
 * but are not integer ids. `text` is the NDJSON line; checked only for numeric ids, which are rare.
 */
export function isPlainIntegerToken(text: string, value: number): boolean {
  const token = String(value);
  for (let at = text.indexOf(token); at !== -1; at = text.indexOf(token, at + 1)) {
    const before = precedingNonSpace(text, at);
    const after = text.charCodeAt(at + token.length);
    // `:12,` or `:12}` (or spaces around): the whole token, not part of a longer number or string.
    if (before === 58 /* : */ && (after === 44 || after === 125 || after === 32 || after === 9 || after === 13 || Number.isNaN(after))) return true;
  }
  return false;
}

function precedingNonSpace(text: string, at: number): number {
  let i = at - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  return i < 0 ? -1 : text.charCodeAt(i);
}

/** True when a JSON-like value nests deeper than `limit` (iterative: a deep value must not overflow the stack). */
export function nestsDeeperThan(value: unknown, limit = MAX_JSON_DEPTH): boolean {
  if (value === null || typeof value !== 'object') return false;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (depth > limit) return true;
    const children = Array.isArray(v) ? v : Object.values(v as object);
    for (const c of children) if (c !== null && typeof c === 'object') stack.push([c, depth + 1]);
  }
  return false;
}

function codePoint(ch: string): string {
  return ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
}
