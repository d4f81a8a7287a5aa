import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { contentArb } from '../_testing/recordArbitraries.js';
import type { CustomerRecord } from '../types.js';
import { resolveFiles } from '../batch/resolveFiles.js';
import { resolverFromBatch } from '../batch/resolverFromBatch.js';

// Identity over time (#13), the law: run A, then run B = A plus additions, removals and edits with `--previous A`,
// gives the same partition, the same ids and the same change events as a resolver seeded from A
// (`resolverFromBatch`, continuing A's id range) given the same net change as one `apply` step.
const SEED = 20261213;
const dir = mkdtempSync(path.join(tmpdir(), 'idweave-iot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let runs = 0;

const ID_PARTS = ['r', 'مرحبا', '😀', 'e\u0301', 'a', 'b'];
const idArb = fc.array(fc.constantFrom(...ID_PARTS), { minLength: 1, maxLength: 3 }).map((parts) => parts.join('-'));
const nightsArb = fc.uniqueArray(idArb, { minLength: 2, maxLength: 16 }).chain((ids) =>
  fc.record({
    first: fc.tuple(...ids.map((id) => contentArb.map((c): CustomerRecord => ({ id, ...c })))),
    // Per record of night 1: 0 keep, 1 remove, 2 edit; then some new records.
    fate: fc.array(fc.constantFrom(0, 0, 1, 2), { minLength: ids.length, maxLength: ids.length }),
    edits: fc.array(contentArb, { minLength: ids.length, maxLength: ids.length }),
    added: fc.array(contentArb, { maxLength: 6 }),
  }),
);

async function batch(records: readonly CustomerRecord[], previous?: string): Promise<string> {
  const n = ++runs;
  const input = path.join(dir, `in${n}.ndjson`);
  writeFileSync(input, records.map((r) => JSON.stringify({ emails: [], ...r })).join('\n') + '\n');
  const outDir = path.join(dir, `out${n}`);
  await resolveFiles([input], { outDir, previous });
  return outDir;
}

const mappingOf = (o: string): Map<string, string> =>
  new Map(
    readFileSync(path.join(o, 'mapping.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => {
        const comma = l.lastIndexOf(',');
        return [JSON.parse(l.startsWith('"') ? l.slice(0, comma) : JSON.stringify(l.slice(0, comma))) as string, l.slice(comma + 1)];
      }),
  );

describe('batch --previous equals a resolver seeded from the previous batch, given the same net change', () => {
  test('same partition, ids and events (pinned seed)', async () => {
    await fc.assert(
      fc.asyncProperty(nightsArb, async ({ first, fate, edits, added }) => {
        const a = await batch(first);
        const second: CustomerRecord[] = [];
        const update: CustomerRecord[] = [];
        const remove: string[] = [];
        first.forEach((r, i) => {
          if (fate[i] === 1) remove.push(r.id);
          else if (fate[i] === 2) {
            const edited = { id: r.id, ...edits[i]! };
            second.push(edited);
            update.push(edited);
          } else second.push(r);
        });
        const add = added.map((c, i) => ({ id: `new-${i}`, ...c }));
        second.push(...add);
        const b = await batch(second, a);

        const resolver = await resolverFromBatch(a, { idRange: 0 });
        const applied = resolver.apply({ add, update, remove });
        expect(applied.ok).toBe(true);
        const mapping = mappingOf(b);
        expect(mapping.size).toBe(second.length);
        for (const [id, profileId] of mapping) expect(resolver.profileOf(id), id).toBe(profileId);
        const text = readFileSync(path.join(b, 'changes.ndjson'), 'utf8');
        expect(text.includes('\n\n')).toBe(false);
        const events = text === '' ? [] : text.slice(0, -1).split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
        const fromResolver = applied.ok ? applied.events.map(snake) : [];
        expect(fromResolver).toEqual(events);
      }),
      { seed: SEED, numRuns: 60 },
    );
  }, 120_000);
});

/** A resolver event with the file's field names. */
function snake(e: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) out[k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] = v;
  return out;
}
