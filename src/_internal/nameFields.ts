/**
 * The name fields: the library spells them `firstName`, files and outputs `first_name`. Both spellings name one
 * field (survivorship rules may use either; an attribute may use neither, see `payloadOf`).
 */
export const NAME_FIELD_COLUMNS: ReadonlyMap<string, string> = new Map([
  ['firstName', 'first_name'],
  ['lastName', 'last_name'],
  ['fullName', 'full_name'],
]);

/** The evidence attributes (spec §1), spelled the same two ways; carried into profiles like names. */
export const EVIDENCE_FIELD_COLUMNS: ReadonlyMap<string, string> = new Map([
  ['dateOfBirth', 'date_of_birth'],
  ['gender', 'gender'],
  ['address', 'address'],
  ['city', 'city'],
  ['postcode', 'postcode'],
  ['country', 'country'],
]);

/** Every record field a profile carries besides attributes: names and evidence attributes. */
export const PERSON_FIELD_COLUMNS: ReadonlyMap<string, string> = new Map([...NAME_FIELD_COLUMNS, ...EVIDENCE_FIELD_COLUMNS]);

/** `first_name` → `firstName`, `date_of_birth` → `dateOfBirth`. */
export const PERSON_FIELD_OF_COLUMN: ReadonlyMap<string, string> = new Map([...PERSON_FIELD_COLUMNS].map(([f, c]) => [c, f]));
