/**
 * npm run bench:score -- --truth truth.csv --mapping mapping.csv [--records records.csv --config cfg.json] [--json out.json]
 * Pairwise and B-cubed precision/recall/F1 of a mapping against the truth, and (with --records) the
 * exact-identifier oracle's recall for comparison. Memory-safe at 20M records (see metrics.ts).
 */
import { createReadStream, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfigFile } from '../../src/io/loadConfigFile.js';
import { readRowBatches } from '../../src/io/readRows.js';
import { createRowMapper } from '../../src/io/rowToRecord.js';
import { KeyInterner } from '../../src/match/KeyInterner.js';
import { score } from './metrics.js';
import { ExactOracle } from './oracle.js';

const { values } = parseArgs({
  options: {
    truth: { type: 'string' },
    mapping: { type: 'string' },
    records: { type: 'string' },
    config: { type: 'string' },
    json: { type: 'string' },
  },
});
if (!values.truth || !values.mapping) {
  console.error('usage: npm run bench:score -- --truth truth.csv --mapping mapping.csv [--records records.csv] [--json out.json]');
  process.exit(2);
}

/** Calls `each(a, b)` for every data line `a,b` of a two-column CSV (ids without commas or quotes). */
async function readPairs(file: string, each: (a: string, b: string) => void): Promise<void> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let header = true;
  for await (const line of lines) {
    if (header) {
      header = false;
      continue;
    }
    const comma = line.indexOf(',');
    if (comma > 0) each(line.slice(0, comma), line.slice(comma + 1));
  }
}

const t0 = performance.now();
const records = new KeyInterner();
const persons = new KeyInterner();
let truth = new Int32Array(1 << 20);
await readPairs(values.truth, (r, p) => {
  const i = records.intern(r);
  if (i >= truth.length) truth = grow(truth);
  truth[i] = persons.intern(p);
});
const n = records.size;
const profiles = new KeyInterner();
const predicted = new Int32Array(n).fill(-1);
let unknown = 0;
await readPairs(values.mapping, (r, p) => {
  const i = records.get(r);
  if (i === -1) unknown++;
  else predicted[i] = profiles.intern(p);
});
// Records the run rejected count as singletons.
let missing = 0;
for (let i = 0; i < n; i++) if (predicted[i] === -1) (predicted[i] = profiles.intern(`\u0000missing:${i}`)), missing++;
const result: Record<string, unknown> = { ...score(predicted, truth.subarray(0, n)), missingFromMapping: missing, unknownInMapping: unknown };

if (values.records) {
  const oracle = new ExactOracle();
  const config = values.config ? await loadConfigFile(values.config) : { externalIds: { loyalty_id: 'loyalty' } };
  const mapper = createRowMapper(config);
  for await (const batch of readRowBatches(values.records)) {
    for (const ev of batch) {
      if ('error' in ev) continue;
      const m = mapper.map(ev.fields);
      if (!m.ok) continue;
      const i = records.get(m.record.id);
      if (i !== -1) oracle.add(i, truth[i]!, m.record);
    }
  }
  const o = score(oracle.labels(n), truth.subarray(0, n));
  const p = result.pairwise as { recall: number };
  result.oracle = { pairwise: o.pairwise, bcubed: o.bcubed, clusters: o.predictedClusters };
  result.recallGap = o.pairwise.recall - p.recall;
}
result.seconds = (performance.now() - t0) / 1000;

const pw = result.pairwise as { precision: number; recall: number; f1: number };
const bc = result.bcubed as { precision: number; recall: number; f1: number };
const fmt = (x: number) => x.toFixed(4);
console.log(`records ${n}  profiles ${result.predictedClusters}  persons ${result.trueClusters}`);
console.log(`pairwise  P ${fmt(pw.precision)}  R ${fmt(pw.recall)}  F1 ${fmt(pw.f1)}`);
console.log(`B-cubed   P ${fmt(bc.precision)}  R ${fmt(bc.recall)}  F1 ${fmt(bc.f1)}`);
if (result.oracle) {
  const o = result.oracle as { pairwise: { recall: number } };
  console.log(`oracle (exact identifiers, pure keys)  R ${fmt(o.pairwise.recall)}  gap ${fmt(result.recallGap as number)}`);
}
if (values.json) writeFileSync(values.json, JSON.stringify(result, null, 2) + '\n');

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
