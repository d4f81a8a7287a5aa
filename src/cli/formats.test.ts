import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { fileWriter, runCapture } from '../_testing/cli.js';

// `idweave resolve -` (standard input) as a shell pipes into it: a child process through the real wrapper (which
// re-runs itself with a larger heap and must hand its standard input on), and --output-format on the command line.

const dir = mkdtempSync(path.join(tmpdir(), 'idweave-cli-formats-'));
const MAIN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'main.ts');
const write = fileWriter(dir);
const text = (file: string): string => readFileSync(file, 'utf8');

/** The CLI in a child process, `input` written to its standard input (then closed, unless `keepOpen`). */
function iwChild(argv: string[], input: Buffer | string, keepOpen = false): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...argv], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, IDWEAVE_DEBUG: '' } });
  let out = '';
  let err = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (err += b.toString()));
  child.stdin.on('error', () => {}); // a child that exits before reading all of it
  child.stdin.write(input);
  if (!keepOpen) child.stdin.end();
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      child.stdin.destroy();
      resolve({ code, out, err });
    }),
  );
}

const csv = write(
  'people.csv',
  'id,email,phone,first_name\n' +
    'c1,ann.lee@gmail.com,,Ann\n' +
    'c2,annlee@gmail.com,+971501234567,Ann\n' +
    ',nobody@corp.ae,,X\n' +
    'c3,bo@corp.ae,0501234567,Bo\n' +
    'c1,dup@corp.ae,,Dup\n' +
    'c4,"bad"quote,,Y\n' +
    'c5,cy@corp.ae,,Cy\n',
);
const ndjson = write('people.ndjson', '{"id":"n1","email":"ann.lee@gmail.com"}\nnot json\n{"id":"n2","phones":["+971501234567"]}\n');

describe('idweave resolve - (standard input)', () => {
  test('CSV piped in gives the mapping and rejects of the same file; rejects say file "-"', async () => {
    const fromFile = path.join(dir, 'file-csv');
    expect((await runCapture('resolve', csv, '--out', fromFile, '--no-progress')).code).toBe(0);
    const fromStdin = path.join(dir, 'stdin-csv');
    const r = await iwChild(['resolve', '-', '--input-format', 'csv', '--out', fromStdin, '--no-progress', '--threads', '0'], readFileSync(csv));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^7 records in: 4 accepted, 3 rejected\n/);
    expect(text(path.join(fromStdin, 'mapping.csv'))).toBe(text(path.join(fromFile, 'mapping.csv')));
    const rejects = (o: string) => text(path.join(o, 'rejects.ndjson')).trim().split('\n').map((l) => JSON.parse(l) as { file: string; row: number });
    expect(rejects(fromStdin).map(({ file, ...rest }) => [file, rest])).toEqual(rejects(fromFile).map(({ file: _f, ...rest }) => ['-', rest]));
  }, 60_000);

  test('gzipped NDJSON piped in is recognised by its first bytes', async () => {
    const fromFile = path.join(dir, 'file-nd');
    expect((await runCapture('resolve', ndjson, '--out', fromFile, '--no-progress')).code).toBe(0);
    const fromStdin = path.join(dir, 'stdin-nd');
    const r = await iwChild(['resolve', '-', '--input-format', 'ndjson', '--out', fromStdin, '--no-progress', '--threads', '0'], gzipSync(readFileSync(ndjson)));
    expect(r.code).toBe(0);
    expect(text(path.join(fromStdin, 'mapping.csv'))).toBe(text(path.join(fromFile, 'mapping.csv')));
    expect(JSON.parse(text(path.join(fromStdin, 'rejects.ndjson')))).toMatchObject({ file: '-', row: 2 });
  }, 60_000);

  test('- without --input-format: exit 2 at once, without waiting for the input to end', async () => {
    const r = await iwChild(['resolve', '-', '--out', path.join(dir, 'nofmt'), '--no-progress'], 'id,email\n', true);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/reading standard input \(-\) needs its format: add --input-format csv or --input-format ndjson/);
    expect(existsSync(path.join(dir, 'nofmt', 'manifest.json'))).toBe(false);
  }, 60_000);

  test.each([
    [['resolve', csv, '--input-format', 'csv'], /--input-format is the format of standard input \(-\), and no input is -/],
    [['resolve', '-', '--input-format', 'parquet'], /Parquet is read from a file/],
    [['resolve', '-', '--input-format', 'xml'], /--input-format: expected csv or ndjson, got "xml"/],
    [['resolve', csv, '--output-format', 'csv'], /--output-format: expected ndjson or parquet, got "csv"/],
  ])('usage errors: %j', async (argv, message) => {
    const r = await runCapture(...argv, '--out', path.join(dir, 'usage'), '--no-progress');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});

describe('idweave resolve --output-format parquet', () => {
  test('writes mapping.parquet and profiles.parquet, says so; explain says it needs an ndjson run', async () => {
    const out = path.join(dir, 'pq');
    const r = await runCapture('resolve', csv, '--out', out, '--no-progress', '--output-format', 'parquet');
    expect(r.code).toBe(0);
    expect(r.out).toContain('mapping.parquet, profiles.parquet, rejects.ndjson, evidence.ndjson, changes.ndjson, identity.json, fingerprints.bin, resolver.ndjson, report.json, report.html, manifest.json');
    expect(existsSync(path.join(out, 'mapping.parquet')) && existsSync(path.join(out, 'profiles.parquet'))).toBe(true);
    expect(existsSync(path.join(out, 'mapping.csv')) || existsSync(path.join(out, 'explain.idx'))).toBe(false);
    const e = await runCapture('explain', out, '--records', 'c1', 'c2');
    expect(e.code).toBe(1);
    expect(e.err).toMatch(/written with --output-format parquet; idweave explain reads the NDJSON outputs/);
  });
});
