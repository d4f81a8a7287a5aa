import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { anyString, asciiCaseVariant, oneMegabyte, padding, PROPERTY_SEED } from '../../_testing/textArbitraries.js';
import { normalizeExternalId } from './normalizeExternalId.js';

const params = { seed: PROPERTY_SEED, numRuns: 3_000 };
const namespace = fc.stringMatching(/^[a-z0-9_.-]{1,12}$/);

describe('normalizeExternalId properties', () => {
  test('never throws on arbitrary strings (binary, lone surrogates, nasty characters)', () => {
    fc.assert(
      fc.property(anyString(20), anyString(300), (ns, id) => {
        expect(typeof normalizeExternalId(ns, id).ok).toBe('boolean');
      }),
      params,
    );
  });

  test('never throws on huge input (1 MB)', () => {
    for (const unit of ['a', ' ', '\ud800', '\u200d']) {
      expect(normalizeExternalId('loyalty', oneMegabyte(unit))).toMatchObject({ ok: false });
      expect(normalizeExternalId(oneMegabyte(unit), 'AB123')).toMatchObject({ ok: false, reason: 'invalid_external_id' });
    }
  });

  test('is idempotent on its own output', () => {
    fc.assert(
      fc.property(namespace, anyString(60), (ns, id) => {
        const r = normalizeExternalId(ns, id);
        if (!r.ok) return;
        expect(normalizeExternalId(r.namespace, r.id)).toMatchObject({ ok: true, value: r.value, id: r.id });
      }),
      params,
    );
  });

  test('namespace case and id whitespace variants normalize to the same result; id case is kept', () => {
    fc.assert(
      fc.property(
        namespace.chain((ns) => fc.tuple(fc.constant(ns), asciiCaseVariant(ns))),
        anyString(40),
        padding,
        padding,
        ([ns, nsVariant], id, before, after) => {
          const expected = normalizeExternalId(ns, id);
          const r = normalizeExternalId(` ${nsVariant} `, `${before}${id}${after}`);
          if (expected.ok) expect(r).toMatchObject({ ok: true, value: expected.value });
          else expect(r).toMatchObject({ ok: false, reason: expected.reason });
        },
      ),
      params,
    );
  });
});
