import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { profileIdOfSerial, writeProfileId } from './profileIds.js';

describe('writeProfileId', () => {
  const bytesOf = (serial: number, at: number): string => {
    const into = new Uint8Array(at + 12).fill(42);
    const end = writeProfileId(serial, into, at);
    expect(into.subarray(0, at).every((b) => b === 42)).toBe(true);
    return Buffer.from(into.subarray(at, end)).toString('latin1');
  };

  test('the bytes of profileIdOfSerial, at every width up to the largest safe serial', () => {
    for (const serial of [0, 1, 35, 36, 36 ** 8 - 1, 36 ** 8, 36 ** 9 + 7, 2 ** 40, 8191 * 2 ** 40 + 5, 2 ** 53 - 1]) {
      expect(bytesOf(serial, 3)).toBe(profileIdOfSerial(serial));
    }
  });

  test('random safe serials', () => {
    fc.assert(fc.property(fc.maxSafeNat(), fc.nat(5), (serial, at) => bytesOf(serial, at) === profileIdOfSerial(serial)), { seed: 20261204, numRuns: 500 });
  });
});
