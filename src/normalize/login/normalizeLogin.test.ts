import { describe, expect, test } from 'vitest';
import cases from '../../../fixtures/normalize/login.json' with { type: 'json' };
import { createJunkMatcher } from '../junk/createJunkMatcher.js';
import type { NormalizeFailureReason } from '../../types.js';
import { normalizeLogin } from './normalizeLogin.js';

interface LoginCase {
  readonly input: string;
  readonly expected: string | null;
  readonly reason: NormalizeFailureReason | null;
  readonly note: string;
}

const table = cases as readonly LoginCase[];

describe('normalizeLogin: fixtures/normalize/login.json', () => {
  test('the table has at least 40 cases', () => {
    expect(table.length).toBeGreaterThanOrEqual(40);
  });

  test.each(table)('$note: $input', (c) => {
    const r = normalizeLogin(c.input);
    if (c.expected === null) {
      expect(r).toMatchObject({ ok: false, reason: c.reason });
      return;
    }
    expect(r).toStrictEqual({ ok: true, value: c.expected, raw: c.input });
    expect(normalizeLogin(c.expected)).toMatchObject({ ok: true, value: c.expected });
  });
});

describe('normalizeLogin', () => {
  test('failures carry a readable detail', () => {
    expect(normalizeLogin('a\u0000b')).toEqual({ ok: false, reason: 'invalid_login', detail: 'contains a control character' });
    expect(normalizeLogin('ab\ud800')).toEqual({ ok: false, reason: 'invalid_login', detail: 'contains an unpaired surrogate' });
    expect(normalizeLogin('ab\udc00cd')).toMatchObject({ detail: 'contains an unpaired surrogate' });
    expect(normalizeLogin('ab\ufffd')).toMatchObject({ detail: 'contains U+FFFD (text decoded with the wrong encoding)' });
    expect(normalizeLogin('x'.repeat(300))).toMatchObject({ reason: 'too_long', detail: 'over 256 characters' });
  });

  test('a well-formed surrogate pair is fine', () => {
    expect(normalizeLogin('𝒜lice')).toMatchObject({ ok: true, value: 'alice' }); // mathematical script A folds by NFKC
    expect(normalizeLogin('😀')).toMatchObject({ ok: true, value: '😀' });
  });

  test('never throws on values that are not strings', () => {
    for (const v of [undefined, null, 42, {}, []]) {
      expect(normalizeLogin(v as unknown as string)).toMatchObject({ ok: false, reason: 'invalid_login' });
    }
  });

  test('a custom junk matcher extends the list', () => {
    const junk = createJunkMatcher({ values: { login: ['POS-Terminal'] }, patterns: { any: ['^kiosk\\d+$'] } });
    expect(normalizeLogin('pos-terminal', { junk })).toMatchObject({ reason: 'junk_value' });
    expect(normalizeLogin('KIOSK12', { junk })).toMatchObject({ reason: 'junk_value' });
    expect(normalizeLogin('kiosk12')).toMatchObject({ ok: true });
  });

  test('lower-casing is locale-independent (documented behaviour for Turkish and German)', () => {
    expect(normalizeLogin('TITLE')).toMatchObject({ value: 'title' }); // never "tıtle", whatever the host locale
    expect(normalizeLogin('ß')).toMatchObject({ value: 'ß' });
    expect(normalizeLogin('SS')).toMatchObject({ value: 'ss' });
  });
});
