import { describe, expect, test } from 'vitest';
import { recordFromRow } from './recordFromRow.js';

describe('recordFromRow: rows map as the CLI maps them (#14)', () => {
  const config = { externalIds: { loyalty_id: 'loyalty' }, columns: { phone: 'Mobile' } };

  test('column names fold, multi-values split, external ids and attributes as in files', () => {
    const r = recordFromRow({ ID: ' c1 ', Email: 'ann@corp.ae | ann@home.ae', mobile: '050 123 4567', 'First Name': 'Ann', 'Loyalty ID': 'L-1', city: 'Dubai', DOB: '07/03/1984', mall: 'MoE' }, config);
    expect(r).toEqual({
      ok: true,
      warnings: [],
      record: expect.objectContaining({
        id: 'c1',
        emails: ['ann@corp.ae', 'ann@home.ae'],
        phones: ['050 123 4567'],
        firstName: 'Ann',
        externalIds: [{ namespace: 'loyalty', value: 'L-1' }],
        city: 'Dubai',
        dateOfBirth: '07/03/1984',
        attributes: { mall: 'MoE' },
      }),
    });
  });

  test('a bad row is a result with reasons and issues; a bad config throws config_invalid', () => {
    expect(recordFromRow({ email: 'a@b.ae' }, config)).toMatchObject({ ok: false, reasons: ['missing id'], issues: [{ code: 'missing_id' }] });
    expect(recordFromRow({ id: 'x', updated_at: 'yesterday' })).toMatchObject({ ok: true, warnings: ['updated_at: not an ISO-8601 date; the record is kept without it'] });
    expect(() => recordFromRow({ id: 'x' }, { externalIds: { id: 'crm' } })).toThrow(expect.objectContaining({ code: 'config_invalid' }));
  });
});

describe('recordFromRow: a config edited in place', () => {
  // Review finding: the compiled mapping was cached by object identity and went stale.
  test('is read again', () => {
    const config: { externalIds?: Record<string, string> } = {};
    expect(recordFromRow({ id: 'c', loyalty_id: 'L1' }, config)).toMatchObject({ ok: true, record: { attributes: { loyalty_id: 'L1' } } });
    config.externalIds = { loyalty_id: 'loyalty' };
    expect(recordFromRow({ id: 'c', loyalty_id: 'L1' }, config)).toMatchObject({ ok: true, record: { externalIds: [{ namespace: 'loyalty', value: 'L1' }] } });
  });
});
