import { z } from 'zod';

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const text = z.string().max(100_000);

/**
 * The library's input record (SPEC §1), validated once per record at the `resolve()` boundary. Unknown keys
 * are refused so a misspelt field (`email` for `emails`) is a clear reject, not a silently ignored value.
 */
export const customerRecordSchema = z.strictObject({
  id: z.string().refine((s) => s.trim() !== '', 'missing id'),
  source: text.optional(),
  updatedAt: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO-8601 date').optional(),
  emails: z.array(text).optional(),
  phones: z.array(text).optional(),
  logins: z.array(text).optional(),
  handles: z.array(z.strictObject({ platform: text, handle: text })).optional(),
  externalIds: z.array(z.strictObject({ namespace: text, value: text })).optional(),
  firstName: text.optional(),
  lastName: text.optional(),
  fullName: text.optional(),
  attributes: z.record(z.string(), scalar).optional(),
});
