import { z } from 'zod';
import { setOwn } from '../_internal/ownField.js';
import { acceptRecord, type AcceptResult, type RawRecord } from './acceptRecord.js';
import type { RecordIssue } from './RecordIssue.js';

type Scalar = string | number | boolean | null;

/**
 * Attributes: own keys of any name, `__proto__` included (zod's `record` drops that key without a word), with
 * scalar values. Copied into a fresh object so nothing inherited is read later.
 */
const attributes = z.unknown().transform((value, ctx): Record<string, Scalar> | undefined => {
  if (value === undefined) return undefined;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    ctx.addIssue({ code: 'custom', message: 'expected an object of strings, numbers, booleans or nulls' });
    return z.NEVER;
  }
  const out: Record<string, Scalar> = {};
  for (const k of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[k];
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') setOwn(out, k, v);
    else {
      ctx.addIssue({ code: 'custom', path: [k], message: 'expected a string, number, boolean or null' });
      return z.NEVER;
    }
  }
  return out;
});

/**
 * The shape of the library's input record (spec §1): field names and types only. Unknown keys are refused so a
 * misspelt field (`email` for `emails`) is a clear reject, not a silently ignored value. What the values may be
 * (ids, counts, lengths, dates) is `acceptRecord`'s, the rule files obey too.
 */
export const customerRecordSchema = z.strictObject({
  id: z.unknown(),
  source: z.string().optional(),
  updatedAt: z.string().optional(),
  emails: z.array(z.string()).optional(),
  phones: z.array(z.string()).optional(),
  logins: z.array(z.string()).optional(),
  handles: z.array(z.strictObject({ platform: z.string(), handle: z.string() })).optional(),
  externalIds: z.array(z.strictObject({ namespace: z.string(), value: z.string() })).optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  fullName: z.string().optional(),
  dateOfBirth: z.string().optional(),
  gender: z.string().optional(),
  address: z.string().optional(),
  city: z.string().optional(),
  postcode: z.string().optional(),
  country: z.string().optional(),
  attributes: attributes.optional(),
});

/** A library record: its shape (zod, at the boundary), then `acceptRecord`. Never throws. */
export function acceptLibraryRecord(input: unknown): AcceptResult {
  const shaped = customerRecordSchema.safeParse(input);
  if (!shaped.success) {
    const issues = shaped.error.issues.map(issueOfZod);
    // Say whether the id is missing or invalid too, as files do.
    const id = input !== null && typeof input === 'object' ? (input as { id?: unknown }).id : undefined;
    const idCheck = acceptRecord({ id });
    if (!idCheck.ok) issues.unshift(...idCheck.issues);
    return { ok: false, issues };
  }
  return acceptRecord(shaped.data as RawRecord);
}

/** The one translation of a zod issue into a record issue. */
function issueOfZod(i: z.core.$ZodIssue): RecordIssue {
  const path = i.path.map((p, n) => (typeof p === 'number' ? `[${p}]` : n === 0 ? String(p) : `.${String(p)}`)).join('');
  if (i.code === 'unrecognized_keys') return { code: 'unknown_field', path, message: `unknown field${i.keys.length === 1 ? '' : 's'} ${i.keys.map((k) => `"${k}"`).join(', ')}` };
  return { code: 'invalid_type', path, message: i.message };
}
