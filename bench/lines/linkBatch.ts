/**
 * The link stage on one thread: the first `--rows` rows of a CSV file (default 500,000) added to a batch, then
 * `link()` timed (`--reps` batches, default 5; minimum and median, µs a record). The instrument for A/B work on
 * the linker (`cluster/linkRecords`, the guards, match weights), which a whole run's noise hides.
 *
 * `--parts N`: the link planned in N parts as the batch job plans it (`linkInParts`), each part run here in turn
 * and timed alone (the job runs them at once in worker threads); prints the parts' times beside the whole. The
 * whole then also copies the link's columns into shared memory (the job's columns are shared from the start), so
 * compare parts with parts.
 *
 *   npx tsx bench/lines/linkBatch.ts --records bench/data/1000000-hard/records.csv [--rows 500000] [--parts 2]
 *
 * For numbers as the built CLI runs the code, bundle it first (as `lineBuilders.ts` says).
 */
import { parseArgs } from 'node:util';
import { ResolutionBatch } from '../../src/engine/ResolutionBatch.js';
import { runLinkPart } from '../../src/engine/linkInParts.js';
import { generatedRecords } from './generatedRecords.js';

const { values } = parseArgs({ options: { records: { type: 'string' }, rows: { type: 'string', default: '500000' }, reps: { type: 'string', default: '5' }, parts: { type: 'string', default: '1' } } });
if (values.records === undefined) throw new Error('usage: linkBatch.ts --records FILE.csv [--rows N] [--reps N] [--parts N]');
const rows = Number(values.rows);
const reps = Number(values.reps);
const parts = Number(values.parts);

const records = generatedRecords(values.records, rows);
const times: number[] = [];
/** Per rep, each part's time (with `--parts`). */
const partTimes: number[][] = [];
let decisions = 0;
for (let rep = 0; rep < reps; rep++) {
  const batch = new ResolutionBatch({});
  for (const r of records) batch.add(r);
  const t0 = process.hrtime.bigint();
  if (parts > 1) {
    const mine: number[] = [];
    await batch.linkInParts(parts, async (task) => {
      const p0 = process.hrtime.bigint();
      const result = runLinkPart(task);
      mine[task.part] = Number(process.hrtime.bigint() - p0) / 1e6;
      return result;
    });
    partTimes.push(mine);
  } else {
    batch.link();
  }
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  decisions = batch.columns().evidence.length;
}
const n = records.length;
const order = times.map((t, i) => [t, i] as const).sort((a, b) => a[0] - b[0]);
const [minTime, minRep] = order[0]!;
const parted = partTimes.length > 0 ? `; parts of the fastest ${partTimes[minRep]!.map((t) => t.toFixed(0)).join(' + ')} ms, parts summed min ${Math.min(...partTimes.map((p) => p.reduce((a, b) => a + b, 0))).toFixed(0)} ms` : '';
console.log(`link: ${n} records, ${decisions} decisions; min ${minTime.toFixed(0)} ms (${((1000 * minTime) / n).toFixed(2)} µs a record), median ${order[reps >> 1]![0].toFixed(0)} ms${parted}`);
