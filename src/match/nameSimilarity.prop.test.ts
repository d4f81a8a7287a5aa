import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { nameSimilarity, sameSkeleton } from './nameSimilarity.js';

const SEED = 20261205;

/** The consonant skeleton as the rule states it, built as a string: the reference `sameSkeleton` is held to. */
function skeleton(name: string): string {
  let out = '';
  let prev = '';
  for (let i = 0; i < name.length; i++) {
    const c = name[i]!;
    if (c === prev) continue;
    prev = c;
    if ('aeiou'.includes(c)) continue;
    if ((c === 'y' || c === 'w') && i > 0) continue;
    out += c;
  }
  return out;
}

// Letters that reach every rule (vowels, y and w, doubles, h) and a few that do not, a non-Latin one, and one
// outside the BMP (two code units, compared unit by unit as the string rule does).
const name = fc.string({ unit: fc.constantFrom('a', 'e', 'o', 'u', 'i', 'y', 'w', 'h', 'm', 'd', 's', 'l', 'ح', ' ', '😀'), maxLength: 9 });

describe('consonant skeletons (pinned seed)', () => {
  test('sameSkeleton(a, b) is: both skeletons equal and at least 2 letters long', () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        const sa = skeleton(a);
        expect(sameSkeleton(a, b)).toBe(sa.length >= 2 && sa === skeleton(b));
      }),
      { seed: SEED, numRuns: 5000 },
    );
  });

  test('known transliterations share one; different names do not', () => {
    expect(sameSkeleton('mohammed', 'muhammad')).toBe(true);
    expect(sameSkeleton('yousef', 'yusuf')).toBe(true);
    expect(sameSkeleton('ahmed', 'sara')).toBe(false);
    expect(sameSkeleton('ma', 'mo')).toBe(false); // one letter: no evidence
  });

  test('nameSimilarity is symmetric and in [0, 1]', () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        const s = nameSimilarity(a, b);
        expect(s).toBe(nameSimilarity(b, a));
        expect(s >= 0 && s <= 1).toBe(true);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
});
