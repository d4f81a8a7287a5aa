import { defaultJunkMatcher, type JunkMatcher } from '../junk/createJunkMatcher.js';
import type { NormalizeExternalIdResult } from '../../types.js';

export interface NormalizeExternalIdOptions {
  readonly junk?: JunkMatcher;
}

const MAX_LENGTH = 256;
const NAMESPACE = /^[a-z0-9_.-]+$/;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Normalizes a third-party persistent id (loyalty card, external CRM id) to `<namespace>:<id>`. The namespace
 * is trimmed and lower-cased; the id is trimmed and otherwise kept exactly (ids are issued by their system and
 * may be case-sensitive: `lc-1` and `LC-1` are different cards).
 *
 * @example normalizeExternalId('Loyalty', ' LC-0099812 ') // { ok: true, value: 'loyalty:LC-0099812', … }
 */
export function normalizeExternalId(namespace: string, input: string, options: NormalizeExternalIdOptions = {}): NormalizeExternalIdResult {
  if (typeof namespace !== 'string' || typeof input !== 'string') return { ok: false, reason: 'invalid_external_id', detail: 'not a string' };
  const ns = namespace.trim().toLowerCase();
  if (!NAMESPACE.test(ns) || ns.length > 64) return { ok: false, reason: 'invalid_external_id', detail: `invalid namespace "${namespace.slice(0, 64)}"` };
  if (input.length > MAX_LENGTH * 4) return { ok: false, reason: 'too_long', detail: `over ${MAX_LENGTH} characters` };
  const id = input.trim();
  if (id === '') return { ok: false, reason: 'empty' };
  if (id.length > MAX_LENGTH) return { ok: false, reason: 'too_long', detail: `over ${MAX_LENGTH} characters` };
  if (CONTROL.test(id)) return { ok: false, reason: 'invalid_external_id', detail: 'contains control characters' };
  if ((options.junk ?? defaultJunkMatcher).isJunk('externalId', id.toLowerCase())) return { ok: false, reason: 'junk_value' };
  return { ok: true, value: `${ns}:${id}`, raw: input, namespace: ns, id };
}
