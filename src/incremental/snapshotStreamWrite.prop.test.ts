import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonBytes } from '../_internal/JsonBytes.js';
import { Utf8Lines } from '../_internal/Utf8Lines.js';
import { anyString } from '../_testing/textArbitraries.js';
import { MAX_LINE_CHARS } from './snapshotStreamFormat.js';
import { LineCutter } from './snapshotStreamWrite.js';

describe('LineCutter', () => {
  it('cuts entries built as bytes (addEncoded) exactly where it cuts them as strings (add)', () => {
    // Entries of up to ~MAX_LINE_CHARS / 3 characters, many of them non-ASCII (more bytes than UTF-16 units), so
    // lines are cut by characters, not bytes, at every few entries.
    const long = fc.tuple(anyString(40), fc.integer({ min: 0, max: Math.floor(MAX_LINE_CHARS / 3) }), fc.constantFrom('a', 'é', '😀', '"', '\n')).map(([s, n, c]) => s + c.repeat(Math.floor(n / c.length)));
    fc.assert(
      fc.property(fc.array(fc.oneof(anyString(), long), { maxLength: 24 }), (texts) => {
        const asText = new Utf8Lines();
        const asBytes = new Utf8Lines();
        const a = new LineCutter('names', asText);
        const b = new LineCutter('names', asBytes);
        const entry = new JsonBytes();
        for (const t of texts) {
          const stored = Buffer.from(t);
          entry.reset();
          entry.string(stored, 0, stored.length);
          expect(b.addEncoded(entry)).toBe(a.add(JSON.stringify(stored.toString())));
        }
        a.finish();
        b.finish();
        expect(Buffer.from(asBytes.bytes()).equals(Buffer.from(asText.bytes()))).toBe(true);
      }),
      { seed: 20261203, numRuns: 60 },
    );
  });
});
