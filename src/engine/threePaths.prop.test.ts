import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { csvCell, toEvidenceJson, toProfileJson, type ProfileJson } from '../io/outputFiles.js';
import type { CustomerRecord, LinkEvidence } from '../types.js';
import { contentArb } from '../_testing/recordArbitraries.js';
import { createResolver } from '../incremental/createResolver.js';
import { resolve } from '../resolve.js';
import { resolveFiles } from '../batch/resolveFiles.js';

// One engine, three doors (#11): the same records through resolve(), resolveFiles() (CSV and NDJSON, 0 and 2
// threads) and createResolver() (one add at a time) give the same partition, the same golden profiles
// (identifiers with counts and sources, fields with lineage), profile ids aside, and the same evidence: every
// decision of resolve() is a line of evidence.ndjson, and the resolver accepts the links the batch accepts. Ids are non-ASCII on purpose:
// Arabic, emoji, combining marks and NFKC-sensitive forms, which must stay distinct and byte-exact.
const SEED = 20261202;
const dir = mkdtempSync(path.join(tmpdir(), 'idweave-3p-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let runs = 0;

const ID_PARTS = ['r', 'مرحبا', '😀', 'e\u0301', 'é', 'ｆ', 'f', 'ß', 'ss', ' x'];
const idArb = fc.array(fc.constantFrom(...ID_PARTS), { minLength: 1, maxLength: 3 }).map((parts) => parts.join('-'));
const batchArb = fc.uniqueArray(idArb, { minLength: 1, maxLength: 14 }).chain((ids) =>
  fc.tuple(...ids.map((id) => contentArb.map((c): CustomerRecord => ({ id: id.trim(), ...c })))),
);

/** Profiles as compared: written form, without the profile id, ordered by their first record id. */
function comparable(profiles: readonly ProfileJson[]): unknown[] {
  return profiles
    .map(({ profile_id: _id, ...rest }) => rest)
    .sort((a, b) => (a.record_ids[0]! < b.record_ids[0]! ? -1 : 1));
}

function csvOf(records: readonly CustomerRecord[]): string {
  const header = ['id', 'source', 'updated_at', 'email', 'phone', 'login', 'instagram', 'loyalty_id', 'first_name', 'last_name', 'date_of_birth', 'city', 'mall'];
  const rows = records.map((r) =>
    [
      r.id,
      r.source ?? '',
      r.updatedAt ?? '',
      (r.emails ?? []).join('|'),
      (r.phones ?? []).join('|'),
      (r.logins ?? []).join('|'),
      (r.handles ?? []).map((h) => h.handle).join('|'),
      (r.externalIds ?? []).map((x) => x.value).join('|'),
      r.firstName ?? '',
      r.lastName ?? '',
      r.dateOfBirth ?? '',
      r.city ?? '',
      String(r.attributes?.mall ?? ''),
    ]
      .map((c) => csvCell(c))
      .join(','),
  );
  return `${header.join(',')}\n${rows.join('\n')}\n`;
}

/** Link decisions as compared: their written form, as sorted lines. */
function decisions(evidence: readonly LinkEvidence[]): string[] {
  return evidence.map((e) => JSON.stringify(toEvidenceJson(e))).sort();
}

async function viaFiles(records: readonly CustomerRecord[], format: 'csv' | 'ndjson', threads: number): Promise<{ profiles: unknown[]; evidence: string[] }> {
  const n = ++runs;
  const input = path.join(dir, `in${n}.${format}`);
  // NDJSON: an emails key on every line, so a batch without identifiers is not refused as misconfigured.
  writeFileSync(input, format === 'csv' ? csvOf(records) : records.map((r) => JSON.stringify({ emails: [], ...r })).join('\n') + '\n');
  const outDir = path.join(dir, `out${n}`);
  await resolveFiles([input], { outDir, threads, pieceBytes: 256, ...(format === 'csv' ? { externalIds: { loyalty_id: 'loyalty' } } : {}) });
  const lines = (name: string): string[] => readFileSync(path.join(outDir, name), 'utf8').split('\n').filter((l) => l !== '');
  const evidence = lines('evidence.ndjson').map((l) => JSON.stringify(JSON.parse(l))).sort();
  return { profiles: comparable(lines('profiles.ndjson').map((l) => JSON.parse(l) as ProfileJson)), evidence };
}

function viaResolve(records: readonly CustomerRecord[]): { profiles: unknown[]; evidence: string[]; accepted: string[] } {
  const { profiles, rejects, evidence } = resolve(records);
  expect(rejects).toEqual([]);
  return { profiles: comparable(profiles.map((p) => toProfileJson(p))), evidence: decisions(evidence), accepted: decisions(evidence.filter((e) => e.accepted)) };
}

function viaResolver(records: readonly CustomerRecord[]): { profiles: unknown[]; accepted: string[] } {
  const resolver = createResolver();
  for (const r of records) expect(resolver.add(r).ok).toBe(true);
  const ids = [...new Set(records.map((r) => resolver.profileOf(r.id)!))];
  const accepted = ids.flatMap((id) => resolver.explainProfile(id)!.links);
  return { profiles: comparable(ids.map((id) => toProfileJson(resolver.profile(id)!))), accepted: decisions(accepted) };
}

describe('three paths, one engine (pinned seed)', () => {
  test('resolve(), resolveFiles() (CSV and NDJSON, one thread) and createResolver() agree', async () => {
    await fc.assert(
      fc.asyncProperty(batchArb, async (records) => {
        const expected = viaResolve(records);
        const resolver = viaResolver(records);
        expect(resolver.profiles).toEqual(expected.profiles);
        expect(resolver.accepted).toEqual(expected.accepted);
        const { profiles, evidence } = expected;
        expect(await viaFiles(records, 'ndjson', 0)).toEqual({ profiles, evidence });
        expect(await viaFiles(records, 'csv', 0)).toEqual({ profiles, evidence });
      }),
      { seed: SEED, numRuns: 60 },
    );
  }, 120_000);

  test('worker threads and small pieces change nothing', async () => {
    await fc.assert(
      fc.asyncProperty(batchArb, async (records) => {
        const { profiles, evidence } = viaResolve(records);
        expect(await viaFiles(records, 'csv', 2)).toEqual({ profiles, evidence });
        expect(await viaFiles(records, 'ndjson', 2)).toEqual({ profiles, evidence });
      }),
      { seed: SEED, numRuns: 6 },
    );
  }, 120_000);
});
