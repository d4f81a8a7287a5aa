import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { ResolvedOptions } from '../config/ResolveOptions.js';
import { IdweaveError } from '../errors.js';
import type { ResolverState, TableSizes } from '../incremental/ResolverState.js';
import { readSnapshotFile } from '../incremental/snapshotStreamRead.js';
import { parseResolveOptions } from '../config/parseResolveOptions.js';
import { withDefaults } from '../config/ResolveOptions.js';
import { erasedOption, resolverOfState, type Resolver, type RestoreOptions } from '../incremental/createResolver.js';
import { BatchPool } from './BatchPool.js';

/** A file smaller than this is decoded in this thread (starting worker threads takes ~50 ms each). */
const MIN_THREADED_BYTES = 16 * 1024 * 1024;

/** Checks a `threads` option (undefined: the default). */
export function checkThreads(threads: unknown): number | undefined {
  if (threads === undefined) return undefined;
  if (typeof threads === 'number' && Number.isInteger(threads) && threads >= 0) return threads;
  throw new IdweaveError('config_invalid', 'invalid options: threads: expected an integer ≥ 0', ['threads: expected an integer ≥ 0']);
}

/**
 * `readSnapshotFile` with the lines decoded by `threads` worker threads (default: one per core, none for a file
 * under 16 MiB; never more than the cores) while this thread restores: `readResolverSnapshot` and
 * `resolverFromBatch`. The threads stop when the file is read, whatever happened.
 */
export async function readSnapshotThreaded(path: string, options: ResolvedOptions, verify: boolean, sizes: TableSizes, threads: number | undefined): Promise<ResolverState> {
  const bytes = await stat(path).then((st) => st.size, () => 0);
  const cores = availableParallelism();
  const pool = new BatchPool(undefined, Math.min(threads ?? (bytes < MIN_THREADED_BYTES ? 0 : cores), cores));
  try {
    return await readSnapshotFile(path, options, verify, sizes, pool.lineDecoder());
  } finally {
    await pool.close();
  }
}

/**
 * Restores a resolver from a file written by `Resolver.writeSnapshot`, reading it line by line (memory follows the
 * records, never one giant string) and giving the event loop a turn every ~10 ms. The same guarantees and checks as
 * `restoreResolver`, plus the stream's own: the lines' order, the end line's counts and a SHA-256 of the whole
 * file, so a truncated, damaged or edited file rejects with `IdweaveError('snapshot_invalid')` naming the line;
 * a file that cannot be read rejects with `input_unreadable`; other matching options with `config_invalid`.
 *
 * @example
 * await resolver.writeSnapshot('/var/lib/crm/resolver.snapshot');
 * const restored = await readResolverSnapshot('/var/lib/crm/resolver.snapshot', { defaultRegion: 'AE' });
 */
export async function readResolverSnapshot(path: string, options: RestoreOptions = {}): Promise<Resolver> {
  const { verify, erased, threads, ...resolveOptions } = options ?? {};
  if (verify !== undefined && typeof verify !== 'boolean') throw new IdweaveError('config_invalid', 'invalid options: verify: expected a boolean', ['verify: expected a boolean']);
  if (typeof path !== 'string' || path === '') throw new IdweaveError('usage', 'readResolverSnapshot: expected the path of a snapshot file');
  const erasedIds = erasedOption(erased);
  const parsed = parseResolveOptions(resolveOptions);
  const threadCount = checkThreads(threads);
  return resolverOfState(await readSnapshotThreaded(path, withDefaults(parsed), verify === true, {}, threadCount), parsed.overrides, erasedIds);
}
