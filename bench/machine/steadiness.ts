/**
 * Whether this machine runs the same loop at the same speed from one second to the next: two fixed loops, timed
 * over and over for `--seconds` in one process with nothing else to do (no allocation, no collection, no new
 * code once warm):
 *
 * - `copy`: `--mib` MiB of bytes (16: with the copy, about the last-level cache of a core complex here) copied with a JSON escape test per byte, as the output lines copy stored strings
 *   (`JsonBytes.string`): loads and stores, the shape of most of a run's per-row code;
 * - `chain`: a chain of dependent integer multiply-adds, 20M long: one core's arithmetic, nothing in memory.
 *
 *   node --import tsx bench/machine/steadiness.ts [--seconds 30] [--mib 16] [--json]
 *
 * For each loop: the median round of each second as a ratio to the loop's fastest round, in time order; the
 * minimum, median and slowest round and the share of rounds at least 1.5x the fastest. On the shared 2-core machine
 * (docs/benchmarks.md, "The machine's two speeds") `copy` has run at one speed and then, from one round to the next
 * and for tens of seconds, at half of it, while `chain` stayed within a few percent: the loop did not change, so
 * the machine did. Read a run-to-run spread of the batch job, or of one thread's instrument, against this.
 */
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '30' }, mib: { type: 'string', default: '16' }, json: { type: 'boolean', default: false } } });
const seconds = Number(values.seconds);
const mib = Number(values.mib);
if (!(seconds > 0) || !(mib > 0)) throw new Error('usage: steadiness.ts [--seconds S] [--mib M] [--json]');

const BYTES = Math.round(mib * 2 ** 20);
const src = new Uint8Array(BYTES);
// Text as stored strings mostly are: letters, a quote now and then (a predictable branch, as on real data).
for (let i = 0; i < BYTES; i++) src[i] = i % 64 === 63 ? 34 : 97 + (i % 26);
const dst = new Uint8Array(2 * BYTES);

/** Copies `src` into `dst`, a backslash before each quote or backslash; returns the bytes written. */
function copy(): number {
  let at = 0;
  for (let i = 0; i < BYTES; i++) {
    const b = src[i]!;
    if (b === 34 || b === 92) dst[at++] = 92;
    dst[at++] = b;
  }
  return at;
}

/** A dependent chain of 20M multiply-adds; returns its end so it cannot be left out. */
function chain(): number {
  let y = 0;
  for (let i = 0; i < 20_000_000; i++) y = (Math.imul(y, 31) + i) | 0;
  return y;
}

const times: Record<'copy' | 'chain', number[]> = { copy: [], chain: [] };
/** When each round started, in seconds from the first. */
const at: number[] = [];
let sink = 0;
const start = performance.now();
const end = start + 1000 * seconds;
while (performance.now() < end) {
  let t = performance.now();
  at.push((t - start) / 1000);
  sink += copy();
  times.copy.push(performance.now() - t);
  t = performance.now();
  sink += chain();
  times.chain.push(performance.now() - t);
}

// The first rounds run before the loops are optimized: left out of the figures.
const WARM = 3;
const summary = Object.fromEntries(
  Object.entries(times).map(([name, all]) => {
    const skip = Math.min(WARM, all.length - 1);
    const rounds = all.slice(skip);
    const sorted = [...rounds].sort((a, b) => a - b);
    const min = sorted[0]!;
    // Per second of the run: the median round, as a ratio to the fastest round.
    const perSecond: number[] = [];
    for (let s = 0; s < Math.ceil(seconds); s++) {
      const inSecond = rounds.filter((_, i) => Math.floor(at[i + skip]!) === s).sort((a, b) => a - b);
      if (inSecond.length > 0) perSecond.push(round(inSecond[inSecond.length >> 1]! / min));
    }
    return [name, { rounds: rounds.length, minMs: round(min), medianMs: round(sorted[sorted.length >> 1]!), maxMs: round(sorted[sorted.length - 1]!), slowShare: round(rounds.filter((x) => x >= 1.5 * min).length / rounds.length), perSecond }];
  }),
);
if (values.json) console.log(JSON.stringify({ seconds, mib, summary }));
else {
  for (const [name, s] of Object.entries(summary)) {
    console.log(`${name}: ${s.rounds} rounds, min ${s.minMs} ms, median ${s.medianMs} ms, max ${s.maxMs} ms; ${(100 * s.slowShare).toFixed(0)}% of rounds at >= 1.5x the fastest`);
    console.log(`  each second's median round / the fastest: ${s.perSecond.map((x) => x.toFixed(2)).join(' ')}`);
  }
}
// The loops' results are used, so that no compiler can drop the loops.
if (sink === 0.5) console.log(sink);

function round(x: number): number {
  return Math.round(100 * x) / 100;
}
