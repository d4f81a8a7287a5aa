import { describe, expect, test } from 'vitest';
import type { CustomerRecord } from '../types.js';
import { ResolutionBatch } from '../engine/ResolutionBatch.js';
import { MAX_LINE_ENTRIES } from '../incremental/snapshotStreamFormat.js';
import type { FormattedLines } from '../incremental/snapshotStreamSource.js';
import { tableLines, type TableSection } from './tableLines.js';

// resolver.ndjson's large sections are formatted in worker threads, a block of entries at a time: whatever the
// blocks, the entries (and so the table a resolver is restored from) are the same, in the same order.

function linkedBatch(): ResolutionBatch {
  const batch = new ResolutionBatch();
  for (let i = 0; i < 200; i++) {
    const record: CustomerRecord = {
      id: i % 9 === 0 ? `سجل-${i}` : `r${i}`,
      source: i % 2 === 0 ? 'app' : 'pos',
      emails: [`person${i % 60}@gmail.com`, ...(i % 7 === 0 ? [`person${i % 60}@gmial.com`] : [])],
      phones: i % 5 === 0 ? [`050 12${String(i % 40).padStart(5, '0')}`] : [],
      firstName: i % 3 === 0 ? 'Zoë' : 'Omar',
      lastName: `Fam${i % 11}`,
      city: i % 4 === 0 ? 'دبي' : undefined,
      ...(i % 6 === 0 ? { updatedAt: '2024-03-01T08:00:00Z' } : {}),
    };
    batch.add(record);
  }
  batch.link();
  return batch;
}

/** A block's lines as text (they come as UTF-8 bytes). */
function textOf(block: FormattedLines): string {
  return Buffer.from(block.bytes).toString('utf8');
}

/** The entries of a section's lines, in order, and the lines' sizes. */
function entriesOf(text: string, section: TableSection): { entries: unknown[]; lines: number } {
  const lines = text.split('\n').slice(0, -1);
  return { entries: lines.flatMap((l) => (JSON.parse(l) as Record<string, unknown[]>)[section]!), lines: lines.length };
}

describe('tableLines', () => {
  const batch = linkedBatch();
  const c = batch.columns();
  const totals: Record<TableSection, number> = { keys: batch.tableSizes().keys, names: batch.tableSizes().names, records: batch.size };

  for (const section of ['keys', 'names', 'records'] as const) {
    test(`${section}: blocks of any size give the same entries as one block, every line whole and within the limits`, () => {
      const total = totals[section];
      expect(total).toBeGreaterThan(10);
      const whole = tableLines(c, { section, from: 0, to: total });
      expect(whole.entries).toBe(total);
      const one = entriesOf(textOf(whole), section);
      expect(one.entries).toHaveLength(total);
      for (const block of [1, 7, 64]) {
        let text = '';
        for (let from = 0; from < total; from += block) {
          const part = tableLines(c, { section, from, to: Math.min(total, from + block) });
          const partText = textOf(part);
          expect(partText.endsWith('\n')).toBe(true);
          text += partText;
        }
        const parts = entriesOf(text, section);
        expect(parts.entries).toEqual(one.entries);
        expect(parts.lines).toBe(Math.ceil(total / block));
      }
      expect(one.entries.length).toBeLessThanOrEqual(MAX_LINE_ENTRIES);
    });
  }

  test('records carry their weak keys once, and the batch`s ids, serials and names', () => {
    const { entries } = entriesOf(textOf(tableLines(c, { section: 'records', from: 0, to: batch.size })), 'records');
    const weak = (entries as unknown[][]).filter((r) => (r[8] as number[]).length > 0);
    expect(weak.length).toBeGreaterThan(0);
    for (const r of weak) expect(new Set(r[8] as number[]).size).toBe((r[8] as number[]).length);
    expect((entries[9] as unknown[])[0]).toBe('سجل-9');
  });
});
