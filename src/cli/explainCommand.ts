import { IdweaveError } from '../errors.js';
import type { CliIo } from './CliIo.js';
import { EXIT } from './exitCodeOf.js';
import { explainFromDir, formatExplanation } from './explain.js';

/** Flags of `idweave explain`. */
export interface ExplainCommandOptions {
  readonly profile?: string;
  readonly records?: readonly string[];
  readonly json?: boolean;
}

/** `idweave explain <dir> (--profile <id> | --records <a> <b>) [--json]`. Returns the exit code. */
export async function explainCommand(dir: string, options: ExplainCommandOptions, io: CliIo): Promise<number> {
  const hasProfile = options.profile !== undefined;
  const hasRecords = options.records !== undefined;
  if (hasProfile === hasRecords) throw new IdweaveError('usage', 'explain: give exactly one of --profile <id> or --records <a> <b>');
  if (hasRecords && options.records!.length !== 2) throw new IdweaveError('usage', `explain: --records takes two record ids, got ${options.records!.length}`);
  const query = hasProfile ? { profile: options.profile! } : { records: [options.records![0]!, options.records![1]!] as const };
  const explanation = await explainFromDir(dir, query);
  io.stdout(options.json ? `${JSON.stringify(explanation, null, 2)}\n` : formatExplanation(explanation));
  return EXIT.ok;
}
