/**
 * npm run bench:generate -- --records N --out DIR [--seed S] [--profile default|hard] [--set knob=value ...]
 * Writes DIR/records.csv, DIR/truth.csv (record_id,person_id) and DIR/meta.json. See docs/benchmarks.md.
 */
import { parseArgs } from 'node:util';
import { withDefaults } from './generateRecords.js';
import { DEFAULT_OPTIONS, PROFILES, type GenerateOptions, type Profile } from './options.js';
import { writeDataset } from './writeDataset.js';

const usage =
  'usage: npm run bench:generate -- --records N --out DIR [--seed S] [--profile default|hard] [--set knob=value ...]\n' +
  `knobs: ${Object.keys(DEFAULT_OPTIONS).filter((k) => k !== 'profile').join(', ')}`;
let values: { records?: string; out?: string; seed?: string; profile?: string; set?: string[] };
try {
  ({ values } = parseArgs({
    options: {
      records: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      profile: { type: 'string', default: 'default' },
      set: { type: 'string', multiple: true, default: [] },
    },
  }));
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
if (!PROFILES.includes(values.profile as Profile)) {
  console.error(`unknown profile ${JSON.stringify(values.profile)} (${PROFILES.join(', ')})\n${usage}`);
  process.exit(2);
}
// --set knob=value overrides one knob of the profile (e.g. --set officesPerMillion=0).
const overrides: Record<string, number> = {};
for (const assignment of values.set ?? []) {
  const eq = assignment.indexOf('=');
  const knob = assignment.slice(0, eq);
  const value = Number(assignment.slice(eq + 1));
  if (eq <= 0 || knob === 'profile' || !Object.hasOwn(DEFAULT_OPTIONS, knob) || assignment.slice(eq + 1).trim() === '' || !Number.isFinite(value) || value < 0) {
    console.error(`--set ${assignment}: expected knob=value with a known knob and a number ≥ 0\n${usage}`);
    process.exit(2);
  }
  overrides[knob] = value;
}

const options = withDefaults({ records, seed, profile: values.profile as Profile, ...(overrides as Partial<GenerateOptions>) });
const result = await writeDataset(options, values.out, (done, seconds) => {
  const rate = done / seconds;
  const eta = (records - done) / rate;
  process.stderr.write(`${(done / 1e6).toFixed(0)}M / ${(records / 1e6).toFixed(1)}M records, ${Math.round(rate).toLocaleString('en')} rows/s, ETA ${eta.toFixed(0)} s\n`);
});
const { stats } = result;
process.stderr.write(
  `${stats.records} records from ${stats.persons} persons (${(stats.records / stats.persons).toFixed(3)} per person, ` +
    `profile ${options.profile}) in ${result.seconds.toFixed(1)} s, ${result.rowsPerSecond.toLocaleString('en')} rows/s → ${values.out}\n`,
);
