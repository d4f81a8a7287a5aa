/**
 * The form in which column names are compared (spec §1): case-, space- and underscore-insensitive, so
 * `Email`, ` phone `, `First Name` and `first_name` name the columns `email`, `phone` and `first_name`.
 */
export function foldColumnName(name: string): string {
  return name.toLowerCase().replace(/[\s_]+/g, '');
}
