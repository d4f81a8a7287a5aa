import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { planParts } from '../cluster/linkParts.js';
import type { ResolveOptions } from '../config/ResolveOptions.js';
import { DOB, FIRST, LAST } from '../_testing/recordArbitraries.js';
import type { CustomerRecord } from '../types.js';
import { linkColumnsOf, runLinkPart } from './linkInParts.js';
import { expectedDecisions } from '../cluster/linkRecords.js';
import { UnionFind } from '../cluster/UnionFind.js';
import type { InternedView } from '../_internal/ByteInterner.js';
import { ResolutionBatch } from './ResolutionBatch.js';

// The link split into parts (cluster/linkParts, run by the batch job in worker threads) must decide exactly what
// the one-part link decides: the same partition, the same profile ids, and the same log, decision for decision
// and in the same order (evidence.ndjson is written from it). Records come in groups whose identifiers are their
// group's own, so there are several components to split, with some values every group may hold (a shared office
// mailbox, junk, a typo'd domain that makes weak keys) so components also join.
const SEED = 20261203;

const groupRecordArb = (g: number) =>
  fc.record({
    source: fc.constantFrom('share-app', 'pos', 'vox-cinemas'),
    updatedAt: fc.integer({ min: 1_600_000_000_000, max: 1_800_000_000_000 }).map((t) => new Date(t).toISOString()),
    emails: fc.subarray([`a.b${g}@gmail.com`, `ab${g}+x@googlemail.com`, `c${g}@outlook.com`, `d${g}@gmial.com`, `d${g}@gmail.com`, 'test@test.com', 'office@gulfsteel.ae'], { maxLength: 2 }),
    phones: fc.subarray([`+971 50 123 45${g}0`, `050123 45${g}0`, `+971 55 765 43${g}1`, '0000000000', '+971 4 210 0000'], { maxLength: 2 }),
    logins: fc.subarray([`alice${g}`, `bob${g}`], { maxLength: 1 }),
    externalIds: fc.subarray([`L${g}`, `M${g}`], { maxLength: 1 }).map((vs) => vs.map((value) => ({ namespace: 'loyalty', value }))),
    firstName: fc.constantFrom(...FIRST),
    lastName: fc.constantFrom(...LAST),
    dateOfBirth: fc.constantFrom(...DOB),
    city: fc.constantFrom('Dubai', 'Riyadh'),
  });

const recordsArb = fc
  .array(fc.integer({ min: 0, max: 7 }).chain((g) => groupRecordArb(g)), { minLength: 1, maxLength: 40 })
  .map((rs) => rs.map((r, i): CustomerRecord => ({ id: `r${(i * 7919) % 1000}-${i}`, ...r })));

const optionsArb = fc.constantFrom<ResolveOptions>({}, { guards: { generic: { maxRecords: 4 } } }, { guards: { maxClusterSize: 3 } }, { guards: { shareable: false } });

function linked(records: readonly CustomerRecord[], options: ResolveOptions): ResolutionBatch {
  const batch = new ResolutionBatch(options);
  for (const r of records) batch.add(r);
  return batch;
}

/** Everything the link decides, as written: evidence in order (with weights and facts), mapping, profiles. */
function outcome(batch: ResolutionBatch): unknown {
  const e = batch.columns().evidence;
  return {
    evidence: [...batch.evidence()],
    weight: [...e.weight.subarray(0, e.length)],
    facts: [...e.facts.subarray(0, e.length)],
    mapping: [...batch.mapping()],
    profiles: [...batch.profiles()],
    report: batch.report(),
  };
}

describe('the link in parts', () => {
  test('decides what the one-part link decides, in the same order', async () => {
    let split = 0;
    await fc.assert(
      fc.asyncProperty(recordsArb, optionsArb, fc.integer({ min: 2, max: 4 }), async (records, options, parts) => {
        const one = linked(records, options);
        one.link();
        const many = linked(records, options);
        let ran = 0;
        await many.linkInParts(parts, (task) => {
          ran++;
          return Promise.resolve(runLinkPart(task));
        });
        if (ran > 0) split++;
        expect(outcome(many)).toEqual(outcome(one));
      }),
      { seed: SEED, numRuns: 150 },
    );
    // The property must have exercised real splits, not only one-part plans.
    expect(split).toBeGreaterThan(50);
  });

  test('builds the link input in shared memory, so handing it to the parts copies no column', () => {
    const batch = linked([{ id: 'a', emails: ['sara@outlook.com'] }, { id: 'b', emails: ['sara@outlook.com'], phones: ['+971501234567'] }], {});
    const input = (batch as unknown as { linkInput(): Record<string, unknown> }).linkInput();
    const columns = ['keyStart', 'keyIds', 'keyKind', 'keyGroup', 'keyHash', 'recordRank', 'recordsByRank', 'firstName', 'lastName', 'attributes', 'weakRecord', 'weakKey'];
    const unshared = columns.filter((name) => !((input[name] as Uint8Array).buffer instanceof SharedArrayBuffer));
    expect(unshared).toEqual([]);
  });

  test("sizes each part's log from the plan: one decision a key member after the first when nobody is refused", () => {
    // 40 people (20 a part), each with 3 records on their own email and 2 of them on their own phone: (3 - 1) +
    // (2 - 1) = 3 members after a key's first; 2 link, and the phone's second record is in the cluster already.
    const records: CustomerRecord[] = [];
    for (let g = 0; g < 40; g++) {
      for (let i = 0; i < 3; i++) records.push({ id: `g${g}-${i}`, emails: [`person${g}@outlook.com`], phones: i < 2 ? [`+9715012${String(g).padStart(5, '0')}`] : [], firstName: 'Sara', lastName: 'Khan' });
    }
    const batch = linked(records, {});
    const input = (batch as unknown as { linkInput(): Parameters<typeof planParts>[0] }).linkInput();
    const plan = planParts(input, { generic: false, shareableEnabled: true, shareableKinds: 0, minNameSimilarity: 0.8, maxClusterSize: 100 }, 2);
    expect([expectedDecisions(plan, 0), expectedDecisions(plan, 1)]).toEqual([60, 60]);
    const logged = [0, 1].map((part) => runLinkPart({ columns: linkColumnsOf(input, (batch as unknown as { table: { keys: { view(): InternedView } } }).table.keys.view()), config: { generic: false, shareableEnabled: true, shareableKinds: 0, minNameSimilarity: 0.8, maxClusterSize: 100 }, plan, part, uf: new UnionFind(input.recordCount, true).buffers(), done: new Int32Array(new SharedArrayBuffer(8)) }).entries.length);
    expect(logged).toEqual([40, 40]);
  });

  test('deals components so no part is idle when there are several', () => {
    const records: CustomerRecord[] = [];
    for (let g = 0; g < 40; g++) {
      for (let i = 0; i < 3; i++) records.push({ id: `g${g}-${i}`, emails: [`person${g}@outlook.com`], firstName: 'Sara', lastName: 'Khan' });
    }
    const batch = linked(records, {});
    const input = (batch as unknown as { linkInput(): Parameters<typeof planParts>[0] }).linkInput();
    const plan = planParts(input, { generic: false, shareableEnabled: true, shareableKinds: 0, minNameSimilarity: 0.8, maxClusterSize: 100 }, 2);
    expect(plan.parts).toBe(2);
    const perPart = [0, 0];
    for (const k of plan.strongOrder) perPart[plan.keyPart![k]!]!++;
    expect(perPart).toEqual([20, 20]);
  });
});
