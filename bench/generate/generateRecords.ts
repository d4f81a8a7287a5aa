/**
 * The generator's core: persons in order, their records shuffled block by block (docs/benchmarks.md, "Shuffle").
 * Pure: no I/O; `writeDataset` writes the chunks.
 */
import { EXTRA_STREAM, ExtraPersons, hasExtras } from './hard.js';
import { emptyStats, profileOptions, type GenerateOptions, type GenerateStats } from './options.js';
import { PersonFactory, type Person } from './person.js';
import { Rng, tag36 } from './prng.js';
import { RecordBuilder } from './RecordBuilder.js';

/** A run of consecutive output records (at most `CHUNK_RECORDS`), in output order. */
export interface RecordChunk {
  readonly lines: readonly string[];
  readonly recordIds: readonly string[];
  /** Person index of each record. */
  readonly persons: Int32Array;
}

/** Records per yielded chunk: large enough for few writes, small enough that lines die young (perf: GC). */
export const CHUNK_RECORDS = 16_384;

const KEY_RECORD = 0x2ec0d;

/** Options with defaults filled in: the knobs of `options.profile` (default: `default`), then the caller's own. */
export function withDefaults(options: Partial<GenerateOptions> & Pick<GenerateOptions, 'records'>): GenerateOptions {
  return { ...profileOptions(options.profile ?? 'default'), seed: 1, ...options };
}

/**
 * Yields `options.records` records in chunks; returns (and fills `stats` with) what was injected.
 *
 * Persons are made in order, block by block (a block holds the persons of at least `shuffleBlockRecords`
 * records). Each block's records are put in a uniformly random order (Fisher-Yates over (person, copy) slots)
 * and only then built, so lines are short-lived strings. Records per person: 1 + Geometric,
 * P(k) = (1 − q)·q^(k−1) with q = 1 − 1/mean, capped at `maxRecordsPerPerson`.
 */
export function* generateRecords(
  options: GenerateOptions,
  stats: GenerateStats = emptyStats(),
  /** Sees every person as made (tests: the true identifiers and trap roles behind the records). */
  onPerson?: (person: Person) => void,
): Generator<RecordChunk, GenerateStats> {
  const rng = new Rng(options.seed);
  // The hard profile draws from its own stream: the default stream, and so the default output, stays as it was.
  const extraRng = hasExtras(options) ? new Rng(options.seed, EXTRA_STREAM) : undefined;
  const factory = new PersonFactory(rng, options, stats, extraRng && new ExtraPersons(extraRng, options, stats));
  const builder = new RecordBuilder(rng, options, stats, extraRng);
  const logQ = Math.log(1 - 1 / options.recordsPerPerson);
  let nextPerson = 0;
  let record = 0;
  let slots = new Int32Array(options.shuffleBlockRecords + options.maxRecordsPerPerson);
  while (record < options.records) {
    const target = Math.min(options.records - record, options.shuffleBlockRecords);
    const block: Person[] = [];
    let n = 0;
    while (n < target) {
      const p = factory.make(nextPerson++);
      stats.persons++;
      onPerson?.(p);
      // Inverse CDF of the geometric distribution on 1, 2, 3, …
      const count = Math.min(options.maxRecordsPerPerson, target - n, 1 + Math.floor(Math.log(1 - rng.next()) / logQ));
      for (let c = 0; c < count; c++) slots[n++] = block.length;
      block.push(p);
    }
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      const t = slots[i]!;
      slots[i] = slots[j]!;
      slots[j] = t;
    }
    for (let start = 0; start < n; start += CHUNK_RECORDS) {
      const end = Math.min(n, start + CHUNK_RECORDS);
      const lines = new Array<string>(end - start);
      const ids = new Array<string>(end - start);
      const persons = new Int32Array(end - start);
      for (let i = start; i < end; i++) {
        const p = block[slots[i]!]!;
        // Record ids are a bijective scramble of the output position: unique, and they reveal nothing.
        const id = `r${tag36(record++, KEY_RECORD)}`;
        lines[i - start] = builder.build(p, id);
        ids[i - start] = id;
        persons[i - start] = p.index;
      }
      stats.records += end - start;
      yield { lines, recordIds: ids, persons };
    }
  }
  slots = new Int32Array(0);
  return stats;
}
