import { spawn } from 'node:child_process';
import os from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { abandonOpenOutputsSync } from '../io/openOutputs.js';
import { processIo } from './CliIo.js';
import { asksForHugePages, respawnEnv } from './respawnEnv.js';
import { runCli } from './runCli.js';

// The `idweave` executable (built to dist/cli.js): wiring only; the commands live beside this file.

const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** How long a forwarded signal may take to stop the run before it is killed outright. */
const STOP_GRACE_MS = 5_000;

/**
 * V8's default heap limit (~4 GB here) is too small for the largest runs (the parts of a 20M-row batch that live
 * on the heap). `resolve` re-runs this script once with a limit of 75% of physical memory (the rest is for off-heap
 * buffers and the OS) unless the user chose a limit, and with huge pages for its large buffers (`respawnEnv`)
 * unless this process already asked for them or runs without glibc: a user's own `--max-old-space-size` keeps the huge pages.
 * `IDWEAVE_NO_RESPAWN=1` turns this off.
 *
 * The wrapper stays in charge of the child: SIGINT, SIGTERM and SIGHUP are forwarded to it (a child that does
 * not stop within 5 s is killed), and the wrapper exits with the child's status, or 128 + the signal's number
 * when the child was stopped by a signal (as a shell reports it). Without this, killing the wrapper left the
 * child running and publishing outputs after the caller thought the run was gone.
 * Resolves to the exit code, or undefined when no re-run was needed.
 */
async function respawnWithLargerHeap(): Promise<number | undefined> {
  if (process.env.IDWEAVE_NO_RESPAWN === '1') return undefined;
  const chosen = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes('--max-old-space-size'));
  const wantMb = Math.floor((os.totalmem() * 0.75) / 2 ** 20);
  const raiseHeap = !chosen && getHeapStatistics().heap_size_limit / 2 ** 20 < wantMb;
  // Without glibc (musl, macOS, Windows) the tunable is inert: a re-run would cost ~50 ms of start-up for nothing.
  if (!raiseHeap && (asksForHugePages(process.env) || !runsOnGlibc())) return undefined;
  // The IPC channel only tells the child when this wrapper is gone (killed with SIGKILL, say).
  // --expose-gc: the batch job collects once after linking (`resolveFiles`), when its scratch is garbage.
  // The GC flags apply to every thread and come first, so the user's own flags win (docs/benchmarks.md, "Memory at 20M under 8 GB"):
  // --heap-growing-percent=50: a heap grows to 1.5x its live size before a full collection, not up to 4x. Each
  //   worker thread keeps ~120 MB live while it builds output lines and had let ~400 MB of garbage pile up on top.
  // --max-semi-space-size=32: fewer young collections on the per-record hot paths (~10% less CPU at 1M rows).
  // --initial-old-space-size=96: V8 starts marking whenever the room left under the old generation's limit is less
  //   than the young generation's capacity (32 MB, above). The main thread's heap is ~15 MB (its tables are
  //   off-heap), so 1.5x its size never left that room: it marked and compacted ~60 times a 1M-row run. A floor of
  //   96 MB: CPU -5.6% / -4.6% at 1M / 5M rows, +75 / +160 MB peak (docs/benchmarks.md, "A floor under the old generation").
  const gcFlags = ['--heap-growing-percent=50', '--max-semi-space-size=32', '--initial-old-space-size=96'];
  const heap = raiseHeap ? [`--max-old-space-size=${wantMb}`] : [];
  const child = spawn(process.execPath, [...gcFlags, ...process.execArgv, ...heap, '--expose-gc', ...process.argv.slice(1)], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    // glibc's malloc asked for transparent huge pages: respawnEnv says why.
    env: respawnEnv(process.env),
  });
  let killTimer: NodeJS.Timeout | undefined;
  const forward = (signal: NodeJS.Signals): void => {
    child.kill(signal);
    killTimer ??= setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    killTimer.unref();
  };
  for (const s of FORWARDED) process.on(s, forward);
  return new Promise((resolve) => {
    child.on('error', () => {
      for (const s of FORWARDED) process.off(s, forward);
      resolve(undefined); // could not start: run in this process instead
    });
    child.on('exit', (code, signal) => {
      for (const s of FORWARDED) process.off(s, forward);
      if (killTimer) clearTimeout(killTimer);
      if (signal !== null) {
        process.stderr.write(`idweave: stopped by ${signal}; nothing was published (the previous outputs, if any, are unchanged)\n`);
        resolve(128 + (os.constants.signals[signal] ?? 0));
      } else resolve(code ?? 1);
    });
  });
}

/** Whether this Node runs on glibc, whose malloc reads `GLIBC_TUNABLES` (the report's header names its version; ~8 ms). */
function runsOnGlibc(): boolean {
  const header = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header;
  return typeof header?.glibcVersionRuntime === 'string';
}

/**
 * Without a wrapper, this process does the work: a signal stops it with the shell's status (the default action
 * would too, but silently, leaving the staging directory and lock for the next run to clear). Published outputs
 * are untouched. A signal during a long synchronous stage (linking) is handled when the stage ends; the
 * wrapper's grace period bounds that wait.
 */
function stopOnSignals(): void {
  // Started by the wrapper: if it dies (even by SIGKILL) the channel closes, and this run must not go on
  // alone and publish after its caller thought it gone.
  if (process.send !== undefined) {
    process.on('disconnect', () => {
      abandonOpenOutputsSync();
      process.exit(137);
    });
    process.channel?.unref();
  }
  for (const s of FORWARDED) {
    process.on(s, () => {
      abandonOpenOutputsSync();
      process.stderr.write(`\nidweave: stopped by ${s}; nothing was published (the previous outputs, if any, are unchanged)\n`);
      process.exit(128 + os.constants.signals[s]);
    });
  }
}

// A closed stdout (`idweave … | head -1`) is not an error of the run.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

const respawned = process.argv[2] === 'resolve' ? await respawnWithLargerHeap() : undefined;
if (respawned !== undefined) process.exitCode = respawned;
else {
  stopOnSignals();
  process.exitCode = await runCli(process.argv.slice(2), processIo());
}
