/**
 * idweave's public API. Everything exported here is supported; nothing else is.
 */
export type * from './types.js';

export { normalizeEmail } from './normalize/email/normalizeEmail.js';
export { normalizePhone } from './normalize/phone/normalizePhone.js';
export { normalizeLogin } from './normalize/login/normalizeLogin.js';
export { normalizeHandle } from './normalize/social/normalizeHandle.js';
export { normalizeExternalId } from './normalize/externalId/normalizeExternalId.js';
export { createJunkMatcher, defaultJunkMatcher, type JunkMatcher } from './normalize/junk/createJunkMatcher.js';

export type { ResolveOptions, GuardOptions, FuzzyOptions, SurvivorshipOptions, ExclusiveKind, OverrideRule, RecordOverride } from './config/ResolveOptions.js';
export { resolve, type ResolveResult, type ResolveRunOptions } from './resolve.js';
export type { ResolveReport, StageTiming } from './engine/ResolveReport.js';
export {
  resolveFiles,
  type LargeProfile,
  type ResolveFilesOptions,
  type ResolveFilesReport,
  type ResolveProgress,
  type SourceOverlap,
  type TruthAccuracy,
} from './batch/resolveFiles.js';
export type { EvidenceMode } from './io/evidenceMode.js';
export type { ProfileLineage } from './io/profileLineage.js';
export { IdweaveError, isIdweaveError, type IdweaveErrorCode } from './errors.js';
export { parseConfig } from './config/parseConfig.js';
export { recordFromRow, type RecordFromRowResult } from './io/recordFromRow.js';
export type { IdweaveConfig } from './config/configSchema.js';
export {
  createResolver,
  restoreResolver,
  type Resolver,
  type ResolverChangeResult,
  type ResolverRemoveResult,
  type ResolverChanges,
  type ResolverOptions,
  type RestoreOptions,
  type RemoveOptions,
  type ResolverOverrideResult,
  type SnapshotOverride,
  type LookupQuery,
  type ResolverEvent,
  type ResolverEventType,
  type ResolverSnapshot,
  type SnapshotRecord,
} from './incremental/createResolver.js';
export { readResolverSnapshot } from './batch/readResolverSnapshot.js';
export type { ProfileExplanation, RecordsExplanation, GenericIdentifier } from './explain/types.js';
export { resolverFromBatch, type ResolverFromBatchOptions } from './batch/resolverFromBatch.js';
export { readPreviousRun } from './io/previousRun.js';
export { PreviousRun } from './identity/PreviousRun.js';
export { ID_RANGE_SIZE, MAX_ID_RANGE } from './identity/profileIds.js';
