import { describe, expect, test } from 'vitest';
import cases from '../../../fixtures/normalize/handle.json' with { type: 'json' };
import { createJunkMatcher } from '../junk/createJunkMatcher.js';
import type { NormalizeFailureReason } from '../../types.js';
import { MAX_HANDLE_INPUT, normalizeHandle } from './normalizeHandle.js';
import { PLATFORM_ALIASES, PLATFORMS } from './platforms.js';

interface HandleCase {
  readonly platform: string;
  readonly input: string;
  readonly expected: string | null;
  readonly reason: NormalizeFailureReason | null;
  readonly note: string;
}

const table = cases as readonly HandleCase[];

describe('normalizeHandle: fixtures/normalize/handle.json', () => {
  test('the table has at least 40 cases and covers every platform', () => {
    expect(table.length).toBeGreaterThanOrEqual(40);
    const covered = new Set(table.map((c) => PLATFORM_ALIASES.get(c.platform.toLowerCase())));
    for (const p of PLATFORMS.keys()) expect(covered.has(p), p).toBe(true);
  });

  test.each(table)('$platform $note: $input', (c) => {
    const r = normalizeHandle(c.platform, c.input);
    if (c.expected === null) {
      expect(r).toMatchObject({ ok: false, reason: c.reason });
      if (!r.ok && r.reason === 'invalid_handle') expect(r.detail).toBeTruthy();
      return;
    }
    expect(r).toMatchObject({ ok: true, value: c.expected, raw: c.input });
    if (!r.ok) return;
    expect(r.value).toBe(`${r.platform}:${r.handle}`);
    // Fixed points: the bare handle and the canonical value give the same value back.
    expect(normalizeHandle(r.platform, r.handle)).toMatchObject({ ok: true, value: r.value });
    expect(normalizeHandle(r.platform, r.value)).toMatchObject({ ok: true, value: r.value });
  });
});

describe('normalizeHandle', () => {
  test('result shape', () => {
    expect(normalizeHandle('instagram', ' @Foo.Bar ')).toEqual({
      ok: true, value: 'instagram:foo.bar', raw: ' @Foo.Bar ', platform: 'instagram', handle: 'foo.bar',
    });
  });

  test('input length is capped before any regex', () => {
    expect(normalizeHandle('instagram', 'a'.repeat(MAX_HANDLE_INPUT + 1))).toMatchObject({ ok: false, reason: 'too_long' });
  });

  test('a custom junk matcher sees the bare handle', () => {
    const junk = createJunkMatcher({ values: { handle: ['mallofemirates'] } });
    expect(normalizeHandle('instagram', 'https://instagram.com/MallOfEmirates/', { junk })).toMatchObject({ reason: 'junk_value' });
  });

  test('whatsapp uses defaultRegion for national numbers', () => {
    expect(normalizeHandle('whatsapp', '055 219 8473', { defaultRegion: 'SA' })).toMatchObject({ value: 'whatsapp:+966552198473' });
  });

  test('never throws on non-string input', () => {
    expect(normalizeHandle(undefined as unknown as string, 'x')).toMatchObject({ ok: false });
    expect(normalizeHandle('instagram', {} as unknown as string)).toMatchObject({ ok: false });
  });

  test('invisible marks copied from right-to-left UIs are removed', () => {
    expect(normalizeHandle('instagram', '\u200f@nour.saleh\u200e')).toMatchObject({ value: 'instagram:nour.saleh' });
  });
});
