import { parseConfig } from '../config/parseConfig.js';
import type { IdweaveConfig } from '../config/configSchema.js';
import { IdweaveError } from '../errors.js';
import type { CustomerRecord, RecordIssue } from '../types.js';
import { createRowMapper, type RowMapper } from './rowToRecord.js';

export type RecordFromRowResult =
  | { readonly ok: true; readonly record: CustomerRecord; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly reasons: readonly string[]; readonly issues: readonly RecordIssue[] };

// One compiled mapper per config object (configs are long-lived; rows are many), recompiled when the object's
// content changed since (a config edited in place must not keep its old mapping).
const mappers = new WeakMap<object, { readonly json: string; readonly mapper: RowMapper }>();

/**
 * Maps one row (column name → cell, as a CSV row or an NDJSON object) to a `CustomerRecord` exactly as
 * `idweave resolve` does: the config's `columns` and `externalIds`, case-, space- and underscore-insensitive
 * column names, `|` multi-values, attributes, and the accept rule. A CRM feeding `createResolver()` uses it so
 * its rows resolve as the batch job's do. Never throws for a bad row (it is `{ ok: false, reasons, issues }`);
 * throws `IdweaveError('config_invalid')` for a bad config.
 *
 * @example
 * const r = recordFromRow({ id: 'c1', Email: 'ann@corp.ae | ann@home.ae', loyalty_id: 'L-1' }, { externalIds: { loyalty_id: 'loyalty' } });
 * if (r.ok) resolver.add(r.record);
 */
export function recordFromRow(row: Readonly<Record<string, unknown>>, config: IdweaveConfig = {}): RecordFromRowResult {
  const json = JSON.stringify(config);
  let mapper = mappers.get(config)?.json === json ? mappers.get(config)!.mapper : undefined;
  if (mapper === undefined) {
    const parsed = parseConfig(config);
    if (!parsed.ok) throw new IdweaveError('config_invalid', `invalid config:\n  ${parsed.issues.join('\n  ')}`, parsed.issues);
    mapper = createRowMapper(parsed.config);
    mappers.set(config, { json, mapper });
  }
  const mapped = mapper.map(row);
  if (!mapped.ok) return mapped;
  return { ok: true, record: mapped.record, warnings: mapped.invalidUpdatedAt ? ['updated_at: not an ISO-8601 date; the record is kept without it'] : [] };
}
