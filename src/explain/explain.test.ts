import { describe, expect, test } from 'vitest';
import type { LinkEvidence } from '../types.js';
import { explainProfile, explainRecords } from './explain.js';
import { formatExplanation } from './format.js';
import { shortestPath } from './shortestPath.js';
import type { GenericIdentifier, ProfileFacts } from './types.js';

const accepted = (recordA: string, recordB: string, key: string): LinkEvidence => ({ recordA, recordB, kind: key.startsWith('phone:') ? 'phone' : 'email', key, accepted: true });
const refused = (recordA: string, recordB: string, key: string, guard: LinkEvidence['guard'], why = 'names differ'): LinkEvidence => ({
  recordA, recordB, kind: key.startsWith('phone:') ? 'phone' : 'email', key, accepted: false, guard, why,
});
const frontDesk: GenericIdentifier = { key: 'phone:+97143120000', records: 12, distinctIdentifiers: 30 };
const infoMail: GenericIdentifier = { key: 'email:info@hotel.ae', records: 9, distinctIdentifiers: 11 };

// Profile P1 = {a, b, c} joined a–b (email) and c–b (phone, logged with c first); P2 = {x}; P3 = {s}, alone.
const P1: ProfileFacts = { profileId: 'P1', recordIds: ['c', 'a', 'b'], generic: [frontDesk, infoMail] };
const P2: ProfileFacts = { profileId: 'P2', recordIds: ['x'], generic: [frontDesk] };
const P3: ProfileFacts = { profileId: 'P3', recordIds: ['s'], generic: [] };
const evidence: LinkEvidence[] = [
  refused('a', 'x', 'phone:+971501234567', 'shareable'), // between P1 and P2: refused
  accepted('a', 'b', 'email:ann@gmail.com'),
  refused('a', 'c', 'phone:+971509999999', 'exclusive', 'two logins'), // inside P1: joined anyway, not refused
  accepted('c', 'b', 'phone:+971509999999'),
  refused('b', 'x', 'phone:+97143120000', 'generic', 'shared by 12 records and 30 other identifiers'), // generic: no decision
  refused('q', 'r', 'email:other@gmail.com', 'shareable'), // about other profiles: ignored
];

describe('explainProfile', () => {
  test('links inside, refused only towards other profiles, generic listed apart', () => {
    const e = explainProfile(P1, evidence);
    expect(e.type).toBe('profile');
    expect(e.recordIds).toEqual(['a', 'b', 'c']);
    expect(e.links.map((l) => l.key)).toEqual(['email:ann@gmail.com', 'phone:+971509999999']);
    expect(e.refused).toEqual([evidence[0]]);
    expect(e.generic.map((g) => g.key)).toEqual(['email:info@hotel.ae', 'phone:+97143120000']);
    expect(e.message).toMatch(/^profile P1 joins 3 records: a and b share email:ann@gmail.com; c and b share phone:\+971509999999\. refused: a–x through phone:\+971501234567 by the shareable guard/);
  });

  test('the other side of a refused link sees the same refusal', () => {
    expect(explainProfile(P2, evidence).refused).toEqual([evidence[0]]);
  });

  test('a record alone in its profile', () => {
    const e = explainProfile(P3, evidence);
    expect(e).toMatchObject({ recordIds: ['s'], links: [], refused: [], generic: [], message: 'profile P3 holds one record (s)' });
  });
});

describe('explainRecords', () => {
  test('linked: the fewest accepted links, each oriented from A', () => {
    const e = explainRecords('a', 'c', P1, P1, evidence);
    expect(e).toMatchObject({ type: 'records', linked: true, profileA: 'P1', profileB: 'P1', refused: [], generic: [] });
    expect(e.path.map((l) => [l.recordA, l.key, l.recordB])).toEqual([
      ['a', 'email:ann@gmail.com', 'b'],
      ['b', 'phone:+971509999999', 'c'],
    ]);
    expect(e.message).toBe('linked in profile P1: a and b share email:ann@gmail.com; b and c share phone:+971509999999');
    // The refused a–c link inside the profile is not a way, and not a refusal either.
    expect(e.path.some((l) => !l.accepted)).toBe(false);
  });

  test('apart: refused links between the two profiles, shared generic identifiers', () => {
    const e = explainRecords('b', 'x', P1, P2, evidence);
    expect(e.linked).toBe(false);
    expect(e.refused).toEqual([evidence[0]]); // a–x, although the question was about b: profiles, not records
    expect(e.generic).toEqual([frontDesk]); // held by both; infoMail only by P1
    expect(e.message).toMatch(/^not linked: the shareable guard refused the link through phone:\+971501234567 between a and x \(names differ\); shared generic identifiers do not link: phone:\+97143120000 \(shared by 12 records/);
  });

  test('apart with nothing shared, and apart through generic identifiers only', () => {
    expect(explainRecords('a', 's', P1, P3, evidence)).toMatchObject({ linked: false, refused: [], generic: [], message: 'not linked: their profiles share no identifier' });
    const onlyGeneric = explainRecords('a', 'x', P1, P2, evidence.filter((e) => e.guard !== 'shareable'));
    expect(onlyGeneric.refused).toEqual([]);
    expect(onlyGeneric.message).toBe('not linked: their profiles share only generic identifiers, which do not link: phone:+97143120000 (shared by 12 records and 30 other identifiers)');
  });

  test('a record with itself, alone in its profile', () => {
    expect(explainRecords('s', 's', P3, P3, [])).toMatchObject({ linked: true, path: [], message: 'linked: "s" is one record (profile P3)' });
  });

  test('unknown ids', () => {
    expect(explainRecords('a', 'ghost', P1, undefined, evidence)).toEqual({
      type: 'records', recordA: 'a', recordB: 'ghost', linked: false, profileA: 'P1', path: [], refused: [], generic: [], message: 'not linked: no record "ghost"',
    });
    expect(explainRecords('g1', 'g2', undefined, undefined, []).message).toBe('not linked: no record "g1" or "g2"');
    expect(explainRecords('g1', 'g1', undefined, undefined, []).message).toBe('not linked: no record "g1"');
  });
});

describe('shortestPath', () => {
  test('breadth first: the fewest links, not the first found', () => {
    const links = [accepted('a', 'b', 'email:1'), accepted('b', 'c', 'email:2'), accepted('c', 'd', 'email:3'), accepted('d', 'a', 'email:4')];
    expect(shortestPath(links, 'a', 'd').map((l) => l.key)).toEqual(['email:4']);
    expect(shortestPath(links, 'a', 'c')).toHaveLength(2);
    expect(shortestPath(links, 'a', 'z')).toEqual([]);
    expect(shortestPath(links, 'a', 'a')).toEqual([]);
  });
});

describe('formatExplanation', () => {
  test('one line per record or link', () => {
    expect(formatExplanation(explainRecords('a', 'c', P1, P1, evidence))).toBe('a and c are in profile P1, joined by:\n  a -- email:ann@gmail.com --> b\n  b -- phone:+971509999999 --> c\n');
    expect(formatExplanation(explainRecords('a', 's', P1, P3, evidence))).toMatch(/^not linked: no shared identifier between profile P1 \(a\) and profile P3 \(s\)\n$/);
    const profile = formatExplanation(explainProfile(P2, evidence));
    expect(profile).toContain('refused links to other profiles (1):\n  a -x- phone:+971501234567 -x- x: refused by shareable (names differ)');
    expect(profile).toContain('generic identifiers, which do not link (1):\n  phone:+97143120000 (shared by 12 records and 30 other identifiers)');
  });
});

describe('evidence of refusals only (--evidence refused, #15)', () => {
  const refusals = evidence.filter((e) => !e.accepted);
  const onlyRefused = { evidence: 'refused' } as const;

  test('a profile of several records: its links were not kept, never "no links"; refusals and generic as with every decision', () => {
    const full = explainProfile(P1, evidence);
    const e = explainProfile(P1, refusals, onlyRefused);
    expect(e).toMatchObject({ recordIds: full.recordIds, links: [], refused: full.refused, generic: full.generic, linksNotKept: true });
    expect(e.message).toMatch(/^profile P1 joins 3 records; the links that join them were not kept \(the run was written with --evidence refused, which keeps refused links only: resolve again with --evidence all to see them\)\. refused: a–x/);
    expect(formatExplanation(e)).toContain('links: not kept (the run was written with --evidence refused');
    expect(formatExplanation(e)).not.toContain('links (0)');
    expect(full).not.toHaveProperty('linksNotKept');
  });

  test('a profile of one record, and apart records, lack nothing', () => {
    expect(explainProfile(P3, [], onlyRefused)).toEqual(explainProfile(P3, []));
    expect(explainProfile(P2, refusals, onlyRefused)).toEqual(explainProfile(P2, evidence));
    expect(explainRecords('b', 'x', P1, P2, refusals, onlyRefused)).toEqual(explainRecords('b', 'x', P1, P2, evidence));
    expect(explainRecords('a', 's', P1, P3, refusals, onlyRefused)).toEqual(explainRecords('a', 's', P1, P3, evidence));
    expect(explainRecords('s', 's', P3, P3, [], onlyRefused)).toEqual(explainRecords('s', 's', P3, P3, []));
  });

  test('linked records: the path was not kept', () => {
    const e = explainRecords('a', 'c', P1, P1, refusals, onlyRefused);
    expect(e).toMatchObject({ linked: true, path: [], linksNotKept: true, message: expect.stringMatching(/^linked in profile P1; the links that join them were not kept/) });
    expect(formatExplanation(e)).toBe('a and c are in profile P1; the links that join them were not kept (the run was written with --evidence refused, which keeps refused links only: resolve again with --evidence all to see them)\n');
  });
});
