import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyString, PROPERTY_SEED } from '../_testing/textArbitraries.js';
import { flatJsonMembers, flatJsonValue } from './flatJson.js';

const value = fc.oneof(anyString(12), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('', '"', '\\', '{', '[', ',', ':'));

describe('flatJsonMembers', () => {
  it('finds every member of a flat object JSON.stringify wrote, keys and values as their JSON texts, anywhere in a buffer', () => {
    // One scratch for every run, as the profile writer keeps one: what a longer object left must not matter.
    const spans: number[] = [];
    fc.assert(
      fc.property(fc.dictionary(fc.oneof(anyString(8), fc.constantFrom('__proto__', '2024', 'toString', '')), value), fc.nat(5), (object, pad) => {
        const text = JSON.stringify(object);
        const bytes = Buffer.concat([Buffer.alloc(pad, 0x7b), Buffer.from(text), Buffer.from('},')]);
        const n = flatJsonMembers(bytes, pad, pad + Buffer.byteLength(text), spans);
        const members = Object.entries(JSON.parse(text) as Record<string, unknown>);
        expect(n).toBe(members.length);
        for (let i = 0; i < n; i++) {
          expect(JSON.parse(bytes.toString('utf8', spans[4 * i]!, spans[4 * i + 1]!))).toBe(members[i]![0]);
          expect(JSON.parse(bytes.toString('utf8', spans[4 * i + 2]!, spans[4 * i + 3]!))).toEqual(members[i]![1]);
        }
      }),
      { seed: PROPERTY_SEED, numRuns: 2000 },
    );
  });

  it('says -1 for anything else: nested values, arrays, spaces, cut texts', () => {
    for (const text of ['{"a":{"b":1}}', '{"a":[1]}', '[1]', '{"a": 1}', '{"a":1', '{"a"}', '{"a":}', '"x"', '', '{"a":1,}', '{"a\\"}', '{"a":--}', '{"a":e}', '{"a":1.2.3}', '{"a":+1}', '{"a":tru}', '{"a":01}']) {
      const bytes = Buffer.from(text);
      expect(flatJsonMembers(bytes, 0, bytes.length, []), text).toBe(-1);
    }
    expect(flatJsonMembers(Buffer.from('{}'), 0, 2, [])).toBe(0);
  });
});

describe('flatJsonValue', () => {
  it('reads a value as JSON.parse does, anywhere in a buffer: plain ASCII strings by the fast path, the rest parsed', () => {
    const ascii = fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)), maxLength: 12 });
    fc.assert(
      fc.property(fc.oneof(value, ascii, fc.constantFrom('\u007f', 'a\u001fb', '\u0080', 'é', 'a b', ' ')), fc.nat(5), (v, pad) => {
        const text = JSON.stringify(v);
        const bytes = Buffer.concat([Buffer.alloc(pad, 0x22), Buffer.from(text), Buffer.from('",')]);
        expect(flatJsonValue(bytes, pad, pad + Buffer.byteLength(text))).toStrictEqual(JSON.parse(text));
      }),
      { seed: PROPERTY_SEED, numRuns: 3000 },
    );
  });
});
