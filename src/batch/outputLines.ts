import { stringAt } from '../_internal/ByteInterner.js';
import { Utf8Lines } from '../_internal/Utf8Lines.js';
import type { SurvivorshipConfig } from '../merge/buildProfile.js';
import { isAcceptedOutcome } from '../cluster/EvidenceLog.js';
import { JsonBytes } from '../_internal/JsonBytes.js';
import { lowerBound } from '../_internal/lowerBound.js';
import { writeEvidenceJson } from './evidenceJson.js';
import { writeProfileJson } from './profileJson.js';
import { CacheWarmer, WARM_CREATED, WARM_DECISIONS, WARM_SERIALS, WARM_PROFILES } from './CacheWarmer.js';
import { appendCreatedFromProfile, writeCreatedJson } from './createdJson.js';
import { writeMappingLine } from './mappingCsv.js';
import { toProfileJson } from '../io/outputFiles.js';
import type { ProfileLineage } from '../io/profileLineage.js';
import { profileColumns } from '../io/parquetOutput.js';
import { profileAt, profileIdAt, type BatchColumns } from '../engine/BatchColumns.js';
import { profileBlockStats, type ProfileBlockStats } from './profileStats.js';

/** A block of output lines, built in any thread, written by the main thread in block order. */
export type LinesTask = {
  readonly kind: 'mapping' | 'profiles' | 'evidence' | 'created';
  readonly from: number;
  readonly to: number;
  /** mapping: escape formula-leading cells (`--csv-safe`). */
  readonly csvSafe?: boolean;
  /** profiles: also count the block's profiles for the report, naming these source ids (`profileStats`). */
  readonly statsSources?: readonly number[];
  /** mapping, profiles: the block as Parquet columns (`io/parquetOutput`) instead of lines. */
  readonly columns?: boolean;
  /** evidence: only the refused decisions of [from, to) (`--evidence refused`); the block says how many it kept. */
  readonly refusedOnly?: boolean;
  /** profiles: each field's lineage (`--lineage`; `io/profileLineage`), full when absent. */
  readonly lineage?: ProfileLineage;
  /**
   * profiles (as lines): also the block's `created` events (the lines a `created` task of the same profiles
   * writes), after its profile lines in `bytes`, from `createdAt` on.
   */
  readonly created?: boolean;
};

/** A block of lines (or of Parquet columns), and for a profiles block asked for them, its stats for the report. */
export interface LinesBlock {
  /** The lines as UTF-8, each ending in a newline (built as bytes: a worker thread hands them over by transfer). */
  readonly bytes: Uint8Array;
  /** With `columns`: one array per top-level column of `mapping.parquet` / `profiles.parquet`; `bytes` is empty. */
  readonly columns?: unknown[][];
  readonly stats?: ProfileBlockStats;
  /** Lines in `bytes` when it is not one per item of [from, to) (an evidence block of refusals only). */
  readonly lines?: number;
  /** A profiles block with `created`: where its `created` events start in `bytes`, and how many there are. */
  readonly createdAt?: number;
  readonly createdLines?: number;
}

/**
 * Lines [from, to) of an output file, each ending in a newline: `mapping.csv` (records in input order),
 * `profiles.ndjson` (profiles in id order) or `evidence.ndjson` (links in decision order; with `refusedOnly`, the
 * refused ones of [from, to) only), or the `created` events of profiles [from, to) in `changes.ndjson` (the
 * profiles `createdProfile` flags; `identity/succession` creations, the same lines).
 */
export function outputLines(c: BatchColumns, config: SurvivorshipConfig, task: LinesTask): LinesBlock {
  if (task.columns === true && (task.kind === 'mapping' || task.kind === 'profiles')) return outputColumns(c, config, task);
  const out = Utf8Lines.forBlock(task.kind);
  // One JSON text at a time built as bytes (evidence lines, profile lines, created events).
  const entry = new JsonBytes();
  const warmer = new CacheWarmer();
  // perf: one function per kind, each a loop and nothing after it. V8 optimizes a long loop while it runs (OSR),
  // before the code after the loop has run; with the four kinds in one function, that code (and the other kinds'
  // branches) had no type feedback, so every block left the optimized loop through a deoptimization and the
  // function was compiled again and again (18 times a 2M-row run, in each worker).
  switch (task.kind) {
    case 'mapping':
      mappingLines(out, warmer, c, task.from, task.to, task.csvSafe === true);
      return { bytes: out.finish() };
    case 'profiles': {
      const created = task.created === true ? createdScratch : undefined;
      created?.reset();
      const createdLines = profileLines(out, entry, created, warmer, c, config, task.from, task.to, task.lineage ?? 'full');
      const stats = task.statsSources !== undefined ? profileBlockStats(c, task.from, task.to, task.statsSources) : undefined;
      if (created === undefined) return stats !== undefined ? { bytes: out.finish(), stats } : { bytes: out.finish() };
      const createdAt = out.length;
      out.appendLines(created.bytes, created.length);
      return { bytes: out.finish(), stats, createdAt, createdLines };
    }
    case 'created': {
      const lines = createdLines(out, entry, warmer, c, task.from, task.to);
      return { bytes: out.finish(), lines };
    }
    case 'evidence': {
      const lines = evidenceLines(out, entry, warmer, c, task.from, task.to, task.refusedOnly === true);
      return task.refusedOnly === true ? { bytes: out.finish(), lines } : { bytes: out.finish() };
    }
  }
}

function mappingLines(out: Utf8Lines, warmer: CacheWarmer, c: BatchColumns, from: number, to: number, csvSafe: boolean): void {
  for (let i = from; i < to; i++) {
    if ((i - from) % WARM_SERIALS === 0) warmer.profileSerials(c, i, Math.min(to, i + WARM_SERIALS));
    writeMappingLine(out, c, i, csvSafe);
  }
}

/** A block's `created` events while its profile lines are made (one block at a time in a thread). */
const createdScratch = new JsonBytes();

/** Profile lines [from, to), and into `created` when given the `created` events of those this run creates; returns how many events. */
function profileLines(out: Utf8Lines, entry: JsonBytes, created: JsonBytes | undefined, warmer: CacheWarmer, c: BatchColumns, config: SurvivorshipConfig, from: number, to: number, lineage: ProfileLineage): number {
  let events = 0;
  for (let p = from; p < to; p++) {
    if ((p - from) % WARM_PROFILES === 0) warmer.profiles(c, p, Math.min(to, p + WARM_PROFILES));
    const idsEnd = writeProfileJson(out, entry, c, p, config, lineage);
    if (created !== undefined && c.createdProfile[p] === 1) {
      appendCreatedFromProfile(created, entry.bytes, idsEnd);
      events++;
    }
  }
  return events;
}

/** The `created` events of profiles [from, to) that this run creates; returns how many. */
function createdLines(out: Utf8Lines, entry: JsonBytes, warmer: CacheWarmer, c: BatchColumns, from: number, to: number): number {
  let lines = 0;
  for (let p = from; p < to; p++) {
    if ((p - from) % WARM_CREATED === 0) warmer.memberIds(c, p, Math.min(to, p + WARM_CREATED));
    if (c.createdProfile[p] !== 1) continue;
    writeCreatedJson(entry, c, p);
    out.appendBytes(entry.bytes, entry.length);
    out.endLine();
    lines++;
  }
  return lines;
}

/** Evidence lines of decisions [from, to) (`refusedOnly`: of the refused ones); returns how many. */
function evidenceLines(out: Utf8Lines, entry: JsonBytes, warmer: CacheWarmer, c: BatchColumns, from: number, to: number, refusedOnly: boolean): number {
  const reasons = c.evidence.why.entry;
  let w = lowerBound(reasons, from);
  let lines = 0;
  for (let i = from; i < to; i++) {
    // Refusals only: most decisions are skipped, and reading theirs ahead would be wasted.
    if (!refusedOnly && (i - from) % WARM_DECISIONS === 0) warmer.decisions(c, i, Math.min(to, i + WARM_DECISIONS));
    const why = w < reasons.length && reasons[w] === i ? w++ : -1;
    if (refusedOnly && isAcceptedOutcome(c.evidence.outcome[i]!)) continue;
    writeEvidenceJson(entry, c, i, why);
    out.appendBytes(entry.bytes, entry.length);
    out.endLine();
    lines++;
  }
  return lines;
}

/** A block of `mapping.parquet` or `profiles.parquet` as columns, with the same rows `outputLines` would write. */
function outputColumns(c: BatchColumns, config: SurvivorshipConfig, task: LinesTask): LinesBlock {
  const n = task.to - task.from;
  if (task.kind === 'mapping') {
    const records: string[] = new Array(n);
    const profiles: string[] = new Array(n);
    for (let i = 0; i < n; i++) {
      records[i] = stringAt(c.ids, task.from + i);
      profiles[i] = profileIdAt(c, c.profileOf[task.from + i]!);
    }
    return { bytes: NO_BYTES, columns: [records, profiles] };
  }
  const profiles = [];
  for (let p = task.from; p < task.to; p++) profiles.push(toProfileJson(profileAt(c, p, config), task.lineage));
  const columns = profileColumns(profiles);
  return task.statsSources !== undefined ? { bytes: NO_BYTES, columns, stats: profileBlockStats(c, task.from, task.to, task.statsSources) } : { bytes: NO_BYTES, columns };
}

/** The `bytes` of a block of columns. */
const NO_BYTES = new Uint8Array(0);
