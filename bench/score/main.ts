/**
 * npm run bench:score -- --truth truth.csv --mapping mapping.csv [--records records.csv] [--json out.json]
 *
 * Pairwise and B-cubed precision / recall / F1 of a mapping (`record_id,profile_id`) against the truth
 * (`record_id,person_id`), and with --records the exact-identifier oracle (see docs/benchmarks.md, "Scorer").
 * Records in the truth but not in the mapping (the run's rejects) count as singletons. Memory-safe at 20M records:
 * ids are interned off the V8 heap (ByteInterner), labels live in Int32Arrays.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readRowBatches } from '../../src/io/readRows.js';
import { ByteInterner } from '../../src/_internal/ByteInterner.js';
import { ExactOracle } from './ExactOracle.js';
import { identifierKeysOf } from './identifierKeysOf.js';
import { readPairs } from '../../src/io/readPairs.js';
import { scorePartition, type PartitionScores } from '../../src/report/scorePartition.js';

const usage = 'usage: npm run bench:score -- --truth truth.csv --mapping mapping.csv [--records records.csv] [--json out.json]';
let values: { truth?: string; mapping?: string; records?: string; json?: string };
try {
  ({ values } = parseArgs({ options: { truth: { type: 'string' }, mapping: { type: 'string' }, records: { type: 'string' }, json: { type: 'string' } } }));
} catch (err) {
  console.error(`${(err as Error).message}\n${usage}`);
  process.exit(2);
}
if (!values.truth || !values.mapping) {
  console.error(usage);
  process.exit(2);
}

const t0 = performance.now();
const log = (msg: string) => process.stderr.write(`[score ${((performance.now() - t0) / 1000).toFixed(1)} s] ${msg}\n`);

// Truth: record id → dense record index, person id → dense person label.
const recordIds = new ByteInterner();
const personIds = new ByteInterner();
let truth: Int32Array<ArrayBuffer> = new Int32Array(1 << 20);
let duplicateInTruth = 0;
await readPairs(values.truth, (record, person) => {
  const before = recordIds.size;
  const i = recordIds.intern(record);
  if (i < before) {
    duplicateInTruth++;
    return;
  }
  if (i === truth.length) truth = grow(truth);
  truth[i] = personIds.intern(person);
});
const n = recordIds.size;
truth = truth.slice(0, n);
log(`truth: ${n} records, ${personIds.size} persons`);

// Mapping: profile id → dense label; records missing from the mapping become singletons.
const profileIds = new ByteInterner();
const predicted = new Int32Array(n).fill(-1);
let unknownInMapping = 0;
let duplicateInMapping = 0;
await readPairs(values.mapping, (record, profile) => {
  const i = recordIds.get(record);
  if (i === -1) unknownInMapping++;
  else if (predicted[i] !== -1) duplicateInMapping++;
  else predicted[i] = profileIds.intern(profile);
});
let missingFromMapping = 0;
let nextLabel = profileIds.size;
for (let i = 0; i < n; i++) if (predicted[i] === -1) (predicted[i] = nextLabel++), missingFromMapping++;
log(`mapping: ${profileIds.size} profiles, ${missingFromMapping} records missing (scored as singletons)`);

const scores = scorePartition(predicted, truth);
const result: Record<string, unknown> = {
  truth: values.truth,
  mapping: values.mapping,
  ...scores,
  missingFromMapping,
  unknownInMapping,
  duplicateInMapping,
  duplicateInTruth,
};

if (values.records) {
  const oracle = new ExactOracle();
  let rows = 0;
  let notInTruth = 0;
  for await (const batch of readRowBatches(values.records, { requiredColumns: ['id'] })) {
    for (const ev of batch) {
      if ('error' in ev) continue;
      const id = ev.fields.id;
      const i = typeof id === 'string' ? recordIds.get(id) : -1;
      if (i === -1) {
        notInTruth++;
        continue;
      }
      oracle.add(i, truth[i]!, identifierKeysOf(ev.fields));
      if (++rows % 1_000_000 === 0) log(`oracle: ${rows} records keyed`);
    }
  }
  const o = scorePartition(oracle.labels(n), truth);
  const { keys, impure } = oracle.keyCounts();
  result.oracle = { profiles: o.profiles, pairwise: o.pairwise, bcubed: o.bcubed, keys, impureKeys: impure, recordsNotInTruth: notInTruth };
  result.recallGap = o.pairwise.recall - scores.pairwise.recall;
}
result.seconds = Number(((performance.now() - t0) / 1000).toFixed(2));
result.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);

printSummary(scores, result);
if (values.json) writeFileSync(values.json, `${JSON.stringify(result, null, 2)}\n`);

function printSummary(s: PartitionScores, r: Record<string, unknown>): void {
  const f = (x: number) => x.toFixed(4);
  const lines = [
    `records ${s.records}  profiles ${s.profiles}  persons ${s.persons}  (missing from mapping ${missingFromMapping}, unknown ${unknownInMapping}, duplicate ${duplicateInMapping})`,
    `pairwise  precision ${f(s.pairwise.precision)}  recall ${f(s.pairwise.recall)}  F1 ${f(s.pairwise.f1)}  (TP ${s.pairwise.truePositives}, predicted pairs ${s.pairwise.predictedPairs}, true pairs ${s.pairwise.truePairs})`,
    `B-cubed   precision ${f(s.bcubed.precision)}  recall ${f(s.bcubed.recall)}  F1 ${f(s.bcubed.f1)}`,
  ];
  const o = r.oracle as { profiles: number; pairwise: { recall: number; precision: number }; keys: number; impureKeys: number } | undefined;
  if (o) {
    lines.push(`oracle    precision ${f(o.pairwise.precision)}  recall ${f(o.pairwise.recall)}  profiles ${o.profiles}  (keys ${o.keys}, impure ${o.impureKeys})`);
    lines.push(`recallGap ${f(r.recallGap as number)}  (oracle recall − recall)`);
  }
  lines.push(`${r.seconds} s, peak RSS ${r.peakRssMb} MB`);
  console.log(lines.join('\n'));
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
