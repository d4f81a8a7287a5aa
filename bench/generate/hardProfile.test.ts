import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { normalizeEmail } from '../../src/normalize/email/normalizeEmail.js';
import { normalizePhone } from '../../src/normalize/phone/normalizePhone.js';
import { generateRecords, withDefaults } from './generateRecords.js';
import { EXTRA_COLUMNS, hasExtras } from './hard.js';
import { LOOKALIKE_NAMES, MULTI_WORD_SURNAMES, NICKNAMES, officeEmailOf, officePhoneNational } from './hardPools.js';
import { DEFAULT_OPTIONS, emptyStats, HARD_OPTIONS, type GenerateOptions, type GenerateStats } from './options.js';
import type { Person } from './person.js';
import { COUNTRIES, formatPhone } from './phones.js';
import { DOMAIN_TYPOS, FIRST_FEMALE, FIRST_MALE, genericEmailOf, genericPhoneNational } from './pools.js';
import { HEADER } from './RecordBuilder.js';
import { writeDataset } from './writeDataset.js';

const TMP = path.join(import.meta.dirname, '../data/.test-generate-hard');
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const COLUMNS = `${HEADER},${EXTRA_COLUMNS}`.split(',');
type Row = Record<string, string>;

/** A hard-profile run in memory: rows (by column name), the person of each row, and every person as made. */
function runHard(records: number, seed = 1, overrides: Partial<GenerateOptions> = {}) {
  const rows: Row[] = [];
  const rowPersons: number[] = [];
  const people: Person[] = [];
  const stats = emptyStats();
  for (const chunk of generateRecords(withDefaults({ records, seed, profile: 'hard', ...overrides }), stats, (p) => people.push(p))) {
    for (let i = 0; i < chunk.lines.length; i++) {
      const cells = Papa.parse<string[]>(chunk.lines[i]!).data[0]!;
      expect(cells).toHaveLength(COLUMNS.length);
      rows.push(Object.fromEntries(COLUMNS.map((c, j) => [c, cells[j]!])));
      rowPersons.push(chunk.persons[i]!);
    }
  }
  return { rows, rowPersons, people, stats };
}

/** Counts of every trap (new in the hard profile). */
const TRAP_STATS: readonly (keyof GenerateStats)[] = [
  'dobCells', 'dobSwappedCells', 'dobTypoCells', 'dobYearOnlyCells', 'genderWordCells', 'genderWrongCells', 'addressCells',
  'addressAbbreviatedCells', 'addressTypoCells', 'postcodeCells', 'movedPersons', 'oldAddressRecords', 'sharedPhonePairs',
  'sharedPhoneRecords', 'sharedEmailPairs', 'sharedEmailRecords', 'sharedSameFirstNamePairs', 'sharedSimilarFirstNamePairs',
  'emailHouseholds', 'emailHouseholdPersons', 'emailHouseholdRecords', 'offices', 'officePersons',
  'officeSameFirstNamePersons', 'officeEmailRecords', 'officePhoneRecords', 'nicknameCells', 'initialCells',
  'letterSwapCells', 'reversedFullNames', 'reversedMultiWordFullNames', 'extraFirstNamePersons',
  'multiWordSurnamePersons', 'bracketPhoneCells',
];

const e164 = (p: Person['phones'][number]) => `+${p.country.callingCode}${p.national}`;
const emailKey = (v: string) => {
  const r = normalizeEmail(v);
  return r.ok ? r.value : undefined;
};
const lookalike = (a: string, b: string) =>
  a === b || LOOKALIKE_NAMES.some(([x, , y]) => (x === a && y === b) || (x === b && y === a));

describe('profiles', () => {
  test('default has every hard knob at 0; hard sets them and keeps the other knobs; every knob can be overridden', () => {
    const def = withDefaults({ records: 1000 });
    expect(def.profile).toBe('default');
    expect(hasExtras(def)).toBe(false);
    const hard = withDefaults({ records: 1000, profile: 'hard' });
    expect(hard).toMatchObject(HARD_OPTIONS);
    for (const [knob, value] of Object.entries(DEFAULT_OPTIONS)) {
      if (!(knob in HARD_OPTIONS)) expect(hard[knob as keyof GenerateOptions], knob).toBe(value);
      else if (knob !== 'profile') expect(value, `${knob} is 0 in the default profile`).toBe(0);
    }
    expect(withDefaults({ records: 1000, profile: 'hard', officesPerMillion: 0, dobRate: 0.9 })).toMatchObject({ officesPerMillion: 0, dobRate: 0.9, profile: 'hard' });
    expect(() => withDefaults({ records: 1000, profile: 'nope' as 'hard' })).toThrow(/unknown profile/);
  });
});

describe('hard profile', () => {
  let run: ReturnType<typeof runHard>;
  beforeAll(() => {
    run = runHard(60_000);
  });

  test('writeDataset: extra columns, profile and every knob in meta.json, every record in truth.csv once', async () => {
    const dir = path.join(TMP, 'w');
    await writeDataset(withDefaults({ records: 20_000, seed: 2, profile: 'hard' }), dir);
    const records = readFileSync(path.join(dir, 'records.csv'), 'utf8').trimEnd().split('\n');
    const truth = readFileSync(path.join(dir, 'truth.csv'), 'utf8').trimEnd().split('\n');
    expect(records[0]).toBe(`${HEADER},${EXTRA_COLUMNS}`);
    expect(truth[0]).toBe('record_id,person_id');
    expect(records).toHaveLength(20_001);
    expect(truth).toHaveLength(20_001);
    const ids = truth.slice(1).map((l) => l.split(',')[0]!);
    expect(new Set(ids).size).toBe(20_000);
    expect(ids).toEqual(records.slice(1).map((l) => l.slice(0, l.indexOf(','))));
    for (const l of truth.slice(1)) expect(l).toMatch(/^r[0-9a-z]{7},p\d+$/);
    const meta = JSON.parse(readFileSync(path.join(dir, 'meta.json'), 'utf8'));
    expect(meta.profile).toBe('hard');
    expect(Object.keys(meta.options).sort()).toEqual([...Object.keys(DEFAULT_OPTIONS), 'records', 'seed'].sort());
    expect(meta.options).toMatchObject(HARD_OPTIONS);
    for (const k of TRAP_STATS) expect(meta.noise[k], k).toBeGreaterThan(0);
  });

  test('every trap is injected: its count is > 0 at 60k rows', () => {
    for (const k of TRAP_STATS) expect(run.stats[k], k).toBeGreaterThan(0);
    expect(run.rows).toHaveLength(60_000);
  });

  test('truth stays exact: an identifier shared by several persons is a true identifier of each of them', () => {
    const { rows, rowPersons, people } = run;
    // Who truly holds each key: own emails and phones, the look-alike's address a borrower types, office values.
    const holders = new Map<string, Set<number>>();
    const hold = (key: string | undefined, person: number) => {
      if (!key) return;
      let set = holders.get(key);
      if (!set) holders.set(key, (set = new Set()));
      set.add(person);
    };
    for (const p of people) {
      const addresses = [...p.emails, ...(p.extra?.borrowedEmail ? [p.extra.borrowedEmail] : [])];
      for (const a of addresses) {
        hold(emailKey(a), p.index);
        const [local, domain] = a.split('@') as [string, string];
        for (const typo of DOMAIN_TYPOS[domain] ?? []) hold(emailKey(`${local}@${typo}`), p.index);
      }
      for (const ph of p.phones) hold(e164(ph), p.index);
      if (p.extra && p.extra.office >= 0) {
        hold(emailKey(officeEmailOf(p.extra.office)), p.index);
        hold(`+971${officePhoneNational(p.extra.office)}`, p.index);
      }
    }
    const generic = new Set<string>();
    for (let g = 0; g < 50; g++) generic.add(emailKey(genericEmailOf(g))!).add(`+971${genericPhoneNational(g)}`);
    const seen = new Map<string, Set<number>>();
    rows.forEach((row, i) => {
      const keys = [
        ...row.email!.split('|').map(emailKey),
        ...row.phone!.split('|').map((v) => {
          const r = normalizePhone(v, { defaultRegion: 'AE' });
          return r.ok ? r.value : undefined;
        }),
      ];
      for (const key of keys) {
        if (!key || generic.has(key)) continue;
        let set = seen.get(key);
        if (!set) seen.set(key, (set = new Set()));
        set.add(rowPersons[i]!);
      }
    });
    const unexpected: string[] = [];
    const byName = (n: number) => people[n]!;
    let lookalikeKeys = 0;
    let householdKeys = 0;
    let officeKeys = 0;
    for (const [key, set] of seen) {
      if (set.size < 2) continue;
      const truly = holders.get(key);
      if (!truly || [...set].some((n) => !truly.has(n))) {
        unexpected.push(`${key} ${[...set].join(' ')}`);
        continue;
      }
      const ps = [...set].map(byName);
      if (ps.some((p) => p.extra!.office >= 0 && (key.endsWith('.ae') || key.startsWith('+9714')))) officeKeys++;
      else if (ps.every((p) => p.extra!.householdEmail) || ps.every((p) => p.householdPhone)) householdKeys++;
      else if (ps.length === 2 && ps[0]!.last !== ps[1]!.last && lookalike(ps[0]!.first, ps[1]!.first)) lookalikeKeys++;
    }
    expect(unexpected).toEqual([]);
    expect(lookalikeKeys).toBeGreaterThan(50);
    expect(householdKeys).toBeGreaterThan(50);
    expect(officeKeys).toBeGreaterThan(5);
  });

  test('person model: look-alike pairs, email households, offices, movers', () => {
    const { people } = run;
    // Look-alike pairs: the same or a similar first name, another surname, another date of birth.
    const pairs = new Map<string, Person[]>();
    const add = (key: string, p: Person) => pairs.set(key, [...(pairs.get(key) ?? []), p]);
    for (const p of people) {
      if (p.extra?.sharedPhone) add(`p:${e164(p.extra.sharedPhone)}`, p);
      if (p.extra?.lentEmail) add(`e:${p.extra.lentEmail}`, p);
      if (p.extra?.borrowedEmail) add(`e:${p.extra.borrowedEmail}`, p);
    }
    let same = 0;
    let similar = 0;
    let complete = 0;
    for (const [key, ps] of pairs) {
      expect(ps.length, key).toBeLessThanOrEqual(2);
      if (ps.length < 2) continue; // the last lender of the run may find no borrower
      complete++;
      const [a, b] = ps as [Person, Person];
      expect(lookalike(a.first, b.first), `${a.first} / ${b.first}`).toBe(true);
      if (a.first === b.first) same++;
      else similar++;
      expect(a.last).not.toBe(b.last);
      const dob = (p: Person) => `${p.extra!.dobYear}-${p.extra!.dobMonth}-${p.extra!.dobDay}`;
      expect(dob(a)).not.toBe(dob(b));
    }
    expect(complete).toBeGreaterThan(100);
    expect(same).toBeGreaterThan(20);
    expect(similar).toBeGreaterThan(20);
    expect(people.some((p) => p.first === 'Carl') && people.some((p) => p.first === 'Carol')).toBe(true);

    // Email households: 2–5 persons on one address, one surname, distinct first names, one home.
    const households = new Map<string, Person[]>();
    for (const p of people) if (p.extra?.householdEmail) households.set(p.emails[0]!, [...(households.get(p.emails[0]!) ?? []), p]);
    const sizes = [...households.values()].map((h) => h.length);
    expect(households.size).toBeGreaterThan(50);
    expect(sizes.filter((s) => s < 2 || s > 5).length).toBeLessThanOrEqual(1); // the run may end mid-household
    expect(new Set(sizes).size).toBe(4);
    for (const h of households.values()) {
      expect(new Set(h.map((p) => p.last)).size).toBe(1);
      expect(new Set(h.map((p) => p.first)).size).toBe(h.length);
      expect(new Set(h.map((p) => p.extra!.address)).size).toBe(1);
    }

    // Offices: 16–49 members each (12–37 / 0.76: about 10–40 of them show up on each value), some sharing a first name.
    const offices = new Map<number, Person[]>();
    for (const p of people) if (p.extra && p.extra.office >= 0) offices.set(p.extra.office, [...(offices.get(p.extra.office) ?? []), p]);
    expect(offices.size).toBeGreaterThan(5);
    const full = [...offices.values()].slice(0, -1);
    for (const members of full) {
      expect(members.length).toBeGreaterThanOrEqual(16);
      expect(members.length).toBeLessThanOrEqual(49);
    }
    expect(full.some((m) => new Set(m.map((p) => p.first)).size < m.length)).toBe(true);

    // Movers have an older address; a date of birth agrees with birth_year.
    expect(people.filter((p) => p.extra!.oldAddress).length / people.length).toBeCloseTo(0.2, 1);
    for (const p of people) expect(p.extra!.dobYear).toBe(p.birthYear);
  });

  test('office values: about 10–40 persons on each, fewer than 100 records', () => {
    const { rows, rowPersons } = run;
    const officeValues = new Set<string>();
    for (let o = 0; o < 100; o++) officeValues.add(emailKey(officeEmailOf(o))!).add(`+971${officePhoneNational(o)}`);
    const persons = new Map<string, Set<number>>();
    const records = new Map<string, number>();
    rows.forEach((row, i) => {
      for (const v of [...row.email!.split('|'), ...row.phone!.split('|')]) {
        const phone = normalizePhone(v, { defaultRegion: 'AE' });
        const k = [emailKey(v), phone.ok ? phone.value : undefined].find((key) => key !== undefined && officeValues.has(key));
        if (!k) continue;
        persons.set(k, (persons.get(k) ?? new Set()).add(rowPersons[i]!));
        records.set(k, (records.get(k) ?? 0) + 1);
      }
    });
    const counts = [...persons.values()].map((s) => s.size).sort((a, b) => a - b);
    expect(counts.length).toBeGreaterThan(5);
    expect(Math.max(...records.values())).toBeLessThanOrEqual(95);
    const median = counts[counts.length >> 1]!;
    expect(median).toBeGreaterThanOrEqual(10);
    expect(median).toBeLessThanOrEqual(40);
    expect(counts.filter((c) => c >= 10 && c <= 40).length / counts.length).toBeGreaterThan(0.9);
    expect(counts[0]).toBeGreaterThanOrEqual(7);
    expect(counts.at(-1)).toBeLessThanOrEqual(45);
  });

  test('sample rows show each trap', () => {
    const { rows, rowPersons, people } = run;
    const col = (c: string) => rows.map((r) => r[c]!).filter((v) => v !== '');
    const dobs = col('date_of_birth');
    expect(dobs.some((v) => /^\d{4}-\d{2}-\d{2}$/.test(v))).toBe(true);
    expect(dobs.some((v) => /^\d{2}\/\d{2}\/\d{4}$/.test(v))).toBe(true);
    expect(dobs.some((v) => /^\d{8}$/.test(v))).toBe(true);
    expect(dobs.some((v) => /^\d{4}$/.test(v))).toBe(true);
    // A swapped date: month and day exchanged against the person's true date of birth.
    const swapped = rows.some((r, i) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(r.date_of_birth!);
      const e = people[rowPersons[i]!]!.extra!;
      return m !== null && Number(m[2]) === e.dobDay && Number(m[3]) === e.dobMonth && e.dobDay !== e.dobMonth;
    });
    expect(swapped).toBe(true);

    expect(new Set(col('gender'))).toEqual(new Set(['M', 'F', 'male', 'female', 'Male', 'Female', 'MALE', 'FEMALE']));
    const wrongGender = rows.some((r, i) => r.gender === (people[rowPersons[i]!]!.male ? 'F' : 'M'));
    expect(wrongGender).toBe(true);

    const addresses = col('address');
    expect(addresses.some((v) => /^\d+ [A-Za-z ]+ (St|St\.|Str|Rd|Rd\.|Ave|Av\.|Blvd|Blvd\.)$/.test(v))).toBe(true);
    expect(addresses.some((v) => /^\d+ [A-Za-z ]+ (Street|Road|Avenue|Boulevard)$/.test(v))).toBe(true);
    expect(col('postcode').every((v) => /^\d{5}$/.test(v))).toBe(true);
    // A mover's record with the older address.
    const old = rows.some((r, i) => {
      const e = people[rowPersons[i]!]!.extra!;
      return e.oldAddress !== undefined && r.postcode === e.oldAddress.postcode && e.oldAddress.postcode !== e.address.postcode;
    });
    expect(old).toBe(true);

    // Brackets around the country code, and the number still normalizes to the person's own phone.
    const bracketed = rows.flatMap((r, i) => r.phone!.split('|').map((v) => [v, i] as const)).filter(([v]) => /^\(\+?[1-9]\d{0,2}\) \d/.test(v));
    expect(bracketed.some(([v]) => v.startsWith('(+971) '))).toBe(true);
    expect(bracketed.some(([v]) => v.startsWith('(971) '))).toBe(true);
    for (const [v, i] of bracketed.slice(0, 200)) {
      const r = normalizePhone(v, { defaultRegion: 'AE' });
      expect(r.ok && people[rowPersons[i]!]!.phones.map(e164).includes(r.value), v).toBe(true);
    }

    // "Last, First" with a multi-word surname.
    const reversed = col('full_name').filter((v) => MULTI_WORD_SURNAMES.some((s) => v.startsWith(`${s}, `)) || /^Al [A-Z][a-z]+, /.test(v));
    expect(reversed.some((v) => /^(Van|bin|bint|Abu|De|dela|Dos|Del|El|Abou|Da|Abdul) /.test(v))).toBe(true);
    expect(reversed.some((v) => v.startsWith('Al '))).toBe(true);

    // Nicknames (Mohd, Ma., Bill, …), initials, adjacent letters swapped.
    const firsts = new Set(col('first_name'));
    const nicknames = new Set(Object.values(NICKNAMES).flat());
    expect(['Mohd', 'Ma.', 'Bill'].filter((n) => firsts.has(n))).toEqual(['Mohd', 'Ma.', 'Bill']);
    expect([...firsts].filter((f) => nicknames.has(f)).length).toBeGreaterThan(15);
    expect([...firsts].some((f) => /^[A-Z]\.$/.test(f)) && [...firsts].some((f) => /^[A-Z]$/.test(f))).toBe(true);
    const pool = new Set([...FIRST_MALE, ...FIRST_FEMALE]);
    const swaps = new Set<string>();
    for (const n of pool) for (let i = 1; i + 1 < n.length; i++) swaps.add(n.slice(0, i) + n[i + 1] + n[i] + n.slice(i + 2));
    expect([...firsts].filter((f) => swaps.has(f) && !pool.has(f)).length).toBeGreaterThan(5);
  });

  test('office values are distinct, never a person’s or a front desk’s, and office phones normalize in every form', () => {
    const emails = new Set<string>();
    const phones = new Set<string>();
    for (let o = 0; o < 10_000; o++) {
      emails.add(officeEmailOf(o));
      phones.add(officePhoneNational(o));
    }
    expect(emails.size).toBe(10_000);
    expect(phones.size).toBe(10_000);
    for (let g = 0; g < 8000; g++) expect(phones.has(genericPhoneNational(g))).toBe(false);
    for (let o = 0; o < 10_000; o += 37) {
      for (let r = 0.01; r < 1; r += 0.04) {
        const written = formatPhone(COUNTRIES[0]!, officePhoneNational(o), r);
        const parsed = normalizePhone(written, { defaultRegion: 'AE' });
        expect(parsed.ok && parsed.value, written).toBe(`+971${officePhoneNational(o)}`);
      }
    }
  });

  test('same seed, same hard output; hard knobs at 0 give the default output', () => {
    const a = runHard(3000, 9);
    const b = runHard(3000, 9);
    expect(b.rows).toEqual(a.rows);
    const zero = Object.fromEntries(Object.keys(HARD_OPTIONS).filter((k) => k !== 'profile').map((k) => [k, 0]));
    const lines = (o: GenerateOptions) => [...generateRecords(o)].flatMap((c) => c.lines);
    expect(lines(withDefaults({ records: 3000, seed: 9, profile: 'hard', ...zero }))).toEqual(lines(withDefaults({ records: 3000, seed: 9 })));
  });
});
