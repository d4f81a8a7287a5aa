import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fileWriter, profileIdIn, runCapture } from '../_testing/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'idweave-cli-'));
const write = fileWriter(dir);
const run = runCapture;

const messy =
  'id,email,first_name\n1,ann.lee@gmail.com,Ann\n2,annlee@gmail.com,Ann\n,bo.chen@gmail.com,NoId\n1,dup.row@gmail.com,Dup\n3,"bad"quote,X\n4,cy.ng@gmail.com\n5,dee.tan@gmail.com,Dee\n';

describe('idweave resolve', () => {
  test('messy input: exit 0, every row exactly once in mapping.csv or rejects.ndjson', async () => {
    const input = write('messy.csv', messy);
    const out = path.join(dir, 'out1');
    const r = await run('resolve', input, '--out', out, '--no-progress');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^7 records in: 3 accepted, 4 rejected\n2 profiles/);
    const mapping = readFileSync(path.join(out, 'mapping.csv'), 'utf8').trim().split('\n');
    const rejects = readFileSync(path.join(out, 'rejects.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const [p1, p2, p5] = ['1', '2', '5'].map((id) => profileIdIn(out, id));
    expect(p1).toBe(p2);
    expect(p5).not.toBe(p1);
    expect(mapping).toEqual(['record_id,profile_id', `1,${p1}`, `2,${p1}`, `5,${p5}`]);
    expect(rejects.map((j) => [j.row, j.reasons])).toEqual([
      [3, ['missing id']],
      [4, ['duplicate id "1"']],
      [5, ['malformed quote: a quoted cell is not closed, or text follows its closing quote']],
      [6, ['expected 3 fields (as in the header), found 2']],
    ]);
    expect(rejects[0]).toEqual({
      row: 3,
      file: input,
      input: { id: '', email: 'bo.chen@gmail.com', first_name: 'NoId' },
      reasons: ['missing id'],
      issues: [{ code: 'missing_id', path: '', message: 'missing id' }],
    });
    expect(rejects.slice(1).map((j) => j.issues[0].code)).toEqual(['duplicate_id', 'unreadable_row', 'unreadable_row']);
    expect(rejects[1].input).toEqual({ id: '1', email: 'dup.row@gmail.com', first_name: 'Dup' });
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
    expect(report).toMatchObject({ recordsIn: 7, accepted: 3, rejected: 4, profiles: 2, peakRssBytes: expect.any(Number) });
    expect(report.stages.map((s: { stage: string }) => s.stage)).toEqual(['read', 'link', 'mapping', 'changes', 'profiles', 'resolver', 'evidence']);
  });

  test('explain after resolve', async () => {
    const out = path.join(dir, 'out1');
    const linked = await run('explain', out, '--records', '1', '2');
    expect(linked).toMatchObject({ code: 0, out: expect.stringContaining('1 -- email:annlee@gmail.com --> 2') });
    const apart = await run('explain', out, '--records', '1', '5');
    expect(apart.out).toMatch(/^not linked: no shared identifier/);
    const profile = await run('explain', out, '--profile', profileIdIn(out, '1'), '--json');
    expect(JSON.parse(profile.out)).toMatchObject({ type: 'profile', recordIds: ['1', '2'] });
  });

  test.each([
    ['no arguments', []],
    ['unknown command', ['frobnicate']],
    ['missing --out', ['resolve', 'x.csv']],
    ['unknown option', ['resolve', 'x.csv', '--out', 'o', '--fast']],
    ['bad --default-region', ['resolve', 'x.csv', '--out', 'o', '--default-region', 'UAE']],
    ['bad --threads', ['resolve', 'x.csv', '--out', 'o', '--threads', 'many']],
    ['explain without a query', ['explain', 'o']],
    ['explain with one record', ['explain', 'o', '--records', 'a']],
  ])('usage error → exit 2: %s', async (_label, argv) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  });

  test('invalid config → exit 2 listing every problem with the file name', async () => {
    const config = write('bad.config.json', JSON.stringify({ guards: { generic: { maxRecords: 0 } }, colums: {} }));
    const r = await run('resolve', write('ok.csv', 'id\n1\n'), '--out', path.join(dir, 'o2'), '--config', config);
    expect(r.code).toBe(2);
    expect(r.err).toContain(config);
    expect(r.err).toContain('guards.generic.maxRecords: expected a positive integer');
    expect(r.err).toContain('colums: unknown key');
  });

  test('config that is not JSON → exit 2', async () => {
    const r = await run('resolve', write('ok2.csv', 'id\n1\n'), '--out', path.join(dir, 'o3'), '--config', write('c.json', '{ nope'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/c\.json: not valid JSON/);
  });

  test('config maps the id column', async () => {
    const config = write('map.config.json', JSON.stringify({ columns: { id: 'customer_no' } }));
    const out = path.join(dir, 'o4');
    const r = await run('resolve', write('renamed.csv', 'customer_no,email\nc1,ann.lee@gmail.com\n'), '--out', out, '--config', config);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(out, 'mapping.csv'), 'utf8')).toBe('record_id,profile_id\nc1,P00000001\n');
  });

  test.each([
    ['missing input file', () => [path.join(dir, 'nope.csv')], /nope\.csv: file not found/],
    ['missing id column', () => [write('noid.csv', 'email\na@x.com\n')], /noid\.csv: no id column "id" \(columns: "email"\); map one in the config/],
    ['empty file', () => [write('empty.csv', '')], /empty\.csv: empty file/],
    ['unsupported type', () => [write('data.xlsx', 'x')], /unsupported file type/],
  ])('bad input → exit 1: %s', async (_label, inputs, message) => {
    const r = await run('resolve', ...inputs(), '--out', path.join(dir, 'o5'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  test('unwritable output → exit 1', async () => {
    const blocker = write('afile', 'x');
    const r = await run('resolve', write('ok3.csv', 'id,email\n1,ann@corp.ae\n'), '--out', path.join(blocker, 'sub'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cannot write/);
  });

  test('explain on a directory without outputs → exit 1', async () => {
    mkdirSync(path.join(dir, 'emptyout'), { recursive: true });
    const r = await run('explain', path.join(dir, 'emptyout'), '--profile', 'P');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no manifest\.json, so no complete idweave run is published here/);
  });
});

describe('idweave resolve --evidence (#15)', () => {
  const input = write('evidence-cli.csv', 'id,email,phone,first_name,last_name\nj1,james.garcia@gmail.com,050 111 2233,James,Garcia\nj2,,050 111 2233,James,Chowdhury\nj3,james.garcia@gmail.com,,James,Garcia\n');
  let n = 0;

  test.each([
    ['all', true, 'every decision'],
    ['refused', true, 'refusals only'],
    ['none', false, ''],
    ['true', true, 'every decision'],
    ['false', false, ''],
    ['Refused', true, 'refusals only'],
  ])('--evidence %s', async (value, written, kept) => {
    const out = path.join(dir, `evidence-cli-${++n}`);
    const r = await run('resolve', input, '--out', out, '--evidence', value, '--no-progress');
    expect(r).toMatchObject({ code: 0, err: '' });
    const files = readdirSync(out);
    expect(files.includes('evidence.ndjson')).toBe(written);
    expect(files.includes('explain.idx')).toBe(written);
    // The summary names only what was written.
    expect(r.out.includes('evidence.ndjson, explain.idx')).toBe(written);
    if (!written) return;
    const lines = readFileSync(path.join(out, 'evidence.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { accepted: boolean });
    expect(lines.some((l) => !l.accepted)).toBe(true);
    expect(lines.some((l) => l.accepted)).toBe(kept === 'every decision');
  });

  test.each([['some'], ['yes'], ['']])('--evidence "%s" → exit 2 naming the allowed values, nothing written', async (value) => {
    const out = path.join(dir, `evidence-cli-bad-${++n}`);
    const r = await run('resolve', input, '--out', out, '--evidence', value, '--no-progress');
    expect(r.code).toBe(2);
    expect(r.err).toBe(`idweave: --evidence: expected all, refused or none (true is all, false is none), got ${JSON.stringify(value)}\n`);
    expect(existsSync(out)).toBe(false);
  });

  test('--lineage compact writes each field as value and record_id; --lineage "short" → exit 2 naming the choices', async () => {
    const out = path.join(dir, `lineage-cli-${++n}`);
    expect(await run('resolve', input, '--out', out, '--lineage', 'compact', '--no-progress')).toMatchObject({ code: 0, err: '' });
    const fields = readFileSync(path.join(out, 'profiles.ndjson'), 'utf8').trim().split('\n').flatMap((l) => Object.values((JSON.parse(l) as { fields: Record<string, object> }).fields));
    expect(fields.length).toBeGreaterThan(0);
    for (const f of fields) expect(Object.keys(f)).toEqual(['value', 'record_id']);
    const bad = path.join(dir, `lineage-cli-bad-${++n}`);
    const r = await run('resolve', input, '--out', bad, '--lineage', 'short', '--no-progress');
    expect(r.code).toBe(2);
    expect(r.err).toBe('idweave: --lineage: expected full or compact, got "short"\n');
    expect(existsSync(bad)).toBe(false);
  });
});

describe('idweave --version', () => {
  test('prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), '../../package.json'), 'utf8')) as { version: string };
    const r = await run('--version');
    expect(r).toEqual({ code: 0, out: `${pkg.version}\n`, err: '' });
  });
});

describe('idweave resolve: loud misconfiguration (#14)', () => {
  test('headers match case-, space- and underscore-insensitively; several columns for one field', async () => {
    const input = write('fold.csv', 'ID,Email,Work Email,First Name,Mobile Phone\n1,ann@corp.ae,,Ann,\n2,,ann@corp.ae,Ann,\n3,bo@corp.ae,,Bo,050 123 4567\n');
    const cfg = write('fold.json', JSON.stringify({ columns: { email: ['Email', 'work_email'], phone: 'mobile phone' } }));
    const out = path.join(dir, 'fold-out');
    const r = await run('resolve', input, '--out', out, '--config', cfg, '--no-progress');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/^3 records in: 3 accepted, 0 rejected\n2 profiles/);
    const profiles = readFileSync(path.join(out, 'profiles.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { identifiers: { kind: string }[]; fields: object });
    expect(profiles.flatMap((p) => p.identifiers.map((i) => i.kind)).sort()).toEqual(['email', 'email', 'phone']);
    expect(Object.keys(profiles[0]!.fields)).toContain('first_name');
  });

  test('a mapped column no input has → exit 2 naming it; absent from some inputs → a warning per input', async () => {
    const a = write('mc-a.csv', 'id,Email Address\n1,ann@corp.ae\n');
    const cfg = write('mc.json', JSON.stringify({ columns: { email: 'E-mail Addr' } }));
    const r = await run('resolve', a, '--out', path.join(dir, 'mc-out'), '--config', cfg, '--no-progress');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/columns\.email: no input has a column "E-mail Addr" \(.*mc-a\.csv: columns: "id", "Email Address"\)/);

    const crm = write('mc-crm.csv', 'id,email,loyalty_id\n1,ann@corp.ae,L1\n');
    const wifi = write('mc-wifi.ndjson', '{"id":"w1","email":"ann@corp.ae"}\n');
    const cfg2 = write('mc2.json', JSON.stringify({ externalIds: { loyalty_id: 'loyalty' } }));
    const out = path.join(dir, 'mc2-out');
    const ok = await run('resolve', crm, wifi, '--out', out, '--config', cfg2, '--no-progress');
    expect(ok.code).toBe(0);
    expect(ok.err).toBe(`idweave: warning: ${wifi}: no column "loyalty_id" (externalIds.loyalty_id); its rows are read without it\n`);
    expect(JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')).warnings).toHaveLength(1);
  });

  test('no identifier column recognised → exit 2', async () => {
    const input = write('noident.csv', 'id,Name,Mobile\n1,Ann,0501234567\n');
    const r = await run('resolve', input, '--out', path.join(dir, 'ni-out'), '--no-progress');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/noident\.csv: no identifier column/);
  });

  // Review finding: NDJSON field names were capped at 1,000 per file, so a mapped column first seen after 1,000
  // other names was "absent", and a valid run failed after reading everything.
  test('NDJSON: a mapped column first seen after many other field names still counts', async () => {
    const lines = Array.from({ length: 1001 }, (_, i) => JSON.stringify({ id: `n${i}`, email: `u${i}@corp.ae`, [`note_${i}`]: 'x' }));
    lines.push(JSON.stringify({ id: 'last', email: 'z@corp.ae', loyalty_id: 'L1' }));
    const input = write('many-fields.ndjson', `${lines.join('\n')}\n`);
    const cfg = write('many-fields.json', JSON.stringify({ externalIds: { loyalty_id: 'loyalty' } }));
    const r = await run('resolve', input, '--out', path.join(dir, 'many-fields-out'), '--config', cfg, '--no-progress');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('idweave resolve --truth', () => {
  test('--truth: accuracy on stdout and in report.json; a missing truth file → exit 1 before any work', async () => {
    const input = write('truth-in.csv', 'id,email,first_name\n1,ann.lee@gmail.com,Ann\n2,annlee@gmail.com,Ann\n3,bo@gmail.com,Bo\n');
    const truth = write('truth-t.csv', 'record_id,person_id\n1,p1\n2,p1\n3,p1\n');
    const out = path.join(dir, 'truth-cli');
    const r = await run('resolve', input, '--out', out, '--truth', truth, '--no-progress');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`accuracy against ${truth}: pairwise precision 1.0000 recall 0.3333 F1 0.5000; B-cubed precision 1.0000 recall 0.5556`);
    expect(r.out).toContain(`the report, as a page: ${path.join(out, 'report.html')}`);
    expect(JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')).accuracy.pairwise.recall).toBeCloseTo(1 / 3, 12);
    const missing = await run('resolve', input, '--out', path.join(dir, 'truth-cli-2'), '--truth', path.join(dir, 'no-truth.csv'), '--no-progress');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^idweave: --truth .*no-truth\.csv: file not found\n$/);
  });
});
