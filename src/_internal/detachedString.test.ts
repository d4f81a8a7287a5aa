import { describe, expect, it } from 'vitest';
import { detachedString } from './detachedString.js';

describe('detachedString', () => {
  it('is equal to its input, for any text', () => {
    for (const s of ['', 'a', '+971501234567', 'é漢字😀', 'lone \ud800 surrogate', '"quoted" \\ \n\u2028', 'x'.repeat(10_000)]) {
      expect(detachedString(s)).toBe(s);
    }
  });
});
