/**
 * The batch's stated memory bound on the generator's hard profile (docs/benchmarks.md, "Memory bound"): peak RSS of
 * `idweave resolve` at most `fixedMb` plus `bytesPerRow` per input row. Measured with 528b82b: 3,286 MB at 5M
 * rows, 8,021 MB at 20M (through both points: 1.7 GB + 331 B a row); the bound leaves room for this machine's noise, and a
 * structure that grows with the data's shape (refusal reasons as heap strings: 4,538 MB at 5M) breaks it.
 */
export const MEMORY_BOUND = { fixedMb: 1536, bytesPerRow: 450 } as const;
