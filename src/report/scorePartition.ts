/**
 * Clustering metrics of a predicted partition against the true one, from two dense labelings of the same records.
 * Memory-safe at 20M records: typed arrays only; the contingency table comes from sorting packed
 * (profile, person) numbers and counting runs, never from a Map of pairs.
 */
export interface PairwiseScores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Σ C(n_ij, 2) over (profile, person) cells. */
  readonly truePositives: number;
  /** Σ C(|profile|, 2). */
  readonly predictedPairs: number;
  /** Σ C(|person|, 2). */
  readonly truePairs: number;
}

export interface BCubedScores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface PartitionScores {
  readonly records: number;
  readonly profiles: number;
  readonly persons: number;
  readonly pairwise: PairwiseScores;
  readonly bcubed: BCubedScores;
}

const pairsOf = (n: number): number => (n * (n - 1)) / 2;
const f1Of = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/**
 * Scores `predicted` (profile label of each record) against `truth` (person label of each record). Labels are
 * dense non-negative integers (gaps are allowed; unused labels are not counted). An empty pair set scores 1
 * (nothing to get wrong): all singletons have pairwise precision 1.
 *
 * @example scorePartition(Int32Array.of(0, 0, 1), Int32Array.of(0, 0, 0)).pairwise.recall // 1/3
 */
export function scorePartition(predicted: Int32Array, truth: Int32Array): PartitionScores {
  const n = predicted.length;
  if (truth.length !== n) throw new RangeError(`scorePartition: ${n} predicted labels, ${truth.length} true labels`);
  const profileSize = sizesOf(predicted);
  const personSize = sizesOf(truth);
  const width = personSize.length;
  // perf: profile·width + person stays below 2^53 for any realistic size (20M × 20M = 4·10^14), and a Float64Array
  // sorts natively.
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = predicted[i]! * width + truth[i]!;
  packed.sort();
  let tp = 0;
  let bPrecision = 0;
  let bRecall = 0;
  for (let i = 0; i < n; ) {
    const v = packed[i]!;
    let j = i + 1;
    while (j < n && packed[j] === v) j++;
    const cell = j - i;
    const profile = Math.floor(v / width);
    const person = v - profile * width;
    tp += pairsOf(cell);
    // B-cubed: each of the `cell` records has cell/|profile| precision and cell/|person| recall.
    bPrecision += (cell * cell) / profileSize[profile]!;
    bRecall += (cell * cell) / personSize[person]!;
    i = j;
  }
  let predictedPairs = 0;
  let profiles = 0;
  for (let k = 0; k < profileSize.length; k++) if (profileSize[k]! > 0) (predictedPairs += pairsOf(profileSize[k]!)), profiles++;
  let truePairs = 0;
  let persons = 0;
  for (let k = 0; k < personSize.length; k++) if (personSize[k]! > 0) (truePairs += pairsOf(personSize[k]!)), persons++;
  const precision = predictedPairs === 0 ? 1 : tp / predictedPairs;
  const recall = truePairs === 0 ? 1 : tp / truePairs;
  const bp = n === 0 ? 1 : bPrecision / n;
  const br = n === 0 ? 1 : bRecall / n;
  return {
    records: n,
    profiles,
    persons,
    pairwise: { precision, recall, f1: f1Of(precision, recall), truePositives: tp, predictedPairs, truePairs },
    bcubed: { precision: bp, recall: br, f1: f1Of(bp, br) },
  };
}

function sizesOf(labels: Int32Array): Uint32Array {
  let max = -1;
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    if (l < 0) throw new RangeError(`scorePartition: negative label at ${i}`);
    if (l > max) max = l;
  }
  const sizes = new Uint32Array(max + 1);
  for (let i = 0; i < labels.length; i++) sizes[labels[i]!]!++;
  return sizes;
}
