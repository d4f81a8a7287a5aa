import path from 'node:path';
import { parseResolveOptions } from '../config/parseResolveOptions.js';
import { withDefaults } from '../config/ResolveOptions.js';
import { IdweaveError } from '../errors.js';
import { checkIdRange, firstSerialOfRange } from '../identity/profileIds.js';
import { manifestFile, readManifest } from '../io/manifest.js';
import { OUTPUT_FILES } from '../io/outputFiles.js';
import { readIdentityFile } from '../io/previousRun.js';
import { erasedOption, resolverOfState, type Resolver, type RestoreOptions } from '../incremental/createResolver.js';
import { checkThreads, readSnapshotThreaded } from './readResolverSnapshot.js';

/**
 * Options of `resolverFromBatch`: the resolver's options (matching must be the batch's), its id range, checks,
 * threads, and `erased`: the tombstones to start with (the batch's `--erased` list, or a newer one).
 */
export interface ResolverFromBatchOptions extends RestoreOptions {
  /**
   * The id range new profiles get ids from (0 … 8191; docs/identity-over-time.md). Default 1: a CRM resolver
   * seeded from last night's batch never hands out an id tonight's batch (range 0) could. Give each writer its
   * own range; pass the batch's own range (0) only when this resolver replaces the batch as the lineage's writer.
   */
  readonly idRange?: number;
}

/**
 * A `Resolver` holding a batch run's partition, profiles and ids (`idweave resolve` output directory): a CRM
 * bootstraps from last night's 20M-record batch instead of adding 20M records one by one. Reads the run's
 * `resolver.ndjson` (streamed, checked like a snapshot) and `identity.json`. The options must match the batch's
 * in everything that decides keys and links (`config_invalid` otherwise).
 *
 * `erased` seeds the resolver's tombstones, so that `add` refuses those ids. A record of the run whose id is in it
 * (erased after the run) is removed, in one step whose events are not reported; new ids come from `idRange`.
 * `overrides` is set on the run's partition, unless `resolver.ndjson` holds the run's own override table.
 *
 * @example
 * const resolver = await resolverFromBatch('out/nightly', { defaultRegion: 'AE' });
 * resolver.add({ id: 'app-9', emails: ['ann@corp.ae'] }); // joins Ann's batch profile, keeps its id
 */
export async function resolverFromBatch(dir: string, options: ResolverFromBatchOptions = {}): Promise<Resolver> {
  const { idRange = 1, verify, erased, threads, ...resolveOptions } = options ?? {};
  const rangeProblem = checkIdRange(idRange);
  if (rangeProblem !== undefined) throw new IdweaveError('config_invalid', `invalid options: ${rangeProblem}`, [rangeProblem]);
  if (verify !== undefined && typeof verify !== 'boolean') throw new IdweaveError('config_invalid', 'invalid options: verify: expected a boolean', ['verify: expected a boolean']);
  const threadCount = checkThreads(threads);
  const erasedIds = erasedOption(erased);
  const parsed = parseResolveOptions(resolveOptions);
  const manifest = await readManifest(dir).catch((e: unknown) => {
    throw new IdweaveError('input_unreadable', `resolverFromBatch ${dir}: ${(e as Error).message}`);
  });
  for (const name of [OUTPUT_FILES.identity, OUTPUT_FILES.resolver]) {
    if (manifestFile(manifest, name) === undefined) throw new IdweaveError('input_invalid', `resolverFromBatch ${dir}: the run has no ${name} (written by an older idweave); run idweave resolve again`);
  }
  const identity = await readIdentityFile(dir, `resolverFromBatch ${dir}`);
  const sizes = { records: identity.records, ...identity.tables };
  const state = await readSnapshotThreaded(path.join(dir, OUTPUT_FILES.resolver), withDefaults(parsed), verify === true, sizes, threadCount);
  // Continue the batch's allocator only in its own range; any other range starts afresh (and never meets it).
  state.nextSerial = idRange === identity.idRange ? Math.max(identity.nextSerial, state.nextSerial) : firstSerialOfRange(idRange);
  state.idRange = idRange;
  return resolverOfState(state, parsed.overrides, erasedIds);
}
