import { parseIsoDate } from '../_internal/parseIsoDate.js';
import type { CustomerRecord } from '../types.js';
import { acceptId, MAX_IDENTIFIERS_PER_KIND, MISSING_ID } from './recordRules.js';
import type { RecordIssue } from './RecordIssue.js';

/** A record whose shape is known (field types checked) but whose values are not yet accepted. */
export type RawRecord = Omit<CustomerRecord, 'id'> & { readonly id: unknown };

export type AcceptResult =
  | {
      readonly ok: true;
      readonly record: CustomerRecord;
      /** The record had an `updatedAt` that is not an ISO-8601 date: kept without it, counted in the report. */
      readonly invalidUpdatedAt: boolean;
      /** `updatedAt` as epoch ms (NaN when absent or invalid), parsed once here for the preparer. */
      readonly updatedAtMs: number;
    }
  | { readonly ok: false; readonly issues: RecordIssue[] };

/** Longest identifier, name or source value, in UTF-16 code units. */
export const MAX_VALUE_CHARS = 100_000;
/** Longest attribute text (as a CSV cell may be). */
export const MAX_ATTRIBUTE_CHARS = 1 << 20;

/**
 * The one rule that accepts a record, after its shape has been mapped (a file row by `io/rowToRecord`, a library
 * object by `customerRecordSchema`), for files, `resolve()` and the incremental resolver alike:
 *
 * - the id obeys `acceptId` (integers within the safe range become their decimal string);
 * - at most `MAX_IDENTIFIERS_PER_KIND` values per identifier kind, none longer than `MAX_VALUE_CHARS`, nor a
 *   source or name; attribute text at most `MAX_ATTRIBUTE_CHARS`;
 * - an `updatedAt` that is not an ISO-8601 date (`parseIsoDate`) does not reject the record: it is dropped and
 *   counted (`invalidUpdatedAt`), so survivorship treats the record as undated.
 *
 * Values are taken as given: trimming is the file format's business (every CSV cell is trimmed), not a rule of
 * the record. `owned`: `raw` is the caller's own fresh object (the row mapper's), made the record in place (its
 * id and `updatedAt` set) instead of copied.
 */
export function acceptRecord(raw: RawRecord, owned = false): AcceptResult {
  // perf: the list is made only for a refused record (an empty array a row was ~30 bytes of garbage).
  let issues: RecordIssue[] | undefined;
  const id = acceptId(raw.id);
  if (!id.ok) {
    issues = [id.problem === MISSING_ID ? { code: 'missing_id', path: '', message: MISSING_ID } : { code: 'invalid_id', path: 'id', message: id.problem }];
  }
  issues = checkText(issues, 'source', raw.source);
  issues = checkText(issues, 'firstName', raw.firstName);
  issues = checkText(issues, 'lastName', raw.lastName);
  issues = checkText(issues, 'fullName', raw.fullName);
  issues = checkText(issues, 'dateOfBirth', raw.dateOfBirth);
  issues = checkText(issues, 'gender', raw.gender);
  issues = checkText(issues, 'address', raw.address);
  issues = checkText(issues, 'city', raw.city);
  issues = checkText(issues, 'postcode', raw.postcode);
  issues = checkText(issues, 'country', raw.country);
  issues = checkTexts(issues, 'emails', raw.emails);
  issues = checkTexts(issues, 'phones', raw.phones);
  issues = checkTexts(issues, 'logins', raw.logins);
  issues = checkPairs(issues, 'handles', raw.handles, 'platform', 'handle');
  issues = checkPairs(issues, 'externalIds', raw.externalIds, 'namespace', 'value');
  const attributes = raw.attributes;
  if (attributes !== undefined) {
    for (const k of Object.keys(attributes)) {
      const v = attributes[k];
      if (typeof v === 'string' && v.length > MAX_ATTRIBUTE_CHARS) (issues ??= []).push({ code: 'too_long', path: `attributes.${k}`, message: `longer than ${MAX_ATTRIBUTE_CHARS} characters (${v.length})` });
    }
  }
  if (!id.ok || issues !== undefined) return { ok: false, issues: issues ?? [] };

  const updatedAtMs = raw.updatedAt === undefined ? Number.NaN : parseIsoDate(raw.updatedAt);
  const invalidUpdatedAt = raw.updatedAt !== undefined && Number.isNaN(updatedAtMs);
  if (owned) {
    // perf: the row mapper's own fresh object becomes the record (a copy of its 18 fields was ~170 bytes a row).
    const record = raw as { -readonly [K in keyof RawRecord]: RawRecord[K] };
    record.id = id.id;
    if (invalidUpdatedAt) record.updatedAt = undefined;
    return { ok: true, record: record as CustomerRecord, invalidUpdatedAt, updatedAtMs };
  }
  const record: CustomerRecord = invalidUpdatedAt ? { ...raw, id: id.id, updatedAt: undefined } : { ...raw, id: id.id };
  return { ok: true, record, invalidUpdatedAt, updatedAtMs };
}

function checkText(issues: RecordIssue[] | undefined, path: string, v: string | undefined): RecordIssue[] | undefined {
  if (v !== undefined && v.length > MAX_VALUE_CHARS) (issues ??= []).push({ code: 'too_long', path, message: `longer than ${MAX_VALUE_CHARS} characters (${v.length})` });
  return issues;
}

/**
 * Count and lengths of an identifier list of strings. perf: a loop per list shape, not one generic loop with
 * picker callbacks (each call site saw five closures, so every call of them was megamorphic).
 */
function checkTexts(issues: RecordIssue[] | undefined, field: string, list: readonly string[] | undefined): RecordIssue[] | undefined {
  if (list === undefined) return issues;
  if (list.length > MAX_IDENTIFIERS_PER_KIND) return tooMany(issues, field, list.length);
  for (let i = 0; i < list.length; i++) {
    const longest = list[i]!.length;
    if (longest > MAX_VALUE_CHARS) issues = tooLong(issues, field, i, longest);
  }
  return issues;
}

/** `checkTexts` of a list of `{ scope, value }` pairs (handles, external ids): the longer of the two counts. */
function checkPairs<S extends string, V extends string>(issues: RecordIssue[] | undefined, field: string, list: readonly { readonly [k in S | V]: string }[] | undefined, scope: S, value: V): RecordIssue[] | undefined {
  if (list === undefined) return issues;
  if (list.length > MAX_IDENTIFIERS_PER_KIND) return tooMany(issues, field, list.length);
  for (let i = 0; i < list.length; i++) {
    const item = list[i]!;
    const longest = Math.max(item[value].length, item[scope].length);
    if (longest > MAX_VALUE_CHARS) issues = tooLong(issues, field, i, longest);
  }
  return issues;
}

function tooMany(issues: RecordIssue[] | undefined, field: string, count: number): RecordIssue[] {
  (issues ??= []).push({ code: 'too_many_values', path: field, message: `${count} values, more than the ${MAX_IDENTIFIERS_PER_KIND} one record may hold (a list pasted into one cell?)` });
  return issues;
}

function tooLong(issues: RecordIssue[] | undefined, field: string, i: number, longest: number): RecordIssue[] {
  (issues ??= []).push({ code: 'too_long', path: `${field}[${i}]`, message: `longer than ${MAX_VALUE_CHARS} characters (${longest})` });
  return issues;
}
