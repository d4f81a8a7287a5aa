import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { withDefaults as generatorDefaults } from '../../bench/generate/generateRecords.js';
import { writeDataset } from '../../bench/generate/writeDataset.js';
import { readRows } from '../io/readRows.js';
import { createRowMapper } from '../io/rowToRecord.js';
import type { CustomerRecord } from '../types.js';
import { resolve } from '../resolve.js';
import { resolveFiles } from './resolveFiles.js';

/**
 * End to end at 100k generated MAF-shaped rows: the streaming batch job accounts for every row, and gives the
 * same partition and the same profile ids as the in-memory `resolve()` on the same records.
 */
describe('resolveFiles at 100k rows', () => {
  test('every row once in mapping or rejects, same partition and ids as resolve()', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'idweave-e2e-'));
    await writeDataset(generatorDefaults({ records: 100_000, seed: 7 }), dir, () => {});
    const input = path.join(dir, 'records.csv');
    const externalIds = { loyalty_id: 'loyalty' };
    const report = await resolveFiles([input], { outDir: path.join(dir, 'out'), externalIds });

    const mappingLines = readFileSync(path.join(dir, 'out/mapping.csv'), 'utf8').trim().split('\n').slice(1);
    const rejectLines = readFileSync(path.join(dir, 'out/rejects.ndjson'), 'utf8').split('\n').filter(Boolean);
    expect(report.recordsIn).toBe(100_000);
    expect(mappingLines.length + rejectLines.length).toBe(100_000);
    const fromFiles = new Map(mappingLines.map((l) => l.split(',') as [string, string]));
    expect(fromFiles.size).toBe(mappingLines.length);

    const mapper = createRowMapper({ externalIds });
    const records: CustomerRecord[] = [];
    for await (const ev of readRows(input)) {
      if ('error' in ev) continue;
      const m = mapper.map(ev.fields);
      if (m.ok) records.push(m.record);
    }
    const inMemory = resolve(records).mapping;
    expect(inMemory.size).toBe(fromFiles.size);
    for (const [recordId, profileId] of fromFiles) expect(inMemory.get(recordId)).toBe(profileId);
    expect(report.profiles).toBeGreaterThan(35_000);
    expect(report.profiles).toBeLessThan(60_000);
  }, 180_000);
});
