import type { IdweaveConfig } from '../config/configSchema.js';
import { setOwn } from '../_internal/ownField.js';
import { acceptRecord, type RawRecord } from '../accept/acceptRecord.js';
import { issueText, type RecordIssue } from '../accept/RecordIssue.js';
import { isPlainIntegerToken, MAX_JSON_DEPTH, nestsDeeperThan } from '../accept/recordRules.js';
import type { CustomerRecord } from '../types.js';
import { ATTRIBUTES, columnRoles, EMAIL, EVIDENCE, EXTERNAL, EXTERNAL_LIST, FIRST, FULL, HANDLE, HANDLE_LIST, ID, LAST, LOGIN, PHONE, SOURCE, UPDATED, type Role } from './columnRoles.js';

/** The parts of a config that say how to read rows. */
export type RowMapperOptions = Pick<IdweaveConfig, 'columns' | 'externalIds'>;

/**
 * Outcome of mapping one row. `invalidUpdatedAt`: the row had an `updated_at` that is not an ISO-8601 date; the
 * record is kept without it (survivorship treats it as undated) and `resolveFiles` counts it in the report.
 */
export type MapRowResult =
  | { readonly ok: true; readonly record: CustomerRecord; readonly invalidUpdatedAt: boolean; readonly updatedAtMs: number }
  | { readonly ok: false; readonly reasons: string[]; readonly issues: RecordIssue[] };

export interface RowMapper {
  /** The input column holding the record id (`id` unless the config renames it). */
  readonly idColumn: string;
  /**
   * `text`: the NDJSON line the object was parsed from, when there is one; a numeric id is then accepted only
   * as a plain integer token (`1e3` and `12.0` parse to integers too).
   */
  map(fields: Readonly<Record<string, unknown>>, text?: string): MapRowResult;
  /** `map` of a CSV row given as its header and cells (perf: no object per row; roles resolved once per header). */
  mapRow(header: readonly string[], cells: readonly string[]): MapRowResult;
}

/**
 * Compiles the column mapping of a config once; `map` then turns a CSV row or NDJSON object into a
 * `CustomerRecord` (spec §1). Identifier cells may hold several values separated by `|` (each trimmed, empties
 * dropped). Renamed columns (`columns: { email: 'EmailAddress' }`) take the role; the original name then is an
 * ordinary attribute. Any other non-empty cell becomes an attribute. A row without an id is refused.
 * Hot path: no zod, no spreading; fixed record shape.
 *
 * @example
 * const mapper = createRowMapper({ externalIds: { loyalty_id: 'loyalty' } });
 * mapper.map({ id: 'c1', email: 'a@x.com | b@x.com', loyalty_id: 'LC-1', city: 'Dubai' });
 * // { ok: true, record: { id: 'c1', emails: ['a@x.com', 'b@x.com'], externalIds: [{ namespace: 'loyalty', value: 'LC-1' }], attributes: { city: 'Dubai' }, … } }
 */
export function createRowMapper(options: RowMapperOptions = {}): RowMapper {
  const roles = columnRoles(options);
  const ids = options.columns?.id;
  const idColumn = ids === undefined ? 'id' : typeof ids === 'string' ? ids : ids[0]!;
  // perf: one scratch list of issues per mapper, copied only when a row is refused.
  const problems: RecordIssue[] = [];

  // Roles of a CSV header's columns, resolved once per header (every row of a file shares its header array).
  let lastHeader: readonly string[] | undefined;
  let headerRoles: (Role | undefined)[] = [];

  const map = (fields: Readonly<Record<string, unknown>>, text?: string): MapRowResult => {
    const keys = Object.keys(fields);
    const values: unknown[] = [];
    for (const k of keys) values.push(fields[k]);
    lineText = text;
    try {
      return mapColumns(keys, values, keys.map((k) => roles.roleOf(k)));
    } finally {
      lineText = undefined;
    }
  };
  let lineText: string | undefined;

  const mapRow = (header: readonly string[], cells: readonly string[]): MapRowResult => {
    if (header !== lastHeader) {
      lastHeader = header;
      headerRoles = header.map((h) => roles.roleOf(h));
    }
    return mapColumns(header, cells, headerRoles);
  };

  /** The mapping itself, over parallel arrays: column names, values, and each column's role. */
  const mapColumns = (names: readonly string[], values: readonly unknown[], columnRoles: readonly (Role | undefined)[]): MapRowResult => {
    let id: unknown;
    let source: string | undefined;
    let updatedAt: string | undefined;
    let emails: string[] | undefined;
    let phones: string[] | undefined;
    let logins: string[] | undefined;
    let firstName: string | undefined;
    let lastName: string | undefined;
    let fullName: string | undefined;
    let handles: { platform: string; handle: string }[] | undefined;
    let externalIds: { namespace: string; value: string }[] | undefined;
    let attributes: Record<string, string | number | boolean | null> | undefined;
    // The evidence attributes, one variable each (perf: the record below has one shape whichever are present).
    let dateOfBirth: string | undefined;
    let gender: string | undefined;
    let address: string | undefined;
    let city: string | undefined;
    let postcode: string | undefined;
    let country: string | undefined;
    // perf: setting an array's length is a call into V8's runtime (~40 ns, even on an empty array): only when needed.
    if (problems.length !== 0) problems.length = 0;

    for (let c = 0; c < names.length; c++) {
      const value = values[c];
      if (value === undefined || value === null || value === '') continue;
      const role = columnRoles[c];
      const key = names[c]!;
      if (role === undefined) {
        const scalar = toAttribute(value, key, problems);
        if (scalar !== undefined) setOwn((attributes ??= {}), key, scalar);
        continue;
      }
      switch (role.code) {
        case ID: {
          if (id !== undefined) break; // several id columns: the first non-empty one
          if (typeof value === 'number' && lineText !== undefined && Number.isSafeInteger(value) && !isPlainIntegerToken(lineText, value)) {
            problems.push({ code: 'invalid_id', path: 'id', message: 'a number with a fraction or exponent is not an id; write the id as a string or a plain integer' });
            id = null;
            break;
          }
          // Accepted (or refused) by acceptRecord, the rule of every path; only text cells are trimmed here.
          id = typeof value === 'string' ? value.trim() : value;
          if (id === '') id = undefined;
          break;
        }
        case SOURCE:
        case FIRST:
        case LAST:
        case FULL:
        case UPDATED:
        case EVIDENCE: {
          const raw = toText(value);
          if (raw === undefined) {
            problems.push(typeIssue(role.name, 'expected a string'));
            break;
          }
          const v = String.prototype.trim.call(raw); // perf: as in splitValues
          if (v === '') break;
          // Several columns for one of these fields: the first non-empty one counts; for the date of birth the
          // longest (a full date beats a `birth_year` column, whatever the column order).
          if (role.code === EVIDENCE) {
            if (role.scope === 'dateOfBirth') {
              if (dateOfBirth === undefined || v.length > dateOfBirth.length) dateOfBirth = v;
            } else if (role.scope === 'gender') gender ??= v;
            else if (role.scope === 'address') address ??= v;
            else if (role.scope === 'city') city ??= v;
            else if (role.scope === 'postcode') postcode ??= v;
            else if (role.scope === 'country') country ??= v;
          } else if (role.code === SOURCE) source ??= v;
          else if (role.code === FIRST) firstName ??= v;
          else if (role.code === LAST) lastName ??= v;
          else if (role.code === FULL) fullName ??= v;
          else updatedAt ??= v;
          break;
        }
        case EMAIL:
          emails = collect(value, emails, role.name, problems);
          break;
        case PHONE:
          phones = collect(value, phones, role.name, problems);
          break;
        case LOGIN:
          logins = collect(value, logins, role.name, problems);
          break;
        case HANDLE: {
          const values = collect(value, undefined, role.name, problems);
          if (values) for (const handle of values) (handles ??= []).push({ platform: role.scope, handle });
          break;
        }
        case EXTERNAL: {
          const values = collect(value, undefined, role.name, problems);
          if (values) for (const v of values) (externalIds ??= []).push({ namespace: role.scope, value: v });
          break;
        }
        case HANDLE_LIST:
          handles = collectPairs(value, handles, 'handles', 'platform', 'handle', problems) as typeof handles;
          break;
        case EXTERNAL_LIST:
          externalIds = collectPairs(value, externalIds, 'externalIds', 'namespace', 'value', problems) as typeof externalIds;
          break;
        case ATTRIBUTES:
          if (typeof value !== 'object' || Array.isArray(value)) problems.push(typeIssue('attributes', 'expected an object'));
          else {
            for (const k of Object.keys(value)) {
              const scalar = toAttribute((value as Record<string, unknown>)[k], `attributes.${k}`, problems);
              if (scalar !== undefined) setOwn((attributes ??= {}), k, scalar);
            }
          }
          break;
      }
    }
    if (problems.length > 0) {
      // Refused for its shape; say first whether its id is missing or invalid too (acceptRecord's rule).
      if (!problems.some((p) => p.path === 'id')) {
        const idCheck = acceptRecord({ id });
        if (!idCheck.ok) problems.unshift(...idCheck.issues);
      }
      return refused(problems);
    }
    // perf: one object shape for every row (absent fields are undefined): a spread of the present evidence fields
    // gave up to 64 shapes, and every later read of a record's fields was megamorphic.
    const raw: RawRecord = { id, source, updatedAt, emails, phones, logins, handles, externalIds, firstName, lastName, fullName, dateOfBirth, gender, address, city, postcode, country, attributes };
    const accepted = acceptRecord(raw, true);
    return accepted.ok ? accepted : refused(accepted.issues);
  };

  return { idColumn, map, mapRow };
}

function refused(issues: readonly RecordIssue[]): MapRowResult {
  const copy = issues.slice();
  return { ok: false, reasons: copy.map(issueText), issues: copy };
}

function typeIssue(path: string, message: string): RecordIssue {
  return { code: 'invalid_type', path, message };
}

function toText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return undefined;
}

function toAttribute(value: unknown, name: string, problems: RecordIssue[]): string | number | boolean | null | undefined {
  if (typeof value === 'string') {
    const v = value.trim();
    return v === '' ? undefined : v;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value === null || value === undefined) return undefined;
  // Nested JSON (NDJSON only) is kept as its JSON text rather than dropped; past a sane depth it is refused
  // (serializing it would overflow the stack).
  if (nestsDeeperThan(value)) {
    problems.push({ code: 'too_deep', path: name, message: `nested deeper than ${MAX_JSON_DEPTH} levels` });
    return undefined;
  }
  return JSON.stringify(value);
}

/** Appends the values of a cell (`a | b`), or of an array of strings, to `into`. */
function collect(value: unknown, into: string[] | undefined, name: string, reasons: RecordIssue[]): string[] | undefined {
  if (typeof value === 'string') return splitValues(value, into);
  if (typeof value === 'number') return splitValues(String(value), into);
  if (Array.isArray(value)) {
    let out = into;
    for (const v of value) {
      if (typeof v === 'string') out = splitValues(v, out);
      else if (typeof v === 'number') out = splitValues(String(v), out);
      else if (v !== null && v !== undefined) {
        reasons.push(typeIssue(name, 'expected strings'));
        break;
      }
    }
    return out;
  }
  reasons.push(typeIssue(name, 'expected a string or an array of strings'));
  return into;
}

function splitValues(cell: string, into: string[] | undefined): string[] | undefined {
  // perf: most cells hold one value; split only when a separator is present. The methods by their known function:
  // a cell may be any of several string representations (docs/architecture.md, "Loops over a string's characters").
  if (String.prototype.indexOf.call(cell, '|') === -1) {
    const v = String.prototype.trim.call(cell);
    if (v === '') return into;
    // perf: `[v]` holds one slot; an empty array's first push reserved seventeen (~130 bytes a list).
    if (into === undefined) return [v];
    into.push(v);
    return into;
  }
  for (const part of cell.split('|')) {
    const v = part.trim();
    if (v !== '') (into ??= []).push(v);
  }
  return into;
}

/** `[{ platform, handle }]` / `[{ namespace, value }]` from NDJSON, each member a string. */
function collectPairs(
  value: unknown,
  into: Record<string, string>[] | undefined,
  name: string,
  a: string,
  b: string,
  reasons: RecordIssue[],
): Record<string, string>[] | undefined {
  if (!Array.isArray(value)) {
    reasons.push(typeIssue(name, `expected an array of { ${a}, ${b} }`));
    return into;
  }
  let out = into;
  for (let i = 0; i < value.length; i++) {
    const item = value[i] as Record<string, unknown> | null;
    const x = item !== null && typeof item === 'object' ? item[a] : undefined;
    const y = item !== null && typeof item === 'object' ? item[b] : undefined;
    if (typeof x !== 'string' || typeof y !== 'string') {
      reasons.push(typeIssue(`${name}[${i}]`, `expected { ${a}: string, ${b}: string }`));
      continue;
    }
    if (y.trim() === '') continue;
    (out ??= []).push({ [a]: x.trim(), [b]: y.trim() });
  }
  return out;
}
