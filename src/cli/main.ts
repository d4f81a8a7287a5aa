import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { processIo } from './CliIo.js';
import { runCli } from './runCli.js';

// The `idweave` executable (built to dist/cli.js): wiring only; the commands live beside this file.

/**
 * V8's default heap limit (~4 GB here) is too small for a 20M-row run, whose interned ids and keys live on the
 * heap. Unless the user chose a limit, `resolve` re-runs this script once with a limit of 75% of physical memory
 * (the rest is for off-heap buffers and the OS). `IDWEAVE_NO_RESPAWN=1` turns this off.
 * Returns the child's exit code, or undefined when no re-run was needed.
 */
function respawnWithLargerHeap(): number | undefined {
  if (process.env.IDWEAVE_NO_RESPAWN === '1') return undefined;
  const chosen = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes('--max-old-space-size'));
  if (chosen) return undefined;
  const wantMb = Math.floor((os.totalmem() * 0.75) / 2 ** 20);
  if (getHeapStatistics().heap_size_limit / 2 ** 20 >= wantMb) return undefined;
  const res = spawnSync(process.execPath, [...process.execArgv, `--max-old-space-size=${wantMb}`, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, IDWEAVE_NO_RESPAWN: '1' },
  });
  return res.error ? undefined : (res.status ?? 1);
}

const respawned = process.argv[2] === 'resolve' ? respawnWithLargerHeap() : undefined;
process.exitCode = respawned ?? (await runCli(process.argv.slice(2), processIo()));
