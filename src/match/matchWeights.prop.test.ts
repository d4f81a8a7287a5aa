import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { LEVEL, type Level } from './levels.js';
import { linkWeight, packFacts, unpackFacts, type LinkFacts } from './matchWeights.js';

const SEED = 20261205;

describe('a decision packed for the evidence log (property, pinned seed)', () => {
  const level = fc.constantFrom<Level>(LEVEL.none, LEVEL.disagree, LEVEL.unknown, LEVEL.close, LEVEL.variant, LEVEL.exact);
  const facts = fc.record({
    kind: fc.integer({ min: 0, max: 4 }),
    shared: fc.boolean(),
    weak: fc.boolean(),
    household: fc.boolean(),
    namesOnKey: fc.integer({ min: 0, max: 40 }),
    corroboration: fc.constant(0),
    conflicts: fc.integer({ min: 0, max: 9 }),
    names: fc.record({ first: level, last: level }),
    attributes: fc.record({ dateOfBirth: level, gender: level, postcode: level, city: level, address: level, country: level }),
  });

  test('unpacks to every level and flag it was packed from (conflicts capped at 3, names on the key within 1..8)', () => {
    fc.assert(
      fc.property(facts, (f: LinkFacts) => {
        const code = packFacts(f);
        expect(code).toBeGreaterThanOrEqual(0);
        expect(code).toBeLessThan(2 ** 32);
        // The corroboration is what the weight leaves over: none here.
        const kept = { ...f, conflicts: Math.min(f.conflicts, 3), namesOnKey: Math.min(Math.max(f.namesOnKey, 1), 8) };
        expect(unpackFacts(code, f.kind, linkWeight(kept))).toEqual({ ...f, conflicts: Math.min(f.conflicts, 3), namesOnKey: Math.min(Math.max(f.namesOnKey, 1), 8) });
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});
