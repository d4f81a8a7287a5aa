import { describe, expect, test } from 'vitest';
import { withDefaults } from '../config/ResolveOptions.js';
import { createRecordKeyer } from './createRecordKeyer.js';

describe('createRecordKeyer', () => {
  const keyRecord = createRecordKeyer(withDefaults({}));

  test('repeated values give one key each', () => {
    const keys = keyRecord({ id: 'a', emails: ['Ann@corp.ae', 'ann@corp.ae'], phones: ['+971501234567', '050 123 4567'] }, { invalid: {}, junk: {} });
    expect(keys.keys).toEqual(['e:ann@corp.ae', 'p:+971501234567']);
  });

  // Regression (hardening #4): de-duplication was a scan per key, quadratic in the record's size
  // (16k emails took 3.8 s). The accept rules cap identifiers per kind; the keyer stays linear regardless.
  test('work is linear in the number of values', () => {
    const emails = Array.from({ length: 20_000 }, (_, i) => `user${i}@corp.ae`);
    const t = performance.now();
    const keys = keyRecord({ id: 'a', emails: [...emails, ...emails] }, { invalid: {}, junk: {} });
    expect(performance.now() - t).toBeLessThan(1000);
    expect(keys.keys.length).toBe(20_000);
    expect(new Set(keys.keys).size).toBe(20_000);
    // The next record starts clean.
    expect(keyRecord({ id: 'b', emails: ['user1@corp.ae'] }, { invalid: {}, junk: {} }).keys).toEqual(['e:user1@corp.ae']);
  });
});
