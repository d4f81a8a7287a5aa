import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compareStrings } from '../_internal/compareStrings.js';
import { stringAt } from '../_internal/ByteInterner.js';
import { profileIdAt } from '../engine/BatchColumns.js';
import { changeLine } from '../io/outputFiles.js';
import { linkedColumns } from '../_testing/linkedColumns.js';
import type { CustomerRecord } from '../types.js';
import { outputLines } from './outputLines.js';
import type { BatchColumns } from '../engine/BatchColumns.js';
import type { SurvivorshipConfig } from '../merge/survivorshipConfig.js';

// changes.ndjson's `created` events are written from the batch's stored bytes (`writeCreatedJson`); every line
// must be what changeLine writes, record ids sorted as strings.
function expectSameEvents(records: readonly CustomerRecord[]): number {
  const { c, config, profiles } = linkedColumns(records);
  const expected: string[] = [];
  for (let p = 0; p < profiles; p++) {
    if (c.createdProfile[p] !== 1) continue;
    const recordIds = Array.from({ length: c.memberStart[p + 1]! - c.memberStart[p]! }, (_, j) => stringAt(c.ids, c.members[c.memberStart[p]! + j]!)).sort(compareStrings);
    expected.push(changeLine({ type: 'created', profileId: profileIdAt(c, p), recordIds }));
  }
  for (const block of [1, 7, 1000]) {
    let text = '';
    let lines = 0;
    for (let from = 0; from < profiles; from += block) {
      const out = outputLines(c, config, { kind: 'created', from, to: Math.min(profiles, from + block) });
      text += Buffer.from(out.bytes).toString();
      lines += out.lines ?? 0;
    }
    expect(text.split('\n').slice(0, -1)).toEqual(expected);
    expect(lines).toBe(expected.length);
  }
  expectSameFromProfiles(c, config, profiles);
  // A run with a previous one creates some profiles only: every other one flagged off, and none.
  expectSameFromProfiles({ ...c, createdProfile: c.createdProfile.map((f, p) => (p % 2 === 0 ? f : 0)) }, config, profiles);
  expectSameFromProfiles({ ...c, createdProfile: new Uint8Array(profiles) }, config, profiles);
  return expected.length;
}

/**
 * Profile blocks asked for their `created` events (`LinesTask.created`) hold, after their profile lines, the lines
 * of a `created` block of the same profiles; the profile lines are those of a plain profiles block.
 */
function expectSameFromProfiles(c: BatchColumns, config: SurvivorshipConfig, profiles: number): void {
  for (const block of [1, 7, 1000]) {
    for (let from = 0; from < profiles; from += block) {
      const to = Math.min(profiles, from + block);
      const both = outputLines(c, config, { kind: 'profiles', from, to, created: true });
      const at = both.createdAt!;
      expect(Buffer.from(both.bytes.subarray(0, at)).toString()).toBe(Buffer.from(outputLines(c, config, { kind: 'profiles', from, to }).bytes).toString());
      const created = outputLines(c, config, { kind: 'created', from, to });
      expect(Buffer.from(both.bytes.subarray(at)).toString()).toBe(Buffer.from(created.bytes).toString());
      expect(both.createdLines).toBe(created.lines);
    }
  }
}

describe('created events from bytes', () => {
  test('ids around U+E000 and supplementary characters, quotes and backslashes, profiles of one record and several', () => {
    const ids = ['b', 'a', '\uffff', '😀', '\ue000x', 'é', 'A', 'a"2', 'z\\', 'Z', '\ud800'];
    const records: CustomerRecord[] = Array.from({ length: 44 }, (_, i) => ({ id: `${ids[i % ids.length]}-${Math.floor(i / ids.length)}`, firstName: 'Ann', emails: [`s${i % 6}@gmail.com`] }));
    expect(expectSameEvents(records)).toBeGreaterThan(0);
  });

  test('random records: the same lines', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 5 }), email: fc.nat(4) }), { selector: (r) => r.id, maxLength: 30 }), (rows) => {
        expectSameEvents(rows.filter((r) => r.id.trim() !== '').map((r) => ({ id: r.id, firstName: 'Ann', emails: [`p${r.email}@gmail.com`] })));
      }),
      { seed: 20261204, numRuns: 60 },
    );
  });
});
