import { describe, expect, test } from 'vitest';
import { score } from './metrics.js';

const s = (pred: number[], truth: number[]) => score(Int32Array.from(pred), Int32Array.from(truth));

describe('score', () => {
  test('perfect clustering', () => {
    const r = s([0, 0, 1, 2, 2, 2], [5, 5, 3, 1, 1, 1]);
    expect(r.pairwise).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(r.bcubed).toMatchObject({ precision: 1, recall: 1, f1: 1 });
  });

  test('all in one cluster: recall 1, precision = true pairs / all pairs', () => {
    const r = s([0, 0, 0, 0], [0, 0, 1, 1]);
    expect(r.pairwise.recall).toBe(1);
    expect(r.pairwise.precision).toBeCloseTo(2 / 6);
    expect(r.bcubed.precision).toBeCloseTo(0.5);
  });

  test('all singletons: precision 1 by convention, recall 0', () => {
    const r = s([0, 1, 2, 3], [0, 0, 1, 1]);
    expect(r.pairwise.precision).toBe(1);
    expect(r.pairwise.recall).toBe(0);
    expect(r.bcubed.recall).toBeCloseTo(0.5);
  });

  test('hand-computed mixed case', () => {
    // predicted {a,b,c} {d}; truth {a,b} {c,d}: TP = 1, predicted pairs 3, true pairs 2.
    const r = s([0, 0, 0, 1], [0, 0, 1, 1]);
    expect(r.pairwise.precision).toBeCloseTo(1 / 3);
    expect(r.pairwise.recall).toBeCloseTo(1 / 2);
  });
});
