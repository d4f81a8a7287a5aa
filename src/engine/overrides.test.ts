import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { explainFromDir, formatExplanation } from '../cli/explain.js';
import { parseConfig } from '../config/parseConfig.js';
import type { RecordOverride, ResolveOptions } from '../config/ResolveOptions.js';
import type { CustomerRecord, LinkEvidence } from '../types.js';
import { createResolver } from '../incremental/createResolver.js';
import { resolve } from '../resolve.js';
import { resolveFiles } from '../batch/resolveFiles.js';

// Steward overrides (spec §8; docs/matching-model.md "Overrides"): never, always, their contradiction, and how
// each path shows them.

const omar = (id: string, more: Partial<CustomerRecord> = {}): CustomerRecord => ({ id, source: 'crm', firstName: 'Omar', lastName: 'Saleh', ...more });
const never = (recordA: string, recordB: string): RecordOverride => ({ recordA, recordB, rule: 'never' });
const always = (recordA: string, recordB: string): RecordOverride => ({ recordA, recordB, rule: 'always' });

/** The partition as sorted groups of record ids. */
function groups(mapping: ReadonlyMap<string, string>): string[][] {
  const by = new Map<string, string[]>();
  for (const [r, p] of mapping) by.set(p, [...(by.get(p) ?? []), r]);
  return [...by.values()].map((g) => g.sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

const overrideEvidence = (evidence: readonly LinkEvidence[]): LinkEvidence[] => evidence.filter((e) => e.kind === 'override' || e.guard === 'override');

describe('never', () => {
  test('refuses a direct link, as evidence naming the pair', () => {
    const records = [omar('a', { emails: ['omar.saleh@gmail.com'] }), omar('b', { emails: ['omar.saleh@gmail.com'] })];
    expect(groups(resolve(records).mapping)).toEqual([['a', 'b']]);
    const { mapping, evidence, report } = resolve(records, { overrides: [never('b', 'a')] });
    expect(groups(mapping)).toEqual([['a'], ['b']]);
    expect(overrideEvidence(evidence)).toEqual([
      { recordA: expect.any(String), recordB: expect.any(String), kind: 'email', key: 'email:omarsaleh@gmail.com', accepted: false, guard: 'override', why: expect.stringMatching(/^override never: (a \/ b|b \/ a)$/) },
    ]);
    expect(report.linksRefused.override).toBe(1);
    expect(report.overrideConflicts).toBe(0);
  });

  test('holds through third records: a cluster never holds both ends', () => {
    const records = [omar('a', { emails: ['omar.saleh@gmail.com'] }), omar('b', { emails: ['omar.saleh@gmail.com'], phones: ['050 123 4567'] }), omar('c', { phones: ['+971501234567'] })];
    expect(groups(resolve(records).mapping)).toEqual([['a', 'b', 'c']]);
    // Emails link before phones: a and b join, then c is refused through the phone.
    expect(groups(resolve(records, { overrides: [never('a', 'c')] }).mapping)).toEqual([['a', 'b'], ['c']]);
  });
});

describe('always', () => {
  test('joins records that share nothing, before any key, as evidence with the override for a key', () => {
    const records = [omar('a', { emails: ['omar.s@gmail.com'] }), { id: 'b', firstName: 'Layla', phones: ['0551234567'] }];
    const { mapping, evidence, report } = resolve(records, { overrides: [always('a', 'b')] });
    expect(groups(mapping)).toEqual([['a', 'b']]);
    expect(evidence[0]).toEqual({ recordA: expect.any(String), recordB: expect.any(String), kind: 'override', key: 'override:always', accepted: true, why: expect.stringMatching(/^override always: /) });
    expect(report.linksAccepted).toBe(1);
  });

  test('passes the exclusive guard (two logins) and the weighed decision', () => {
    const records = [omar('a', { logins: ['alice'] }), { id: 'b', firstName: 'Layla', lastName: 'Khan', logins: ['bob'] }];
    expect(groups(resolve(records, { overrides: [always('a', 'b')] }).mapping)).toEqual([['a', 'b']]);
  });

  test('not past the maximum cluster size', () => {
    const records = [omar('a'), omar('b'), omar('c')];
    const { mapping, evidence, report } = resolve(records, { guards: { maxClusterSize: 2 }, overrides: [always('a', 'b'), always('b', 'c')] });
    expect(groups(mapping).map((g) => g.length).sort()).toEqual([1, 2]);
    expect(evidence.filter((e) => e.kind === 'override' && !e.accepted)).toEqual([
      expect.objectContaining({ key: 'override:always', guard: 'maxClusterSize', why: expect.stringMatching(/cluster would hold 3 records \(max 2\)/) }),
    ]);
    expect(report.linksRefused.maxClusterSize).toBe(1);
  });

  test('repeats (either way round) are one override', () => {
    const { evidence } = resolve([omar('a'), omar('b')], { overrides: [always('a', 'b'), always('b', 'a'), always('a', 'b')] });
    expect(evidence.filter((e) => e.kind === 'override')).toHaveLength(1);
  });
});

describe('contradictions: never wins', () => {
  test('an always chain that would join a never pair: one always-link is refused and counted', () => {
    const records = [omar('a'), omar('b'), omar('c')];
    const { mapping, evidence, report } = resolve(records, { overrides: [always('a', 'b'), always('b', 'c'), never('a', 'c')] });
    const parts = groups(mapping);
    expect(parts).toHaveLength(2);
    expect(mapping.get('a')).not.toBe(mapping.get('c'));
    expect(evidence.filter((e) => e.kind === 'override' && !e.accepted)).toEqual([
      expect.objectContaining({ key: 'override:always', guard: 'override', why: expect.stringMatching(/^override always: .+ contradicts override never: (a \/ c|c \/ a)$/) }),
    ]);
    expect(report.overrideConflicts).toBe(1);
    expect(report.linksRefused.override).toBe(1);
  });

  test('one pair given both rules stays apart', () => {
    const { mapping, report } = resolve([omar('a', { emails: ['omar.saleh@gmail.com'] }), omar('b', { emails: ['omar.saleh@gmail.com'] })], { overrides: [always('a', 'b'), never('b', 'a')] });
    expect(groups(mapping)).toEqual([['a'], ['b']]);
    expect(report.overrideConflicts).toBe(1);
  });

  test('the resolver reads such a list the same way', () => {
    const options: ResolveOptions = { overrides: [always('a', 'b'), never('b', 'a')] };
    const r = createResolver(options);
    r.add(omar('a'));
    r.add(omar('b'));
    expect(r.profileOf('a')).not.toBe(r.profileOf('b'));
  });
});

describe('ids the run does not have', () => {
  test('are ignored and counted, never a reject', () => {
    const { mapping, rejects, report } = resolve([omar('a'), omar('b')], { overrides: [always('a', 'ghost'), never('ghost', 'b'), always('x', 'y')] });
    expect(rejects).toEqual([]);
    expect(groups(mapping)).toEqual([['a'], ['b']]);
    expect(report.overridesUnmatched).toBe(3);
  });

  test('without overrides the report counts zero', () => {
    expect(resolve([omar('a')]).report).toMatchObject({ overrideConflicts: 0, overridesUnmatched: 0 });
  });
});

describe('options', () => {
  test('the config file takes overrides, and lists every problem', () => {
    expect(parseConfig({ overrides: [{ recordA: 'a', recordB: 'b', rule: 'never' }] })).toEqual({ ok: true, config: { overrides: [{ recordA: 'a', recordB: 'b', rule: 'never' }] } });
    expect(parseConfig({ overrides: [{ recordA: 'a', recordB: 'a', rule: 'never' }, { recordA: '', recordB: 'b', rule: 'maybe' }, { recordA: 'a' }, 5] })).toEqual({
      ok: false,
      issues: [
        'overrides[0].recordB: recordA and recordB are the same record',
        'overrides[1].recordA: expected a non-empty record id',
        'overrides[1].rule: expected "never" or "always"',
        'overrides[2].recordB: required',
        'overrides[2].rule: expected "never" or "always"',
        'overrides[3]: required',
      ],
    });
  });

  test('resolve() refuses an invalid override before reading records', () => {
    expect(() => resolve([omar('a')], { overrides: [always('a', 'a')] })).toThrow(/overrides\[0\]\.recordB: recordA and recordB are the same record/);
  });
});

describe('resolver.override / clearOverride', () => {
  test('an override merges or splits profiles, with events; clearing it undoes that', () => {
    const r = createResolver();
    r.add(omar('a', { emails: ['omar.saleh@gmail.com'] }));
    r.add(omar('b', { emails: ['omar.saleh@gmail.com'] }));
    r.add({ id: 'c', firstName: 'Layla' });
    const p = r.profileOf('a')!;
    const split = r.override('a', 'b', 'never');
    expect(split.ok).toBe(true);
    expect(r.profileOf('a')).not.toBe(r.profileOf('b'));
    expect(split.ok && split.events.map((e) => e.type)).toEqual(['split']);
    const joined = r.override('c', 'b', 'always');
    expect(joined.ok && joined.events.length).toBeGreaterThan(0);
    expect(r.profileOf('c')).toBe(r.profileOf('b'));
    expect(r.clearOverride('a', 'b').ok).toBe(true);
    // a and b share an email again; c stays with b through the always.
    expect(new Set([r.profileOf('a'), r.profileOf('b'), r.profileOf('c')]).size).toBe(1);
    expect(r.clearOverride('b', 'c').ok).toBe(true);
    expect(r.profileOf('a')).toBe(r.profileOf('b'));
    expect(r.profileOf('c')).not.toBe(r.profileOf('a'));
    expect([p, r.profileOf('a')]).toContain(r.profileOf('b'));
  });

  test('setting a rule replaces the pair\'s rule; setting it again changes nothing', () => {
    const r = createResolver();
    r.add(omar('a'));
    r.add(omar('b'));
    expect(r.override('a', 'b', 'always')).toMatchObject({ ok: true });
    expect(r.override('b', 'a', 'always')).toEqual({ ok: true, events: [] });
    expect(r.override('a', 'b', 'never')).toMatchObject({ ok: true });
    expect(r.profileOf('a')).not.toBe(r.profileOf('b'));
  });

  test('bad input is a result: one record twice, an unknown rule, a pair without an override', () => {
    const r = createResolver();
    r.add(omar('a'));
    expect(r.override('a', 'a', 'always')).toEqual({ ok: false, reasons: ['recordB: recordA and recordB are the same record'] });
    expect(r.override('a', 'b', 'sometimes' as 'never')).toEqual({ ok: false, reasons: ['rule: expected "never" or "always"'] });
    expect(r.override('', 'b', 'never').ok).toBe(false);
    expect(r.clearOverride('a', 'b')).toEqual({ ok: false, reasons: ['no override between "a" and "b"'] });
    expect(r.clearOverride('a', 42 as unknown as string).ok).toBe(false);
  });

  test('an override may name a record added later, and outlives a removal', () => {
    const r = createResolver();
    expect(r.override('a', 'b', 'always')).toEqual({ ok: true, events: [] });
    r.add(omar('a'));
    expect(r.add({ id: 'b', firstName: 'Layla' })).toMatchObject({ ok: true, profileId: r.profileOf('a') });
    expect(r.remove('b').ok).toBe(true);
    r.add({ id: 'b', firstName: 'Layla' });
    expect(r.profileOf('b')).toBe(r.profileOf('a'));
  });

  test('removing the record an always chain hangs on splits the chain', () => {
    const r = createResolver({ overrides: [always('a', 'b'), always('b', 'c')] });
    for (const id of ['a', 'b', 'c']) r.add({ id });
    expect(new Set(['a', 'b', 'c'].map((id) => r.profileOf(id))).size).toBe(1);
    r.remove('b');
    expect(r.profileOf('a')).not.toBe(r.profileOf('c'));
  });

  test('explain names the override that decided', () => {
    const r = createResolver({ overrides: [always('a', 'c'), never('a', 'b')] });
    r.add(omar('a', { emails: ['omar.saleh@gmail.com'] }));
    r.add(omar('b', { emails: ['omar.saleh@gmail.com'] }));
    r.add({ id: 'c', firstName: 'Layla' });
    const joined = r.explain('a', 'c');
    expect(joined.linked).toBe(true);
    expect(joined.message).toMatch(/joined by a steward override \(override:always\)/);
    const apart = r.explain('a', 'b');
    expect(apart.linked).toBe(false);
    expect(apart.refused).toEqual([expect.objectContaining({ guard: 'override', why: 'override never: a / b' })]);
    expect(apart.message).toMatch(/the override guard refused the link through email:omarsaleh@gmail.com .*override never: a \/ b/);
    expect(formatExplanation(r.explainProfile(r.profileOf('a')!)!)).toMatch(/-- override:always -->/);
  });
});

describe('the file batch', () => {
  test('resolveFiles takes the option; evidence.ndjson and idweave explain show the overrides', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'idweave-overrides-'));
    const input = path.join(dir, 'in.csv');
    writeFileSync(input, 'id,email,first_name,last_name\na,omar.saleh@gmail.com,Omar,Saleh\nb,omar.saleh@gmail.com,Omar,Saleh\nc,,Layla,\n');
    const out = path.join(dir, 'out');
    const overrides = [always('c', 'a'), never('a', 'b'), never('a', 'ghost')];
    const report = await resolveFiles([input], { outDir: out, threads: 0, overrides });
    expect(report).toMatchObject({ profiles: 2, overrideConflicts: 0, overridesUnmatched: 1, linksRefused: { override: 1 } });
    const lines = readFileSync(path.join(out, 'evidence.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toContainEqual(expect.objectContaining({ kind: 'override', key: 'override:always', accepted: true }));
    expect(lines).toContainEqual(expect.objectContaining({ kind: 'email', accepted: false, guard: 'override', why: 'override never: a / b' }));
    const apart = await explainFromDir(out, { records: ['a', 'b'] });
    expect(apart.message).toMatch(/override never: a \/ b/);
    const joined = await explainFromDir(out, { records: ['a', 'c'] });
    expect(joined.message).toMatch(/steward override/);
    // The same partition as resolve() with the same overrides.
    const mapping = readFileSync(path.join(out, 'mapping.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',') as [string, string]);
    const records = [omar('a', { emails: ['omar.saleh@gmail.com'] }), omar('b', { emails: ['omar.saleh@gmail.com'] }), { id: 'c', firstName: 'Layla' }];
    expect(groups(new Map(mapping))).toEqual(groups(resolve(records, { overrides }).mapping));
  });
});
