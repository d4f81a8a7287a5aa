/**
 * Appends six CRM attribute columns to a generated CSV file (a loyalty tier, a preferred mall, a marketing opt-in,
 * a note, a segment, a lifetime value; each empty in some rows), for the shape of a real export: columns that are
 * no identifier and no evidence, carried into golden profiles by survivorship (spec §1: "anything else"). The
 * DuckDB baseline reads only the identifier columns, so this is where the per-column cost of the two tools shows.
 * Seeded (its own stream), so a file is the same on every machine.
 *
 *   npx tsx bench/generate/crmColumns.ts --in bench/data/2000000/records.csv --out bench/data/2000000-crm/records.csv [--seed 7]
 *
 * The truth file is the input's (`truth.csv` beside it): copy it along to score the output.
 */
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { Rng } from './prng.js';

const { values } = parseArgs({ options: { in: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string', default: '7' } } });
if (values.in === undefined || values.out === undefined) throw new Error('usage: crmColumns.ts --in records.csv --out OUT/records.csv [--seed N]');

const CRM_COLUMNS = 'tier,preferred_mall,marketing_opt_in,notes,segment,lifetime_value';
const TIERS = ['bronze', 'silver', 'gold', 'platinum', ''];
const MALLS = ['Mall of the Emirates', 'City Centre Deira', 'City Centre Mirdif', 'Mall of Egypt', 'City Centre Bahrain', ''];
const OPT_IN = ['yes', 'no', ''];
const NOTES = ['', '', '', 'prefers arabic', 'vip guest; call before 6pm', 'complained about parking', ''];
const SEGMENTS = ['family', 'young professional', 'student', 'tourist', 'senior', ''];

const rng = new Rng(Number(values.seed), 0x63726d);
const pick = (list: readonly string[]): string => list[Math.floor(rng.next() * list.length)]!;

mkdirSync(path.dirname(values.out), { recursive: true });
const out = createWriteStream(values.out);
let header = true;
let rows = 0;
for await (const line of createInterface({ input: createReadStream(values.in), crlfDelay: Infinity })) {
  // The generator writes no quoted newlines: a line is a row.
  const cells = header ? CRM_COLUMNS : `${pick(TIERS)},${pick(MALLS)},${pick(OPT_IN)},${pick(NOTES)},${pick(SEGMENTS)},${rng.next() < 0.7 ? Math.floor(rng.next() * 50_000) : ''}`;
  if (!header) rows++;
  header = false;
  if (!out.write(`${line},${cells}\n`)) await once(out, 'drain');
}
out.end();
await once(out, 'finish');
console.error(`${rows} rows with ${CRM_COLUMNS.split(',').length} more columns: ${values.out}`);
