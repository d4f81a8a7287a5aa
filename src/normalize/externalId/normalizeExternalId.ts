import { defaultJunkMatcher, type JunkMatcher } from '../junk/createJunkMatcher.js';
import { findBadCharacter } from '../_internal/findBadCharacter.js';
import { hasNonAscii } from '../_internal/hasNonAscii.js';
import { trimUnicode } from '../_internal/trimUnicode.js';
import type { NormalizeExternalIdResult, NormalizeFailure } from '../../types.js';

export interface NormalizeExternalIdOptions {
  /** Junk list to apply; default `defaultJunkMatcher` (the built-in list). */
  readonly junk?: JunkMatcher;
}

/** Longest id kept, in UTF-16 code units after trimming. */
const MAX_LENGTH = 256;
/** perf: hard cap on the raw input before trimming (only whitespace padding can bring a longer value under 256). */
const MAX_RAW = MAX_LENGTH * 4;
/** Longest namespace (a config name such as `loyalty` or `crm.salesforce`). */
const MAX_NAMESPACE = 64;
const NAMESPACE = /^[a-z0-9_.-]+$/;

// perf: failures without a detail that depends on the input are allocated once.
const EMPTY: NormalizeFailure = Object.freeze({ ok: false, reason: 'empty', detail: undefined });
const JUNK: NormalizeFailure = Object.freeze({ ok: false, reason: 'junk_value', detail: undefined });
const TOO_LONG: NormalizeFailure = Object.freeze({ ok: false, reason: 'too_long', detail: `over ${MAX_LENGTH} characters` });
const NOT_A_STRING: NormalizeFailure = Object.freeze({ ok: false, reason: 'invalid_external_id', detail: 'not a string' });

/**
 * Normalizes a third-party persistent id (loyalty card, external CRM id) to `<namespace>:<id>` (spec §2 "External
 * id": namespace-scoped, trimmed, exact).
 *
 * - The namespace is trimmed and lower-cased and must match `/^[a-z0-9_.-]+$/` (at most 64 characters); it comes
 *   from configuration, so a bad one is `invalid_external_id` for every value.
 * - The id is trimmed (Unicode White_Space, and invisible marks such as U+200B, U+200F at the ends) and otherwise kept exactly:
 *   no case folding, no Unicode normalization. Ids are issued by their system and may be case-sensitive: `lc-1`
 *   and `LC-1` are two cards.
 * - Refused: empty id (`empty`), over 256 characters (`too_long`), control characters, line separators, U+FFFD or
 *   unpaired surrogates (`invalid_external_id`), junk values such as `0`, `N/A`, `-1` (`junk_value`; junk is
 *   matched case-insensitively on the bare id and on `<namespace>:<id>`).
 *
 * Never throws; bad data returns `{ ok: false, reason, detail }`.
 *
 * @example
 * normalizeExternalId('Loyalty', ' LC-0099812 ') // { ok: true, value: 'loyalty:LC-0099812', namespace: 'loyalty', id: 'LC-0099812', … }
 */
export function normalizeExternalId(namespace: string, input: string, options?: NormalizeExternalIdOptions): NormalizeExternalIdResult {
  if (typeof namespace !== 'string' || typeof input !== 'string') return NOT_A_STRING;
  const ns = namespace.length > MAX_NAMESPACE * 4 ? namespace : namespace.trim().toLowerCase();
  if (ns.length === 0 || ns.length > MAX_NAMESPACE || !NAMESPACE.test(ns)) {
    return { ok: false, reason: 'invalid_external_id', detail: `invalid namespace "${namespace.slice(0, MAX_NAMESPACE)}"` };
  }
  if (input.length > MAX_RAW) return TOO_LONG;
  const nonAscii = hasNonAscii(input);
  // perf: the invisible-mark trim only matters when a non-ASCII character is present.
  const id = nonAscii ? trimUnicode(input) : input.trim();
  if (id.length === 0) return EMPTY;
  if (id.length > MAX_LENGTH) return TOO_LONG;
  const bad = findBadCharacter(id, nonAscii);
  if (bad !== undefined) return { ok: false, reason: 'invalid_external_id', detail: bad };
  const value = `${ns}:${id}`;
  const junk = options?.junk ?? defaultJunkMatcher;
  if (junk.isJunk('externalId', id) || junk.isJunk('externalId', value)) return JUNK;
  return { ok: true, value, raw: input, namespace: ns, id };
}
