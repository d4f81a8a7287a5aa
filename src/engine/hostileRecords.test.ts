import { describe, expect, test } from 'vitest';
import { createResolver } from '../incremental/createResolver.js';
import { resolve } from '../resolve.js';

// Records from untrusted callers: field names that are Object methods or `__proto__`, ids that are numbers or
// not valid text, absurd sizes. Each is a reject with a reason or an ordinary field, never a crash.
describe('hostile records through resolve() and createResolver()', () => {
  const withAttributes = (id: string, json: string): unknown => ({ id, emails: ['ann@corp.ae'], firstName: 'Ann', attributes: JSON.parse(json) });

  // Regression (hardening #1): "score is not a function" once two records with such a field clustered.
  test.each(['toString', 'constructor', 'valueOf', 'hasOwnProperty', '__proto__'])('an attribute named %s is a field like any other', (name) => {
    const records = [withAttributes('c1', `{"${name}": "a"}`), withAttributes('c2', `{"${name}": "b"}`), withAttributes('c3', `{"${name}": "c"}`)];
    const { profiles, rejects } = resolve(records.slice(0, 2));
    expect(rejects).toEqual([]);
    expect(Object.getOwnPropertyDescriptor(profiles[0]!.fields, name)?.value).toMatchObject({ value: 'a', recordId: 'c1', rule: 'mostRecent' }); // undated: ties go to the smaller id

    const resolver = createResolver();
    for (const r of records) expect(resolver.add(r as never).ok).toBe(true);
    const profile = resolver.profile(resolver.profileOf('c1')!)!;
    expect(Object.keys(profile.fields).sort()).toEqual([name, 'firstName'].sort());
    const single = createResolver();
    single.add(withAttributes('s1', `{"${name}": "only"}`) as never);
    expect(Object.keys(single.profile(single.profileOf('s1')!)!.fields).sort()).toEqual([name, 'firstName'].sort());
  });

  // Regression (hardening #1): an attribute `firstName` replaced the real first name in the profile.
  test('an attribute named like a name field is kept beside it, not over it', () => {
    const { profiles } = resolve([{ id: 'c1', firstName: 'Ann', attributes: { firstName: 'Spam', first_name: 'Eggs', 'attribute:x': 1 } }]);
    const fields = profiles[0]!.fields;
    expect(fields.firstName?.value).toBe('Ann');
    expect(fields['attribute:firstName']?.value).toBe('Spam');
    expect(fields['attribute:first_name']?.value).toBe('Eggs');
    expect(fields['attribute:attribute:x']?.value).toBe(1);
  });

  // Regression (hardening #5): numeric ids were refused by resolve() and rounded by files.
  test('integer ids within the safe range are their decimal strings; other numbers are rejects', () => {
    const { mapping, rejects } = resolve([{ id: 12 }, { id: 9007199254740993 }, { id: 1.5 }]);
    expect([...mapping.keys()]).toEqual(['12']);
    expect(rejects.map((r) => r.reasons)).toEqual([
      ['id: a number beyond ±(2^53−1), which JSON cannot keep exactly; write the id as a string'],
      ['id: the number 1.5 is not an integer; write the id as a string or a plain integer'],
    ]);
  });

  // Regression (hardening #11): `x\ud800` and `x\ud801` were one id after UTF-8 encoding; NUL reached mapping.csv.
  test('ids with lone surrogates or control characters are rejects', () => {
    const { mapping, rejects } = resolve([{ id: 'x\ud800' }, { id: 'x\ud801' }, { id: 'x\ufffd' }, { id: 'a\u0000b' }]);
    expect([...mapping.keys()]).toEqual(['x\ufffd']);
    expect(rejects.map((r) => r.reasons[0])).toEqual([
      'id: lone surrogate (not valid Unicode text)',
      'id: lone surrogate (not valid Unicode text)',
      'id: control character U+0000 at position 2',
    ]);
    expect(createResolver().add({ id: 'y\udfff' }).ok).toBe(false);
  });

  // Regression (hardening #4): 20k emails in one add() blocked the resolver for 3.8 s.
  test('a record with more identifiers of a kind than allowed is a reject, fast', () => {
    const emails = Array.from({ length: 20_000 }, (_, i) => `u${i}@corp.ae`);
    const resolver = createResolver();
    const t = performance.now();
    const r = resolver.add({ id: 'a', emails });
    expect(performance.now() - t).toBeLessThan(500);
    expect(r).toMatchObject({ ok: false, reasons: ['emails: 20000 values, more than the 100 one record may hold (a list pasted into one cell?)'], issues: [{ code: 'too_many_values', path: 'emails' }] });
    expect(resolve([{ id: 'b', phones: emails }]).rejects[0]!.reasons).toEqual(['phones: 20000 values, more than the 100 one record may hold (a list pasted into one cell?)']);
  });

  // Regression (hardening #11): lookup(null) threw a TypeError.
  test('lookup of anything is a result, not a throw', () => {
    const resolver = createResolver();
    resolver.add({ id: 'a', emails: ['ann@corp.ae'] });
    for (const q of [null, undefined, 42, 'ann@corp.ae', {}, { email: 5 }, { phone: null }, { handle: null }, { externalId: null }, { handle: { platform: 1 } }, { login: ['x'] }]) {
      expect(resolver.lookup(q as never)).toBeUndefined();
      expect(resolver.lookupAll(q as never)).toEqual([]);
    }
  });
});

describe('one accept rule: updatedAt', () => {
  // One rule for every path (#11): a non-ISO updatedAt no longer rejects a library record (it said ISO-8601 but
  // checked Date.parse) while files dropped it; now both keep the record, undated, and count it.
  test('a non-ISO updatedAt is dropped and counted, by resolve() as by files', () => {
    const { profiles, rejects, report } = resolve([
      { id: 'a', emails: ['ann@corp.ae'], updatedAt: '2024/03/07' },
      { id: 'b', emails: ['bo@corp.ae'], updatedAt: 'not a date' },
      { id: 'c', emails: ['cy@corp.ae'], updatedAt: '2024-03-07T10:00:00Z' },
    ]);
    expect(rejects).toEqual([]);
    expect(report.invalidUpdatedAt).toBe(2);
    expect(profiles.filter((p) => p.firstSeen !== undefined).map((p) => p.recordIds)).toEqual([['c']]);
  });
});
