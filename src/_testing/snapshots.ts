import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { isIdweaveError, type IdweaveError } from '../errors.js';
import { restoreResolver, type RestoreOptions } from '../incremental/createResolver.js';
import { snapshotChecksum } from '../incremental/snapshot.js';

/** A snapshot or a stream's line as JSON gives it back: plain, mutable data (test-only). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** The `IdweaveError` restoring `input` throws; fails the test unless it throws one with `snapshot_invalid`. */
export function restoreRefusal(input: unknown, options?: RestoreOptions): IdweaveError {
  try {
    restoreResolver(input, options);
  } catch (e) {
    expect(isIdweaveError(e), String(e)).toBe(true);
    expect((e as IdweaveError).code, (e as Error).message).toBe('snapshot_invalid');
    return e as IdweaveError;
  }
  throw new Error('the snapshot was restored');
}

/** Recomputes `s`'s checksum after an edit (in place), so that the rule under test, not the checksum, is what refuses it. */
export function resign(s: Json): Json {
  try {
    s.checksum = snapshotChecksum(s);
  } catch {
    // A shape the checksum cannot walk: the reader refuses it before it looks at the checksum.
  }
  return s;
}

/**
 * A snapshot stream of `lines` (objects are written as JSON, strings as they are) with a valid end line: the
 * counts of its sections' entries (version 1 streams end with the records, version 2 adds the overrides and the
 * tombstones), its SHA-256, and `end`'s fields over them.
 */
export function signedStream(lines: readonly (Json | string)[], end: Json = {}): Buffer {
  const text = lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l)) + '\n').join('');
  const v1 = typeof lines[0] === 'object' && lines[0].version === 1;
  const counts: Json = v1 ? { groups: 0, keys: 0, names: 0, sources: 0, records: 0 } : { groups: 0, keys: 0, names: 0, sources: 0, records: 0, overrides: 0, erased: 0 };
  for (const l of lines) {
    if (typeof l === 'string') continue;
    for (const k of Object.keys(counts)) if (Array.isArray(l[k]) && Object.keys(l).length === 1) counts[k] += l[k].length;
  }
  const checksum = `sha256:${createHash('sha256').update(text).digest('hex')}`;
  return Buffer.from(`${text}${JSON.stringify({ end: counts, checksum, ...end })}\n`);
}
