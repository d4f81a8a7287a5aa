import { parseResolveOptions } from './config/parseResolveOptions.js';
import type { ResolveOptions } from './config/ResolveOptions.js';
import type { GoldenProfile, LinkEvidence, Reject } from './types.js';
import { issueText } from './accept/RecordIssue.js';
import { acceptLibraryRecord } from './accept/customerRecordSchema.js';
import { ResolutionBatch } from './engine/ResolutionBatch.js';
import { PreviousRun } from './identity/PreviousRun.js';
import type { ResolverEvent } from './identity/succession.js';
import { IdweaveError } from './errors.js';
import { getOwn } from './_internal/ownField.js';

/** Options of `resolve`: the matching options, and identity over time (docs/identity-over-time.md). */
export interface ResolveRunOptions extends ResolveOptions {
  /**
   * The run this one continues: profile ids carry over by succession (a profile that only grew keeps its id; on
   * a merge the oldest id survives; on a split the largest part keeps it). A previous `resolve()` result's
   * `run`, or `readPreviousRun(dir)` of a batch output.
   */
  readonly previous?: PreviousRun;
  /** Record ids erased for good: dropped even when present in `records`, counted in `report.erased`. */
  readonly erased?: Iterable<string>;
}
import type { ResolveReport, StageTiming } from './engine/ResolveReport.js';

/** What `resolve` returns. Every input record is in `mapping` or in `rejects`, never both, never neither. */
export interface ResolveResult {
  readonly profiles: readonly GoldenProfile[];
  /** Record id → profile id, for every accepted record. */
  readonly mapping: ReadonlyMap<string, string>;
  readonly rejects: readonly Reject[];
  readonly report: ResolveReport;
  /** Every accepted and refused link, for `explain`. */
  readonly evidence: readonly LinkEvidence[];
  /** Profile events relative to `previous` (every profile `created` without one). */
  readonly changes: readonly ResolverEvent[];
  /** This run as the `previous` of the next one. */
  readonly run: PreviousRun;
}

/**
 * Resolves an in-memory batch of customer records into golden profiles (spec §3–§4).
 * Invalid records (no id, duplicate id, wrong types) are returned in `rejects` with their reasons; nothing throws
 * on bad data. The same records in any order give the same profiles and ids. Invalid options throw an
 * `IdweaveError` (`config_invalid`) listing every problem, before any record is read.
 *
 * For in-memory batches: `mapping` is one `Map`, which V8 caps at 2^24 (16.7M) entries. Beyond ~10M records use
 * `resolveFiles`, which streams the mapping to disk.
 *
 * @example
 * const { profiles, mapping } = resolve([
 *   { id: 'app-1', source: 'share-app', emails: ['John.Doe+promo@gmail.com'], firstName: 'John' },
 *   { id: 'pos-7', source: 'pos', emails: ['johndoe@googlemail.com'], phones: ['050 123 4567'] },
 * ]);
 * mapping.get('app-1') === mapping.get('pos-7'); // true: one customer
 */
export function resolve(records: Iterable<unknown>, options: ResolveRunOptions = {}): ResolveResult {
  const t0 = performance.now();
  const { previous, erased, ...matching } = options ?? {};
  if (previous !== undefined && !(previous instanceof PreviousRun)) {
    throw new IdweaveError('config_invalid', 'invalid options: previous: expected a PreviousRun (a resolve() result\'s run, or readPreviousRun(dir))', ['previous: expected a PreviousRun']);
  }
  if (erased !== undefined && (typeof erased !== 'object' || erased === null || typeof (erased as Iterable<string>)[Symbol.iterator] !== 'function')) {
    throw new IdweaveError('config_invalid', 'invalid options: erased: expected an iterable of record ids', ['erased: expected an iterable of record ids']);
  }
  const batch = new ResolutionBatch(parseResolveOptions(matching), { previous, erased: erased === undefined ? undefined : [...erased].filter((id): id is string => typeof id === 'string') });
  const rejects: Reject[] = [];
  let row = 0;
  let invalidUpdatedAt = 0;
  for (const input of records) {
    row++;
    const accepted = acceptLibraryRecord(input);
    if (!accepted.ok) {
      // An erased record leaves no trace, not even as a reject.
      // Own field only: an inherited `id` (or a getter on a prototype) is not the record's.
      const id = input !== null && typeof input === 'object' && !Array.isArray(input) ? getOwn(input as Record<string, unknown>, 'id') : undefined;
      if (typeof id === 'string' && batch.isErased(id)) {
        batch.erasedCount++;
        continue;
      }
      rejects.push({ row, input, reasons: accepted.issues.map(issueText), issues: accepted.issues });
      continue;
    }
    if (accepted.invalidUpdatedAt) invalidUpdatedAt++;
    const added = batch.add(accepted.record);
    if (!added.ok && added.erased) continue;
    if (!added.ok) rejects.push({ row, input, reasons: added.issues.map(issueText), issues: added.issues });
  }
  const t1 = performance.now();
  batch.link();
  const t2 = performance.now();
  const profiles = [...batch.profiles()];
  const mapping = new Map(batch.mapping());
  const t3 = performance.now();
  const stage = (name: string, ms: number, count: number): StageTiming => ({
    stage: name,
    seconds: ms / 1000,
    recordsPerSecond: ms > 0 ? Math.round(count / (ms / 1000)) : 0,
  });
  const report: ResolveReport = {
    recordsIn: row,
    rejected: rejects.length,
    invalidUpdatedAt,
    ...batch.report(),
    stages: [stage('normalize', t1 - t0, row), stage('link', t2 - t1, batch.size), stage('merge', t3 - t2, batch.size)],
  };
  return { profiles, mapping, rejects, report, evidence: [...batch.evidence()], changes: [...batch.changes()], run: batch.asPreviousRun() };
}
