/**
 * End-to-end scale curve: for each size, generate MAF-shaped data (once, cached under bench/data/), run
 * `idweave resolve` (built CLI) and the DuckDB SQL baseline on the same file, score both against the truth, and
 * append the result with machine facts to bench/results/scale.json.
 *
 *   npx tsx bench/scale/runScale.ts --sizes 100000,1000000 [--runs 3] [--duckdb-runs 1] [--no-duckdb] [--cli dist/cli.js]
 *     [--profile hard]   (the generator's hard profile, in bench/data/<records>-hard/, results in scale-hard.json)
 *     [--label L]        (results in scale[-hard]-L.json, beside the full curve)
 *     [--no-oracle]      (idweave scored without the exact-identifier oracle: ~10 min less a profile at 20M rows)
 *
 * Timing is wall time of the whole process; with --runs > 1 every run is kept and collect.ts reports the median
 * run (this machine is shared and noisy). Peak RSS is what each tool reports of its own process (maxRSS); results go to
 * bench/results/scale.json through collect.ts.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
    'duckdb-runs': { type: 'string' },
    'no-duckdb': { type: 'boolean', default: false },
    'no-oracle': { type: 'boolean', default: false },
    // The built CLI to time (a copy keeps a long campaign independent of rebuilds).
    cli: { type: 'string', default: 'dist/cli.js' },
    profile: { type: 'string', default: 'default' },
    // Results into bench/results/scale[-hard]-<label>.json instead of the full curve's file.
    label: { type: 'string' },
  },
});

const root = path.resolve(import.meta.dirname, '../..');
const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
const runs = Math.max(1, Number(values.runs));
const duckdbRuns = Math.max(1, Number(values['duckdb-runs'] ?? runs));
if (values.profile !== 'default' && values.profile !== 'hard') throw new Error(`--profile: default or hard, not ${values.profile}`);
const hard = values.profile === 'hard';
// A labelled campaign is history once committed: collect.ts writes its file whole, so an old label would be lost.
if (values.label !== undefined) {
  const target = path.join(root, `bench/results/scale${hard ? '-hard' : ''}-${values.label}.json`);
  if (existsSync(target)) throw new Error(`${path.relative(root, target)} exists: choose another --label (a campaign's results are kept as they were)`);
}

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

for (const size of sizes) {
  const dir = path.join(root, 'bench/data', `${size}${hard ? '-hard' : ''}`);
  const records = path.join(dir, 'records.csv');
  if (!existsSync(records)) {
    mkdirSync(dir, { recursive: true });
    console.error(`generating ${size} records…`);
    timed('generate', ['--import', 'tsx', 'bench/generate/main.ts', '--records', String(size), '--out', dir, '--seed', values.seed, ...(hard ? ['--profile', 'hard'] : [])]);
  }

  // Every run's wall time and report are kept; collect.ts reports the median run (this machine is noisy).
  const out = path.join(dir, 'idweave-out');
  const walls: number[] = [];
  for (let r = 0; r < runs; r++) {
    console.error(`idweave resolve ${size} (run ${r + 1}/${runs})…`);
    const wall = timed('idweave', [values.cli, 'resolve', records, '--out', out, '--no-progress', '--config', 'fixtures/sample/idweave.config.json']);
    console.error(`idweave: ${wall.seconds.toFixed(1)} s wall`);
    walls.push(wall.seconds);
    copyFileSync(path.join(out, 'report.json'), path.join(out, `report-run${r + 1}.json`));
  }
  writeFileSync(path.join(dir, 'idweave-runs.json'), JSON.stringify({ wallSeconds: walls }) + '\n');
  spawnScore(path.join(dir, 'truth.csv'), path.join(dir, 'idweave-out/mapping.csv'), values['no-oracle'] ? undefined : records, 'score.json');

  if (!values['no-duckdb']) {
    const dout = path.join(dir, 'duckdb-out');
    const walls: number[] = [];
    for (let r = 0; r < duckdbRuns; r++) {
      console.error(`duckdb baseline ${size} (run ${r + 1}/${duckdbRuns})…`);
      const wall = timed('duckdb', ['--import', 'tsx', 'bench/duckdb/stitch.ts', '--records', records, '--out', dout]);
      console.error(`duckdb: ${wall.seconds.toFixed(1)} s wall`);
      walls.push(wall.seconds);
      copyFileSync(path.join(dout, 'duckdb-report.json'), path.join(dout, `duckdb-report-run${r + 1}.json`));
    }
    writeFileSync(path.join(dir, 'duckdb-runs.json'), JSON.stringify({ wallSeconds: walls }) + '\n');
    spawnScore(path.join(dir, 'truth.csv'), path.join(dout, 'mapping.csv'), undefined, 'duckdb-score.json');
  }
}

// Gather every size's outputs (with machine facts) into bench/results/scale.json.
timed('collect', ['--import', 'tsx', 'bench/scale/collect.ts', '--sizes', sizes.join(','), '--profile', values.profile, ...(values.label ? ['--label', values.label] : [])]);

function spawnScore(truth: string, mapping: string, records: string | undefined, file: 'score.json' | 'duckdb-score.json'): void {
  // collect.ts reads <size>/score.json (idweave) and <size>/duckdb-score.json.
  const json = path.join(path.dirname(path.dirname(mapping)), file);
  timed('score', ['--import', 'tsx', 'bench/score/main.ts', '--truth', truth, '--mapping', mapping, '--json', json, ...(records ? ['--records', records] : [])]);
}
