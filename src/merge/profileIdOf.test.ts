import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fnv1a32, murmurMix32 } from '../_internal/hash.js';
import { formatProfileId, profileIdOf } from './profileIdOf.js';

describe('profileIdOf', () => {
  test('is P + 16 lower-case hex digits of the two hashes of the smallest record id', () => {
    expect(profileIdOf('crm-000123')).toMatch(/^P[0-9a-f]{16}$/);
    expect(profileIdOf('a')).toBe(`P${fnv1a32('a').toString(16).padStart(8, '0')}${murmurMix32('a').toString(16).padStart(8, '0')}`);
    expect(profileIdOf('a')).not.toBe(profileIdOf('b'));
  });

  test('formatProfileId writes both halves with leading zeros (property, pinned seed)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 0xffffffff }), fc.nat({ max: 0xffffffff }), (hi, lo) => {
        expect(formatProfileId(hi, lo)).toBe(`P${hi.toString(16).padStart(8, '0')}${lo.toString(16).padStart(8, '0')}`);
      }),
      { seed: 20261130, numRuns: 500 },
    );
    expect(formatProfileId(0, 1)).toBe('P0000000000000001');
  });
});
