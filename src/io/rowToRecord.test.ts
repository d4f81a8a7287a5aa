import { describe, expect, test } from 'vitest';
import { EVIDENCE_FIELD_COLUMNS } from '../_internal/nameFields.js';
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
      favourite_mall: '',
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
      city: 'Dubai',
    });
  });

  test.each([
    ['no id', { email: 'a@x.com' }, ['missing id']],
    ['empty id', { id: '  ', email: 'a@x.com' }, ['missing id']],
    ['object id', { id: {}, emails: 5 }, ['id: expected a string or an integer']],
    ['bad handles', { id: '1', handles: [{ platform: 'instagram' }] }, ['handles[0]: expected { platform: string, handle: string }']],
  ])('rejects: %s', (_l, fields, reasons) => {
    expect(mapper.map(fields)).toMatchObject({ ok: false, reasons });
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

describe('createRowMapper: hostile rows (hardening)', () => {
  const mapper = createRowMapper({});

  test('a __proto__ or toString column is an attribute like any other', () => {
    const fields = JSON.parse('{"id":"c1","__proto__":"p","toString":"t","constructor":"c"}') as Record<string, unknown>;
    const r = mapper.map(fields);
    if (!r.ok) throw new Error(r.reasons.join());
    expect(Object.keys(r.record.attributes!)).toEqual(['__proto__', 'toString', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(r.record.attributes, '__proto__')?.value).toBe('p');
    const csv = mapper.mapRow(['id', '__proto__', 'email'], ['c2', 'p', 'a@x.ae']);
    if (!csv.ok) throw new Error(csv.reasons.join());
    expect(Object.getOwnPropertyDescriptor(csv.record.attributes, '__proto__')?.value).toBe('p');
  });

  test('integer ids within the safe range become their decimal string; other numbers are refused', () => {
    const line = '{"id":12,"email":"a@x.ae"}';
    expect(mapper.map(JSON.parse(line), line)).toMatchObject({ ok: true, record: { id: '12' } });
    const big = '{"id":9007199254740993}';
    const r = mapper.map(JSON.parse(big), big);
    expect(r.ok).toBe(false);
    // The rounded digits (…992) are not the file's, so the reason does not quote them.
    if (!r.ok) expect(r.reasons[0]).toBe('id: a number beyond ±(2^53−1), which JSON cannot keep exactly; write the id as a string');
    for (const text of ['{"id":1.5}', '{"id":1e3}', '{"id": 12.0}', '{"id":-0}']) {
      const m = mapper.map(JSON.parse(text), text);
      expect(m.ok, text).toBe(false);
    }
  });

  test.each([
    ['NUL', 'x\u0000y', /control character U\+0000/],
    ['CR', 'x\ry', /control character U\+000D/],
    ['lone high surrogate', 'x\ud800', /lone surrogate/],
    ['lone low surrogate', 'x\udc01', /lone surrogate/],
    ['too long', 'x'.repeat(5000), /longer than 4096/],
  ])('an id with %s is refused', (_label, id, reason) => {
    const r = mapper.mapRow(['id'], [id]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reasons.join()).toMatch(reason);
  });

  test('an emoji id (a valid surrogate pair) is kept', () => {
    expect(mapper.mapRow(['id'], ['c-😀'])).toMatchObject({ ok: true, record: { id: 'c-😀' } });
  });

  test('more identifiers of one kind than a record may hold is a reject, and costs linear time', () => {
    const cell = Array.from({ length: 32_000 }, (_, i) => `u${i}@x.ae`).join('|');
    const t = performance.now();
    const r = mapper.mapRow(['id', 'email'], ['c1', cell]);
    expect(performance.now() - t).toBeLessThan(500);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reasons).toEqual(['emails: 32000 values, more than the 100 one record may hold (a list pasted into one cell?)']);
    expect(mapper.mapRow(['id', 'email'], ['c1', cell.split('|').slice(0, 100).join('|')]).ok).toBe(true);
  });

  test('an attribute nested deeper than 64 levels is a reject, not a stack overflow', () => {
    const text = `{"id":"a","note":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const r = mapper.map(JSON.parse(text), text);
    expect(r).toMatchObject({ ok: false, reasons: ['note: nested deeper than 64 levels'], issues: [{ code: 'too_deep', path: 'note' }] });
    const fine = `{"id":"a","note":${'['.repeat(10)}1${']'.repeat(10)}}`;
    expect(mapper.map(JSON.parse(fine), fine)).toMatchObject({ ok: true, record: { attributes: { note: `${'['.repeat(10)}1${']'.repeat(10)}` } } });
  });
});

describe('createRowMapper: evidence attributes', () => {
  // The mapper keeps the evidence attributes in one variable each (one record shape): a field added to the list
  // and not to the mapper would be dropped silently. Every field of the list, by its column name, must arrive.
  test('every evidence attribute column reaches the record, under its field name', () => {
    const header = ['id', ...EVIDENCE_FIELD_COLUMNS.values()];
    const cells = ['r1', ...[...EVIDENCE_FIELD_COLUMNS.values()].map((c) => ` ${c}-value `)];
    const record = ok(createRowMapper().mapRow(header, cells));
    for (const [field, column] of EVIDENCE_FIELD_COLUMNS) expect(record[field]).toBe(`${column}-value`);
  });

  test('the longest date of birth wins over a birth year, whichever column comes first', () => {
    for (const header of [['id', 'birth_year', 'date_of_birth'], ['id', 'date_of_birth', 'birth_year']]) {
      const cells = header.map((h) => (h === 'id' ? 'r1' : h === 'birth_year' ? '1980' : '1980-04-02'));
      expect(ok(createRowMapper().mapRow(header, cells)).dateOfBirth).toBe('1980-04-02');
    }
  });
});
