import { describe, expect, test } from 'vitest';
import type { CustomerRecord } from '../types.js';
import { resolve } from '../resolve.js';

/** The partition as sorted groups of record ids. */
function partition(records: readonly CustomerRecord[]): string[][] {
  const { mapping } = resolve(records);
  const groups = new Map<string, string[]>();
  for (const [id, p] of mapping) groups.set(p, [...(groups.get(p) ?? []), id]);
  return [...groups.values()].map((g) => g.sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

const together = (records: readonly CustomerRecord[]) => expect(partition(records)).toHaveLength(1);
const apart = (records: readonly CustomerRecord[]) => expect(partition(records)).toHaveLength(records.length);

const phone = '+971501234567';

describe('one shared phone or email between different people (spec §3, whole-person evidence)', () => {
  test.each([
    ['James', 'Garcia', 'James', 'Chowdhury'],
    ['Huda', 'Jones', 'Huda', 'Schmidt'],
    ['Carl', 'Smith', 'Carol', 'Smith'],
    ['Dana', 'Haddad', 'Diana', 'Haddad'],
    ['Jorge', 'Silva', 'Jorg', 'Weber'],
  ])('%s %s and %s %s are two people', (f1, l1, f2, l2) => {
    apart([
      { id: 'a', phones: [phone], firstName: f1, lastName: l1 },
      { id: 'b', phones: [phone], firstName: f2, lastName: l2 },
    ]);
    apart([
      { id: 'a', emails: ['shared.family@gmail.com'], firstName: f1, lastName: l1 },
      { id: 'b', emails: ['shared.family@gmail.com'], firstName: f2, lastName: l2 },
    ]);
  });

  test('a surname conflict is not hidden by another record of the cluster without a surname', () => {
    const parts = partition([
      { id: 'a1', emails: ['james.garcia@gmail.com'], phones: [phone], firstName: 'James', lastName: 'Garcia' },
      { id: 'a2', emails: ['james.garcia@gmail.com'], firstName: 'James' },
      { id: 'b', phones: [phone], firstName: 'James', lastName: 'Chowdhury' },
    ]);
    expect(parts).toEqual([['a1', 'a2'], ['b']]);
  });

  test('a date-of-birth conflict refuses a single-key link; a day/month swap does not', () => {
    apart([
      { id: 'a', phones: [phone], firstName: 'Ahmed', lastName: 'Hassan', dateOfBirth: '1980-04-12' },
      { id: 'b', phones: [phone], firstName: 'Ahmed', lastName: 'Hassan', dateOfBirth: '1995-09-30' },
    ]);
    together([
      { id: 'a', phones: [phone], firstName: 'Ahmed', lastName: 'Hassan', dateOfBirth: '1980-04-12' },
      { id: 'b', phones: [phone], firstName: 'Ahmed', lastName: 'Hassan', dateOfBirth: '04/12/1980' },
    ]);
  });
});

describe('keys known to be shared', () => {
  // An office mailbox and phone used by 20 people (under the generic threshold of 100 records).
  const office: CustomerRecord[] = [];
  const firsts = ['Huda', 'Omar', 'Sara', 'Ali', 'Mona', 'Khalid', 'Lina', 'Rami', 'Noor', 'Faisal'];
  const lasts = ['Jones', 'Haddad', 'Khan', 'Schmidt'];
  for (let i = 0; i < 20; i++) {
    office.push({ id: `o${i}`, emails: ['frontoffice@acme.ae'], phones: ['+97143334444'], firstName: firsts[i % 10]!, lastName: lasts[i % 4]! });
  }

  test('never link on a first-name match alone, and never corroborate each other', () => {
    // o0 = Huda Jones, o10 = Huda Khan: the same first name, different surnames, through two shared keys.
    const parts = partition(office);
    expect(parts).toHaveLength(20);
  });

  test('a full-name match with a date of birth still links through a shared key', () => {
    const parts = partition([
      ...office,
      { id: 'h2', emails: ['frontoffice@acme.ae'], firstName: 'Huda', lastName: 'Jones', dateOfBirth: '1990-02-03' },
      { id: 'h3', emails: ['frontoffice@acme.ae'], firstName: 'Huda', lastName: 'Jones', dateOfBirth: '1990-02-03' },
    ]);
    expect(parts.find((g) => g.includes('h2'))).toContain('h3');
  });

  test('a record without a name is not linked through a shared key', () => {
    const parts = partition([...office, { id: 'anon', emails: ['frontoffice@acme.ae'] }]);
    expect(parts.find((g) => g.includes('anon'))).toEqual(['anon']);
  });
});

describe('one person written differently', () => {
  test.each([
    [{ firstName: 'William', lastName: 'Smith' }, { firstName: 'Bill', lastName: 'Smith' }],
    [{ firstName: 'John', lastName: 'Smith' }, { firstName: 'J.', lastName: 'Smith' }],
    [{ firstName: 'Amna', lastName: 'Khan' }, { firstName: 'Anma', lastName: 'Khan' }],
    [{ fullName: 'Abdullah Al Otaibi' }, { fullName: 'Al Otaibi, Abdullah' }],
    [{ fullName: 'Abdullah Al-Otaibi' }, { firstName: 'Abdullah', lastName: 'Alotaibi' }],
    [{ fullName: 'Anna van Dyke' }, { fullName: 'Van Dyke, Anna' }],
    [{ firstName: 'Mohammed', lastName: 'Rashid' }, { firstName: 'Mohd', lastName: 'Rashid' }],
    [{ firstName: 'Mohammed', lastName: 'Rashid' }, { firstName: 'محمد', lastName: 'Rashid' }],
    [{ firstName: 'Maria', lastName: 'Garcia Lopez' }, { firstName: 'Maria', lastName: 'Garcia' }],
    [{ firstName: 'Ali', lastName: 'Smith' }, { firstName: 'Smith', lastName: 'Ali' }],
  ] as const)('%j ~ %j', (a, b) => {
    together([
      { id: 'a', phones: [phone], ...a },
      { id: 'b', phones: [phone], ...b },
    ]);
  });
});

describe('evidence carries the weight and its parts', () => {
  test('accepted and refused decisions say why numerically', () => {
    const { evidence } = resolve([
      { id: 'a', phones: [phone], firstName: 'James', lastName: 'Garcia' },
      { id: 'b', phones: [phone], firstName: 'James', lastName: 'Chowdhury' },
      { id: 'c', emails: ['sara.h@gmail.com'], firstName: 'Sara', lastName: 'Haddad', dateOfBirth: '1990-01-02' },
      { id: 'd', emails: ['sara.h@gmail.com'], firstName: 'Sara', dateOfBirth: '1990-01-02' },
    ]);
    const refused = evidence.find((e) => !e.accepted)!;
    expect(refused.guard).toBe('shareable');
    // The phone's two records name different people, so it is a shared key (3), less 1.5 for its second name.
    expect(refused.why).toBe('names differ: james garcia vs james chowdhury (weight -4.5 < 8)');
    expect(refused.parts).toEqual({ shared_identifier: 1.5, first_name: 4, last_name: -10 });
    expect(refused.weight).toBe(-4.5);
    const accepted = evidence.find((e) => e.accepted)!;
    // "Sara" and "Sara Haddad" are one person on the key: no term-frequency penalty.
    expect(accepted.parts).toEqual({ identifier: 10, first_name: 4, date_of_birth: 6 });
    expect(accepted.weight).toBe(20);
  });
});

describe('a refusal tells each reason once, in order', () => {
  test('names, dates of birth, then the first conflicting namespace; the other conflicts count in the weight', () => {
    const { evidence } = resolve([
      { id: 'a', phones: [phone], firstName: 'James', lastName: 'Garcia', dateOfBirth: '1984-03-07', handles: [{ platform: 'instagram', handle: 'jg84' }, { platform: 'tiktok', handle: 'jgarcia' }] },
      { id: 'b', phones: [phone], firstName: 'James', lastName: 'Chowdhury', dateOfBirth: '1991-11-20', handles: [{ platform: 'instagram', handle: 'jc91' }, { platform: 'tiktok', handle: 'jchow' }] },
    ]);
    expect(evidence).toHaveLength(1);
    expect(evidence[0]!.accepted).toBe(false);
    expect(evidence[0]!.why).toBe('names differ: james garcia vs james chowdhury; dates of birth differ; different h:instagram: h:instagram:jg84 vs h:instagram:jc91 (weight -28.5 < 8)');
    // Both conflicting namespaces weigh against the link (−6 each), though the text names only the first.
    expect(evidence[0]!.parts).toEqual({ shared_identifier: 1.5, conflicting_identifiers: -12, first_name: 4, last_name: -10, date_of_birth: -12 });
  });
});

describe('a phone read as international only because it was invalid at home is weak evidence', () => {
  const us = { defaultRegion: 'US' } as const;
  test('it links with an agreeing name, never alone; the evidence keeps its kind', () => {
    const named = resolve([
      { id: 'a', phones: ['4936202565'], firstName: 'Jonas', lastName: 'Weber' },
      { id: 'b', phones: ['4936202565'], firstName: 'Jonas', lastName: 'Weber' },
    ], us);
    expect(new Set(named.mapping.values()).size).toBe(1);
    expect(named.evidence[0]).toMatchObject({ kind: 'phone', accepted: true, parts: { weak_identifier: 4, first_name: 4, last_name: 4 } });
    const anonymous = resolve([{ id: 'a', phones: ['4936202565'] }, { id: 'b', phones: ['4936202565'] }], us);
    expect(new Set(anonymous.mapping.values()).size).toBe(2);
  });

  test('the resolver keeps it weak through a snapshot, also beside the same number written in full', async () => {
    const { createResolver, restoreResolver } = await import('../index.js');
    const r = createResolver(us);
    r.add({ id: 'a', phones: ['4936202565'], firstName: 'Jonas' });
    r.add({ id: 'b', phones: ['+49 36202565'], firstName: 'Jonas' });
    r.add({ id: 'c', phones: ['4936202565'] });
    const restored = restoreResolver(JSON.parse(JSON.stringify(r.snapshot())), { ...us, verify: true });
    expect(restored.profileOf('a')).toBe(restored.profileOf('b'));
    expect(restored.profileOf('c')).not.toBe(restored.profileOf('a'));
  });
});
