/**
 * npm run bench:generate -- --records N --out DIR [--seed S]
 * Writes DIR/records.csv, DIR/truth.csv (record_id,person_id) and DIR/meta.json. See docs/benchmarks.md.
 */
import { parseArgs } from 'node:util';
import { withDefaults } from './generateRecords.js';
import { writeDataset } from './writeDataset.js';

const usage = 'usage: npm run bench:generate -- --records N --out DIR [--seed S]';
let values: { records?: string; out?: string; seed?: string };
try {
  ({ values } = parseArgs({ options: { records: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } } }));
} catch (err) {
  console.error(`${(err as Error).message}\n${usage}`);
  process.exit(2);
}
const records = Number(values.records);
const seed = Number(values.seed);
if (!values.out || !Number.isInteger(records) || records <= 0 || records >= 2 ** 32 || !Number.isInteger(seed)) {
  console.error(usage);
  process.exit(2);
}

const options = withDefaults({ records, seed });
const result = await writeDataset(options, values.out, (done, seconds) => {
  const rate = done / seconds;
  const eta = (records - done) / rate;
  process.stderr.write(`${(done / 1e6).toFixed(0)}M / ${(records / 1e6).toFixed(1)}M records, ${Math.round(rate).toLocaleString('en')} rows/s, ETA ${eta.toFixed(0)} s\n`);
});
const { stats } = result;
process.stderr.write(
  `${stats.records} records from ${stats.persons} persons (${(stats.records / stats.persons).toFixed(3)} per person) ` +
    `in ${result.seconds.toFixed(1)} s, ${result.rowsPerSecond.toLocaleString('en')} rows/s → ${values.out}\n`,
);
