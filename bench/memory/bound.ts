/**
 * The batch's stated memory bound on the generator's hard profile (docs/benchmarks.md, "Memory bound"): peak RSS of
 * `idweave resolve` at most `fixedMb` plus `bytesPerRow` per input row. Measured with the CLI's GC flags and the
 * link's merge by columns: 2,589 MB at 5M rows, 6,777 MB at 20M (through both points: 1.2 GB + 293 B a row); the
 * bound leaves 15-20% for this machine's noise, and a structure that grows with the data's shape (refusal reasons
 * as heap strings: 4,538 MB at 5M) breaks it. Before those changes: 1.5 GB + 450 B a row.
 */
export const MEMORY_BOUND = { fixedMb: 1536, bytesPerRow: 330 } as const;
