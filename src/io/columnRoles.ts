import { foldColumnName } from '../_internal/foldColumnName.js';
import type { IdweaveConfig } from '../config/configSchema.js';
import { RECORD_COLUMNS, type RecordColumn } from '../config/recordColumns.js';

export { foldColumnName };

// Role codes of input columns. perf: a small integer switch per cell instead of string comparisons.
export const ID = 0, SOURCE = 1, UPDATED = 2, EMAIL = 3, PHONE = 4, LOGIN = 5, FIRST = 6, LAST = 7, FULL = 8;
export const HANDLE = 9, EXTERNAL = 10, HANDLE_LIST = 11, EXTERNAL_LIST = 12, ATTRIBUTES = 13, EVIDENCE = 14;

/** What an input column is read as. */
export interface Role {
  readonly code: number;
  /** Platform (HANDLE), namespace (EXTERNAL) or the record field (EVIDENCE: `dateOfBirth`, `city`, …). */
  readonly scope: string;
  /** The field name used in reject reasons (`email`, `loyalty_id`). */
  readonly name: string;
}

const SNAKE_ROLES: Readonly<Record<RecordColumn, readonly [number, string]>> = {
  id: [ID, ''],
  source: [SOURCE, ''],
  updated_at: [UPDATED, ''],
  email: [EMAIL, ''],
  phone: [PHONE, ''],
  login: [LOGIN, ''],
  first_name: [FIRST, ''],
  last_name: [LAST, ''],
  full_name: [FULL, ''],
  instagram: [HANDLE, 'instagram'],
  twitter: [HANDLE, 'twitter'],
  x: [HANDLE, 'twitter'],
  facebook: [HANDLE, 'facebook'],
  tiktok: [HANDLE, 'tiktok'],
  snapchat: [HANDLE, 'snapchat'],
  linkedin: [HANDLE, 'linkedin'],
  youtube: [HANDLE, 'youtube'],
  telegram: [HANDLE, 'telegram'],
  whatsapp: [HANDLE, 'whatsapp'],
  date_of_birth: [EVIDENCE, 'dateOfBirth'],
  dob: [EVIDENCE, 'dateOfBirth'],
  birth_year: [EVIDENCE, 'dateOfBirth'],
  year_of_birth: [EVIDENCE, 'dateOfBirth'],
  gender: [EVIDENCE, 'gender'],
  address: [EVIDENCE, 'address'],
  city: [EVIDENCE, 'city'],
  postcode: [EVIDENCE, 'postcode'],
  country: [EVIDENCE, 'country'],
};

/** The library's own record shape (spec §1), accepted in NDJSON objects beside the column names. */
const CAMEL_ROLES: readonly (readonly [string, number])[] = [
  ['updatedAt', UPDATED],
  ['emails', EMAIL],
  ['phones', PHONE],
  ['logins', LOGIN],
  ['firstName', FIRST],
  ['lastName', LAST],
  ['fullName', FULL],
  ['handles', HANDLE_LIST],
  ['externalIds', EXTERNAL_LIST],
  ['attributes', ATTRIBUTES],
];

const IDENTIFIER_ROLES: ReadonlySet<number> = new Set([EMAIL, PHONE, LOGIN, HANDLE, EXTERNAL, HANDLE_LIST, EXTERNAL_LIST]);

/** A column the config names, which inputs are expected to have. */
export interface ExpectedColumn {
  /** Where the config names it: `columns.email`, `externalIds.loyalty_id`. */
  readonly where: string;
  /** The input column name as written in the config. */
  readonly input: string;
}

/** How the input columns of one config are read. */
export interface ColumnRoles {
  /** The role of an input column (by its name as it appears), or undefined for an attribute. */
  roleOf(input: string): Role | undefined;
  /** The columns the config maps (renamed fields, external ids): each must be in some input. */
  readonly expected: readonly ExpectedColumn[];
  /** The input column names (folded) that hold the record id. */
  readonly idColumns: readonly string[];
  /** True when the role links records (email, phone, login, handle, external id). */
  isIdentifier(role: Role | undefined): boolean;
}

/**
 * Compiles a config's `columns` and `externalIds` into roles of input column names: the one place that decides
 * which input column is read as what. Renamed fields (`columns: { email: 'EmailAddress' }`, or several:
 * `{ email: ['Email', 'Work Email'] }`) take the role, and the field's own name then is an ordinary attribute;
 * `externalIds` columns are external ids of their namespace. Names compare folded (`foldColumnName`).
 */
export function columnRoles(options: Pick<IdweaveConfig, 'columns' | 'externalIds'> = {}): ColumnRoles {
  const roles = new Map<string, Role>();
  for (const [key, code] of CAMEL_ROLES) roles.set(foldColumnName(key), { code, scope: '', name: key });
  const renamed: Partial<Record<RecordColumn, string | readonly string[]>> = options.columns ?? {};
  const inputsOf = (column: RecordColumn): readonly string[] => {
    const v = Object.hasOwn(renamed, column) ? renamed[column] : undefined;
    return v === undefined ? [column] : typeof v === 'string' ? [v] : v;
  };
  const expected: ExpectedColumn[] = [];
  for (const column of RECORD_COLUMNS) {
    const [code, scope] = SNAKE_ROLES[column];
    const mapped = Object.hasOwn(renamed, column);
    // A renamed field's own name is no longer special (unless another field is renamed onto it).
    if (mapped && roles.get(foldColumnName(column))?.name === column) roles.delete(foldColumnName(column));
    for (const input of inputsOf(column)) {
      roles.set(foldColumnName(input), { code, scope, name: column });
      if (mapped) expected.push({ where: `columns.${column}`, input });
    }
  }
  for (const [column, namespace] of Object.entries(options.externalIds ?? {})) {
    roles.set(foldColumnName(column), { code: EXTERNAL, scope: namespace, name: column });
    expected.push({ where: `externalIds.${column}`, input: column });
  }
  return {
    roleOf: (input) => roles.get(foldColumnName(input)),
    expected,
    idColumns: inputsOf('id').map(foldColumnName),
    isIdentifier: (role) => role !== undefined && IDENTIFIER_ROLES.has(role.code),
  };
}
