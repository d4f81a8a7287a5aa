import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stitch, type StitchReport } from './stitch.js';

const HEADER =
  'id,source,updated_at,email,phone,login,first_name,last_name,full_name,instagram,twitter,tiktok,facebook,whatsapp,loyalty_id,city,gender,birth_year';

// id, email, phone, login, instagram, twitter, whatsapp, loyalty_id (other columns filled in below)
const ROWS: [string, string, string, string, string, string, string, string][] = [
  ['g1', 'John.Smith@gmail.com', '', '', '', '', '', ''],
  ['g2', ' johnsmith+promo@GoogleMail.com ', '', '', '', '', '', ''],
  ['p1', '', '+971 50 123 4567', '', '', '', '', ''],
  ['p2', '', '050-123-4567', '', '', '', '', ''],
  ['p3', '', '00971501234567', '', '', '', '', ''],
  ['p4', '', '', '', '', '', '971501234567', ''],
  ['m1', 'someone@example.org', 'n/a|(050) 123 4567', '', '', '', '', ''],
  ['t1', 'test@test.com', '', '', '', '', '', ''],
  ['t2', ' TEST@test.com ', '', '', '', '', '', ''],
  ['z1', 'null', '0000000000', '', '', '', '', ''],
  ['z2', 'null', '0000000000', '', '', '', '', ''],
  ['z3', '', '+971 55 555 5555', '', '', '', '', ''],
  ['z4', '', '055 555 5555', '', '', '', '', ''],
  ['i1', '', '', '', '@Sara.K', '', '', ''],
  ['i2', '', '', '', 'https://www.instagram.com/sara.k/?hl=en', '', '', ''],
  ['x1', '', '', '', '', 'x.com/omar_1', '', ''],
  ['x2', '', '', '', '', '@Omar_1', '', ''],
  ['o1', 'ali+news@outlook.com', '', '', '', '', '', ''],
  ['o2', 'ALI@outlook.com', '', '', '', '', '', ''],
  ['y1', 'ali+x@yahoo.com', '', '', '', '', '', ''],
  ['y2', 'ali@yahoo.com', '', '', '', '', '', ''],
  ['l1', '', '', ' Login.Name ', '', '', '', ' L123 '],
  ['l2', '', '', 'login.name', '', '', '', ''],
  ['l3', '', '', '', '', '', '', 'L123'],
];

function csvLine(row: (typeof ROWS)[number]): string {
  const [id, email, phone, login, instagram, twitter, whatsapp, loyalty] = row;
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  // name with a comma exercises RFC 4180 quoting
  return [id, 'crm', '2024-01-01T00:00:00Z', email, phone, login, 'A', 'B', 'B, A', instagram, twitter, '', '', whatsapp, loyalty, 'Dubai', '', '']
    .map(quote)
    .join(',');
}

describe('DuckDB stitch baseline', () => {
  let dir: string;
  let profileOf: Map<string, string>;
  let report: StitchReport;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'idweave-duckdb-'));
    const records = path.join(dir, 'records.csv');
    writeFileSync(records, [HEADER, ...ROWS.map(csvLine)].join('\n') + '\n');
    report = await stitch({ records, out: path.join(dir, 'out'), tempDirectory: path.join(dir, 'spill') });
    const lines = readFileSync(path.join(dir, 'out', 'mapping.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('record_id,profile_id');
    profileOf = new Map(lines.slice(1).map((l) => l.split(',') as [string, string]));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const same = (a: string, b: string) => expect(profileOf.get(a), `${a} vs ${b}`).toBe(profileOf.get(b));
  const apart = (a: string, b: string) => expect(profileOf.get(a), `${a} vs ${b}`).not.toBe(profileOf.get(b));

  it('maps every row exactly once', () => {
    expect(profileOf.size).toBe(ROWS.length);
    expect(report.rows).toBe(ROWS.length);
    expect(new Set(profileOf.values()).size).toBe(report.profiles);
  });

  it('folds gmail dots, +tag and googlemail', () => same('g1', 'g2'));

  it('links one phone in +971, 05…, 00971, bare 971 and multi-value forms', () => {
    for (const id of ['p2', 'p3', 'p4', 'm1']) same('p1', id);
  });

  it('never links junk', () => {
    apart('t1', 't2');
    apart('z1', 'z2');
    apart('z3', 'z4');
  });

  it('normalizes handles from @name and profile URLs', () => {
    same('i1', 'i2');
    same('x1', 'x2');
  });

  it('folds +tag for outlook but not for other providers', () => {
    same('o1', 'o2');
    apart('y1', 'y2');
  });

  it('links logins case-insensitively and trimmed loyalty ids', () => {
    same('l1', 'l2');
    same('l1', 'l3');
  });

  it('reports phases, iterations and memory', () => {
    expect(report.iterations).toBeGreaterThanOrEqual(1);
    expect(report.labelChangesPerIteration.at(-1)).toBe(0);
    expect(report.peakRssBytes).toBeGreaterThan(0);
    expect(Object.keys(report.seconds)).toEqual(['load', 'normalize', 'edges', 'propagate', 'write']);
    expect(report.identifiers.find((x) => x.kind === 'email' && x.status === 'junk')?.count).toBe(4);
  });
});
