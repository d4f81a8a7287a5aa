/**
 * CPU seconds per thread and per stage of one `idweave resolve` run (Linux only): the process and its children
 * (the CLI re-runs itself with a larger heap) are sampled every 0.2 s from `/proc/<pid>/task/<tid>/stat`, and
 * each thread's CPU is cut at the stage boundaries of the run's `report.json`. Unlike `--cpu-prof` samples, which
 * count a thread waiting for a core as busy, these are the seconds each thread ran: what says whether a stage
 * keeps the machine's cores busy, and how its CPU splits between the main thread, the workers and V8's own helper
 * threads (concurrent marking, compilation).
 *
 *   npx tsx bench/scale/threadCpu.ts --records bench/data/2000000/records.csv [--cli dist/cli.js] [--config fixtures/sample/idweave.config.json] [--threads N]
 *
 * Stage boundaries are placed from the run's start plus `--start-up` seconds (default 0.35: process start and
 * the re-run) and the stages' own durations, so a stage's figures are exact to about one sample (0.2 s).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    records: { type: 'string' },
    cli: { type: 'string', default: 'dist/cli.js' },
    config: { type: 'string', default: 'fixtures/sample/idweave.config.json' },
    'start-up': { type: 'string', default: '0.35' },
    threads: { type: 'string' },
  },
});
if (values.records === undefined) throw new Error('usage: threadCpu.ts --records FILE.csv [--cli dist/cli.js] [--config FILE] [--start-up S] [--threads N]');

const TICKS = 100; // USER_HZ: /proc reports CPU time in 1/100 s on Linux

/** Threads of `pid` and of its descendants: `pid/tid` → `[name, cpu seconds]`. */
function threadTimes(pid: number, into: Map<string, [string, number]>): void {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return;
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      into.set(`${pid}/${tid}`, [name, (Number(f[11]) + Number(f[12])) / TICKS]);
      for (const child of readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' ').filter(Boolean)) threadTimes(Number(child), into);
    } catch {
      // The thread ended between the listing and the read.
    }
  }
}

const out = mkdtempSync(path.join(os.tmpdir(), 'idweave-threads-'));
const threadArgs = values.threads === undefined ? [] : ['--threads', values.threads];
const run = spawn(process.execPath, [values.cli, 'resolve', values.records, '--out', out, '--no-progress', '--config', values.config, ...threadArgs], { stdio: ['ignore', 'ignore', 'inherit'] });
const t0 = performance.now();
const samples: { at: number; threads: Map<string, [string, number]> }[] = [];
const timer = setInterval(() => {
  const threads = new Map<string, [string, number]>();
  threadTimes(run.pid!, threads);
  samples.push({ at: (performance.now() - t0) / 1000, threads });
}, 200);
const code = await new Promise<number | null>((resolve) => run.on('exit', resolve));
clearInterval(timer);
if (code !== 0) throw new Error(`idweave resolve exited with ${code}`);

// Each thread's CPU at time t: its last sample at or before t (a thread that ended keeps its last value).
const last = new Map<string, [string, number]>();
for (const s of samples) for (const [k, v] of s.threads) last.set(k, v);
const cpuAt = (t: number, k: string): number => {
  let v = 0;
  for (const s of samples) {
    if (s.at > t) break;
    v = s.threads.get(k)?.[1] ?? v;
  }
  return v;
};
const threads = [...last].filter(([, [, cpu]]) => cpu >= 0.1).sort((a, b) => b[1][1] - a[1][1]);
const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as { stages: { stage: string; seconds: number }[] };
rmSync(out, { recursive: true, force: true });

// A process's main thread has the process's id; the others are named by their order of CPU (Node names them all `node`).
const label = ([k, [name]]: [string, [string, number]], i: number): string => {
  const [pid, tid] = k.split('/');
  return pid === tid ? `main ${pid}` : `${name === 'node' ? 'thread' : name.slice(0, 6)} ${i}`;
};
console.log(['stage'.padEnd(9), 'wall'.padStart(6), ...threads.map((t, i) => label(t, i).padStart(10)), 'all'.padStart(7), 'cores'.padStart(6)].join(' '));
let from = Number(values['start-up']);
for (const { stage, seconds } of report.stages) {
  const to = from + seconds;
  const cpu = threads.map(([k]) => Math.max(0, cpuAt(to, k) - cpuAt(from, k)));
  const all = cpu.reduce((a, b) => a + b, 0);
  console.log([stage.padEnd(9), seconds.toFixed(2).padStart(6), ...cpu.map((c) => c.toFixed(2).padStart(10)), all.toFixed(2).padStart(7), (all / seconds).toFixed(2).padStart(6)].join(' '));
  from = to;
}
const total = threads.reduce((a, [, [, cpu]]) => a + cpu, 0);
console.log(`wall ${samples.at(-1)?.at.toFixed(2)} s, CPU ${total.toFixed(2)} s in ${threads.length} threads (threads under 0.1 s left out)`);
