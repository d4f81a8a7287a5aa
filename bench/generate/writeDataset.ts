/**
 * Writes a generated data set: `records.csv`, `truth.csv` and `meta.json` in a directory. Streaming: one shuffle
 * block of persons in memory at a time, records encoded into ~3 MB buffers and written with backpressure.
 */
import { once } from 'node:events';
import { createWriteStream, mkdirSync, writeFileSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { generateRecords } from './generateRecords.js';
import { emptyStats, type GenerateOptions, type GenerateStats } from './options.js';
import { headerOf } from './RecordBuilder.js';

export interface WriteDatasetResult {
  readonly stats: GenerateStats;
  readonly seconds: number;
  readonly rowsPerSecond: number;
}

export async function writeDataset(
  options: GenerateOptions,
  dir: string,
  onProgress?: (records: number, seconds: number) => void,
): Promise<WriteDatasetResult> {
  mkdirSync(dir, { recursive: true });
  const recordsOut = createWriteStream(path.join(dir, 'records.csv'), { highWaterMark: 1 << 22 });
  const truthOut = createWriteStream(path.join(dir, 'truth.csv'), { highWaterMark: 1 << 22 });
  const t0 = performance.now();
  const stats = emptyStats();
  await write(recordsOut, `${headerOf(options)}\n`);
  await write(truthOut, 'record_id,person_id\n');
  let done = 0;
  let nextReport = 1_000_000;
  for (const chunk of generateRecords(options, stats)) {
    const n = chunk.lines.length;
    // perf: lines are encoded straight into an off-heap buffer; no multi-megabyte string is ever built, so the
    // V8 heap only sees short-lived lines (a flattened 3 MB string lives in large-object space until a full GC).
    const records = Buffer.allocUnsafe(n * 1024);
    const truth = Buffer.allocUnsafe(n * 32);
    let r = 0;
    let t = 0;
    for (let i = 0; i < n; i++) {
      r += records.write(chunk.lines[i]!, r);
      records[r++] = 10;
      t += truth.write(`${chunk.recordIds[i]!},p${chunk.persons[i]!}\n`, t, 'latin1');
    }
    await write(recordsOut, records.subarray(0, r));
    await write(truthOut, truth.subarray(0, t));
    done += n;
    if (onProgress && done >= nextReport) {
      onProgress(done, (performance.now() - t0) / 1000);
      while (nextReport <= done) nextReport += 1_000_000;
    }
  }
  await Promise.all([end(recordsOut), end(truthOut)]);
  const seconds = (performance.now() - t0) / 1000;
  const rowsPerSecond = Math.round(stats.records / seconds);
  const meta = {
    seed: options.seed,
    profile: options.profile,
    records: stats.records,
    persons: stats.persons,
    recordsPerPerson: Number((stats.records / stats.persons).toFixed(4)),
    options,
    noise: stats,
    seconds: Number(seconds.toFixed(2)),
    rowsPerSecond,
  };
  writeFileSync(path.join(dir, 'meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
  return { stats, seconds, rowsPerSecond };
}

/** Writes with backpressure: waits for 'drain' when the stream's buffer is full. */
async function write(stream: WriteStream, chunk: string | Buffer): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

function end(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    stream.end(() => resolve());
  });
}
