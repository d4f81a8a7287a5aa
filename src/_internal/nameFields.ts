/**
 * The name fields: the library spells them `firstName`, files and outputs `first_name`. Both spellings name one
 * field (survivorship rules may use either; an attribute may use neither, see `payloadOf`).
 */
export const NAME_FIELD_COLUMNS: ReadonlyMap<string, string> = new Map([
  ['firstName', 'first_name'],
  ['lastName', 'last_name'],
  ['fullName', 'full_name'],
]);

/** `first_name` → `firstName`. */
export const NAME_FIELD_OF_COLUMN: ReadonlyMap<string, string> = new Map([...NAME_FIELD_COLUMNS].map(([f, c]) => [c, f]));
