import { describe, expect, test } from 'vitest';
import type { CustomerRecord } from '../types.js';
import { ResolutionBatch } from '../engine/ResolutionBatch.js';
import { LARGEST_PROFILES, OVERLAP_SOURCES, profileBlockStats, ProfileStatsTotal } from './profileStats.js';

/**
 * A linked batch: `people[i]` records share one loyalty card; record j of a person comes from `sourceOf(i, j)`.
 * `chained`: a person's records are linked in a chain of emails instead (record j holds emails j/2 and (j+1)/2),
 * so that a profile may grow past the size at which one shared card would be a generic identifier.
 */
function linked(people: readonly number[], sourceOf: (person: number, j: number) => string | undefined, chained = false): ResolutionBatch {
  const batch = new ResolutionBatch(chained ? { guards: { maxClusterSize: false } } : {});
  people.forEach((size, person) => {
    for (let j = 0; j < size; j++) {
      const source = sourceOf(person, j);
      const ids = chained ? { emails: [`p${person}.${j >> 1}@x.com`, `p${person}.${(j + 1) >> 1}@x.com`] } : { externalIds: [{ namespace: 'loyalty', value: `L${person}` }] };
      const record: CustomerRecord = { id: `r${person}-${j}`, ...ids, firstName: 'Ann', lastName: 'Lee', ...(source === undefined ? {} : { source }) };
      expect(batch.add(record).ok).toBe(true);
    }
  });
  batch.link();
  return batch;
}

function totalOf(batch: ResolutionBatch, block: number): ProfileStatsTotal {
  const c = batch.columns();
  const total = new ProfileStatsTotal(c);
  for (let from = 0; from < batch.profileCount; from += block) total.add(profileBlockStats(c, from, Math.min(batch.profileCount, from + block), total.tracked));
  return total;
}

describe('profile aggregates for the report', () => {
  test('sizes, sources per profile and the overlap matrix', () => {
    // Person 0: crm ×2 and pos; person 1: pos only; person 2: crm, pos, app; person 3: no source.
    const sources = [['crm', 'crm', 'pos'], ['pos'], ['crm', 'pos', 'app'], [undefined]];
    const batch = linked([3, 1, 3, 1], (p, j) => sources[p]![j]);
    expect(batch.profileCount).toBe(4);
    const r = totalOf(batch, 1).result();
    expect(r.profilesBySourceCount).toEqual({ 0: 1, 1: 1, 2: 1, 3: 1 });
    // Sources by records: crm 3, pos 3 (ties by name), app 1.
    expect(r.sourceOverlap.sources).toEqual([
      { name: 'crm', records: 3, profiles: 2 },
      { name: 'pos', records: 3, profiles: 3 },
      { name: 'app', records: 1, profiles: 1 },
    ]);
    expect(r.sourceOverlap.profiles).toEqual([
      [2, 2, 1],
      [2, 3, 1],
      [1, 1, 1],
    ]);
    expect(r.sourceOverlap.recordsWithoutSource).toBe(1);
    expect(r.sourceOverlap.otherSources).toBeUndefined();
    expect(r.largestProfiles.map((p) => p.records)).toEqual([3, 3, 1, 1]);
    const crmPos = r.largestProfiles.find((p) => p.sources.length === 2)!;
    expect(crmPos.sources).toEqual([{ source: 'crm', records: 2 }, { source: 'pos', records: 1 }]);
    expect(crmPos.profileId).toBe([...batch.profiles()].find((p) => p.recordIds.includes('r0-0'))!.profileId);
  });

  test('blocks of any size add up to the same result (workers build them in any grouping)', () => {
    const people = Array.from({ length: 120 }, (_, i) => 1 + ((i * 7) % 5));
    const batch = linked(people, (p, j) => (p % 11 === 0 ? undefined : `src${(p + j) % 30}`));
    const whole = totalOf(batch, batch.profileCount).result();
    for (const block of [1, 7, 50]) expect(totalOf(batch, block).result()).toEqual(whole);
    // 30 sources: the 24 with most records are named, the other 6 summed in one more row and column.
    expect(whole.sourceOverlap.sources).toHaveLength(OVERLAP_SOURCES);
    expect(whole.sourceOverlap.otherSources?.sources).toBe(30 - OVERLAP_SOURCES);
    expect(whole.sourceOverlap.profiles).toHaveLength(OVERLAP_SOURCES + 1);
    const records = whole.sourceOverlap.sources.reduce((a, s) => a + s.records, 0) + whole.sourceOverlap.otherSources!.records + whole.sourceOverlap.recordsWithoutSource;
    expect(records).toBe(batch.size);
    // The largest: 50 of them, largest first, ties in profile order.
    expect(whole.largestProfiles).toHaveLength(LARGEST_PROFILES);
    const sizes = whole.largestProfiles.map((p) => p.records);
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
    expect(sizes[0]).toBe(5);
    const profilesBySourceCount = Object.values(whole.profilesBySourceCount).reduce((a, b) => a + b, 0);
    expect(profilesBySourceCount).toBe(batch.profileCount);
  });

  test('sources read ahead in runs of profiles: runs cut anywhere, and a profile larger than a run', () => {
    // 700 profiles of 1-5 records (runs of up to 512 members end inside the block many times), one of 600.
    const people = Array.from({ length: 700 }, (_, i) => (i === 333 ? 600 : 1 + ((i * 7) % 5)));
    const sourceOf = (p: number, j: number): string | undefined => (p % 13 === 0 ? undefined : `src${(p + 3 * j) % 9}`);
    const batch = linked(people, sourceOf, true);
    expect(batch.profileCount).toBe(people.length);
    const expected: Record<number, number> = {};
    people.forEach((size, p) => {
      const distinct = new Set(Array.from({ length: size }, (_, j) => sourceOf(p, j)).filter((s) => s !== undefined)).size;
      expected[distinct] = (expected[distinct] ?? 0) + 1;
    });
    for (const block of [people.length, 333, 1]) {
      const r = totalOf(batch, block).result();
      expect(r.profilesBySourceCount).toEqual(expected);
      expect(r.largestProfiles[0]!.records).toBe(600);
    }
  });

  test('a profile with very many distinct sources: counted exactly, listed with a cap', () => {
    const batch = linked([60], (_p, j) => `s${j}`);
    const r = totalOf(batch, 1).result();
    expect(r.profilesBySourceCount).toEqual({ 60: 1 });
    expect(r.largestProfiles[0]!.sources).toHaveLength(20);
    expect(r.largestProfiles[0]!.moreSources).toBe(40);
  });
});
