import type { ResolveOptions } from '../config/ResolveOptions.js';
import type { CustomerRecord, GoldenProfile, LinkEvidence } from '../types.js';
import type { ResolveReport } from './ResolveReport.js';

/** Outcome of adding one record to a batch. */
export type AddResult = { readonly ok: true; readonly index: number } | { readonly ok: false; readonly reasons: readonly string[] };

/**
 * STUB (the lead is writing it): the engine behind `resolve` and `resolveFiles`. Records are added one by one
 * (shape already validated), then `link()` clusters them once, then mapping, profiles and evidence are read out.
 * No I/O here.
 */
export class ResolutionBatch {
  constructor(_options: ResolveOptions = {}) {}
  /** Normalize, intern and keep one record; a duplicate id or a record that fails checks is refused with reasons. */
  add(_record: CustomerRecord): AddResult {
    throw new Error('not implemented');
  }
  /** Number of accepted records so far. */
  get size(): number {
    return 0;
  }
  /** Run the guards and the ordered linking. Call once, after the last `add`. */
  link(): void {}
  /** `[recordId, profileId]` for every accepted record, in the order they were added. */
  *mapping(): IterableIterator<readonly [string, string]> {}
  /** Golden profiles, ordered by profile id. */
  *profiles(): IterableIterator<GoldenProfile> {}
  /** Every accepted and refused link. */
  *evidence(): IterableIterator<LinkEvidence> {}
  /** Counts so far; stage timings and RSS are added by the caller. */
  report(): Omit<ResolveReport, 'stages' | 'peakRssBytes' | 'recordsIn' | 'rejected'> {
    throw new Error('not implemented');
  }
}
