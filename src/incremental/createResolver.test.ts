import { describe, expect, test } from 'vitest';
import { isIdweaveError } from '../errors.js';
import type { CustomerRecord } from '../types.js';
import { createResolver, restoreResolver, type Resolver, type ResolverChangeResult } from './createResolver.js';
import { resolve } from '../resolve.js';

function ok(result: ResolverChangeResult): { profileId: string; events: readonly unknown[] } {
  if (!result.ok) throw new Error(`refused: ${result.reasons.join('; ')}`);
  return result;
}

const omar: CustomerRecord = { id: 'crm-1', source: 'share-app', emails: ['Omar.Saleh+promo@gmail.com'], phones: ['050 123 4567'], firstName: 'Omar', lastName: 'Saleh' };
const omarPos: CustomerRecord = { id: 'pos-7', source: 'pos', emails: ['omarsaleh@googlemail.com'], firstName: 'Omar', attributes: { city: 'Dubai' } };
const omarWifi: CustomerRecord = { id: 'wifi-3', source: 'mall-wifi', phones: ['+971501234567'], firstName: 'Omar' };
const layla: CustomerRecord = { id: 'crm-2', source: 'share-app', phones: ['0501234567'], firstName: 'Layla', lastName: 'Saleh' };

describe('add', () => {
  test('a first record creates a profile; a matching one joins it', () => {
    const r = createResolver();
    expect(ok(r.add(omar))).toEqual({ ok: true, profileId: 'P00000001', events: [{ type: 'created', profileId: 'P00000001', recordIds: ['crm-1'] }] });
    expect(ok(r.add(omarPos))).toEqual({ ok: true, profileId: 'P00000001', events: [{ type: 'joined', profileId: 'P00000001', recordIds: ['pos-7'] }] });
    expect(r.recordCount).toBe(2);
    expect(r.profileCount).toBe(1);
  });

  test('a family phone with a different first name does not join (shareable guard)', () => {
    const r = createResolver();
    r.add(omar);
    const res = ok(r.add(layla));
    expect(res.profileId).toBe('P00000002');
    expect(res.events).toEqual([{ type: 'created', profileId: 'P00000002', recordIds: ['crm-2'] }]);
  });

  test.each<[string, unknown, RegExp]>([
    ['no id', { emails: ['a@b.com'] }, /id/],
    ['empty id', { id: '  ' }, /missing id/],
    ['an unknown field', { id: 'x', email: 'a@b.com' }, /email/],
    ['a wrong type', { id: 'x', emails: 'a@b.com' }, /emails/],
  ])('bad data is a result, not an exception: %s', (_label, input, reason) => {
    const r = createResolver();
    const res = r.add(input as CustomerRecord);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.reasons.join(' ')).toMatch(reason);
    expect(r.recordCount).toBe(0);
  });

  test('adding an id already present is refused and changes nothing', () => {
    const r = createResolver();
    r.add(omar);
    const res = r.add({ ...omar, phones: [] });
    expect(res).toEqual({ ok: false, reasons: ['duplicate id "crm-1": use update() to change an existing record'] });
    expect(r.profile('P00000001')!.identifiers.map((i) => i.kind)).toContain('phone');
  });

  test('a record joining two profiles merges them into the oldest', () => {
    const r = createResolver();
    r.add(omarPos); // P1: email
    r.add(omarWifi); // P2: phone
    const res = ok(r.add(omar)); // email + phone
    expect(res.profileId).toBe('P00000001');
    expect(res.events).toEqual([
      { type: 'merged', profileId: 'P00000001', mergedIds: ['P00000002'] },
      { type: 'joined', profileId: 'P00000001', recordIds: ['crm-1'] },
    ]);
    expect(r.profile('P00000002')).toBeUndefined();
    expect(r.profileOf('wifi-3')).toBe('P00000001');
  });
});

describe('update', () => {
  test('new content in place: the profile is updated', () => {
    const r = createResolver();
    r.add(omar);
    r.add(omarPos);
    const res = ok(r.update({ ...omarPos, city: 'Sharjah' }));
    expect(res.events).toEqual([{ type: 'updated', profileId: 'P00000001', recordIds: ['pos-7'] }]);
    expect(r.profile('P00000001')!.fields.city!.value).toBe('Sharjah');
  });

  test('a record that loses its shared identifier splits off with a new id', () => {
    const r = createResolver();
    r.add(omar);
    r.add(omarPos);
    r.add(omarWifi);
    const res = ok(r.update({ ...omarWifi, phones: ['+971 55 000 1111'] }));
    expect(res.profileId).toBe('P00000002');
    expect(res.events).toEqual([{ type: 'split', profileId: 'P00000001', newIds: ['P00000002'] }]);
    expect(r.profile('P00000001')!.recordIds).toEqual(['crm-1', 'pos-7']);
  });

  test('a record moving to another existing profile: joined there, updated here', () => {
    const r = createResolver();
    r.add(omar); // P1
    r.add(omarPos); // P1 by email
    r.add({ id: 'x-1', emails: ['sara@maf.ae'], firstName: 'Sara' }); // P2
    r.add({ id: 'x-2', emails: ['sara@maf.ae', 'other@maf.ae'], firstName: 'Sara' }); // P2
    const res = ok(r.update({ ...omarPos, emails: ['other@maf.ae'], firstName: 'Sara' }));
    expect(res.profileId).toBe('P00000002');
    expect(res.events).toEqual([
      { type: 'joined', profileId: 'P00000002', recordIds: ['pos-7'] },
      { type: 'updated', profileId: 'P00000001', recordIds: ['pos-7'] },
    ]);
  });

  test('updating an unknown id is refused', () => {
    expect(createResolver().update(omar)).toEqual({ ok: false, reasons: ['unknown id "crm-1": use add() for a new record'] });
  });
});

describe('remove', () => {
  test('erasing the bridge splits the profile: the largest part keeps the id', () => {
    const r = createResolver();
    r.add(omarPos);
    r.add({ id: 'pos-8', emails: ['omarsaleh@gmail.com'], firstName: 'Omar' });
    r.add(omarWifi);
    r.add(omar); // bridges email (pos-7, pos-8) and phone (wifi-3)
    expect(r.profileCount).toBe(1);
    const res = r.remove('crm-1');
    expect(res).toEqual({ ok: true, events: [{ type: 'split', profileId: 'P00000001', newIds: ['P00000003'] }, { type: 'updated', profileId: 'P00000001', recordIds: ['crm-1'] }] });
    expect(r.profileOf('pos-7')).toBe('P00000001');
    expect(r.profileOf('wifi-3')).toBe('P00000003');
    expect(r.profileOf('crm-1')).toBeUndefined();
  });

  test('a split into equal parts: the part with the smallest record id keeps the id', () => {
    const r = createResolver();
    r.add({ id: 'b', phones: ['0501234567'] });
    r.add({ id: 'a', emails: ['sara.k@maf.ae'] });
    r.add({ id: 'm', phones: ['0501234567'], emails: ['sara.k@maf.ae'] });
    const res = r.remove('m');
    expect(res.ok && res.events[0]).toEqual({ type: 'split', profileId: 'P00000001', newIds: ['P00000003'] });
    expect(r.profileOf('a')).toBe('P00000001');
    expect(r.profileOf('b')).toBe('P00000003');
  });

  test('erasing the last record deletes the profile; its id is never reused', () => {
    const r = createResolver();
    r.add(omar);
    expect(r.remove('crm-1')).toEqual({ ok: true, events: [{ type: 'deleted', profileId: 'P00000001' }] });
    expect(r.profile('P00000001')).toBeUndefined();
    expect(r.lookup({ email: 'omarsaleh@gmail.com' })).toBeUndefined();
    expect(ok(r.add(omar)).profileId).toBe('P00000002');
  });

  test('erased data is gone from lookups and snapshots', () => {
    const r = createResolver();
    r.add(omar);
    r.add(layla);
    r.remove('crm-1');
    const text = JSON.stringify(r.snapshot());
    expect(text).not.toContain('omar');
    expect(text).not.toContain('crm-1');
  });

  test('removing an unknown id is refused', () => {
    expect(createResolver().remove('nope')).toEqual({ ok: false, reasons: ['unknown id "nope"'] });
  });
});

describe('profile, profileOf, lookup', () => {
  const build = (): Resolver => {
    const r = createResolver({ survivorship: { sourcePriority: ['pos'] } });
    r.add(omar);
    r.add(omarPos);
    r.add({ id: 'app-9', logins: ['OmarS'], handles: [{ platform: 'instagram', handle: 'https://www.instagram.com/omar.s/' }], externalIds: [{ namespace: 'loyalty', value: ' MAF123 ' }], emails: ['omar.saleh@gmail.com'], firstName: 'Omar' });
    r.add(layla);
    return r;
  };

  test('the golden profile is the one resolve() builds for the same records (id aside)', () => {
    const r = build();
    const records = [omar, omarPos, { id: 'app-9', logins: ['OmarS'], handles: [{ platform: 'instagram', handle: 'https://www.instagram.com/omar.s/' }], externalIds: [{ namespace: 'loyalty', value: ' MAF123 ' }], emails: ['omar.saleh@gmail.com'], firstName: 'Omar' }];
    const batch = resolve(records, { survivorship: { sourcePriority: ['pos'] } }).profiles[0]!;
    expect(r.profile(r.profileOf('crm-1')!)).toEqual({ ...batch, profileId: 'P00000001' });
  });

  test.each<[string, Parameters<Resolver['lookup']>[0], string | undefined]>([
    ['email, another spelling', { email: 'OMARSALEH+x@googlemail.com' }, 'P00000001'],
    ['phone, local format', { phone: '050-123-4567' }, undefined], // a family phone: two profiles hold it
    ['login, case-folded', { login: 'omars' }, 'P00000001'],
    ['handle, @form', { handle: { platform: 'instagram', handle: '@Omar.S' } }, 'P00000001'],
    ['external id, trimmed', { externalId: { namespace: 'loyalty', value: 'MAF123' } }, 'P00000001'],
    ['unknown email', { email: 'nobody@maf.ae' }, undefined],
    ['invalid phone', { phone: 'n/a' }, undefined],
  ])('lookup by %s', (_label, query, expected) => {
    expect(build().lookup(query)).toBe(expected);
  });

  test('a lookup by a junk or invalid value finds nothing, even right after one that found a profile', () => {
    // The keyer reuses its arrays from query to query: with no key, an earlier query's key was read again.
    const r = build();
    expect(r.lookup({ login: 'omars' })).toBe('P00000001');
    expect(r.lookup({ login: 'n/a' })).toBeUndefined();
    expect(r.lookup({ email: 'omar.saleh@gmail.com' })).toBe('P00000001');
    expect(r.lookup({ email: 'not an email' })).toBeUndefined();
    expect(r.lookupAll({ email: 'test@test.com' })).toEqual([]);
  });

  test('lookupAll lists every profile holding an identifier, oldest first', () => {
    expect(build().lookupAll({ phone: '+971501234567' })).toEqual(['P00000001', 'P00000002']);
  });

  test('unknown ids', () => {
    const r = build();
    expect(r.profileOf('nope')).toBeUndefined();
    expect(r.profile('P00000099')).toBeUndefined();
    expect(r.profile('P0000000000000001')).toBeUndefined();
    expect(r.explainProfile('nope')).toBeUndefined();
  });
});

describe('explain', () => {
  test('linked records: the chain of accepted links, in words', () => {
    const r = createResolver();
    r.add(omarPos);
    r.add(omar);
    r.add(omarWifi);
    const e = r.explain('pos-7', 'wifi-3');
    expect(e.linked).toBe(true);
    expect(e.path.map((l) => [l.recordA, l.kind, l.key, l.recordB])).toEqual([
      ['pos-7', 'email', 'email:omarsaleh@gmail.com', 'crm-1'],
      ['crm-1', 'phone', 'phone:+971501234567', 'wifi-3'],
    ]);
    expect(e.message).toBe('linked in profile P00000001: pos-7 and crm-1 share email:omarsaleh@gmail.com; crm-1 and wifi-3 share phone:+971501234567');
  });

  test('a refused link: which guard and why', () => {
    const r = createResolver();
    r.add(omar);
    r.add(layla);
    const e = r.explain('crm-1', 'crm-2');
    expect(e.linked).toBe(false);
    expect(e.refused).toHaveLength(1);
    expect(e.refused[0]).toMatchObject({ guard: 'shareable', key: 'phone:+971501234567', accepted: false });
    expect(e.message).toMatch(/^not linked: the shareable guard refused the link through phone:\+971501234567 between crm-\d and crm-\d \(names differ: /);
  });

  test('no shared key', () => {
    const r = createResolver();
    r.add(omar);
    r.add({ id: 'z', emails: ['z@maf.ae'] });
    expect(r.explain('crm-1', 'z')).toMatchObject({ linked: false, path: [], refused: [], message: 'not linked: their profiles share no identifier' });
    expect(r.explain('crm-1', 'ghost').message).toBe('not linked: no record "ghost"');
  });

  test('a generic identifier is named, with its counts', () => {
    const r = createResolver({ guards: { generic: { maxRecords: 2 } } });
    for (const id of ['g1', 'g2', 'g3']) r.add({ id, phones: ['04 234 5678'] });
    const e = r.explain('g1', 'g2');
    expect(e.linked).toBe(false);
    expect(e.generic).toEqual([{ key: 'phone:+97142345678', records: 3, distinctIdentifiers: 0 }]);
    expect(e.message).toMatch(/generic identifiers.*phone:\+97142345678 \(shared by 3 records/);
  });

  test('explainProfile: the links holding it together and the links refused around it', () => {
    const r = createResolver();
    r.add(omar);
    r.add(omarPos);
    r.add(layla);
    const e = r.explainProfile('P00000001')!;
    expect(e.recordIds).toEqual(['crm-1', 'pos-7']);
    expect(e.links).toHaveLength(1);
    expect(e.refused.map((l) => l.guard)).toEqual(['shareable']);
    expect(e.message).toMatch(/^profile P00000001 joins 2 records: .* share email:omarsaleh@gmail.com\. refused: /);
  });
});

describe('snapshot and restore', () => {
  test('restoring gives the same profiles, and continuing gives the same ids', () => {
    const a = createResolver();
    a.add(omar);
    a.add(omarPos);
    a.add(layla);
    const b = restoreResolver(JSON.parse(JSON.stringify(a.snapshot())));
    expect(b.profile('P00000001')).toEqual(a.profile('P00000001'));
    expect(b.add(omarWifi)).toEqual(a.add(omarWifi));
    expect(b.add({ id: 'n', emails: ['n@maf.ae'] })).toEqual(a.add({ id: 'n', emails: ['n@maf.ae'] }));
  });

  test('restoring under different matching options is refused; survivorship may change', () => {
    const snap = createResolver().snapshot();
    expect(() => restoreResolver(snap, { defaultRegion: 'SA' })).toThrow(/different matching options/);
    expect(() => restoreResolver(snap, { survivorship: { default: 'mostFrequent' } })).not.toThrow();
  });

  test('a malformed snapshot throws an IdweaveError', () => {
    let error: unknown;
    try {
      restoreResolver({ format: 'something else' });
    } catch (e) {
      error = e;
    }
    expect(isIdweaveError(error)).toBe(true);
  });
});

describe('scale', () => {
  test('10k generated records added one by one give the partition of resolve() on all of them', () => {
    let seed = 12345;
    const rnd = (): number => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    const first = ['Ahmed', 'Sara', 'Omar', 'Layla', 'Fatima', 'Khalid', ''];
    const records: CustomerRecord[] = [];
    for (let person = 0; records.length < 10_000; person++) {
      const copies = 1 + Math.floor(rnd() * rnd() * 5);
      const local = `p${person % 4000}`;
      const phone = `5${String(1_000_000 + ((person * 7919) % 3_000)).padStart(8, '0')}`;
      const name = first[person % first.length]!;
      for (let c = 0; c < copies && records.length < 10_000; c++) {
        records.push({
          id: `r${records.length}`,
          emails: rnd() < 0.7 ? [c % 2 ? `${local}@gmail.com` : `${local.toUpperCase()}+x@googlemail.com`] : rnd() < 0.1 ? ['test@test.com'] : [],
          phones: rnd() < 0.6 ? [c % 2 ? `+971${phone}` : `0${phone}`] : [],
          ...(rnd() < 0.1 ? { logins: [`u${person % 3000}`] } : {}),
          ...(rnd() < 0.3 ? { externalIds: [{ namespace: 'loyalty', value: `L${person % 5000}` }] } : {}),
          firstName: rnd() < 0.8 ? name : first[Math.floor(rnd() * first.length)]!,
        });
      }
    }
    const resolver = createResolver();
    for (const rec of records) ok(resolver.add(rec));
    const { mapping } = resolve(records);
    const group = (pairs: Iterable<readonly [string, string]>): string[][] => {
      const g = new Map<string, string[]>();
      for (const [rec, p] of pairs) g.set(p, [...(g.get(p) ?? []), rec]);
      return [...g.values()].map((x) => x.sort()).sort((x, y) => (x[0]! < y[0]! ? -1 : 1));
    };
    expect(group(records.map((rec) => [rec.id, resolver.profileOf(rec.id)!] as const))).toEqual(group(mapping));
    expect(resolver.profileCount).toBe(new Set(mapping.values()).size);
  }, 60_000);
});

describe('add() and update() warn about identifiers that will not link (#14)', () => {
  test('invalid, junk and generic identifiers are named; the record is added', () => {
    const resolver = createResolver({ guards: { generic: { maxRecords: 2 } } });
    const r = resolver.add({ id: 'a', emails: ['not-an-email', 'ann@corp.ae'], phones: ['0000000000'] });
    expect(r).toMatchObject({ ok: true, warnings: ['emails: 1 value dropped (invalid_email)', 'phones: 1 value dropped (placeholder_phone)'] });
    expect(resolver.add({ id: 'b', emails: ['ann@corp.ae'] })).not.toHaveProperty('warnings');
    const third = resolver.add({ id: 'c', emails: ['ann@corp.ae'] });
    expect(third).toMatchObject({ ok: true, warnings: ['emails: ann@corp.ae is generic (shared by too many records or identifiers) and does not link'] });
    const updated = resolver.update({ id: 'b', emails: ['test@test.com'] });
    expect(updated).toMatchObject({ ok: true, warnings: ['emails: 1 placeholder value dropped (junk)'] });
  });
});
