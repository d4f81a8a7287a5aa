import { describe, expect, test } from 'vitest';
import { withDefaults } from '../config/ResolveOptions.js';
import { createRecordKeyer, keyText, weakKeyText, type RecordKeys } from './createRecordKeyer.js';
import type { CustomerRecord } from '../types.js';

/** A keyer whose answers are copied out to their counts (the keyer reuses its arrays from record to record). */
function keyer(...options: Parameters<typeof withDefaults>): (record: CustomerRecord, stats: Parameters<ReturnType<typeof createRecordKeyer>>[1]) => { keys: string[]; weak: string[] } {
  const key = createRecordKeyer(withDefaults(...options));
  return (record, stats) => copied(key(record, stats));
}

function copied(k: RecordKeys): { keys: string[]; weak: string[] } {
  return { keys: Array.from({ length: k.count }, (_, i) => keyText(k, i)), weak: Array.from({ length: k.weakCount }, (_, i) => weakKeyText(k, i)) };
}

describe('createRecordKeyer', () => {
  const keyRecord = keyer({});

  test('repeated values give one key each', () => {
    const keys = keyRecord({ id: 'a', emails: ['Ann@corp.ae', 'ann@corp.ae'], phones: ['+971501234567', '050 123 4567'] }, { invalid: {}, junk: {} });
    expect(keys.keys).toEqual(['e:ann@corp.ae', 'p:+971501234567']);
  });

  describe('phones read as international by inference (inferredCountry)', () => {
    const stats = () => ({ invalid: {}, junk: {} });
    const keyUS = keyer({ defaultRegion: 'US' });

    test('4936202565 in region US (a German fixed line by inference) is a weak key, not a strong one', () => {
      const stat = stats();
      const keys = keyUS({ id: 'a', phones: ['4936202565'] }, stat);
      expect(keys.keys).toEqual([]);
      expect(keys.weak).toEqual(['p:+4936202565']);
      expect(stat).toEqual({ invalid: {}, junk: {} });
    });

    test('971501234567 in region AE (inferred, but a valid mobile) stays a strong key', () => {
      const keys = keyRecord({ id: 'a', phones: ['971501234567', '(971) 50 123 4567'] }, stats());
      expect(keys.keys).toEqual(['p:+971501234567']);
      expect(keys.weak).toEqual([]);
    });

    test('an inferred fixed line in region AE (97142345678) is weak; written with + or the trunk 0 it is strong', () => {
      expect(keyRecord({ id: 'a', phones: ['97142345678'] }, stats())).toMatchObject({ keys: [], weak: ['p:+97142345678'] });
      expect(keyRecord({ id: 'a', phones: ['+971 4 234 5678'] }, stats())).toMatchObject({ keys: ['p:+97142345678'], weak: [] });
      expect(keyRecord({ id: 'a', phones: ['04 234 5678'] }, stats())).toMatchObject({ keys: ['p:+97142345678'], weak: [] });
    });

    test('the country code in brackets with + is explicit: a strong key', () => {
      expect(keyUS({ id: 'a', phones: ['(+49) 3620 2565'] }, stats())).toMatchObject({ keys: ['p:+4936202565'], weak: [] });
      expect(keyRecord({ id: 'a', phones: ['(+971) 50 123 4567'] }, stats())).toMatchObject({ keys: ['p:+971501234567'], weak: [] });
    });

    test('a weak phone the record also holds as a strong key is dropped, in either order; repeats give one weak key', () => {
      for (const phones of [['4936202565', '+49 3620 2565'], ['+49 3620 2565', '4936202565']]) {
        expect(keyUS({ id: 'a', phones }, stats())).toMatchObject({ keys: ['p:+4936202565'], weak: [] });
      }
      expect(keyUS({ id: 'a', phones: ['4936202565', '(49) 3620-2565'] }, stats())).toMatchObject({ keys: [], weak: ['p:+4936202565'] });
      // The next record starts clean.
      expect(keyUS({ id: 'b', phones: ['+14155552671'] }, stats())).toMatchObject({ keys: ['p:+14155552671'], weak: [] });
    });

    test('a weak phone keeps the typo-corrected emails beside it', () => {
      const keys = keyUS({ id: 'a', emails: ['ann@gmial.com'], phones: ['4936202565'] }, stats());
      expect(keys.keys).toEqual(['e:ann@gmial.com']);
      expect(keys.weak).toEqual(['e:ann@gmail.com', 'p:+4936202565']);
    });

    test('WhatsApp handles go through the same phone path: weak when the number is', () => {
      const wa = (handle: string) => ({ id: 'a', handles: [{ platform: 'whatsapp', handle }] });
      expect(keyUS(wa('4936202565'), stats())).toMatchObject({ keys: [], weak: ['p:+4936202565'] });
      expect(keyRecord(wa('971501234567'), stats())).toMatchObject({ keys: ['p:+971501234567'], weak: [] });
      expect(keyRecord(wa('97142345678'), stats())).toMatchObject({ keys: [], weak: ['p:+97142345678'] });
      // wa.me links are international: explicit, strong.
      expect(keyUS(wa('https://wa.me/4936202565'), stats())).toMatchObject({ keys: ['p:+4936202565'], weak: [] });
      // The same number as a phone and as a WhatsApp handle: one weak key.
      expect(keyUS({ ...wa('4936202565'), phones: ['4936202565'] }, stats())).toMatchObject({ keys: [], weak: ['p:+4936202565'] });
    });
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
