import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { explainFromDir } from '../cli/explain.js';
import type { ResolveOptions } from '../config/ResolveOptions.js';
import { createResolver } from '../incremental/createResolver.js';
import { resolveFiles } from '../batch/resolveFiles.js';
import type { CustomerRecord, LinkEvidence } from '../types.js';
import type { ProfileExplanation, RecordsExplanation } from './types.js';

// The one explain, fed two ways: `idweave explain` from an output directory (explain.idx + evidence.ndjson) and
// the incremental resolver from its state. On the same records they must say the same thing (profile ids aside:
// the batch's and the resolver's id rules differ).

/** Seeded records that exercise every guard: families on one phone, shared emails with two logins, a front desk. */
function records(seed: number): CustomerRecord[] {
  let s = seed >>> 0;
  const rand = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const firsts = ['Omar', 'Layla', 'Ahmed', 'Fatima', 'Ravi', 'Maria', 'John', 'Aisha', 'Yusuf', 'Noor'];
  const out: CustomerRecord[] = [];
  for (let p = 0; p < 90; p++) {
    const first = firsts[p % firsts.length]!;
    const last = `Fam${Math.floor(p / 2)}`;
    const email = `person${p}.x@gmail.com`;
    const phone = `+97150${2_345_671 + (p % 10 === 1 ? p - 1 : p) * 7919}`; // every 10th pair of persons shares a phone
    const login = `user${p}`;
    const shared = p % 15 === 4 || p % 15 === 5 ? `shared${Math.floor(p / 15)}@gmail.com` : undefined; // two logins on one email
    const n = p % 29 === 0 ? 9 : 1 + Math.floor(rand() * 4); // a few persons above maxClusterSize
    for (let r = 0; r < n; r++) {
      const emails: string[] = [];
      const phones: string[] = [];
      if (n === 9 || rand() < 0.7) emails.push(rand() < 0.1 ? email.replace('gmail.com', 'gmial.com') : email);
      if (shared && rand() < 0.8) emails.push(shared);
      if (rand() < 0.6) phones.push(phone);
      if (p % 11 === 3 && r === 0) phones.push('04 312 0000'); // front desk: generic
      out.push({
        id: `p${p}-r${r}`,
        source: rand() < 0.5 ? 'app' : 'pos',
        ...(emails.length ? { emails } : {}),
        ...(phones.length ? { phones } : {}),
        ...(shared || rand() < 0.3 ? { logins: [login] } : {}),
        ...(rand() < 0.8 ? { firstName: first, lastName: last } : {}),
      });
    }
  }
  return out;
}

const options: ResolveOptions = { guards: { generic: { maxRecords: 5 }, maxClusterSize: 6 } };

/** A link decision without its direction (a path step is oriented, the evidence line is not). */
const decision = (e: LinkEvidence): string => `${[e.recordA, e.recordB].sort().join(' ~ ')} | ${e.key} | ${e.accepted} | ${e.guard ?? ''} | ${e.why ?? ''}`;
const decisions = (list: readonly LinkEvidence[]): string[] => list.map(decision).sort();

describe('one explain: the CLI (from the output directory) and the resolver agree', () => {
  test('every profile and many pairs of records, seeded', async () => {
    const input = records(11);
    const dir = mkdtempSync(path.join(tmpdir(), 'idweave-explain-eq-'));
    const file = path.join(dir, 'records.ndjson');
    writeFileSync(file, input.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const out = path.join(dir, 'out');
    await resolveFiles([file], { outDir: out, threads: 0, ...options });
    const resolver = createResolver(options);
    for (const r of input) expect(resolver.add(r).ok).toBe(true);

    const profiles = readFileSync(path.join(out, 'profiles.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { profile_id: string; record_ids: string[] });
    expect(profiles.length).toBe(resolver.profileCount);
    const guards = new Set<string>();
    for (const p of profiles) {
      const cli = (await explainFromDir(out, { profile: p.profile_id })) as ProfileExplanation;
      const lib = resolver.explainProfile(resolver.profileOf(p.record_ids[0]!)!)!;
      expect(cli.recordIds).toEqual(lib.recordIds);
      expect(decisions(cli.links)).toEqual(decisions(lib.links));
      expect(decisions(cli.refused)).toEqual(decisions(lib.refused));
      expect(cli.generic).toEqual(lib.generic);
      for (const e of cli.refused) guards.add(e.guard!);
      if (cli.generic.length > 0) guards.add('generic');
    }
    // The data exercise what "refused" is about.
    expect([...guards].sort()).toEqual(expect.arrayContaining(['exclusive', 'generic', 'maxClusterSize', 'shareable']));

    // Pairs: both ends of every evidence line, neighbours in input order, and a spread of others.
    const evidence = readFileSync(path.join(out, 'evidence.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { record_a: string; record_b: string });
    const pairs: [string, string][] = evidence.map((e) => [e.record_a, e.record_b]);
    for (let i = 0; i + 1 < input.length; i += 3) pairs.push([input[i]!.id, input[i + 1]!.id]);
    for (let i = 0; i < input.length; i += 17) pairs.push([input[i]!.id, input[(i * 7 + 5) % input.length]!.id], [input[i]!.id, input[i]!.id]);
    let linked = 0;
    let apartWithRefusals = 0;
    for (const [a, b] of pairs) {
      const cli = (await explainFromDir(out, { records: [a, b] })) as RecordsExplanation;
      const lib = resolver.explain(a, b);
      expect(cli.linked).toBe(lib.linked);
      expect(cli.path.length).toBe(lib.path.length);
      expect(decisions(cli.path)).toEqual(decisions(lib.path));
      expect(decisions(cli.refused)).toEqual(decisions(lib.refused));
      expect(cli.generic).toEqual(lib.generic);
      if (cli.linked) linked++;
      else if (cli.refused.length > 0) apartWithRefusals++;
    }
    expect(linked).toBeGreaterThan(50);
    expect(apartWithRefusals).toBeGreaterThan(5);
  }, 60_000);
});
