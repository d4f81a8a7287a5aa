import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { RecordOverride } from '../config/ResolveOptions.js';
import { ResolutionBatch } from '../engine/ResolutionBatch.js';
import { toEvidenceJson } from '../io/outputFiles.js';
import type { CustomerRecord } from '../types.js';
import { survivorshipConfigOf } from '../merge/survivorshipConfig.js';
import { outputLines } from './outputLines.js';

// evidence.ndjson is written from the batch's stored bytes (`writeEvidenceJson`), not from LinkEvidence objects:
// the lines must be exactly what stringifying the LinkEvidence of each decision gives, whatever the decision.

/** The evidence lines outputLines writes for a linked batch, by blocks, all or refusals only. */
function written(batch: ResolutionBatch, refusedOnly: boolean, block: number): string[] {
  const c = batch.columns();
  let text = '';
  for (let from = 0; from < c.evidence.length; from += block) {
    text += Buffer.from(outputLines(c, survivorshipConfigOf(batch.survivorship()), { kind: 'evidence', from, to: Math.min(c.evidence.length, from + block), refusedOnly }).bytes).toString();
  }
  return text.split('\n').slice(0, -1);
}

function expectSameLines(batch: ResolutionBatch): void {
  const expected = [...batch.evidence()].map((e) => JSON.stringify(toEvidenceJson(e)));
  expect(expected.length).toBeGreaterThan(0);
  for (const block of [1, 5, 1000]) expect(written(batch, false, block)).toEqual(expected);
  const refused = [...batch.evidence()].filter((e) => !e.accepted).map((e) => JSON.stringify(toEvidenceJson(e)));
  expect(written(batch, true, 7)).toEqual(refused);
}

function linked(records: readonly CustomerRecord[], overrides: RecordOverride[] = []): ResolutionBatch {
  const batch = new ResolutionBatch({ overrides });
  for (const r of records) batch.add(r);
  batch.link();
  return batch;
}

describe('evidence lines from bytes', () => {
  test('every kind of decision: accepted, refused with reasons, fuzzy emails, generic keys, exclusive groups, overrides', () => {
    const records: CustomerRecord[] = [];
    const names = ['Omar Saleh', 'Zoë "Z" Núñez', 'محمد علي', 'Ann\tLee', 'Omar Salih', 'Li\\Wei'];
    for (let i = 0; i < 120; i++) {
      const [first, last] = names[i % names.length]!.split(' ');
      records.push({
        id: i % 10 === 0 ? `سجل-"${i}"` : `r${i}`,
        source: i % 2 === 0 ? 'app' : 'pos',
        firstName: first,
        lastName: last,
        emails: [`person${i % 15}@gmail.com`],
        // One phone on every record: a generic key.
        phones: [`050 12${String(i % 9).padStart(5, '0')}`, '050 7654321'],
        ...(i % 5 === 0 ? { dateOfBirth: `19${70 + (i % 20)}-01-02` } : {}),
      });
    }
    // Two logins on one email: an exclusive group refuses the link.
    records.push({ id: 'login-1', firstName: 'Sara', lastName: 'Haddad', emails: ['sara.h@outlook.com'], logins: ['sara1'] });
    records.push({ id: 'login-2', firstName: 'Sara', lastName: 'Haddad', emails: ['sara.h@outlook.com'], logins: ['sara2'] });
    // A typo'd domain: a weak key, accepted for the same person and refused for another.
    records.push({ id: 'typo-same', firstName: 'Omar', lastName: 'Saleh', emails: ['person0@gmial.com'] });
    records.push({ id: 'typo-other', firstName: 'Chen', lastName: 'Wu', emails: ['person1@gmial.com'] });
    for (const overrides of [[], [{ recordA: 'r1', recordB: 'r2', rule: 'always' }, { recordA: 'r3', recordB: 'r1', rule: 'always' }, { recordA: 'r16', recordB: 'r1', rule: 'never' }, { recordA: 'r4', recordB: 'r19', rule: 'never' }]] satisfies RecordOverride[][]) {
      const batch = linked(records, overrides);
      expectSameLines(batch);
      const seen = new Set([...batch.evidence()].map((e) => `${e.kind} ${e.accepted} ${e.guard ?? ''}`));
      for (const kind of ['email true ', 'email false shareable', 'phone false generic', 'email false exclusive', 'fuzzyEmail true ', 'fuzzyEmail false fuzzy']) expect(seen).toContain(kind);
      if (overrides.length > 0) for (const kind of ['override true ', 'email false override']) expect(seen).toContain(kind);
    }
  });

  test('random records: the same lines', () => {
    const text = fc.oneof(fc.constantFrom('Omar', 'Zoë', 'Ann', 'محمد', 'Li', '"Q"', 'a\\b', ''), fc.string({ maxLength: 6 }));
    const record = fc.record({
      first: text,
      last: text,
      email: fc.nat(6),
      phone: fc.nat(6),
      typo: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(record, { minLength: 2, maxLength: 40 }), (rows) => {
        const batch = linked(rows.map((r, i) => ({
          id: `r${i}${r.first}`,
          source: 's',
          firstName: r.first,
          lastName: r.last,
          emails: [`p${r.email}@${r.typo ? 'gmial' : 'gmail'}.com`],
          phones: [`050 123456${r.phone}`],
        })));
        if (batch.columns().evidence.length > 0) expectSameLines(batch);
      }),
      { seed: 20261203, numRuns: 60 },
    );
  });
});
