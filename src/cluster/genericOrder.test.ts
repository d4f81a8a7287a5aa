import { describe, expect, it } from 'vitest';
import { resolve } from '../resolve.js';
import { shuffled } from '../_testing/partitions.js';
import type { CustomerRecord } from '../types.js';

/**
 * Generic keys (a front-desk phone, an office email) are found in key-id order, which follows the input's order;
 * their refusals open the evidence log and the report lists them. Both must come out the same for any input order.
 */
describe('generic keys: the same order whatever the input order', () => {
  // Six generic keys of two kinds, each on 5 records (the guard set at 4), and people who link by their own emails.
  const records: CustomerRecord[] = [];
  for (let g = 0; g < 3; g++) {
    for (let i = 0; i < 5; i++) {
      records.push({ id: `p${g}-${i}`, phones: [`+97143318${840 + g}`], emails: [`guest${g}x${i}@mail.ae`], firstName: `Name${g}${i}` });
      records.push({ id: `e${g}-${i}`, emails: [`office${g}@company${g}.ae`, `staff${g}x${i}@mail.ae`], firstName: `Staff${g}${i}` });
    }
  }
  const options = { guards: { generic: { maxRecords: 4 } } } as const;

  it('evidence and the report list the generic keys in one order', () => {
    const a = resolve(records, options);
    expect(a.report.genericIdentifierCount).toBe(6);
    for (const seed of [1, 2, 3, 4, 5]) {
      const b = resolve(shuffled(records, seed), options);
      expect(b.evidence).toEqual(a.evidence);
      expect(b.report.genericIdentifiers).toEqual(a.report.genericIdentifiers);
      expect(b.profiles).toEqual(a.profiles);
    }
  });
});
