import { stringAt } from '../_internal/ByteInterner.js';
import { compareStrings } from '../_internal/compareStrings.js';
import { profileIdAt, type BatchColumns } from '../engine/BatchColumns.js';

/**
 * Aggregates of the profiles for report.json and report.html, gathered while the profiles are built: each block of
 * `profiles.ndjson` lines (in a worker thread, or this one) also counts its profiles' sources and sizes
 * (`profileBlockStats`), and the main thread adds the blocks up in order (`ProfileStatsTotal`). Nothing per
 * profile is kept: a 20M-row run ends with a few small arrays, whatever its size.
 */

/** Sources the overlap matrix names (those with most records); the others are summed as "other sources". */
export const OVERLAP_SOURCES = 24;
/** Profiles listed as the largest. */
export const LARGEST_PROFILES = 50;
/** Sources listed per large profile (the others are counted). */
const SOURCES_PER_PROFILE = 20;

/** What one block of profiles adds up to. Plain data: it crosses from a worker thread by structured clone. */
export interface ProfileBlockStats {
  /** `bySourceCount[k]`: profiles with records from `k` distinct sources (0: none of its records has a source). */
  readonly bySourceCount: number[];
  /**
   * `slots × slots`, row-major, upper triangle: profiles holding records of both slot a and slot b (diagonal:
   * holding a record of a). Slots are the tracked sources in order, then one for every other source.
   */
  readonly overlap: Float64Array;
  /** The block's largest profiles as `[profile, size]` pairs, largest first (ties: profile order). */
  readonly largest: number[];
}

/** Members whose sources `profileBlockStats` reads at once. */
const SOURCES_AHEAD = 512;

/** Counts the profiles `[from, to)`; `tracked` are the source ids the overlap matrix names, in slot order. */
export function profileBlockStats(c: BatchColumns, from: number, to: number, tracked: readonly number[]): ProfileBlockStats {
  const slots = tracked.length + 1;
  const slotOf = new Map<number, number>();
  tracked.forEach((s, i) => slotOf.set(s, i));
  const overlap = new Float64Array(slots * slots);
  const bySourceCount: number[] = [];
  const largest = new Largest(LARGEST_PROFILES);
  // perf: the loop is a function of its own, with nothing after it (as `outputLines`): V8 optimizes the loop while
  // it runs, before the code after it has run once, and each block then left the optimized code through a
  // deoptimization at that code (~37 a 1M-row run, `--trace-deopt`).
  tallyProfiles(c, from, to, slotOf, slots, overlap, bySourceCount, largest);
  return { bySourceCount, overlap, largest: largest.pairs() };
}

/** Adds the profiles [from, to) to the block's counts: sizes (`largest`), sources per profile, pairs of sources. */
function tallyProfiles(c: BatchColumns, from: number, to: number, slotOf: Map<number, number>, slots: number, overlap: Float64Array, bySourceCount: number[], largest: Largest): void {
  const { memberStart, members, sourceOf } = c;
  // Distinct sources of the current profile: a scan of a short list, a Set past 16 (perf: profiles are small,
  // and a source column can hold anything, even one value per record).
  const seen: number[] = [];
  let seenSet: Set<number> | undefined;
  // Members' sources read ahead, a run of profiles at a time, into `ahead` (from member `aheadFrom` on). perf: this
  // pass follows the block's lines, whose reads have left the cache; one dependent miss per member was ~4% of the
  // profiles stage at 20M rows. Read together, the misses overlap.
  let ahead = new Int32Array(SOURCES_AHEAD);
  let aheadFrom = 0;
  let aheadTo = from;
  for (let p = from; p < to; p++) {
    const start = memberStart[p]!;
    const end = memberStart[p + 1]!;
    if (p === aheadTo) {
      aheadFrom = start;
      while (aheadTo < to && memberStart[aheadTo + 1]! - aheadFrom <= SOURCES_AHEAD) aheadTo++;
      if (aheadTo === p) aheadTo = p + 1; // one profile larger than the run
      const n = memberStart[aheadTo]! - aheadFrom;
      if (n > ahead.length) ahead = new Int32Array(n);
      for (let j = 0; j < n; j++) ahead[j] = sourceOf[members[aheadFrom + j]!]!;
    }
    largest.offer(p, end - start);
    seen.length = 0;
    seenSet = undefined;
    let mask = 0;
    for (let j = start; j < end; j++) {
      const s = ahead[j - aheadFrom]!;
      if (s === -1) continue;
      if (seenSet !== undefined) {
        if (seenSet.has(s)) continue;
        seenSet.add(s);
      } else if (seen.includes(s)) continue;
      else if (seen.length === 16) seenSet = new Set([...seen, s]);
      seen.push(s);
      mask |= 1 << (slotOf.get(s) ?? slots - 1);
    }
    const k = seen.length;
    while (bySourceCount.length <= k) bySourceCount.push(0);
    bySourceCount[k]!++;
    for (let a = 0; a < slots; a++) {
      if ((mask & (1 << a)) === 0) continue;
      for (let b = a; b < slots; b++) if ((mask & (1 << b)) !== 0) overlap[a * slots + b]!++;
    }
  }
}

/** A large profile as report.json lists it. */
export interface LargeProfile {
  readonly profileId: string;
  readonly records: number;
  /** Its sources with their record counts, most records first (at most 20; `moreSources` counts the rest). */
  readonly sources: readonly { readonly source: string; readonly records: number }[];
  readonly moreSources?: number;
}

/** How the sources of a run share profiles: the single-customer-view question. */
export interface SourceOverlap {
  /** The sources compared (the 24 with most records), with their records and profiles. */
  readonly sources: readonly { readonly name: string; readonly records: number; readonly profiles: number }[];
  /** Every other source, summed (absent when all sources are listed). */
  readonly otherSources?: { readonly sources: number; readonly records: number; readonly profiles: number };
  /** Accepted records without a source. */
  readonly recordsWithoutSource: number;
  /**
   * `profiles[a][b]`: profiles holding records of both a and b; `profiles[a][a]`: profiles holding a record of a.
   * Rows and columns follow `sources`, then one for the other sources when there are any.
   */
  readonly profiles: readonly (readonly number[])[];
}

/** The profile aggregates of a run (report.json). */
export interface ProfileAggregates {
  readonly largestProfiles: readonly LargeProfile[];
  /** Number of distinct sources → number of profiles (`"0"`: profiles none of whose records has a source). */
  readonly profilesBySourceCount: Readonly<Record<string, number>>;
  readonly sourceOverlap: SourceOverlap;
}

/**
 * The running total of the blocks' stats. Made before the profiles are written (it picks the tracked sources from
 * the per-source record counts), fed each block in order, read once at the end.
 */
export class ProfileStatsTotal {
  /** Source ids the overlap matrix names, in slot order: pass them to every block. */
  readonly tracked: readonly number[];
  private readonly recordsOfSource: Float64Array;
  private readonly recordsWithoutSource: number;
  private readonly slots: number;
  private readonly overlap: Float64Array;
  private readonly bySourceCount: number[] = [];
  private readonly largest = new Largest(LARGEST_PROFILES);

  constructor(private readonly c: BatchColumns) {
    const sources = c.sources.lengths.length;
    this.recordsOfSource = new Float64Array(sources);
    let none = 0;
    for (let i = 0; i < c.sourceOf.length; i++) {
      const s = c.sourceOf[i]!;
      if (s === -1) none++;
      else this.recordsOfSource[s]!++;
    }
    this.recordsWithoutSource = none;
    const names = Array.from({ length: sources }, (_, s) => stringAt(c.sources, s));
    const bySize = Array.from({ length: sources }, (_, s) => s).sort((a, b) => this.recordsOfSource[b]! - this.recordsOfSource[a]! || compareStrings(names[a]!, names[b]!));
    this.tracked = bySize.slice(0, OVERLAP_SOURCES);
    this.slots = this.tracked.length + 1;
    this.overlap = new Float64Array(this.slots * this.slots);
  }

  /** Adds a block's stats (blocks in profile order, so ties among the largest keep profile order). */
  add(block: ProfileBlockStats): void {
    for (let i = 0; i < this.overlap.length; i++) this.overlap[i]! += block.overlap[i]!;
    for (let k = 0; k < block.bySourceCount.length; k++) this.bySourceCount[k] = (this.bySourceCount[k] ?? 0) + block.bySourceCount[k]!;
    for (let i = 0; i < block.largest.length; i += 2) this.largest.offer(block.largest[i]!, block.largest[i + 1]!);
  }

  /** The aggregates; the largest profiles' sources are read from the columns (a few thousand records at most). */
  result(): ProfileAggregates {
    const { c, slots, tracked } = this;
    const cell = (a: number, b: number): number => (a <= b ? this.overlap[a * slots + b]! : this.overlap[b * slots + a]!);
    const untracked = c.sources.lengths.length - tracked.length;
    const rows = untracked > 0 ? slots : slots - 1;
    const matrix: number[][] = [];
    for (let a = 0; a < rows; a++) matrix.push(Array.from({ length: rows }, (_, b) => cell(a, b)));
    let otherRecords = 0;
    for (let s = 0; s < this.recordsOfSource.length; s++) otherRecords += this.recordsOfSource[s]!;
    const sources = tracked.map((s, i) => {
      otherRecords -= this.recordsOfSource[s]!;
      return { name: stringAt(c.sources, s), records: this.recordsOfSource[s]!, profiles: cell(i, i) };
    });
    const profilesBySourceCount: Record<string, number> = {};
    this.bySourceCount.forEach((n, k) => {
      if (n > 0) profilesBySourceCount[String(k)] = n;
    });
    const pairs = this.largest.pairs();
    const largestProfiles: LargeProfile[] = [];
    for (let i = 0; i < pairs.length; i += 2) largestProfiles.push(this.largeProfile(pairs[i]!, pairs[i + 1]!));
    return {
      largestProfiles,
      profilesBySourceCount,
      sourceOverlap: {
        sources,
        ...(untracked > 0 ? { otherSources: { sources: untracked, records: otherRecords, profiles: cell(slots - 1, slots - 1) } } : {}),
        recordsWithoutSource: this.recordsWithoutSource,
        profiles: matrix,
      },
    };
  }

  private largeProfile(p: number, size: number): LargeProfile {
    const { c } = this;
    const count = new Map<number, number>();
    for (let j = c.memberStart[p]!; j < c.memberStart[p + 1]!; j++) {
      const s = c.sourceOf[c.members[j]!]!;
      if (s !== -1) count.set(s, (count.get(s) ?? 0) + 1);
    }
    const all = [...count].map(([s, records]) => ({ source: stringAt(c.sources, s), records }));
    all.sort((a, b) => b.records - a.records || compareStrings(a.source, b.source));
    const sources = all.slice(0, SOURCES_PER_PROFILE);
    return { profileId: profileIdAt(c, p), records: size, sources, ...(all.length > sources.length ? { moreSources: all.length - sources.length } : {}) };
  }
}

/** The `k` largest of the profiles offered, largest first; among equal sizes, those offered first. */
class Largest {
  private readonly profile: number[] = [];
  private readonly size: number[] = [];

  constructor(private readonly k: number) {}

  offer(p: number, size: number): void {
    const n = this.size.length;
    if (n === this.k && size <= this.size[n - 1]!) return;
    let at = n;
    while (at > 0 && this.size[at - 1]! < size) at--;
    this.profile.splice(at, 0, p);
    this.size.splice(at, 0, size);
    if (this.size.length > this.k) {
      this.profile.pop();
      this.size.pop();
    }
  }

  /** `[profile, size, profile, size, …]`. */
  pairs(): number[] {
    return this.profile.flatMap((p, i) => [p, this.size[i]!]);
  }
}
