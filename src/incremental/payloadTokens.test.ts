import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { stringAt } from '../_internal/ByteInterner.js';
import { readResolverSnapshot } from '../batch/readResolverSnapshot.js';
import type { CustomerRecord } from '../types.js';
import { createResolver, type Resolver } from './createResolver.js';
import type { ResolverState } from './ResolverState.js';

const dir = mkdtempSync(join(tmpdir(), 'idweave-tokens-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The resolver's state (a private field: what it keeps in memory is what this test is about). */
const stateOf = (r: Resolver): ResolverState => (r as unknown as { state: ResolverState }).state;

/** Record `id`'s payload as stored, tokens and all. */
function stored(r: Resolver, id: string): string {
  const state = stateOf(r);
  return stringAt(state.payloads.view(), state.indexOf(id));
}

const SARA: CustomerRecord = { id: 'a', emails: ['sara@x.ae'], firstName: 'Sara', city: 'Dubai', attributes: { tier: 'gold' } };

describe("the resolver's payloads", () => {
  test("hold the record's own field names as tokens, attributes' written out, and read back written out", () => {
    const r = createResolver({});
    r.add(SARA);
    expect(stored(r, 'a')).toBe('{\x01"Sara",\x07"Dubai","tier":"gold"}');
    expect(stateOf(r).payloadOf(stateOf(r).indexOf('a'))).toBe('{"firstName":"Sara","city":"Dubai","tier":"gold"}');
    // The same record again is no change (its content compared written out).
    expect(r.update(SARA)).toMatchObject({ ok: true, events: [] });
  });

  test('restored from a snapshot decoded in worker threads, hold them too, and give the same snapshot', async () => {
    const r = createResolver({});
    for (let i = 0; i < 200; i++) r.add({ ...SARA, id: `r${i}`, emails: [`s${i % 50}@x.ae`] });
    const path = join(dir, 'snap.ndjson');
    await r.writeSnapshot(path);
    const restored = await readResolverSnapshot(path, { threads: 2 });
    expect(stored(restored, 'r7')).toBe('{\x01"Sara",\x07"Dubai","tier":"gold"}');
    expect(restored.snapshot()).toEqual(r.snapshot());
  }, 60_000);
});
