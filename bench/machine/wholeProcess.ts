/**
 * Where a whole process's CPU goes, every thread of it: a command run under `perf record` (the kernel's software
 * clock, which needs no hardware counters: this virtual machine has none), its samples sorted by what they were
 * doing. `--cpu-prof` samples only JavaScript threads' JavaScript; this also sees V8's own threads (TurboFan
 * compiling, concurrent marking), the runtime's builtins, libc and the kernel (page faults):
 *
 *   node --import tsx bench/machine/wholeProcess.ts [--hz 1000] [--top 15] -- node dist/cli.js resolve … --no-progress
 *
 * Prints CPU-seconds (samples / hz) by class: `turbofan` (a stack in V8's optimizing compiler), `parse` (parsing, bytecode
 * and Sparkplug's baseline code), `page faults` (a stack through the kernel's fault handler, huge pages apart), `gc`, `sha256`, the rest
 * of the kernel, JavaScript (`JS`, named when the command's node runs with `--perf-basic-prof`, which this tool puts
 * in NODE_OPTIONS), `builtins` (V8's builtins: property loads that missed their inline caches, string and regexp
 * functions), and what is left; then the `--top` leaf functions. Needs Debian's `linux-perf`. The files
 * `--perf-basic-prof` makes node write (`/tmp/perf-PID.map`, and `isolate-…-v8.log` in the working directory, one
 * per thread) are removed once read.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { hz: { type: 'string', default: '1000' }, top: { type: 'string', default: '15' } } });
const hz = Number(values.hz);
const top = Number(values.top);
if (positionals.length === 0 || !(hz > 0)) throw new Error('usage: wholeProcess.ts [--hz 1000] [--top 15] -- COMMAND …');

const dir = mkdtempSync(join(tmpdir(), 'whole-process-'));
const data = join(dir, 'perf.data');
/** Node's perf maps and V8 logs, in the two places it writes them. */
const nodeFiles = (): string[] => [
  ...readdirSync('/tmp').filter((f) => /^perf-\d+\.map$/.test(f)).map((f) => join('/tmp', f)),
  ...readdirSync('.').filter((f) => /^isolate-0x[0-9a-f]+-\d+-v8\.log$/.test(f)),
];
const before = new Set(nodeFiles());
try {
  const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --perf-basic-prof`.trim() };
  const run = spawnSync('perf', ['record', '-q', '-e', 'cpu-clock', '-F', String(hz), '-g', '-o', data, '--', ...positionals], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.error !== undefined) throw new Error(`perf record: ${run.error.message} (Debian package linux-perf)`);
  if (run.status !== 0) console.error(`the command exited with status ${run.status}: its samples follow all the same`);
  const script = spawnSync('perf', ['script', '-i', data, '-F', 'ip,sym,dso'], { maxBuffer: 1 << 30, encoding: 'utf8' });
  if (script.status !== 0) throw new Error(`perf script failed: ${script.stderr}`);

  const classes = new Map<string, number>();
  const leaves = new Map<string, number>();
  let samples = 0;
  for (const stack of script.stdout.split('\n\n')) {
    const frames = stack.split('\n').map((l) => l.trim().replace(/^[0-9a-f]+ /, '')).filter((l) => l !== '');
    if (frames.length === 0) continue;
    samples++;
    const c = classOf(frames);
    classes.set(c, (classes.get(c) ?? 0) + 1);
    const leaf = frames[0]!.replace(/ \(.*\)$/, '').slice(0, 100);
    leaves.set(leaf, (leaves.get(leaf) ?? 0) + 1);
  }
  const seconds = (n: number): string => (n / hz).toFixed(2).padStart(8);
  const share = (n: number): string => `${((100 * n) / samples).toFixed(1).padStart(5)}%`;
  console.log(`${seconds(samples)} CPU-s in all (${samples} samples at ${hz} Hz)`);
  for (const [c, n] of [...classes].sort((a, b) => b[1] - a[1])) console.log(`${seconds(n)} ${share(n)}  ${c}`);
  console.log('top leaf functions:');
  for (const [f, n] of [...leaves].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${seconds(n)} ${share(n)}  ${f}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
  for (const f of nodeFiles()) if (!before.has(f)) rmSync(f, { force: true });
}

/** What a sample was doing, from its stack (leaf first). Order matters: a fault inside compiling is compiling. */
function classOf(frames: readonly string[]): string {
  const any = (re: RegExp): boolean => frames.some((f) => re.test(f));
  if (any(/v8::internal::compiler::|v8::internal::OptimizingCompileDispatcher|TurbofanCompilationJob/)) return 'turbofan';
  if (any(/v8::internal::(Parser|PreParser|Scanner|interpreter::BytecodeGenerator|baseline::)|Compiler::Compile/)) return 'parse';
  if (any(/do_huge_pmd_anonymous_page/)) return 'page faults (huge pages)';
  if (any(/asm_exc_page_fault/)) return 'page faults';
  // Not any `Heap::` frame: allocating an ArrayBuffer (`Heap::AllocateExternalBackingStore`, zeroing it) is not GC.
  if (any(/Scavenge|MarkCompact|ConcurrentMarking|Sweeper|MarkingVisitor|Heap::CollectGarbage|Evacuat/)) return 'gc';
  const leaf = frames[0]!;
  if (/sha256/.test(leaf)) return 'sha256';
  if (/\[kernel/.test(leaf) || /^(pvm_|native_|clear_page|__handle_mm_fault)/.test(leaf)) return 'kernel, other';
  if (leaf.startsWith('JS:') || /perf-\d+\.map/.test(leaf)) return 'JS';
  if (leaf.startsWith('Builtins_')) return 'builtins';
  if (/libc\.so/.test(leaf) || /^__(memmove|memset|memchr|memcmp)/.test(leaf)) return 'libc';
  return 'other';
}
