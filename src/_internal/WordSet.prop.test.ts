import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { anyString, PROPERTY_SEED } from '../_testing/textArbitraries.js';
import { WordSet } from './WordSet.js';

describe('WordSet', () => {
  test('answers as a Set does, for strings near the words (same ends, same length) and any others', () => {
    const word = fc.oneof(anyString(6), fc.constantFrom('', 'a', 'mr', 'mrs', 'n/a', 'x'.repeat(40), 'لا يوجد', '\u{1f600}'));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), fc.array(fc.oneof(word, anyString(50)), { maxLength: 20 }), (words, asked) => {
        const set = new WordSet(words);
        const plain = new Set(words);
        // Near misses: every word with its middle changed, and each asked string cut at every place.
        const probes = [...asked, ...words, ...words.map((w) => (w.length > 2 ? `${w[0]}?${w.slice(2)}` : `${w}?`)), ...words.map((w) => `${w}${w}`)];
        for (const v of probes) {
          expect(set.has(v), JSON.stringify(v)).toBe(plain.has(v));
          for (let end = 0; end <= v.length; end++) expect(set.hasPrefix(v, end)).toBe(plain.has(v.slice(0, end)));
        }
      }),
      { seed: PROPERTY_SEED, numRuns: 500 },
    );
  });
});
