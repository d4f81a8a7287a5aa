import { z } from 'zod';
import { setOwn } from '../_internal/ownField.js';
import { acceptId, MAX_IDENTIFIERS_PER_KIND, tooManyIdentifiers } from '../_internal/recordRules.js';

type Scalar = string | number | boolean | null;
const text = z.string().max(100_000);

/** An identifier list, at most `MAX_IDENTIFIERS_PER_KIND` long (the same bound and message as for files). */
const list = <T extends z.ZodType>(item: T, field: string) =>
  z.array(item).superRefine((values, ctx) => {
    if (values.length > MAX_IDENTIFIERS_PER_KIND) ctx.addIssue({ code: 'custom', message: tooManyIdentifiers(field, values.length)!.slice(field.length + 2) });
  });

/** A record id: the rules of `acceptId` (files apply the same). */
const id = z.unknown().transform((value, ctx): string => {
  const accepted = acceptId(value);
  if (accepted.ok) return accepted.id;
  ctx.addIssue({ code: 'custom', message: accepted.problem });
  return z.NEVER;
});

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
 * The library's input record (SPEC §1), validated once per record at the `resolve()` boundary. Unknown keys
 * are refused so a misspelt field (`email` for `emails`) is a clear reject, not a silently ignored value.
 */
export const customerRecordSchema = z.strictObject({
  id,
  source: text.optional(),
  updatedAt: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO-8601 date').optional(),
  emails: list(text, 'emails').optional(),
  phones: list(text, 'phones').optional(),
  logins: list(text, 'logins').optional(),
  handles: list(z.strictObject({ platform: text, handle: text }), 'handles').optional(),
  externalIds: list(z.strictObject({ namespace: text, value: text }), 'externalIds').optional(),
  firstName: text.optional(),
  lastName: text.optional(),
  fullName: text.optional(),
  attributes: attributes.optional(),
});
