import { expect, test } from 'vitest';
import { RecentCache } from './RecentCache.js';

test('computes once per id while it stays in its slot; colliding ids evict each other and stay correct', () => {
  const calls: number[] = [];
  const c = new RecentCache((id) => {
    calls.push(id);
    return `v${id}`;
  }, 2);
  expect(c.get(1)).toBe('v1');
  expect(c.get(1)).toBe('v1');
  expect(c.get(5)).toBe('v5'); // same slot as 1
  expect(c.get(1)).toBe('v1');
  expect(c.get(0)).toBe('v0');
  expect(c.get(3)).toBe('v3'); // slot 3: the mask's last slot works like any other
  expect(calls).toEqual([1, 5, 1, 0, 3]);
});
