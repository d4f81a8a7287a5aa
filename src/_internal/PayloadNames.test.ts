import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyString, PROPERTY_SEED } from '../_testing/textArbitraries.js';
import { fnv1aBytes } from './ByteInterner.js';
import { flatJsonMembers } from './flatJson.js';
import { JsonBytes } from './JsonBytes.js';
import { FIXED_PAYLOAD_FIELDS, MAX_PAYLOAD_TOKENS, PayloadNames, payloadFieldTable } from './PayloadNames.js';
import { PayloadStore, payloadAt } from './PayloadStore.js';

const TABLE = payloadFieldTable(['tier', 'preferred_mall', '__proto__', 'été', 'say "hi"', '', 'a\\b', '7', 'line\u2028end']);
const names = PayloadNames.of(TABLE);

/** A flat object's JSON text as a batch stores it: each member's `"name":` as its token where the table has one. */
function tokenized(members: readonly (readonly [string, unknown])[]): string {
  return `{${members.map(([k, v]) => (names.tokenOf(k) === 0 ? `${JSON.stringify(k)}:` : String.fromCharCode(names.tokenOf(k))) + JSON.stringify(v)).join(',')}}`;
}

/** The same members written out, as `JSON.stringify` of the object would (names unique, none an array index). */
function plain(members: readonly (readonly [string, unknown])[]): string {
  return `{${members.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`;
}

const member = fc.tuple(fc.oneof(fc.constantFrom(...TABLE), anyString(8).filter((k) => !/^\d/.test(k))), fc.oneof(anyString(12), fc.integer(), fc.boolean(), fc.constant(null)));
const members = fc.uniqueArray(member, { selector: ([k]) => k, maxLength: 12 });

describe('payloadFieldTable', () => {
  it("holds the record's own fields first, then each attribute field once, at most 31 in all", () => {
    expect(payloadFieldTable([]).slice(0, 9)).toEqual(FIXED_PAYLOAD_FIELDS);
    expect(payloadFieldTable(['tier', 'city', 'tier', 'note'])).toEqual([...FIXED_PAYLOAD_FIELDS, 'tier', 'note']);
    const many = payloadFieldTable(Array.from({ length: 50 }, (_, i) => `c${i}`));
    expect(many).toHaveLength(MAX_PAYLOAD_TOKENS);
    expect(many.at(-1)).toBe('c21');
    expect(() => PayloadNames.of([...many, 'one more'])).toThrow(RangeError);
    expect(() => PayloadNames.of(['tier', ...FIXED_PAYLOAD_FIELDS])).toThrow(/starts with/);
  });
});

describe('PayloadNames', () => {
  it('stands for the same JSON text: expanded, hashed, escaped into a string and read member by member', () => {
    const spans: number[] = [];
    const out = new JsonBytes();
    let withTokens = 0;
    fc.assert(
      fc.property(members, (ms) => {
        const stored = tokenized(ms);
        const text = plain(ms);
        if (stored !== text) withTokens++;
        expect(names.expand(stored)).toBe(text);
        const bytes = Buffer.from(stored, 'utf8');
        expect(names.fnv1a(bytes, 0, bytes.length)).toBe(fnv1aBytes(Buffer.from(text, 'utf8'), 0, Buffer.byteLength(text)));
        out.reset();
        out.payloadString([bytes], 0, bytes.length, names);
        const escaped = Buffer.from(out.bytes.subarray(0, out.length)).toString('utf8');
        expect(escaped).toBe(JSON.stringify(text));
        expect(out.chars).toBe(JSON.stringify(text).length);
        const n = flatJsonMembers(bytes, 0, bytes.length, spans);
        expect(n).toBe(ms.length);
        for (let i = 0; i < n; i++) {
          const key = spans[4 * i + 1]! - spans[4 * i]! === 1 ? TABLE[bytes[spans[4 * i]!]! - 1] : JSON.parse(bytes.toString('utf8', spans[4 * i]!, spans[4 * i + 1]!));
          expect(key).toBe(ms[i]![0]);
          expect(JSON.parse(bytes.toString('utf8', spans[4 * i + 2]!, spans[4 * i + 3]!))).toEqual(ms[i]![1]);
        }
      }),
      { seed: PROPERTY_SEED, numRuns: 2000 },
    );
    expect(withTokens).toBeGreaterThan(1000);
  });

  it('writes the names it holds as tokens in a written-out text, in place, and only those', () => {
    fc.assert(
      fc.property(members, fc.nat(4), (ms, pad) => {
        const text = Buffer.from(plain(ms), 'utf8');
        const bytes = Buffer.concat([Buffer.alloc(pad, 0x20), text, Buffer.from(' tail')]);
        const end = names.tokenize(bytes, pad, pad + text.length);
        expect(bytes.toString('utf8', pad, end)).toBe(tokenized(ms));
        expect(bytes.toString('utf8', pad + text.length)).toBe(' tail');
      }),
      { seed: PROPERTY_SEED, numRuns: 1000 },
    );
    // Not a flat object: left as it is.
    const nested = Buffer.from('{"city":{"a":1}}');
    expect(names.tokenize(nested, 0, nested.length)).toBe(nested.length);
    expect(nested.toString()).toBe('{"city":{"a":1}}');
  });

  it('leaves a text without tokens as it is, and a token with no name in the table as it is', () => {
    expect(names.expand('{"a":"\\u0001"}')).toBe('{"a":"\\u0001"}');
    const short = PayloadNames.of(payloadFieldTable([]));
    expect(short.expand('{\x1f"x"}')).toBe('{\x1f"x"}');
    // Escaped into a string as JSON.stringify escapes a control character: never dropped, never a wrong name.
    const out = new JsonBytes();
    const bytes = Buffer.from('{\x1f"x",\x00\x01"y"}', 'latin1');
    out.payloadString([bytes], 0, bytes.length, short);
    expect(Buffer.from(out.bytes.subarray(0, out.length)).toString('utf8')).toBe(JSON.stringify('{\x1f"x",\x00"firstName":"y"}'));
  });

  it('is one table per array in a thread', () => {
    expect(PayloadNames.of(TABLE)).toBe(names);
    expect(PayloadNames.of([...TABLE])).not.toBe(names);
  });
});

describe('PayloadStore with a field table', () => {
  it('gives its payloads back written out, here and through a view', () => {
    const store = new PayloadStore(true);
    store.names = names;
    const ms: [string, unknown][] = [
      ['firstName', 'Sara'],
      ['tier', 'gold'],
      ['note', 'é'],
    ];
    const bytes = Buffer.from(tokenized(ms), 'utf8');
    store.setBytes(0, bytes, 0, bytes.length);
    store.set(1, plain(ms));
    expect(store.get(0)).toBe(plain(ms));
    expect(store.get(1)).toBe(plain(ms));
    const view = store.view();
    expect(view.fields).toBe(TABLE);
    expect(payloadAt(view, 0)).toBe(plain(ms));
    expect(payloadAt({ ...view, fields: undefined }, 0)).toBe(tokenized(ms));
  });
});
