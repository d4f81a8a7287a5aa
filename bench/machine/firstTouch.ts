/**
 * What touching fresh memory costs on this machine: a `Uint8Array` of `--mib` MiB is written one byte per 4 KiB
 * (every page touched once), dropped and collected, `--rounds` times, `--delay` ms apart. Run it as the CLI runs
 * (huge pages for `malloc`ed buffers) and without:
 *
 *   GLIBC_TUNABLES=glibc.malloc.hugetlb=1 node --expose-gc --import tsx bench/machine/firstTouch.ts --mib 512
 *   node --expose-gc --import tsx bench/machine/firstTouch.ts --mib 512
 *
 * On a virtual machine whose page tables go through the hypervisor, the first touch of a page is what a page
 * fault costs there (docs/benchmarks.md, "Page faults, deoptimization loops and fixed costs").
 */
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';

const { values } = parseArgs({ options: { mib: { type: 'string', default: '512' }, rounds: { type: 'string', default: '4' }, delay: { type: 'string', default: '0' } } });
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with node --expose-gc (each round frees the last one first)');
const mib = Number(values.mib);
for (let round = 0; round < Number(values.rounds); round++) {
  let a: Uint8Array | undefined = new Uint8Array(mib * 2 ** 20);
  const t0 = performance.now();
  for (let i = 0; i < a.length; i += 4096) a[i] = 1;
  const ms = performance.now() - t0;
  console.log(`round ${round}: ${mib} MiB touched in ${ms.toFixed(0)} ms (${((ms * 1000) / (a.length / 4096)).toFixed(2)} µs a 4 KiB page)`);
  a = undefined;
  gc();
  await sleep(Number(values.delay));
}
