import { IdweaveError } from '../errors.js';

/**
 * How much lineage each surviving field carries in `profiles.ndjson` (`--lineage`, option `lineage` of
 * `resolveFiles`):
 *
 * - `full` (the default): `{ value, record_id, source, rule }`.
 * - `compact`: `{ value, record_id }`: the record it came from, which spec §4 asks for. The source is that
 *   record's (its `source` column), and the rule is the run's configuration for the field (`survivorship`), the
 *   same on every line: written per field they are ~160 of ~760 bytes of an average profile line.
 */
export type ProfileLineage = 'full' | 'compact';

export const PROFILE_LINEAGES: readonly ProfileLineage[] = ['full', 'compact'];

/**
 * The lineage an option value names (`undefined`: `full`). Throws `IdweaveError('config_invalid')` naming the
 * allowed values for anything else; `where` names the option in the message (`lineage`, `--lineage`).
 *
 * @example
 * parseProfileLineage('compact', '--lineage'); // 'compact'
 * parseProfileLineage('short', '--lineage'); // throws: --lineage: expected full or compact, got "short"
 */
export function parseProfileLineage(value: unknown, where: string): ProfileLineage {
  if (value === undefined) return 'full';
  if (typeof value === 'string' && (PROFILE_LINEAGES as readonly string[]).includes(value)) return value as ProfileLineage;
  const got = typeof value === 'string' ? JSON.stringify(value) : value !== null && typeof value === 'object' ? 'an object' : String(value);
  const issue = `${where}: expected full or compact, got ${got}`;
  throw new IdweaveError('config_invalid', issue, [issue]);
}
