import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { stringAt } from '../_internal/ByteInterner.js';
import { profileIdAt, type BatchColumns } from '../engine/BatchColumns.js';
import { mappingLine } from '../io/outputFiles.js';
import { linkedColumns } from '../_testing/linkedColumns.js';
import type { SurvivorshipConfig } from '../merge/survivorshipConfig.js';
import type { CustomerRecord } from '../types.js';
import { outputLines } from './outputLines.js';

// mapping.csv is written from the ids' stored bytes (`writeMappingLine`); every line must be what mappingLine writes.
function expectSameLines({ c, config }: { c: BatchColumns; config: SurvivorshipConfig }, csvSafe: boolean): void {
  const n = c.profileOf.length;
  const expected = Array.from({ length: n }, (_, i) => mappingLine(stringAt(c.ids, i), profileIdAt(c, c.profileOf[i]!), csvSafe));
  for (const block of [1, 7, 1000]) {
    let text = '';
    for (let from = 0; from < n; from += block) text += Buffer.from(outputLines(c, config, { kind: 'mapping', from, to: Math.min(n, from + block), csvSafe }).bytes).toString();
    // A quoted id may hold a line break: the text compared whole.
    expect(text).toBe(expected.map((l) => `${l}\n`).join(''));
  }
}

const odd = ['a,b', 'q"x', 'line\nbreak', 'cr\rx', '=SUM(A1)', '+1', '-2', '@x', '\tx', "'x", '＝x', '＋x', '－x', '＠x', 'ｘ', 'é', '😀', '\ud800', 'محمد', ' x ', 'P0', 'x'.repeat(300)];

describe('mapping lines from bytes', () => {
  test('ids that need quoting or formula escaping, long ids, non-ASCII ids: the same lines, csvSafe or not', () => {
    const records: CustomerRecord[] = odd.flatMap((id, i) => [{ id, emails: [`s${i % 4}@gmail.com`], firstName: 'Ann' }, { id: `${id}-${i}`, emails: [`t${i}@gmail.com`] }]);
    const linked = linkedColumns(records);
    expectSameLines(linked, false);
    expectSameLines(linked, true);
  });

  test('profile serials of every width (base-36 digits past the 8 padded ones)', () => {
    const linked = linkedColumns([{ id: 'a', emails: ['a@gmail.com'] }, { id: 'b', emails: ['b@gmail.com'] }]);
    const c = linked.c;
    for (const serial of [1, 35, 36, 36 ** 8 - 1, 36 ** 8, 36 ** 9 + 7, 2 ** 53 - 1]) {
      c.profileSerial[0] = serial;
      c.profileSerial[1] = serial + 1;
      expectSameLines(linked, false);
    }
  });

  test('random ids', () => {
    const id = fc.oneof(fc.constantFrom(...odd), fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 }));
    fc.assert(
      fc.property(fc.uniqueArray(id, { minLength: 1, maxLength: 30 }), fc.boolean(), (ids, csvSafe) => {
        const records = ids.filter((x) => x.trim() !== '').map((x, i) => ({ id: x, emails: [`m${i % 3}@gmail.com`] }));
        if (records.length === 0) return;
        expectSameLines(linkedColumns(records), csvSafe);
      }),
      { seed: 20261204, numRuns: 100 },
    );
  });
});
