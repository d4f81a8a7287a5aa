// Latency of `idweave explain` on a resolved output directory: wall-clock time of the CLI (a new process per
// call, as people and scripts run it) and of `explainFromDir` in this process, median of --runs calls each.
//
//   npx tsx bench/explain/latency.ts --out bench/data/1m/out [--cli dist/cli.js] [--runs 7]
//
// Queries are picked from the directory: the first profile of 8+ records, a refused pair (the first shareable
// refusal in evidence.ndjson) and a linked pair (two records of that profile).
import { execFileSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { explainFromDir, type ExplainQuery } from '../../src/cli/explain.js';

const { values } = parseArgs({ options: { out: { type: 'string' }, cli: { type: 'string', default: 'dist/cli.js' }, runs: { type: 'string', default: '7' } } });
const dir = values.out!;
const runs = Number(values.runs);

async function firstLine<T>(file: string, pick: (line: string) => T | undefined): Promise<T> {
  const lines = createInterface({ input: createReadStream(file) });
  for await (const line of lines) {
    const v = pick(line);
    if (v !== undefined) {
      lines.close();
      return v;
    }
  }
  throw new Error(`nothing to pick in ${file}`);
}

const profile = await firstLine(`${dir}/profiles.ndjson`, (l) => {
  const p = JSON.parse(l) as { profile_id: string; record_ids: string[] };
  return p.record_ids.length >= 8 ? p : undefined;
});
const refused = await firstLine(`${dir}/evidence.ndjson`, (l) => {
  const e = JSON.parse(l) as { record_a: string; record_b: string; guard?: string };
  return e.guard === 'shareable' ? e : undefined;
});
const queries: [string, ExplainQuery][] = [
  ['--profile (8+ records)', { profile: profile.profile_id }],
  ['--records (refused pair)', { records: [refused.record_a, refused.record_b] }],
  ['--records (linked pair)', { records: [profile.record_ids[0]!, profile.record_ids[profile.record_ids.length - 1]!] }],
];

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const [label, q] of queries) {
  const args = 'profile' in q ? ['--profile', q.profile] : ['--records', q.records[0], q.records[1]];
  const cli: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    execFileSync(process.execPath, [values.cli!, 'explain', dir, ...args], { stdio: 'ignore' });
    cli.push(performance.now() - t);
  }
  const lib: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await explainFromDir(dir, q);
    lib.push(performance.now() - t);
  }
  console.log(`${label}: CLI median ${median(cli).toFixed(0)} ms (${cli.map((x) => x.toFixed(0)).join(' ')}), in process median ${median(lib).toFixed(1)} ms`);
}
const t = performance.now();
for (let i = 0; i < runs; i++) execFileSync(process.execPath, [values.cli!, '--version'], { stdio: 'ignore' });
console.log(`node ${values.cli} --version (start-up alone): ${((performance.now() - t) / runs).toFixed(0)} ms mean`);
