/**
 * Checks the batch's stated memory bound (docs/benchmarks.md, "Memory bound") on generated data: generates N rows
 * of the hard profile (cached under bench/data/), runs the built CLI on them, and fails when the run's peak RSS
 * (its own report.json) is over
 *
 *     MEMORY_BOUND.fixedMb + MEMORY_BOUND.bytesPerRow · rows
 *
 *   npx tsx bench/memory/checkBound.ts [--records 5000000] [--cli dist/cli.js]
 *
 * Run by CI at 5M rows (`.ci/run`). Exit 0 within the bound, 1 over it, 2 when the run itself failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MEMORY_BOUND } from './bound.js';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '5000000' },
    cli: { type: 'string', default: 'dist/cli.js' },
  },
});
const root = path.resolve(import.meta.dirname, '../..');
const records = Number(values.records);
const data = path.join(root, 'bench/data', `bound-${records}-hard`);
const input = path.join(data, 'records.csv');

if (!existsSync(input)) {
  const gen = spawnSync(process.execPath, ['--max-semi-space-size=64', '--import', 'tsx', 'bench/generate/main.ts', '--records', String(records), '--out', data, '--profile', 'hard'], { cwd: root, stdio: 'inherit' });
  if (gen.status !== 0) {
    console.error(`generating ${records} rows failed (exit ${gen.status})`);
    process.exit(2);
  }
}

const out = mkdtempSync(path.join(tmpdir(), 'idweave-bound-'));
try {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, [path.resolve(root, values.cli), 'resolve', input, '--out', out, '--no-progress'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const seconds = (performance.now() - t0) / 1000;
  if (run.status !== 0) {
    console.error(`idweave resolve failed (exit ${run.status})`);
    process.exitCode = 2;
  } else {
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as { recordsIn: number; peakRssBytes: number; profiles: number; linksRefused: Record<string, number> };
    const boundMb = MEMORY_BOUND.fixedMb + (MEMORY_BOUND.bytesPerRow * report.recordsIn) / 2 ** 20;
    const peakMb = report.peakRssBytes / 2 ** 20;
    const refused = Object.values(report.linksRefused).reduce((a, b) => a + b, 0);
    console.log(
      `${report.recordsIn.toLocaleString('en')} rows (${report.profiles.toLocaleString('en')} profiles, ${refused.toLocaleString('en')} links refused) in ${seconds.toFixed(0)} s: ` +
        `peak RSS ${peakMb.toFixed(0)} MB, bound ${boundMb.toFixed(0)} MB (${MEMORY_BOUND.fixedMb} MB + ${MEMORY_BOUND.bytesPerRow} B a row)`,
    );
    if (peakMb > boundMb) {
      console.error(`OVER THE MEMORY BOUND by ${(peakMb - boundMb).toFixed(0)} MB`);
      process.exitCode = 1;
    }
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
