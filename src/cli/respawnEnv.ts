/**
 * The environment the CLI's re-run (`main.ts`) starts with: the caller's, marked as re-run, and asking glibc's
 * malloc for transparent huge pages (`glibc.malloc.hugetlb=1`: large allocations are `madvise`d with
 * `MADV_HUGEPAGE`) unless the caller set that tunable.
 *
 * perf: the batch's columns, slabs and interner tables are typed arrays of hundreds of MB to GBs, malloc'd by
 * Node, and linking, interning and profile building read them at random: with 4 KiB pages nearly every access
 * misses the TLB. At 20M rows of the hard profile, one run each on a quiet machine: 408 s → 352 s (read 144 →
 * 120, link 93 → 74), peak RSS 6,658 → 7,133 MiB (docs/benchmarks.md). Kernels with THP set to `madvise` or
 * `always` honour it; elsewhere, and on other C libraries, the variable is inert.
 */
export function respawnEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const tunables = env.GLIBC_TUNABLES;
  const hugePages = tunables === undefined || tunables === '' ? HUGE_PAGES : asksForHugePages(env) ? tunables : `${tunables}:${HUGE_PAGES}`;
  return { ...env, IDWEAVE_NO_RESPAWN: '1', GLIBC_TUNABLES: hugePages };
}

/**
 * Whether an environment already sets glibc's huge-page tunable (to any value: a caller's `hugetlb=0` is a choice
 * too). glibc reads it at start-up only, so a process without it needs a re-run to get huge pages.
 */
export function asksForHugePages(env: NodeJS.ProcessEnv): boolean {
  const tunables = env.GLIBC_TUNABLES;
  return tunables !== undefined && /(?:^|:)glibc\.malloc\.hugetlb=/.test(tunables);
}

const HUGE_PAGES = 'glibc.malloc.hugetlb=1';
