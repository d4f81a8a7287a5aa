/**
 * Latency of the incremental resolver with many records already loaded (docs/incremental.md, "Speed").
 *
 *   npx tsx bench/incremental/measure.ts [--records 1000000] [--adds 10000] [--removes 1000]
 *
 * Loads N seeded MAF-like records one by one with `add()`, then times (process.hrtime.bigint) single `add()`
 * calls of new records (new people and more records of known people), `remove()` of one record from a
 * 10-record profile, and `remove()` of random loaded records. Prints p50 / p90 / p99 and writes
 * bench/results/incremental.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createResolver } from '../../src/incremental/createResolver.js';
import type { CustomerRecord } from '../../src/types.js';
import { prng } from '../normalizeInputs.js';
import { RecordStream } from './records.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const N = arg('records', 1_000_000);
const ADDS = arg('adds', 10_000);
const REMOVES = arg('removes', 1_000);

const stream = new RecordStream(42);
const resolver = createResolver();
// A uniform sample of the loaded ids to remove later (Algorithm R): the harness keeps REMOVES ids, not all of them
// (20M id strings held here were ~0.7 GB of heap in the peak RSS it reports as the resolver's).
const sampledIds: string[] = [];
const pick = prng(7);

const t0 = process.hrtime.bigint();
let loaded = 0;
while (loaded < N) {
  for (const r of stream.nextPerson()) {
    if (loaded >= N) break;
    const res = resolver.add(r);
    if (!res.ok) throw new Error(res.reasons.join('; '));
    loaded++;
    if (sampledIds.length < REMOVES) sampledIds.push(r.id);
    else {
      const j = Math.floor(pick() * loaded);
      if (j < REMOVES) sampledIds[j] = r.id;
    }
    if (loaded % 100_000 === 0) process.stderr.write(`loaded ${loaded} (${((Number(process.hrtime.bigint() - t0) / 1e9)).toFixed(1)} s, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB)\n`);
  }
}
const loadSeconds = Number(process.hrtime.bigint() - t0) / 1e9;

// Setup outside the timed bodies: the records to add, and 10-record profiles to remove from.
const toAdd: CustomerRecord[] = [];
while (toAdd.length < ADDS) {
  if (toAdd.length % 3 === 2) toAdd.push(stream.recordOfLastPerson());
  else toAdd.push(...stream.nextPerson().slice(0, ADDS - toAdd.length));
}
const tenRecordProfiles: string[] = [];
for (let i = 0; i < REMOVES; i++) {
  const recs = stream.profileOf(10);
  for (const r of recs) resolver.add(r);
  tenRecordProfiles.push(recs[3]!.id);
}
const randomRemovals = sampledIds;

function time(label: string, items: readonly string[] | readonly CustomerRecord[], run: (x: never) => void): Record<string, number> {
  const ns = new Float64Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const s = process.hrtime.bigint();
    run(items[i] as never);
    ns[i] = Number(process.hrtime.bigint() - s);
  }
  ns.sort();
  const q = (p: number): number => ns[Math.min(ns.length - 1, Math.floor(p * ns.length))]! / 1000;
  const stats = { count: items.length, p50: q(0.5), p90: q(0.9), p99: q(0.99), max: ns[ns.length - 1]! / 1000, mean: ns.reduce((a, b) => a + b, 0) / ns.length / 1000 };
  console.log(`${label.padEnd(34)} n=${stats.count}  p50 ${stats.p50.toFixed(1)} µs  p90 ${stats.p90.toFixed(1)} µs  p99 ${stats.p99.toFixed(1)} µs  max ${stats.max.toFixed(0)} µs`);
  return stats;
}

// Warm-up (not recorded): a few adds and removes.
for (let i = 0; i < 200; i++) {
  const rec = stream.recordOfLastPerson();
  resolver.add(rec);
  resolver.remove(rec.id);
}

console.log(`${loaded} records loaded in ${loadSeconds.toFixed(1)} s (${Math.round(loaded / loadSeconds)} records/s); ${resolver.profileCount} profiles`);
const add = time('add()', toAdd, (r: CustomerRecord) => {
  const res = resolver.add(r);
  if (!res.ok) throw new Error(res.reasons.join('; '));
});
const removeTen = time('remove() from a 10-record profile', tenRecordProfiles, (id: string) => {
  const res = resolver.remove(id);
  if (!res.ok) throw new Error(res.reasons.join('; '));
});
const removeRandom = time('remove() of a random record', [...new Set(randomRemovals)], (id: string) => {
  resolver.remove(id);
});
const mem = process.memoryUsage();
console.log(`heap ${(mem.heapUsed / 2 ** 20).toFixed(0)} MB, external ${(mem.external / 2 ** 20).toFixed(0)} MB, rss ${(mem.rss / 2 ** 20).toFixed(0)} MB`);

mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/incremental.json',
  `${JSON.stringify({
    date: new Date().toISOString(),
    node: process.version,
    records: loaded,
    profiles: resolver.profileCount,
    loadSeconds,
    unit: 'microseconds',
    add,
    removeFromTenRecordProfile: removeTen,
    removeRandom,
    memory: { heapUsedMB: Math.round(mem.heapUsed / 2 ** 20), externalMB: Math.round(mem.external / 2 ** 20), rssMB: Math.round(mem.rss / 2 ** 20) },
  }, null, 2)}\n`,
);
