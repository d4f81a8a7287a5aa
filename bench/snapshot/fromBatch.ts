/**
 * Seeding a resolver from a batch run, and streaming it out and back, at scale (docs/identity-over-time.md,
 * docs/incremental.md "Streamed snapshots"). Measures the built package (`npm run build` first): the numbers are
 * those of what users run.
 *
 *   npx tsx bench/snapshot/fromBatch.ts OUTPUT_DIR [--config fixtures/sample/idweave.config.json]
 *       [--threads N] [--snapshot /tmp/idweave-from-batch.ndjson] [--json bench/results/from-batch-20m.json]
 *
 * OUTPUT_DIR is an `idweave resolve` output (e.g. of bench/data/20m-hard). Times `resolverFromBatch(dir)` and
 * `writeSnapshot(path)` of the resolver it gave, then, in a fresh process (so the first resolver's memory is not
 * counted), `readResolverSnapshot(path)`: wall time, peak RSS and the longest event-loop stall of each (gaps
 * between ticks of a 5 ms timer), and the snapshot's size.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Idweave from '../../src/index.js';
import { measured, type Measured } from './measured.js';

const lib = (await import(fileURLToPath(new URL('../../dist/index.js', import.meta.url)))) as typeof Idweave;
const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const config = JSON.parse(readFileSync(arg('config') ?? 'fixtures/sample/idweave.config.json', 'utf8')) as Record<string, unknown>;
// The run's matching options; how its input was read (columns, csv) is not the resolver's concern.
const { columns: _columns, csv: _csv, externalIds: _externalIds, ...options } = config;
const threads = arg('threads') === undefined ? undefined : Number(arg('threads'));
const strip = <T>({ value: _value, ...rest }: Measured<T>): Omit<Measured<T>, 'value'> => rest;

const readOnly = arg('read');
if (readOnly !== undefined) {
  // The child: read the snapshot, print the measurement.
  const read = await measured(() => lib.readResolverSnapshot(readOnly, { ...options, threads }));
  console.log(JSON.stringify({ ...strip(read), records: read.value.recordCount }));
  process.exit(0);
}

const dir = args[0];
if (dir === undefined || dir.startsWith('--')) throw new Error('usage: fromBatch.ts OUTPUT_DIR [--config FILE] [--threads N] [--snapshot FILE] [--json FILE]');
const snapshotPath = arg('snapshot') ?? join(tmpdir(), `idweave-from-batch-${process.pid}.ndjson`);

const seeded = await measured(() => lib.resolverFromBatch(dir, { ...options, threads }));
const resolver = seeded.value;
console.log(`resolverFromBatch: ${resolver.recordCount} records, ${resolver.profileCount} profiles in ${seeded.seconds.toFixed(1)} s; peak ${seeded.peakRssMB} MB; longest stall ${seeded.maxStallMs} ms`);
const write = await measured(() => resolver.writeSnapshot(snapshotPath));
const bytes = statSync(snapshotPath).size;
console.log(`writeSnapshot: ${(bytes / 2 ** 20).toFixed(0)} MB in ${write.seconds.toFixed(1)} s; longest stall ${write.maxStallMs} ms`);
const childArgs = [...process.execArgv, fileURLToPath(import.meta.url), '--read', snapshotPath, ...(arg('config') ? ['--config', arg('config')!] : []), ...(threads === undefined ? [] : ['--threads', String(threads)])];
const read = JSON.parse(execFileSync(process.execPath, childArgs, { encoding: 'utf8', maxBuffer: 1 << 20 }).trim().split('\n').pop()!) as Record<string, number>;
console.log(`readResolverSnapshot: ${read.records} records in ${read.seconds!.toFixed(1)} s; peak ${read.peakRssMB} MB; longest stall ${read.maxStallMs} ms`);
rmSync(snapshotPath, { force: true });

const result = {
  date: new Date().toISOString().slice(0, 10),
  machine: '2 cores, 24 GB, Node 20 (shared and noisy: expect ±15%)',
  dir,
  threads: threads ?? 'default (one per core)',
  records: resolver.recordCount,
  profiles: resolver.profileCount,
  resolverFromBatch: strip(seeded),
  writeSnapshot: { ...strip(write), bytes },
  readResolverSnapshot: read,
};
const json = arg('json');
if (json !== undefined) writeFileSync(json, `${JSON.stringify(result, null, 2)}\n`);
else console.log(JSON.stringify(result, null, 2));
