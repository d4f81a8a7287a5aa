import { open } from 'node:fs/promises';
import { ByteInterner } from '../_internal/ByteInterner.js';
import { IdweaveError } from '../errors.js';
import { GrowableArray } from '../_internal/GrowableArray.js';
import { readPairs } from '../io/readPairs.js';
import { scorePartition, type BCubedScores, type PairwiseScores } from '../report/scorePartition.js';

/** `report.json` `accuracy`: the run's partition scored against a known truth (`--truth`). */
export interface TruthAccuracy {
  /** The truth file, as given. */
  readonly truth: string;
  /** Records scored: every record of the truth file (once). */
  readonly records: number;
  /** Profiles and persons among them. */
  readonly profiles: number;
  readonly persons: number;
  readonly pairwise: PairwiseScores;
  readonly bcubed: BCubedScores;
  /** Truth records that are not accepted records of the run (rejected, or in no input): scored as singletons. */
  readonly missingFromRun: number;
  /** Accepted records the truth does not list: not scored. */
  readonly notInTruth: number;
  /** Record ids listed more than once in the truth (the first person wins). */
  readonly duplicateInTruth: number;
  /** Truth lines without a comma, skipped. */
  readonly unreadableLines: number;
}

/** What scoring needs of a linked batch. */
export interface ScoredRun {
  readonly accepted: number;
  readonly profiles: number;
  /** Index of an accepted record, or -1. */
  readonly recordIndex: (recordId: string) => number;
  /** Profile (dense, < `profiles`) of each accepted record. */
  readonly profileOf: Uint32Array;
}

/**
 * Scores a run against a truth CSV (`record_id,person_id`, the benchmark generator's `truth.csv`), read as a
 * stream: per truth record one profile label and one person label in typed arrays, person ids interned off the
 * heap (as `bench/score` does; 20M truth rows cost about 160 MB of labels). Pairwise and B-cubed precision,
 * recall and F1 come from `scorePartition`.
 */
export async function scoreAgainstTruth(file: string, run: ScoredRun): Promise<TruthAccuracy> {
  const persons = new ByteInterner();
  const missing = new ByteInterner();
  const seen = new Uint8Array(run.accepted);
  const predicted = new GrowableArray(Int32Array, 1 << 16);
  const truth = new GrowableArray(Int32Array, 1 << 16);
  let duplicateInTruth = 0;
  let unreadableLines = 0;
  let inRun = 0;
  await readPairs(
    file,
    (recordId, personId) => {
      const i = run.recordIndex(recordId);
      let label: number;
      if (i !== -1) {
        if (seen[i] === 1) return void duplicateInTruth++;
        seen[i] = 1;
        inRun++;
        label = run.profileOf[i]!;
      } else {
        const before = missing.size;
        const m = missing.intern(recordId);
        if (m < before) return void duplicateInTruth++;
        label = run.profiles + m; // a singleton of its own
      }
      predicted.push(label);
      truth.push(persons.intern(personId));
    },
    { onBadLine: () => void unreadableLines++ },
  );
  const s = scorePartition(predicted.view(), truth.view());
  return {
    truth: file,
    records: s.records,
    profiles: s.profiles,
    persons: s.persons,
    pairwise: s.pairwise,
    bcubed: s.bcubed,
    missingFromRun: missing.size,
    notInTruth: run.accepted - inRun,
    duplicateInTruth,
    unreadableLines,
  };
}

/**
 * Checks a truth file before the run starts (a missing or malformed one fails fast, not after the whole run):
 * it must be readable and its header line must have at least two comma-separated columns.
 */
export async function checkTruthFile(file: string): Promise<void> {
  let head: string;
  try {
    const h = await open(file, 'r');
    try {
      const buf = Buffer.alloc(64 * 1024);
      const { bytesRead } = await h.read(buf, 0, buf.length, 0);
      head = buf.subarray(0, bytesRead).toString('utf8');
    } finally {
      await h.close();
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new IdweaveError('input_unreadable', `--truth ${file}: ${code === 'ENOENT' ? 'file not found' : (e as Error).message}`);
  }
  const nl = head.indexOf('\n');
  const header = (nl === -1 ? head : head.slice(0, nl)).replace(/^\uFEFF/, '').trim();
  if (!header.includes(',')) {
    throw new IdweaveError('input_invalid', `--truth ${file}: expected a CSV with a header line "record_id,person_id" (the benchmark generator's truth.csv)`);
  }
}
