/**
 * The link stage on one thread: the first `--rows` rows of a CSV file (default 500,000) added to a batch, then
 * `link()` timed (`--reps` batches, default 5; minimum and median, µs a record). The instrument for A/B work on
 * the linker (`cluster/linkRecords`, the guards, match weights), which a whole run's noise hides.
 *
 *   npx tsx bench/lines/linkBatch.ts --records bench/data/1000000-hard/records.csv [--rows 500000]
 *
 * For numbers as the built CLI runs the code, bundle it first (as `lineBuilders.ts` says).
 */
import { parseArgs } from 'node:util';
import { ResolutionBatch } from '../../src/engine/ResolutionBatch.js';
import { generatedRecords } from './generatedRecords.js';

const { values } = parseArgs({ options: { records: { type: 'string' }, rows: { type: 'string', default: '500000' }, reps: { type: 'string', default: '5' } } });
if (values.records === undefined) throw new Error('usage: linkBatch.ts --records FILE.csv [--rows N] [--reps N]');
const rows = Number(values.rows);
const reps = Number(values.reps);

const records = generatedRecords(values.records, rows);
const times: number[] = [];
let decisions = 0;
for (let rep = 0; rep < reps; rep++) {
  const batch = new ResolutionBatch({});
  for (const r of records) batch.add(r);
  const t0 = process.hrtime.bigint();
  batch.link();
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  decisions = batch.columns().evidence.length;
}
times.sort((a, b) => a - b);
const n = records.length;
console.log(`link: ${n} records, ${decisions} decisions; min ${times[0]!.toFixed(0)} ms (${((1000 * times[0]!) / n).toFixed(2)} µs a record), median ${times[reps >> 1]!.toFixed(0)} ms`);
