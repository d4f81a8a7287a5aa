/**
 * Clustering metrics from two labelings of the same records (typed arrays, no per-pair objects), memory-safe
 * at 20M records: the contingency table is found by sorting packed (cluster, class) numbers.
 */
export interface Scores {
  readonly records: number;
  readonly predictedClusters: number;
  readonly trueClusters: number;
  readonly pairwise: { readonly precision: number; readonly recall: number; readonly f1: number; readonly truePositives: number; readonly predictedPairs: number; readonly truePairs: number };
  readonly bcubed: { readonly precision: number; readonly recall: number; readonly f1: number };
}

const pairs = (n: number): number => (n * (n - 1)) / 2;
const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/** `predicted[i]` and `truth[i]` are dense labels (0..k-1) of record i. */
export function score(predicted: Int32Array, truth: Int32Array): Scores {
  const n = predicted.length;
  const predSize = countLabels(predicted);
  const trueSize = countLabels(truth);
  // Contingency cells: sort packed (predicted, truth) labels and count runs (labels < 2^26 each).
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = predicted[i]! * 67_108_864 + truth[i]!;
  packed.sort();
  let tp = 0;
  let bPrecision = 0;
  let bRecall = 0;
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && packed[j] === packed[i]) j++;
    const cell = j - i;
    const p = Math.floor(packed[i]! / 67_108_864);
    const t = packed[i]! - p * 67_108_864;
    tp += pairs(cell);
    bPrecision += (cell * cell) / predSize[p]!;
    bRecall += (cell * cell) / trueSize[t]!;
    i = j;
  }
  let predictedPairs = 0;
  let predictedClusters = 0;
  for (const s of predSize) if (s > 0) (predictedPairs += pairs(s)), predictedClusters++;
  let truePairs = 0;
  let trueClusters = 0;
  for (const s of trueSize) if (s > 0) (truePairs += pairs(s)), trueClusters++;
  const precision = predictedPairs === 0 ? 1 : tp / predictedPairs;
  const recall = truePairs === 0 ? 1 : tp / truePairs;
  const bp = n === 0 ? 1 : bPrecision / n;
  const br = n === 0 ? 1 : bRecall / n;
  return {
    records: n,
    predictedClusters,
    trueClusters,
    pairwise: { precision, recall, f1: f1(precision, recall), truePositives: tp, predictedPairs, truePairs },
    bcubed: { precision: bp, recall: br, f1: f1(bp, br) },
  };
}

function countLabels(labels: Int32Array): Uint32Array {
  let max = -1;
  for (let i = 0; i < labels.length; i++) if (labels[i]! > max) max = labels[i]!;
  const sizes = new Uint32Array(max + 1);
  for (let i = 0; i < labels.length; i++) sizes[labels[i]!]!++;
  return sizes;
}
