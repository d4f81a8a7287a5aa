import { readFileSync } from 'node:fs';
import { createRowMapper } from '../../src/io/rowToRecord.js';
import type { CustomerRecord } from '../../src/types.js';

/**
 * The first `rows` rows of a generated CSV file as records (the `bench/lines` instruments). A plain comma split:
 * the generator's files quote nothing. Rows the mapper refuses are skipped.
 */
export function generatedRecords(file: string, rows: number): CustomerRecord[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const header = lines[0]!.split(',');
  const mapper = createRowMapper({});
  const records: CustomerRecord[] = [];
  for (let i = 1; i <= rows && i < lines.length; i++) {
    if (lines[i] === '') continue;
    const r = mapper.mapRow(header, lines[i]!.split(','));
    if (r.ok) records.push(r.record);
  }
  return records;
}
