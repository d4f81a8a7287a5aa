import { describe, expect, test } from 'vitest';
import { scorePartition } from './scorePartition.js';

const score = (predicted: number[], truth: number[]) => scorePartition(Int32Array.from(predicted), Int32Array.from(truth));

describe('scorePartition', () => {
  // Truth for the first three cases: persons {0,1} {2} {3,4,5}: true pairs 1 + 0 + 3 = 4.
  const truth = [7, 7, 3, 1, 1, 1];

  test('perfect: every metric 1 (labels need not be equal, only the partition)', () => {
    const r = score([2, 2, 0, 5, 5, 5], truth);
    expect(r.pairwise).toEqual({ precision: 1, recall: 1, f1: 1, truePositives: 4, predictedPairs: 4, truePairs: 4 });
    expect(r.bcubed).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(r).toMatchObject({ records: 6, profiles: 3, persons: 3 });
  });

  test('all in one profile: recall 1, pairwise precision 4/15, B-cubed precision (2²+1²+3²)/6/6', () => {
    const r = score([0, 0, 0, 0, 0, 0], truth);
    expect(r.pairwise.recall).toBe(1);
    expect(r.pairwise.predictedPairs).toBe(15);
    expect(r.pairwise.precision).toBeCloseTo(4 / 15, 12);
    expect(r.pairwise.f1).toBeCloseTo((2 * (4 / 15)) / (4 / 15 + 1), 12);
    expect(r.bcubed.precision).toBeCloseTo(14 / 36, 12);
    expect(r.bcubed.recall).toBe(1);
    expect(r.profiles).toBe(1);
  });

  test('all singletons: pairwise precision 1 (no predicted pair), recall 0; B-cubed recall (1/2·2 + 1 + 1/3·3)/6', () => {
    const r = score([0, 1, 2, 3, 4, 5], truth);
    expect(r.pairwise).toMatchObject({ precision: 1, recall: 0, f1: 0, truePositives: 0, predictedPairs: 0, truePairs: 4 });
    expect(r.bcubed.precision).toBe(1);
    expect(r.bcubed.recall).toBeCloseTo(3 / 6, 12);
  });

  test('mixed: profiles {a,b,c} {d}, persons {a,b} {c,d}', () => {
    const r = score([0, 0, 0, 1], [0, 0, 1, 1]);
    // TP = C(2,2) = 1; predicted pairs C(3,2) = 3; true pairs 2.
    expect(r.pairwise.precision).toBeCloseTo(1 / 3, 12);
    expect(r.pairwise.recall).toBeCloseTo(1 / 2, 12);
    expect(r.pairwise.f1).toBeCloseTo(0.4, 12);
    // B-cubed precision: a,b 2/3; c 1/3; d 1 → 8/3 / 4; recall: a,b 1; c,d 1/2 → 3 / 4.
    expect(r.bcubed.precision).toBeCloseTo(2 / 3, 12);
    expect(r.bcubed.recall).toBeCloseTo(3 / 4, 12);
  });

  test('empty input scores 1', () => {
    expect(score([], []).pairwise).toMatchObject({ precision: 1, recall: 1 });
  });

  test('rejects mismatched lengths', () => {
    expect(() => score([0], [0, 1])).toThrow(RangeError);
  });
});
