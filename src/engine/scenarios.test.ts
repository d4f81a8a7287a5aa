import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { createRowMapper } from '../io/rowToRecord.js';
import type { CustomerRecord } from '../types.js';
import { resolve } from '../resolve.js';

/**
 * Hand-checked scenarios (spec §3): fixtures/resolve/<name>/input.csv and expected.json, the expected partition
 * as groups of record ids (plus, where given, generic keys and junk counts that must be reported).
 */
const root = path.resolve(import.meta.dirname, '../../fixtures/resolve');
const scenarios = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

interface Expected {
  description: string;
  profiles: string[][];
  generic?: string[];
  junk?: Record<string, number>;
}

function loadRecords(name: string): CustomerRecord[] {
  const text = readFileSync(path.join(root, name, 'input.csv'), 'utf8');
  const { data } = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  const mapper = createRowMapper({ externalIds: { loyalty_id: 'loyalty' } });
  return data.map((fields) => {
    const r = mapper.map(fields);
    if (!r.ok) throw new Error(`${name}: fixture row rejected: ${r.reasons.join(', ')}`);
    return r.record;
  });
}

describe('scenarios', () => {
  test('there are scenarios', () => expect(scenarios.length).toBeGreaterThanOrEqual(9));

  test.each(scenarios)('%s', (name) => {
    const expected = JSON.parse(readFileSync(path.join(root, name, 'expected.json'), 'utf8')) as Expected;
    const records = loadRecords(name);
    const { mapping, rejects, report } = resolve(records);
    expect(rejects).toEqual([]);
    const groups = new Map<string, string[]>();
    for (const [r, p] of mapping) groups.set(p, [...(groups.get(p) ?? []), r]);
    const actual = [...groups.values()].map((g) => g.sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
    const want = expected.profiles.map((g) => [...g].sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
    expect(actual).toEqual(want);
    if (expected.generic) expect(report.genericIdentifiers.map((g) => g.key)).toEqual(expected.generic);
    if (expected.junk) expect(report.junkIdentifiers).toEqual(expected.junk);
  });
});
