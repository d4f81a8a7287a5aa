import { describe, expect, test } from 'vitest';
import cases from '../../../fixtures/normalize/externalId.json' with { type: 'json' };
import { createJunkMatcher } from '../junk/createJunkMatcher.js';
import type { NormalizeFailureReason } from '../../types.js';
import { normalizeExternalId } from './normalizeExternalId.js';

interface ExternalIdCase {
  readonly namespace: string;
  readonly input: string;
  readonly expected: string | null;
  readonly reason: NormalizeFailureReason | null;
  readonly note: string;
}

const table = cases as readonly ExternalIdCase[];

describe('normalizeExternalId: fixtures/normalize/externalId.json', () => {
  test('the table has at least 40 cases', () => {
    expect(table.length).toBeGreaterThanOrEqual(40);
  });

  test.each(table)('$note: $namespace / $input', (c) => {
    const r = normalizeExternalId(c.namespace, c.input);
    if (c.expected === null) {
      expect(r).toMatchObject({ ok: false, reason: c.reason });
      return;
    }
    expect(r).toMatchObject({ ok: true, value: c.expected, raw: c.input });
    if (!r.ok) return;
    expect(`${r.namespace}:${r.id}`).toBe(r.value);
    expect(normalizeExternalId(r.namespace, r.id)).toMatchObject({ ok: true, value: r.value });
  });
});

describe('normalizeExternalId', () => {
  test('result shape', () => {
    expect(normalizeExternalId('Loyalty', ' LC-0099812 ')).toStrictEqual({
      ok: true,
      value: 'loyalty:LC-0099812',
      raw: ' LC-0099812 ',
      namespace: 'loyalty',
      id: 'LC-0099812',
    });
  });

  test('failures carry a readable detail', () => {
    expect(normalizeExternalId('loyalty id', 'x1')).toEqual({ ok: false, reason: 'invalid_external_id', detail: 'invalid namespace "loyalty id"' });
    expect(normalizeExternalId('loyalty', 'a\u0001')).toEqual({ ok: false, reason: 'invalid_external_id', detail: 'contains a control character' });
    expect(normalizeExternalId('loyalty', 'a\udfff')).toMatchObject({ detail: 'contains an unpaired surrogate' });
  });

  test('never throws on values that are not strings', () => {
    expect(normalizeExternalId(undefined as unknown as string, 'x')).toMatchObject({ ok: false, reason: 'invalid_external_id' });
    expect(normalizeExternalId('loyalty', 42 as unknown as string)).toMatchObject({ ok: false, reason: 'invalid_external_id' });
  });

  test('a custom junk matcher matches the bare id or the scoped value, case-insensitively', () => {
    const junk = createJunkMatcher({ values: { externalId: ['LC-0000001', 'crm:999'] } });
    expect(normalizeExternalId('loyalty', 'lc-0000001', { junk })).toMatchObject({ reason: 'junk_value' });
    expect(normalizeExternalId('crm', '999', { junk })).toMatchObject({ reason: 'junk_value' });
    expect(normalizeExternalId('loyalty', '999', { junk })).toMatchObject({ ok: true, value: 'loyalty:999' });
  });
});
