import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { resolveFiles } from './resolveFiles.js';

// `;`- and tab-separated files (#14 item 3) read exactly as the same content separated by commas: detected from
// the header row, with quoted cells holding the separator, multi-line cells, stray quotes and bad rows, in one
// thread or cut into tiny pieces for two.
const dir = mkdtempSync(path.join(tmpdir(), 'idweave-delim-'));
const rows: string[][] = [
  ['id', 'email', 'first_name', 'note'],
  ['c1', 'ann@corp.ae', 'Ann', '"a, b; c\td"'],
  ['c2', 'ann@corp.ae', 'Ann', '"line one\nline two"'],
  ['c3', 'bo@corp.ae', 'Bo', 'plain'],
  ['c4', 'cy@corp.ae', 'Cy', '"""'],
  ['c5', 'di@corp.ae', 'Di', 'ok'],
  ['c6', 'ed@corp.ae', 'Ed', 'x"'],
  ['c7', 'fa@corp.ae'],
  ['c8', 'gi@corp.ae', 'Gi', '"closed" trailing'],
  ['c9', 'ann@corp.ae', 'Ann', 'last'],
];
const fileWith = (sep: string, name: string): string => {
  const f = path.join(dir, name);
  writeFileSync(f, rows.map((r) => r.join(sep)).join('\n') + '\n');
  return f;
};

async function outputs(file: string, threads: number, delimiter?: ',' | ';' | '\t' | 'auto'): Promise<string[]> {
  const outDir = path.join(dir, `${path.basename(file)}-${threads}-${delimiter ?? 'default'}`);
  await resolveFiles([file], { outDir, threads, pieceBytes: 32, ...(delimiter ? { csv: { delimiter } } : {}) });
  const rejects = readFileSync(path.join(outDir, 'rejects.ndjson'), 'utf8').split('\n').filter(Boolean).map((l) => {
    const { row, reasons } = JSON.parse(l) as { row: number; reasons: string[] };
    return JSON.stringify({ row, reasons });
  });
  return [readFileSync(path.join(outDir, 'mapping.csv'), 'utf8'), readFileSync(path.join(outDir, 'profiles.ndjson'), 'utf8'), ...rejects];
}

describe('CSV delimiters', () => {
  test.each([
    [';', 'semi.csv'],
    ['\t', 'tab.csv'],
  ])('%j-separated: detected, and read as the comma version is', async (sep, name) => {
    const expected = await outputs(fileWith(',', `comma-for-${name}`), 0);
    const file = fileWith(sep, name);
    expect(await outputs(file, 0)).toEqual(expected);
    expect(await outputs(file, 2)).toEqual(expected);
    expect(await outputs(file, 0, sep as ';' | '\t')).toEqual(expected);
  });

  test('a comma file read with a declared ";" is one column: no id column, a clear error', async () => {
    await expect(outputs(fileWith(',', 'declared.csv'), 0, ';')).rejects.toMatchObject({ code: 'input_invalid', message: expect.stringMatching(/no id column/) });
  });
});
