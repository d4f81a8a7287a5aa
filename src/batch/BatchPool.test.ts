import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { BatchPool } from './BatchPool.js';

/** This process's OS threads (Linux): each worker thread is one. */
const threadCount = (): number => readdirSync('/proc/self/task').length;
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 200));

describe.skipIf(!existsSync('/proc/self/task'))('BatchPool.startAhead', () => {
  test('threads started ahead and never given a request are ended with the pool', async () => {
    const before = threadCount();
    const pool = new BatchPool({}, 1);
    pool.startAhead(2);
    await settle();
    expect(threadCount()).toBeGreaterThanOrEqual(before + 3);
    await pool.close();
    await settle();
    expect(threadCount()).toBeLessThanOrEqual(before);
  }, 30_000);

  test('threads started ahead that no request took can be ended before the pool', async () => {
    const pool = new BatchPool({}, 1);
    await settle();
    const base = threadCount();
    pool.startAhead(2);
    await settle();
    const withAhead = threadCount();
    expect(withAhead).toBeGreaterThanOrEqual(base + 2);
    await pool.endAhead();
    await settle();
    expect(threadCount()).toBeLessThanOrEqual(withAhead - 2);
    await pool.close();
  }, 30_000);

  test('a pool without threads starts none', async () => {
    const before = threadCount();
    const pool = new BatchPool({}, 0);
    pool.startAhead(2);
    await settle();
    expect(threadCount()).toBe(before);
    await pool.close();
  });
});
