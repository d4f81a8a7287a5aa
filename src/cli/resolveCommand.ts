import path from 'node:path';
import type { IdweaveConfig } from '../config/configSchema.js';
import { IdweaveError } from '../errors.js';
import { loadConfigFile } from '../io/loadConfigFile.js';
import { MANIFEST_FILE } from '../io/manifest.js';
import { EXPLAIN_INDEX_FILE } from '../io/explainIndex.js';
import { parseEvidenceMode, type EvidenceMode } from '../io/evidenceMode.js';
import { parseProfileLineage } from '../io/profileLineage.js';
import { OUTPUT_FILES } from '../io/outputFiles.js';
import { PARQUET_OUTPUT_FILES } from '../io/parquetOutput.js';
import { resolveFiles } from '../batch/resolveFiles.js';
import { readErasedFile, readOverridesFile } from '../io/stewardFiles.js';
import type { CliIo } from './CliIo.js';
import { EXIT } from './exitCodeOf.js';
import { createProgress } from './progress.js';

/** Flags of `idweave resolve` (spec §5). */
export interface ResolveCommandOptions {
  readonly out: string;
  readonly config?: string;
  readonly defaultRegion?: string;
  /** False with `--no-progress`. */
  readonly progress?: boolean;
  /** `--threads <n>`, as typed. */
  readonly threads?: string;
  readonly csvSafe?: boolean;
  /** `--delimiter <c>`, as typed. */
  readonly delimiter?: string;
  /** `--truth <file>`: a `record_id,person_id` CSV to score the run against. */
  readonly truth?: string;
  /** `--input-format <format>`: the format of standard input (`-`), as typed. */
  readonly inputFormat?: string;
  /** `--output-format <format>`, as typed. */
  readonly outputFormat?: string;
  /** `--evidence <mode>`, as typed: all, refused or none (true and false: all and none). */
  readonly evidence?: string;
  /** `--lineage <mode>`, as typed: full or compact. */
  readonly lineage?: string;
  /** `--previous <dir>`: the run this one continues. */
  readonly previous?: string;
  /** `--overrides <file>`: steward overrides (CSV `record_a,record_b,rule`). */
  readonly overrides?: string;
  /** `--erased <file>`: record ids erased for good. */
  readonly erased?: string;
}

/**
 * `idweave resolve <inputs...> --out <dir>`: loads the config, runs `resolveFiles` with a progress bar on
 * stderr, prints a short summary on stdout. Returns the exit code; throws `IdweaveError` for expected failures
 * (the caller prints them and maps them to exit codes).
 */
export async function resolveCommand(inputs: readonly string[], options: ResolveCommandOptions, io: CliIo): Promise<number> {
  let config: IdweaveConfig = {};
  if (options.config !== undefined) config = await loadConfigFile(options.config);
  if (options.defaultRegion !== undefined) {
    if (!/^[A-Za-z]{2}$/.test(options.defaultRegion)) {
      throw new IdweaveError('usage', `--default-region: expected a 2-letter region code such as AE, got "${options.defaultRegion}"`);
    }
    config = { ...config, defaultRegion: options.defaultRegion.toUpperCase() };
  }
  if (options.delimiter !== undefined) {
    const d = options.delimiter === '\\t' ? 'tab' : options.delimiter;
    if (![',', ';', 'tab', '\t', 'auto'].includes(d)) throw new IdweaveError('usage', `--delimiter: expected ",", ";", "tab" or "auto", got "${options.delimiter}"`);
    config = { ...config, csv: { ...config.csv, delimiter: (d === 'tab' ? '\t' : d) as ',' | ';' | '\t' | 'auto' } };
  }
  let threads: number | undefined;
  if (options.threads !== undefined) {
    if (!/^\d{1,3}$/.test(options.threads)) throw new IdweaveError('usage', `--threads: expected a whole number such as 2, got "${options.threads}"`);
    threads = Number(options.threads);
  }
  let inputFormat: 'csv' | 'ndjson' | undefined;
  if (options.inputFormat !== undefined) {
    const f = options.inputFormat.toLowerCase();
    if (f === 'parquet') throw new IdweaveError('usage', '--input-format parquet: Parquet is read from a file (its footer, at the end, is read first), not from standard input: give the .parquet file');
    if (f !== 'csv' && f !== 'ndjson' && f !== 'jsonl') throw new IdweaveError('usage', `--input-format: expected csv or ndjson, got "${options.inputFormat}"`);
    inputFormat = f === 'csv' ? 'csv' : 'ndjson';
  }
  if (inputs.includes('-') && inputFormat === undefined) {
    throw new IdweaveError('usage', 'reading standard input (-) needs its format: add --input-format csv or --input-format ndjson');
  }
  if (inputFormat !== undefined && !inputs.includes('-')) {
    throw new IdweaveError('usage', '--input-format is the format of standard input (-), and no input is -: files are read by their extension');
  }
  let outputFormat: 'ndjson' | 'parquet' | undefined;
  if (options.outputFormat !== undefined) {
    const f = options.outputFormat.toLowerCase();
    if (f !== 'ndjson' && f !== 'parquet') throw new IdweaveError('usage', `--output-format: expected ndjson or parquet, got "${options.outputFormat}"`);
    outputFormat = f;
  }
  let evidence: EvidenceMode | undefined;
  if (options.evidence !== undefined) {
    // (As typed, so the error quotes it; the aliases true and false spelled as the library takes them.)
    const e = options.evidence.toLowerCase();
    evidence = parseEvidenceMode(e === 'true' ? true : e === 'false' ? false : e, '--evidence');
  }
  const lineage = options.lineage === undefined ? undefined : parseProfileLineage(options.lineage.toLowerCase(), '--lineage');
  // Overrides from the file join those of the config file (the file's come last; a later rule for a pair wins).
  if (options.overrides !== undefined) config = { ...config, overrides: [...(config.overrides ?? []), ...(await readOverridesFile(options.overrides))] };
  const erased = options.erased === undefined ? undefined : await readErasedFile(options.erased);
  const progress = createProgress(options.progress !== false, io.stderrStream);
  const t0 = performance.now();
  let report;
  try {
    report = await resolveFiles(inputs, {
      ...config,
      outDir: options.out,
      threads,
      csvSafe: options.csvSafe === true,
      truth: options.truth,
      previous: options.previous,
      erased,
      inputFormat,
      outputFormat,
      evidence,
      lineage,
      onProgress: (p) => progress.update(p),
      onWarning: (message) => {
        progress.stop();
        io.stderr(`idweave: warning: ${message}\n`);
      },
    });
  } finally {
    progress.stop();
  }
  const seconds = (performance.now() - t0) / 1000;
  const fmt = (n: number): string => n.toLocaleString('en-US');
  const count = (n: number, one: string, many: string): string => `${fmt(n)} ${n === 1 ? one : many}`;
  const withEvidence = evidence !== 'none';
  const written =
    outputFormat === 'parquet' ? [PARQUET_OUTPUT_FILES.mapping, PARQUET_OUTPUT_FILES.profiles, OUTPUT_FILES.rejects, ...(withEvidence ? [OUTPUT_FILES.evidence] : [])]
    : [OUTPUT_FILES.mapping, OUTPUT_FILES.profiles, OUTPUT_FILES.rejects, ...(withEvidence ? [OUTPUT_FILES.evidence, EXPLAIN_INDEX_FILE] : [])];
  const files = [...written, OUTPUT_FILES.changes, OUTPUT_FILES.identity, OUTPUT_FILES.fingerprints, OUTPUT_FILES.resolver, OUTPUT_FILES.report, OUTPUT_FILES.reportHtml, MANIFEST_FILE].join(', ');
  io.stdout(
    `${count(report.recordsIn, 'record', 'records')} in: ${fmt(report.accepted)} accepted, ${fmt(report.rejected)} rejected\n` +
      (report.erased > 0 ? `${fmt(report.erased)} erased records dropped\n` : '') +
      `${count(report.profiles, 'profile', 'profiles')} (reduction ${(report.reductionRatio * 100).toFixed(1)}%) in ${seconds.toFixed(1)} s\n` +
      `outputs in ${path.resolve(options.out)}: ${files}\n`,
  );
  const a = report.accuracy;
  if (a !== undefined) {
    const f = (x: number): string => x.toFixed(4);
    io.stdout(
      `accuracy against ${a.truth}: pairwise precision ${f(a.pairwise.precision)} recall ${f(a.pairwise.recall)} F1 ${f(a.pairwise.f1)}; ` +
        `B-cubed precision ${f(a.bcubed.precision)} recall ${f(a.bcubed.recall)} F1 ${f(a.bcubed.f1)}\n`,
    );
  }
  io.stdout(`the report, as a page: ${path.join(options.out, OUTPUT_FILES.reportHtml)}\n`);
  if (report.rejected > 0) io.stdout(`rejected rows and their reasons: ${path.join(options.out, OUTPUT_FILES.rejects)}\n`);
  return EXIT.ok;
}
