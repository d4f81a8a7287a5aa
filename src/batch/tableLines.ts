import { JsonBytes } from '../_internal/JsonBytes.js';
import { lowerBound } from '../_internal/lowerBound.js';
import { Utf8Lines } from '../_internal/Utf8Lines.js';
import { writeSnapshotRecordJson } from '../incremental/snapshotRecordJson.js';
import { LineCutter } from '../incremental/snapshotStreamWrite.js';
import type { FormattedLines } from '../incremental/snapshotStreamSource.js';
import type { BatchColumns } from '../engine/BatchColumns.js';
import { CacheWarmer, WARM_SERIALS } from './CacheWarmer.js';

/** The sections of `resolver.ndjson` a batch formats in its worker threads (the others are a few entries). */
export type TableSection = 'keys' | 'names' | 'records';

/** A block of `resolver.ndjson` lines: entries [from, to) of a section. */
export interface TableLinesTask {
  readonly section: TableSection;
  readonly from: number;
  readonly to: number;
}

/**
 * Entries [from, to) of a section of the batch's resolver table, as whole snapshot lines (`LineCutter`, the
 * writer's own rule; a block starts a new line, so the lines depend on the block size, never on the thread).
 * Entries are what `SnapshotSource` describes: keys `[key, kind, group]`, names, and records as `SnapshotRecord`
 * tuples, as UTF-8. Pure: runs in a worker thread over the shared columns.
 */
export function tableLines(c: BatchColumns, { section, from, to }: TableLinesTask): FormattedLines {
  const out = Utf8Lines.forBlock(`table:${section}`);
  const cutter = new LineCutter(section, out);
  // Each entry is written as JSON bytes from the stored bytes (`JsonBytes`), never as a string.
  const entry = new JsonBytes();
  // perf: one function per section, each a loop and nothing after it (as `outputLines`): with the three loops in
  // one function, the section met second had no type feedback when V8 optimized the first one's loop, and every
  // block of it left the optimized code through a deoptimization (5–13 a 1M-row run, `--trace-deopt`).
  if (section === 'keys') keyLines(cutter, entry, c, from, to);
  else if (section === 'names') nameLines(cutter, entry, c, from, to);
  else recordLines(cutter, entry, c, from, to);
  cutter.finish();
  return { bytes: out.finish(), entries: to - from };
}

function keyLines(cutter: LineCutter, entry: JsonBytes, c: BatchColumns, from: number, to: number): void {
  for (let k = from; k < to; k++) {
    entry.reset();
    entry.char(91);
    entry.chunkString(c.keys.chunks, c.keys.starts[k]!, c.keys.lengths[k]!);
    entry.char(44);
    entry.number(c.keyKind[k]!);
    entry.char(44);
    entry.number(c.keyGroup[k]!);
    entry.char(93);
    cutter.addEncoded(entry);
  }
}

function nameLines(cutter: LineCutter, entry: JsonBytes, c: BatchColumns, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    entry.reset();
    entry.chunkString(c.names.chunks, c.names.starts[i]!, c.names.lengths[i]!);
    cutter.addEncoded(entry);
  }
}

function recordLines(cutter: LineCutter, entry: JsonBytes, c: BatchColumns, from: number, to: number): void {
  let w = lowerBound(c.weakRecord, from);
  const warmer = new CacheWarmer();
  for (let i = from; i < to; i++) {
    if ((i - from) % WARM_SERIALS === 0) warmer.profileSerials(c, i, Math.min(to, i + WARM_SERIALS));
    const w0 = w;
    while (w < c.weakRecord.length && c.weakRecord[w] === i) w++;
    const t = c.updatedAt[i]!;
    writeSnapshotRecordJson(
      entry,
      c.ids,
      c.payloads,
      i,
      c.profileSerial[c.profileOf[i]!]!,
      c.sourceOf[i]!,
      Number.isNaN(t) ? null : t,
      c.firstName[i]!,
      c.lastName[i]!,
      c.keyIds,
      c.keyStart[i]!,
      c.keyStart[i + 1]!,
      c.weakKey,
      w0,
      w,
      c.attributes[i]!,
    );
    cutter.addEncoded(entry);
  }
}
