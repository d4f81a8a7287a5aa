import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { anyString, PROPERTY_SEED } from '../../_testing/textArbitraries.js';
import { normalizeHandle } from './normalizeHandle.js';
import { PLATFORM_ALIASES } from './platforms.js';

const platform = fc.constantFrom(...PLATFORM_ALIASES.keys());
const run = { seed: PROPERTY_SEED, numRuns: 300 };

/** A plausible handle: letters, digits, `_` and `.` (valid on most platforms), 5–15 characters. */
const handle = fc.stringMatching(/^[a-z][a-z0-9_.]{4,14}$/);

/** Profile URL forms of a handle per platform (only platforms whose URL is `host/<prefix><name>`). */
const URLS: Record<string, (h: string) => string[]> = {
  instagram: (h) => [`https://www.instagram.com/${h}/`, `instagram.com/${h}?hl=en`, `@${h}`, h],
  twitter: (h) => [`https://x.com/${h}`, `twitter.com/${h}/`, `mobile.twitter.com/${h}#x`, `@${h}`],
  tiktok: (h) => [`https://www.tiktok.com/@${h}`, `tiktok.com/@${h}/`, `@${h}`, h],
  telegram: (h) => [`https://t.me/${h}`, `telegram.me/${h}`, `@${h}`, h],
};

/** Random upper/lower case per character. */
const recase = (s: string, mask: readonly boolean[]): string =>
  [...s].map((c, i) => (mask[i % mask.length] ? c.toUpperCase() : c.toLowerCase())).join('');

describe('normalizeHandle properties', () => {
  test('idempotent: the handle and the value give the same value back', () => {
    fc.assert(
      fc.property(platform, fc.oneof(anyString(40), handle, handle.map((h) => `@${h}`)), (p, s) => {
        const r = normalizeHandle(p, s);
        if (!r.ok) return;
        expect(normalizeHandle(p, r.handle)).toMatchObject({ ok: true, value: r.value });
        expect(normalizeHandle(r.platform, r.value)).toMatchObject({ ok: true, value: r.value });
      }),
      run,
    );
  });

  test('never throws, on any string, binary strings and huge strings', () => {
    fc.assert(fc.property(platform, anyString(80), (p, s) => void normalizeHandle(p, s)), run);
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 100 }), (p, s) => void normalizeHandle(p, s)), run);
    const huge = 'a'.repeat(1 << 20);
    expect(normalizeHandle('instagram', huge)).toMatchObject({ ok: false, reason: 'too_long' });
    expect(normalizeHandle('whatsapp', `+971${huge}`)).toMatchObject({ ok: false, reason: 'too_long' });
  });

  test('case variants and URL forms of a handle normalize to the same value', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(URLS)),
        handle.filter((h) => h.length <= 15 && !h.includes('.')),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        fc.nat(),
        (p, h, mask, k) => {
          const forms = URLS[p]!(h);
          const expected = normalizeHandle(p, h);
          const r = normalizeHandle(p, recase(forms[k % forms.length]!, mask));
          expect(r.ok).toBe(expected.ok);
          if (r.ok && expected.ok) expect(r.value).toBe(expected.value);
        },
      ),
      run,
    );
  });
});
