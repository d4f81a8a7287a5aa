import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { isValidPhoneNumber } from 'libphonenumber-js';
import { afterAll, describe, expect, test } from 'vitest';
import { normalizeEmail } from '../../src/normalize/email/normalizeEmail.js';
import { normalizeExternalId } from '../../src/normalize/externalId/normalizeExternalId.js';
import { normalizeHandle } from '../../src/normalize/social/normalizeHandle.js';
import { normalizeLogin } from '../../src/normalize/login/normalizeLogin.js';
import { normalizePhone } from '../../src/normalize/phone/normalizePhone.js';
import { generateRecords, withDefaults } from './generateRecords.js';
import { HEADER } from './RecordBuilder.js';
import { COUNTRIES, formatPhone, looksLikePlaceholder, phoneOf } from './phones.js';
import { genericEmailOf, genericPhoneNational, JUNK_EMAILS, JUNK_PHONES } from './pools.js';
import { Rng, scramble32 } from './prng.js';
import { writeDataset } from './writeDataset.js';

const TMP = path.join(import.meta.dirname, '../data/.test-generate');
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

/** All records of a run in memory (tests only; the generator itself streams). */
function run(records: number, seed = 1) {
  const lines: string[] = [];
  const persons: number[] = [];
  const it = generateRecords(withDefaults({ records, seed }));
  for (let r = it.next(); ; r = it.next()) {
    if (r.done) return { lines, persons, stats: r.value };
    lines.push(...r.value.lines);
    persons.push(...r.value.persons);
  }
}

/** Splits a generated line (RFC 4180: only name cells are ever quoted). */
function cells(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let j = i + 1;
      let cell = '';
      for (;;) {
        const q = line.indexOf('"', j);
        if (line[q + 1] === '"') (cell += line.slice(j, q + 1)), (j = q + 2);
        else {
          cell += line.slice(j, q);
          i = q + 2;
          break;
        }
      }
      out.push(cell);
    } else {
      const c = line.indexOf(',', i);
      const end = c === -1 ? line.length : c;
      out.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return out;
}

const COLUMNS = HEADER.split(',');
const col = (name: string): number => COLUMNS.indexOf(name);

describe('prng', () => {
  test('same seed, same sequence; other seed, other sequence', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    const c = new Rng(8);
    const xs = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 100 }, () => c.next())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  test('scramble32 is injective on a sample of 2^20 inputs', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 1 << 20; i++) seen.add(scramble32(i * 4093, 0x5eed));
    expect(seen.size).toBe(1 << 20);
  });
});

describe('writeDataset', () => {
  test('same seed gives byte-identical files for a 1k-row run', async () => {
    await writeDataset(withDefaults({ records: 1000, seed: 3 }), path.join(TMP, 'a'));
    await writeDataset(withDefaults({ records: 1000, seed: 3 }), path.join(TMP, 'b'));
    await writeDataset(withDefaults({ records: 1000, seed: 4 }), path.join(TMP, 'c'));
    const read = (d: string, f: string) => readFileSync(path.join(TMP, d, f));
    expect(read('a', 'records.csv').equals(read('b', 'records.csv'))).toBe(true);
    expect(read('a', 'truth.csv').equals(read('b', 'truth.csv'))).toBe(true);
    expect(read('a', 'records.csv').equals(read('c', 'records.csv'))).toBe(false);
    const records = read('a', 'records.csv').toString().trimEnd().split('\n');
    expect(records[0]).toBe(HEADER);
    expect(records).toHaveLength(1001);
    const truth = read('a', 'truth.csv').toString().trimEnd().split('\n');
    expect(truth[0]).toBe('record_id,person_id');
    expect(truth.slice(1).map((l) => l.split(',')[0])).toEqual(records.slice(1).map((l) => l.split(',')[0]));
    const meta = JSON.parse(read('a', 'meta.json').toString());
    expect(meta).toMatchObject({ seed: 3, records: 1000 });
    expect(meta.noise.junkCells).toBeGreaterThan(0);
  });
});

describe('default profile', () => {
  // sha256 over `line \t person \n` of every record, taken before the hard profile existed: the default profile
  // (and any run with every hard knob at 0) must keep writing exactly these bytes.
  test.each([
    [20_000, 1, '0530d2a64e0bed6b8dbe8c53cbceb91fd7aa3a3012ca3e0629f42644684dfaf1'],
    [3_000, 5, '52d9cd061da20411b8f4ff8e984db7591df6a0073d1d32bab4e0af73882f7157'],
  ])('output is unchanged: %i records, seed %i', (records, seed, sha256) => {
    const hash = createHash('sha256');
    for (const chunk of generateRecords(withDefaults({ records, seed }))) {
      chunk.lines.forEach((line, i) => hash.update(`${line}\t${chunk.persons[i]}\n`));
    }
    expect(hash.digest('hex')).toBe(sha256);
  });
});

describe('generated data', () => {
  test('exactly N records, unique ids, 18 cells each, about 2.5 records per person at 50k rows', () => {
    const { lines, stats } = run(50_000);
    expect(lines).toHaveLength(50_000);
    expect(new Set(lines.map((l) => l.slice(0, l.indexOf(',')))).size).toBe(50_000);
    for (const line of lines) expect(cells(line)).toHaveLength(18);
    const ratio = stats.records / stats.persons;
    expect(ratio).toBeGreaterThan(2.3);
    expect(ratio).toBeLessThan(2.7);
  });

  test('records are shuffled: a person’s records are not adjacent', () => {
    const { persons } = run(20_000);
    let adjacent = 0;
    for (let i = 1; i < persons.length; i++) if (persons[i] === persons[i - 1]) adjacent++;
    expect(adjacent).toBeLessThan(persons.length * 0.01);
  });

  test('identifiers of different persons never collide except households, front desks and junk (20k rows)', () => {
    const { lines, persons } = run(20_000);
    const owners = new Map<string, Set<number>>();
    const own = (key: string, person: number) => {
      let set = owners.get(key);
      if (!set) owners.set(key, (set = new Set()));
      set.add(person);
    };
    const lastName = new Map<number, string>();
    lines.forEach((line, i) => {
      const c = cells(line);
      const person = persons[i]!;
      if (c[col('last_name')]) lastName.set(person, c[col('last_name')]!);
      for (const v of c[col('email')]!.split('|')) {
        const r = normalizeEmail(v);
        if (r.ok) own(`e:${r.value}`, person);
      }
      for (const v of [...c[col('phone')]!.split('|'), c[col('whatsapp')]!]) {
        const r = v.startsWith('wa.me') || v.startsWith('https://wa.me') ? normalizeHandle('whatsapp', v) : normalizePhone(v);
        if (r.ok) own(`p:${'handle' in r ? r.handle : r.value}`, person);
      }
      const login = normalizeLogin(c[col('login')]!);
      if (login.ok) own(`l:${login.value}`, person);
      for (const platform of ['instagram', 'twitter', 'tiktok', 'facebook']) {
        const h = normalizeHandle(platform, c[col(platform)]!);
        if (h.ok) own(`h:${h.value}`, person);
      }
      const loyalty = normalizeExternalId('loyalty', c[col('loyalty_id')]!);
      if (loyalty.ok) own(`x:${loyalty.value}`, person);
    });
    const generic = new Set<string>();
    for (let g = 0; g < 50; g++) {
      generic.add(`e:${genericEmailOf(g)}`);
      generic.add(`p:+971${genericPhoneNational(g)}`);
    }
    const unexpected: string[] = [];
    let households = 0;
    for (const [key, set] of owners) {
      if (set.size === 1 || generic.has(key)) continue;
      const [a, b] = [...set].sort((x, y) => x - y);
      // A household: exactly two consecutive persons sharing a phone.
      if (key.startsWith('p:') && set.size === 2 && b === a! + 1) {
        households++;
        continue;
      }
      unexpected.push(`${key} ${[...set].join(' ')}`);
    }
    expect(unexpected).toEqual([]);
    expect(households).toBeGreaterThan(20);
  });

  test('every true identifier cell normalizes (junk aside), and junk values are caught by the junk list', () => {
    for (const v of JUNK_EMAILS) expect(normalizeEmail(v).ok, v).toBe(false);
    for (const v of JUNK_PHONES) expect(normalizePhone(v).ok, v).toBe(false);
    const junk = new Set([...JUNK_EMAILS, ...JUNK_PHONES]);
    const { lines } = run(5_000);
    const failures: string[] = [];
    for (const line of lines) {
      const c = cells(line);
      for (const v of c[col('email')]!.split('|')) if (v && !junk.has(v) && !normalizeEmail(v).ok) failures.push(v);
      for (const v of c[col('phone')]!.split('|')) if (v && !junk.has(v) && !normalizePhone(v).ok) failures.push(v);
      if (c[col('whatsapp')] && !normalizeHandle('whatsapp', c[col('whatsapp')]!).ok) failures.push(c[col('whatsapp')]!);
      for (const platform of ['instagram', 'twitter', 'tiktok', 'facebook']) {
        if (c[col(platform)] && !normalizeHandle(platform, c[col(platform)]!).ok) failures.push(`${platform} ${c[col(platform)]}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('phones', () => {
  test('generated numbers are valid (libphonenumber-js) in every written form, and never placeholders', () => {
    for (const country of COUNTRIES) {
      for (let n = 0; n < 2000; n += 7) {
        const national = phoneOf(country, n);
        const e164 = `+${country.callingCode}${national}`;
        expect(isValidPhoneNumber(e164), `${country.code} ${national}`).toBe(true);
        if (looksLikePlaceholder(national)) continue; // skipped by the generator
        for (let r = 0.01; r < 1; r += 0.04) {
          const written = formatPhone(country, national, r);
          const parsed = normalizePhone(written, { defaultRegion: 'AE' });
          expect(parsed.ok && parsed.value, `${country.code} ${written}`).toBe(e164);
        }
      }
    }
    for (let g = 0; g < 50; g++) {
      const parsed = normalizePhone(`0${genericPhoneNational(g)}`);
      expect(parsed.ok && parsed.value).toBe(`+971${genericPhoneNational(g)}`);
    }
  });

  test('phoneOf is injective per country', () => {
    for (const country of COUNTRIES) {
      const seen = new Set<string>();
      for (let n = 0; n < 50_000; n++) seen.add(phoneOf(country, n));
      expect(seen.size).toBe(50_000);
    }
  });
});
