/**
 * Streamed resolver snapshots at scale (docs/incremental.md, "Streamed snapshots").
 *
 *   npx tsx bench/snapshot/streamSnapshot.ts [--records 1000000] [--out /tmp/idweave-snapshot.ndjson]
 *
 * Loads N seeded MAF-like records with `add()` (bench/incremental/records.ts, as bench/incremental/measure.ts
 * does), then times `writeSnapshot(path)` and `readResolverSnapshot(path)`: wall time, file size, peak RSS during
 * each, and the longest event-loop stall (the largest gap between ticks of a 5 ms interval timer). For context it
 * also measures the machine's own stall noise (a loop that yields every 5 ms, same timer) and, last, the object
 * snapshot (`snapshot()`, `JSON.stringify`, `JSON.parse`, `restoreResolver`: each one blocks). Writes
 * bench/results/snapshot-stream.json.
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createResolver, restoreResolver, type Resolver } from '../../src/incremental/createResolver.js';
import { readResolverSnapshot } from '../../src/batch/readResolverSnapshot.js';
import { RecordStream } from '../incremental/records.js';
import { measured, round, type Measured } from './measured.js';

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const N = Number(arg('records') ?? 1_000_000);
const OUT = arg('out') ?? join(tmpdir(), `idweave-snapshot-${process.pid}.ndjson`);
const MB = 2 ** 20;

// 1. Load.
const stream = new RecordStream(42);
const resolver = createResolver();
const sampleIds: string[] = [];
const t0 = performance.now();
let loaded = 0;
while (loaded < N) {
  for (const r of stream.nextPerson()) {
    if (loaded >= N) break;
    const res = resolver.add(r);
    if (!res.ok) throw new Error(res.reasons.join('; '));
    if (loaded % 997 === 0) sampleIds.push(r.id);
    loaded++;
    if (loaded % 100_000 === 0) process.stderr.write(`loaded ${loaded} (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
  }
}
const loadSeconds = (performance.now() - t0) / 1000;
const loadedRssMB = Math.round(process.memoryUsage.rss() / MB);
console.log(`${loaded} records, ${resolver.profileCount} profiles loaded in ${loadSeconds.toFixed(1)} s; rss ${loadedRssMB} MB`);

// 2. The machine's own noise: a CPU loop that yields every 5 ms, with the same timer.
const baseline = await measured(async () => {
  const end = performance.now() + 3000;
  let x = 0;
  while (performance.now() < end) {
    const slice = performance.now();
    while (performance.now() - slice < 5) x += Math.sqrt(x + 1);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return x;
});
console.log(`baseline (5 ms slices): max stall ${baseline.maxStallMs} ms, ${baseline.stallsOver50ms} over 50 ms`);

// 3. Stream out and back in.
const write = await measured(() => resolver.writeSnapshot(OUT));
const bytes = statSync(OUT).size;
console.log(`writeSnapshot: ${write.seconds.toFixed(2)} s, ${(bytes / MB).toFixed(0)} MB, max stall ${write.maxStallMs} ms (${write.stallsOver50ms} over 50 ms), peak rss ${write.peakRssMB} MB`);

const read = await measured(() => readResolverSnapshot(OUT));
const restored: Resolver = read.value;
console.log(`readResolverSnapshot: ${read.seconds.toFixed(2)} s, max stall ${read.maxStallMs} ms (${read.stallsOver50ms} over 50 ms), peak rss ${read.peakRssMB} MB`);

let mismatches = 0;
for (const id of sampleIds) {
  const p = resolver.profileOf(id);
  if (p !== restored.profileOf(id) || JSON.stringify(resolver.profile(p!)) !== JSON.stringify(restored.profile(p!))) mismatches++;
}
if (restored.recordCount !== resolver.recordCount || restored.profileCount !== resolver.profileCount || mismatches > 0) {
  throw new Error(`the restored resolver differs: ${restored.recordCount} records, ${restored.profileCount} profiles, ${mismatches} sampled profiles differ`);
}
console.log(`restored: ${restored.recordCount} records, ${restored.profileCount} profiles; ${sampleIds.length} sampled profiles equal`);
rmSync(OUT, { force: true });

const phase = <T>(m: Measured<T>): Omit<Measured<T>, 'value'> => ({
  seconds: round(m.seconds, 2),
  maxStallMs: m.maxStallMs,
  stallsOver50ms: m.stallsOver50ms,
  peakRssMB: m.peakRssMB,
});
const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  node: process.version,
  records: loaded,
  profiles: resolver.profileCount,
  loadSeconds: round(loadSeconds, 1),
  loadedRssMB,
  baselineNoise: { maxStallMs: baseline.maxStallMs, stallsOver50ms: baseline.stallsOver50ms, note: 'a CPU loop yielding every 5 ms, same 5 ms timer: the machine alone' },
  writeSnapshot: { ...phase(write), bytes, mbPerSecond: round(bytes / MB / write.seconds, 1) },
  readResolverSnapshot: { ...phase(read), recordsPerSecond: Math.round(loaded / read.seconds) },
};
const save = (): void => {
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/snapshot-stream.json', `${JSON.stringify(results, null, 2)}\n`);
};
save();

// 4. For comparison, the object snapshot: each step blocks. Last, and saved again after: its strings are large.
const objectSnapshot = await measured(() => resolver.snapshot());
const object: Record<string, unknown> = { snapshotSeconds: round(objectSnapshot.seconds, 2) };
results.objectSnapshot = object;
let text: string | undefined;
{
  const t = performance.now();
  try {
    text = JSON.stringify(objectSnapshot.value);
    object.stringify = { seconds: round((performance.now() - t) / 1000, 2), chars: text.length };
  } catch (e) {
    object.stringify = { seconds: round((performance.now() - t) / 1000, 2), error: String(e) };
  }
}
save();
if (text !== undefined) {
  const t = performance.now();
  const parsed: unknown = JSON.parse(text);
  text = undefined;
  const parseSeconds = (performance.now() - t) / 1000;
  const restore = await measured(() => restoreResolver(parsed));
  object.parseSeconds = round(parseSeconds, 2);
  object.restoreSeconds = round(restore.seconds, 2);
  save();
}
console.log(`object: ${JSON.stringify(object)}`);
