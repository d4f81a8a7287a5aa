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
 * the record.
 */
export function acceptRecord(raw: RawRecord): AcceptResult {
  const issues: RecordIssue[] = [];
  const id = acceptId(raw.id);
  if (!id.ok) {
    issues.push(id.problem === MISSING_ID ? { code: 'missing_id', path: '', message: MISSING_ID } : { code: 'invalid_id', path: 'id', message: id.problem });
  }
  checkText(issues, 'source', raw.source);
  checkText(issues, 'firstName', raw.firstName);
  checkText(issues, 'lastName', raw.lastName);
  checkText(issues, 'fullName', raw.fullName);
  checkText(issues, 'dateOfBirth', raw.dateOfBirth);
  checkText(issues, 'gender', raw.gender);
  checkText(issues, 'address', raw.address);
  checkText(issues, 'city', raw.city);
  checkText(issues, 'postcode', raw.postcode);
  checkText(issues, 'country', raw.country);
  checkList(issues, 'emails', raw.emails, (v) => v, none);
  checkList(issues, 'phones', raw.phones, (v) => v, none);
  checkList(issues, 'logins', raw.logins, (v) => v, none);
  checkList(issues, 'handles', raw.handles, (h) => h.handle, (h) => h.platform);
  checkList(issues, 'externalIds', raw.externalIds, (x) => x.value, (x) => x.namespace);
  const attributes = raw.attributes;
  if (attributes !== undefined) {
    for (const k of Object.keys(attributes)) {
      const v = attributes[k];
      if (typeof v === 'string' && v.length > MAX_ATTRIBUTE_CHARS) issues.push({ code: 'too_long', path: `attributes.${k}`, message: `longer than ${MAX_ATTRIBUTE_CHARS} characters (${v.length})` });
    }
  }
  if (!id.ok || issues.length > 0) return { ok: false, issues };

  const updatedAtMs = raw.updatedAt === undefined ? Number.NaN : parseIsoDate(raw.updatedAt);
  const invalidUpdatedAt = raw.updatedAt !== undefined && Number.isNaN(updatedAtMs);
  const record: CustomerRecord = invalidUpdatedAt ? { ...raw, id: id.id, updatedAt: undefined } : { ...raw, id: id.id };
  return { ok: true, record, invalidUpdatedAt, updatedAtMs };
}

function checkText(issues: RecordIssue[], path: string, v: string | undefined): void {
  if (v !== undefined && v.length > MAX_VALUE_CHARS) issues.push({ code: 'too_long', path, message: `longer than ${MAX_VALUE_CHARS} characters (${v.length})` });
}

const none = (): string => '';

/** Count and lengths of an identifier list; `value` and `scope` pick its texts (perf: no array per value). */
function checkList<T>(issues: RecordIssue[], field: string, list: readonly T[] | undefined, value: (item: T) => string, scope: (item: T) => string): void {
  if (list === undefined) return;
  if (list.length > MAX_IDENTIFIERS_PER_KIND) {
    issues.push({ code: 'too_many_values', path: field, message: `${list.length} values, more than the ${MAX_IDENTIFIERS_PER_KIND} one record may hold (a list pasted into one cell?)` });
    return;
  }
  for (let i = 0; i < list.length; i++) {
    const item = list[i]!;
    const longest = Math.max(value(item).length, scope(item).length);
    if (longest > MAX_VALUE_CHARS) issues.push({ code: 'too_long', path: `${field}[${i}]`, message: `longer than ${MAX_VALUE_CHARS} characters (${longest})` });
  }
}
