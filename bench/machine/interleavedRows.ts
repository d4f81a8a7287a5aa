/**
 * What an interleaved record layout would spare the profile lines' random reads: a profile member's seven
 * per-record columns (id start and length, payload start and length, key start, source, update time), read in
 * random member order and in batches of 64 as `CacheWarmer.profiles` reads them, from seven separate typed arrays
 * (the batch's columns today) against one row of five float64s a record. Only the columns: the bytes they point
 * to are read the same way in both layouts.
 *
 *   node --import tsx bench/machine/interleavedRows.ts [--records 20000000] [--rounds 4]
 *
 * Prints ns a member for each layout, round by round, alternating. docs/benchmarks.md ("Output blocks sized by
 * kind, link parts as a queue, and what is left of the flat profile") sets these against the warmer's whole cost in
 * a run.
 */
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { records: { type: 'string', default: '20000000' }, rounds: { type: 'string', default: '4' } } });
const n = Number(values.records);
const rounds = Number(values.rounds);
if (!(n >= 1000) || !(rounds >= 1)) throw new Error('usage: interleavedRows.ts [--records N ≥ 1000] [--rounds N]');

const idStart = new Float64Array(n);
const payloadStart = new Float64Array(n);
const updatedAt = new Float64Array(n);
const idLength = new Uint32Array(n);
const payloadLength = new Uint32Array(n);
const keyStart = new Uint32Array(n + 1);
const sourceOf = new Int32Array(n);
/** Per record: id start, payload start, update time, both lengths, key start and source. */
const rows = new Float64Array(5 * n);
for (let i = 0; i < n; i++) {
  idStart[i] = rows[5 * i] = 12 * i;
  payloadStart[i] = rows[5 * i + 1] = 150 * i;
  updatedAt[i] = rows[5 * i + 2] = 1.6e12 + i;
  idLength[i] = 12;
  payloadLength[i] = 150;
  rows[5 * i + 3] = 12 * 65536 + 150;
  keyStart[i] = 2 * i;
  sourceOf[i] = i & 7;
  rows[5 * i + 4] = 32 * i + (i & 7);
}
keyStart[n] = 2 * n;

// Members in a random order (a seeded shuffle): a profile's members sit anywhere in the batch.
const order = new Uint32Array(n);
for (let i = 0; i < n; i++) order[i] = i;
let seed = 12345;
for (let i = n - 1; i > 0; i--) {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  const j = seed % (i + 1);
  const t = order[i]!;
  order[i] = order[j]!;
  order[j] = t;
}

const BATCH = 64;
const scratch = new Float64Array(3 * BATCH);

function separate(from: number, to: number): number {
  let sum = 0;
  for (let b = from; b < to; b += BATCH) {
    const m = Math.min(BATCH, to - b);
    for (let j = 0; j < m; j++) {
      const r = order[b + j]!;
      scratch[j] = idStart[r]!;
      scratch[m + j] = payloadStart[r]!;
      scratch[2 * m + j] = keyStart[r]!;
      sum += sourceOf[r]! + keyStart[r + 1]! + (Number.isNaN(updatedAt[r]!) ? 0 : 1) + idLength[r]! + payloadLength[r]!;
    }
    sum += scratch[0]!;
  }
  return sum;
}

function interleaved(from: number, to: number): number {
  let sum = 0;
  for (let b = from; b < to; b += BATCH) {
    const m = Math.min(BATCH, to - b);
    for (let j = 0; j < m; j++) {
      const o = 5 * order[b + j]!;
      scratch[j] = rows[o]!;
      scratch[m + j] = rows[o + 1]!;
      scratch[2 * m + j] = rows[o + 4]!;
      sum += rows[o + 2]! + rows[o + 3]!;
    }
    sum += scratch[0]!;
  }
  return sum;
}

// Each round reads a different half (at most 4M members) of the order, so neither layout finds the other's lines in cache.
const members = Math.min(n >> 1, 4_000_000);
let sink = 0;
for (let round = 0; round < rounds; round++) {
  const from = (round * 997) % (n - members);
  for (const [name, read] of [['separate', separate], ['interleaved', interleaved]] as const) {
    const t0 = process.hrtime.bigint();
    sink += read(from, from + members);
    const ns = Number(process.hrtime.bigint() - t0) / members;
    console.log(`round ${round + 1}: ${name.padEnd(11)} ${ns.toFixed(1)} ns a member`);
  }
}
if (sink === 0) console.log('(no reads)');
