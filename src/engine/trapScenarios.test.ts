import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, test } from 'vitest';
import { resolveFiles } from '../batch/resolveFiles.js';

/**
 * Trap scenarios (fixtures/scenarios/<name>/input.csv and expected.json, see the README there): each folder is run
 * through the batch job as the CLI would run it, and the partition and the listed golden-profile fields are
 * compared with what a careful human would say.
 */
const root = path.resolve(import.meta.dirname, '../../fixtures/scenarios');
const scenarios = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

/**
 * Scenarios where the engine is known to disagree with the expectation (the expectation is kept): run with
 * `test.fails` until the engine is fixed, then remove them here. Reason in words for each.
 */
// Scenarios where the engine is known to disagree with the expectation (run as test.fails, with the reason).
const KNOWN_DISAGREEMENTS: ReadonlyMap<string, string> = new Map([]);

interface Expected {
  description: string;
  partition: string[][];
  profiles?: { record_ids: string[]; fields: Record<string, string> }[];
}

interface ProfileLine {
  profile_id: string;
  record_ids: string[];
  fields: Record<string, { value: unknown }>;
}

const work = mkdtempSync(path.join(tmpdir(), 'idweave-scenarios-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Groups as sorted arrays, sorted by their first id: a partition compared as sets. */
function canonical(groups: readonly (readonly string[])[]): string[][] {
  return groups.map((g) => [...g].sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
}

function readInputIds(file: string): string[] {
  const { data } = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true });
  return data.map((row) => row.id!);
}

async function run(name: string): Promise<void> {
  const dir = path.join(root, name);
  const input = path.join(dir, 'input.csv');
  const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected;

  // The fixture itself: 4–12 records, and a partition that places every record exactly once.
  const ids = readInputIds(input);
  expect(ids.length).toBeGreaterThanOrEqual(4);
  expect(ids.length).toBeLessThanOrEqual(12);
  expect(expected.partition.flat().sort()).toEqual([...ids].sort());

  const outDir = path.join(work, name);
  const report = await resolveFiles([input], { outDir, threads: 0, evidence: false });
  expect(report.recordsIn).toBe(ids.length);
  expect(readFileSync(path.join(outDir, 'rejects.ndjson'), 'utf8').trim()).toBe('');

  const { data: mapping } = Papa.parse<{ record_id: string; profile_id: string }>(readFileSync(path.join(outDir, 'mapping.csv'), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  const groups = new Map<string, string[]>();
  for (const { record_id, profile_id } of mapping) groups.set(profile_id, [...(groups.get(profile_id) ?? []), record_id]);
  // Soft: a failing scenario reports its partition and every profile field that differs, not only the first.
  expect.soft(canonical([...groups.values()]), expected.description).toEqual(canonical(expected.partition));

  const profiles = readFileSync(path.join(outDir, 'profiles.ndjson'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as ProfileLine);
  for (const want of expected.profiles ?? []) {
    const key = [...want.record_ids].sort().join(',');
    const profile = profiles.find((p) => [...p.record_ids].sort().join(',') === key);
    expect.soft(profile, `a profile of exactly ${key}`).toBeDefined();
    if (profile === undefined) continue;
    const got = Object.fromEntries(Object.keys(want.fields).map((f) => [f, profile.fields[f]?.value]));
    expect.soft(got, `fields of the profile of ${key}`).toEqual(want.fields);
  }
}

describe('trap scenarios (fixtures/scenarios)', () => {
  test('there are scenarios', () => expect(scenarios.length).toBeGreaterThanOrEqual(8));

  for (const name of scenarios) {
    const disagreement = KNOWN_DISAGREEMENTS.get(name);
    if (disagreement === undefined) test(name, () => run(name));
    else test.fails(`${name} (engine disagrees: ${disagreement})`, () => run(name));
  }
});
