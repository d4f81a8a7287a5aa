import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CliIo } from '../cli/CliIo.js';
import { runCli } from '../cli/runCli.js';

/** Runs the command line in this process, capturing stdout and stderr (test-only). */
export async function runCapture(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (s) => void (out += s), stderr: (s) => void (err += s), env: {} };
  const code = await runCli(argv, io);
  return { code, out, err };
}

/** A function writing named files into `dir`, returning their paths (test-only). */
export function fileWriter(dir: string): (name: string, content: string | Buffer) => string {
  return (name, content) => {
    const f = path.join(dir, name);
    writeFileSync(f, content);
    return f;
  };
}

/** The profile id `mapping.csv` of output directory `dir` gives record `recordId` (tests: ids are allocated). */
export function profileIdIn(dir: string, recordId: string): string {
  for (const line of readFileSync(path.join(dir, 'mapping.csv'), 'utf8').split('\n').slice(1)) {
    const comma = line.lastIndexOf(',');
    if (line.slice(0, comma) === recordId) return line.slice(comma + 1);
  }
  throw new Error(`${recordId} is not in ${dir}/mapping.csv`);
}
