import { Command, CommanderError } from 'commander';
import { isIdweaveError } from '../errors.js';
import { VERSION } from '../version.js';
import type { CliIo } from './CliIo.js';
import { EXIT, exitCodeOf } from './exitCodeOf.js';
import type { ExplainCommandOptions } from './explainCommand.js';
import type { ResolveCommandOptions } from './resolveCommand.js';

/**
 * Runs the `idweave` command line (spec §5) and returns its exit code: 0 success, 1 bad input file or I/O
 * failure, 2 usage or config error. Expected errors print one message, never a stack; an unexpected error
 * prints its stack only with `IDWEAVE_DEBUG=1`.
 *
 * @example
 * process.exitCode = await runCli(['resolve', 'in.csv', '--out', 'out'], processIo());
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command('idweave')
    .description('Customer identity resolution: match and merge customer records into golden profiles.')
    .version(VERSION, '-V, --version', 'print the version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run with --help for usage)');

  program
    .command('resolve')
    .description('resolve CSV / NDJSON (optionally .gz) and Parquet inputs into profiles, written into --out')
    .argument('<inputs...>', 'input files: .csv, .ndjson, .jsonl (optionally .gz), .parquet; - reads standard input (with --input-format)')
    .requiredOption('--out <dir>', 'output directory (created if missing)')
    .option('--config <file>', 'JSON config file (columns, external ids, guards, junk, survivorship)')
    .option('--default-region <XX>', 'region for phone numbers without a country code (default AE)')
    .option('--no-progress', 'no progress bar on stderr')
    .option('--input-format <format>', 'format of standard input (-): csv or ndjson, gzipped or not (files are read by their extension)')
    .option('--output-format <format>', 'ndjson (default: mapping.csv, profiles.ndjson) or parquet (mapping.parquet, profiles.parquet; idweave explain then needs an ndjson run)')
    .option(
      '--evidence <mode>',
      'link decisions kept in evidence.ndjson: all (default; idweave explain shows how records are joined), refused (only refusals: ' +
        'why records were not merged; explain then says the joining links were not kept) or none (no evidence.ndjson, no explain.idx)',
    )
    .option(
      '--lineage <mode>',
      'lineage of each surviving field in profiles.ndjson: full (default: value, record_id, source, rule) or compact ' +
        '(value and record_id; the rules are the run\'s survivorship, written once in report.json)',
    )
    .option('--delimiter <c>', 'CSV cell separator: "," ";" "tab" or "auto" (default auto: from each file\'s header row)')
    .option('--threads <n>', 'worker threads reading and normalizing rows (default: one per CPU core, and at most that; 0: none)')
    .option('--previous <dir>', 'a previous run\'s output directory: profile ids carry over, changes.ndjson says what changed (may be --out itself)')
    .option('--overrides <file>', 'steward overrides, CSV with header record_a,record_b,rule (rule never or always)')
    .option('--erased <file>', 'record ids erased for good (one per line, or a CSV with a record_id column): dropped from every output')
    .option('--truth <file>', 'score the run against a truth CSV (record_id,person_id): pairwise and B-cubed precision, recall, F1 in report.json and report.html')
    .option(
      '--csv-safe',
      'escape CSV cells that start with = + - @ tab or CR (a spreadsheet would run them as formulas) by prefixing \' ' +
        '(OWASP CSV injection); such ids then no longer join with their source system, so off by default: use it when ' +
        'people open mapping.csv in Excel or similar (docs/security.md)',
    )
    .exitOverride()
    .action(async (inputs: string[], options: ResolveCommandOptions) => {
      // perf: commands load on use, so --help and --version start without the engine, zod and the normalizers.
      const { resolveCommand } = await import('./resolveCommand.js');
      code = await resolveCommand(inputs, options, io);
    });

  program
    .command('explain')
    .description('explain a profile, or why two records are (or are not) together, from a resolve output directory')
    .argument('<dir>', 'the --out directory of idweave resolve')
    .option('--profile <id>', 'a profile id')
    .option('--records <ids...>', 'two record ids')
    .option('--json', 'print JSON')
    .exitOverride()
    .action(async (dir: string, options: ExplainCommandOptions) => {
      const { explainCommand } = await import('./explainCommand.js');
      code = await explainCommand(dir, options, io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usageOrConfig; // commander printed it
    if (isIdweaveError(error)) {
      io.stderr(`idweave: ${error.message}\n`);
      return exitCodeOf(error);
    }
    const e = error as Error;
    io.stderr(`idweave: unexpected error: ${e?.message ?? String(error)}\n`);
    io.stderr(io.env.IDWEAVE_DEBUG === '1' ? `${e?.stack ?? ''}\n` : 'set IDWEAVE_DEBUG=1 to see the stack trace\n');
    return EXIT.inputOrIo;
  }
}
