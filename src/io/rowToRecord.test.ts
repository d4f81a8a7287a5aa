import { describe, expect, test } from 'vitest';
import { createRowMapper } from './rowToRecord.js';

const ok = (r: ReturnType<ReturnType<typeof createRowMapper>['map']>) => {
  if (!r.ok) throw new Error(r.reasons.join(', '));
  return JSON.parse(JSON.stringify(r.record)) as Record<string, unknown>;
};

describe('createRowMapper', () => {
  const mapper = createRowMapper({ externalIds: { loyalty_id: 'loyalty' } });

  test('columns, multi-values, handles, external ids, attributes', () => {
    const r = mapper.map({
      id: ' c1 ',
      source: 'pos',
      updated_at: '2024-03-01T10:00:00Z',
      email: 'a@x.com | B@x.com ||',
      phone: '050 123 4567',
      login: '',
      first_name: ' John ',
      last_name: 'Doe',
      full_name: '',
      instagram: '@john|@jd',
      x: 'johnd',
      whatsapp: '+971501234567',
      loyalty_id: 'LC-1',
      city: ' Dubai ',
      gender: '',
    });
    expect(ok(r)).toEqual({
      id: 'c1',
      source: 'pos',
      updatedAt: '2024-03-01T10:00:00Z',
      emails: ['a@x.com', 'B@x.com'],
      phones: ['050 123 4567'],
      firstName: 'John',
      lastName: 'Doe',
      handles: [
        { platform: 'instagram', handle: '@john' },
        { platform: 'instagram', handle: '@jd' },
        { platform: 'twitter', handle: 'johnd' },
        { platform: 'whatsapp', handle: '+971501234567' },
      ],
      externalIds: [{ namespace: 'loyalty', value: 'LC-1' }],
      attributes: { city: 'Dubai' },
    });
  });

  test.each([
    ['no id', { email: 'a@x.com' }, ['missing id']],
    ['empty id', { id: '  ', email: 'a@x.com' }, ['missing id']],
    ['object id', { id: {}, emails: 5 }, ['missing id', 'id: expected a string']],
    ['bad handles', { id: '1', handles: [{ platform: 'instagram' }] }, ['handles[0]: expected { platform: string, handle: string }']],
  ])('rejects: %s', (_l, fields, reasons) => {
    expect(mapper.map(fields)).toEqual({ ok: false, reasons });
  });

  test('a bad updated_at keeps the record, without the timestamp', () => {
    const r = mapper.map({ id: '1', updated_at: 'last tuesday' });
    expect(r).toMatchObject({ ok: true, invalidUpdatedAt: true, record: { id: '1', updatedAt: undefined } });
  });

  test('renamed columns take the role; the original name becomes an attribute', () => {
    const m = createRowMapper({ columns: { id: 'customer_no', email: 'EmailAddress' } });
    expect(m.idColumn).toBe('customer_no');
    expect(ok(m.map({ customer_no: 'c9', EmailAddress: 'a@x.com', email: 'legacy', id: 'old' }))).toEqual({
      id: 'c9',
      emails: ['a@x.com'],
      attributes: { email: 'legacy', id: 'old' },
    });
  });

  test('NDJSON objects in the library shape', () => {
    const r = mapper.map({
      id: 42,
      emails: ['a@x.com', 'b@x.com|c@x.com'],
      phones: [],
      handles: [{ platform: 'tiktok', handle: '@t' }],
      externalIds: [{ namespace: 'crm', value: 'C-1' }],
      firstName: 'Ann',
      attributes: { vip: true, tier: 2, note: null },
      extra: { nested: 1 },
    });
    expect(ok(r)).toEqual({
      id: '42',
      emails: ['a@x.com', 'b@x.com', 'c@x.com'],
      handles: [{ platform: 'tiktok', handle: '@t' }],
      externalIds: [{ namespace: 'crm', value: 'C-1' }],
      firstName: 'Ann',
      attributes: { vip: true, tier: 2, extra: '{"nested":1}' },
    });
  });
});
