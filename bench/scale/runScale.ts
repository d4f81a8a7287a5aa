/**
 * End-to-end scale curve: for each size, generate MAF-shaped data (once, cached under bench/data/), run
 * `idweave resolve` (built CLI) and the DuckDB SQL baseline on the same file, score both against the truth, and
 * append the result with machine facts to bench/results/scale.json.
 *
 *   npx tsx bench/scale/runScale.ts --sizes 100000,1000000 [--runs 3] [--no-duckdb]
 *
 * Timing is wall time of the whole process; with --runs > 1 the median run is kept (this machine is shared and
 * noisy). Peak RSS is what each tool reports of its own process (maxRSS).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
    'no-duckdb': { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/results/scale.json' },
  },
});

const root = path.resolve(import.meta.dirname, '../..');
const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
const runs = Math.max(1, Number(values.runs));

interface Timed {
  seconds: number;
}

/** Runs `node <args>` to completion; wall seconds. Peak RSS comes from each tool's own report file. */
function timed(cmd: string, args: string[]): Timed {
  const t0 = performance.now();
  const res = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  const seconds = (performance.now() - t0) / 1000;
  if (res.status !== 0) throw new Error(`${cmd} failed with exit ${res.status}`);
  return { seconds };
}

function median<T>(items: T[], by: (t: T) => number): T {
  const sorted = [...items].sort((a, b) => by(a) - by(b));
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

function readJson(file: string): any {
  return JSON.parse(readFileSync(file, 'utf8'));
}

const machine = {
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
  totalMemoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
};

const results: any[] = existsSync(path.join(root, values.out)) ? readJson(path.join(root, values.out)).results ?? [] : [];

for (const size of sizes) {
  const dir = path.join(root, 'bench/data', String(size));
  const records = path.join(dir, 'records.csv');
  if (!existsSync(records)) {
    mkdirSync(dir, { recursive: true });
    console.error(`generating ${size} records…`);
    timed('generate', ['--import', 'tsx', 'bench/generate/main.ts', '--records', String(size), '--out', dir, '--seed', values.seed]);
  }

  const idweaveRuns: { wall: Timed; report: any }[] = [];
  for (let r = 0; r < runs; r++) {
    const out = path.join(dir, 'idweave-out');
    console.error(`idweave resolve ${size} (run ${r + 1}/${runs})…`);
    const wall = timed('idweave', ['dist/cli.js', 'resolve', records, '--out', out, '--no-progress', '--config', 'fixtures/sample/idweave.config.json']);
    idweaveRuns.push({ wall, report: readJson(path.join(out, 'report.json')) });
  }
  const best = median(idweaveRuns, (x) => x.wall.seconds);
  const score = spawnScore(path.join(dir, 'truth.csv'), path.join(dir, 'idweave-out/mapping.csv'), records);

  let duckdb: any;
  if (!values['no-duckdb']) {
    const dout = path.join(dir, 'duckdb-out');
    console.error(`duckdb baseline ${size}…`);
    const wall = timed('duckdb', ['--import', 'tsx', 'bench/duckdb/stitch.ts', '--records', records, '--out', dout]);
    const report = readJson(path.join(dout, 'duckdb-report.json'));
    duckdb = { seconds: wall.seconds, report, accuracy: spawnScore(path.join(dir, 'truth.csv'), path.join(dout, 'mapping.csv')) };
  }

  const entry = {
    records: size,
    date: new Date().toISOString(),
    machine,
    runs,
    idweave: {
      wallSeconds: best.wall.seconds,
      allWallSeconds: idweaveRuns.map((x) => x.wall.seconds),
      recordsPerSecond: Math.round(size / best.wall.seconds),
      peakRssBytes: best.report.peakRssBytes,
      stages: best.report.stages,
      profiles: best.report.profiles,
      accuracy: score,
    },
    ...(duckdb ? { duckdb, speedRatio: duckdb.seconds / best.wall.seconds } : {}),
  };
  console.error(JSON.stringify(entry, null, 2));
  const kept = results.filter((r) => r.records !== size);
  kept.push(entry);
  kept.sort((a, b) => a.records - b.records);
  results.splice(0, results.length, ...kept);
  writeFileSync(path.join(root, values.out), JSON.stringify({ results }, null, 2) + '\n');
}

function spawnScore(truth: string, mapping: string, records?: string): any {
  const json = path.join(path.dirname(mapping), 'score.json');
  timed('score', ['--import', 'tsx', 'bench/score/main.ts', '--truth', truth, '--mapping', mapping, '--json', json, ...(records ? ['--records', records] : [])]);
  return readJson(json);
}
