import type { GuardName, IdentifierKind } from '../types.js';

/** Timing of one pipeline stage. */
export interface StageTiming {
  readonly stage: string;
  readonly seconds: number;
  readonly recordsPerSecond: number;
}

/** What a resolution did, in numbers (spec §5 `report.json`). */
export interface ResolveReport {
  readonly recordsIn: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly profiles: number;
  /** 1 - profiles / accepted: the share of records that were duplicates. */
  readonly reductionRatio: number;
  /** Cluster size → number of profiles of that size (sizes above 10 grouped by power of two, e.g. `"11-16"`). */
  readonly clusterSizeHistogram: Readonly<Record<string, number>>;
  /**
   * Per kind: identifier values that were normalized and became linking keys (a value repeated within one record
   * counts once; typo corrections and inferred phone readings are not counted again).
   */
  readonly validIdentifiers: Readonly<Partial<Record<IdentifierKind, number>>>;
  /** Per kind, per reason: identifier values that could not be normalized. */
  readonly invalidIdentifiers: Readonly<Partial<Record<IdentifierKind, Readonly<Record<string, number>>>>>;
  /** Per kind: placeholder values dropped as junk. */
  readonly junkIdentifiers: Readonly<Partial<Record<IdentifierKind, number>>>;
  /** Keys that stopped linking because too many records or identifiers share them (largest first, capped). */
  readonly genericIdentifiers: readonly { readonly key: string; readonly records: number; readonly distinctIdentifiers: number }[];
  readonly genericIdentifierCount: number;
  /** Per kind: how many distinct identifiers were generic (all of them, not only those listed). */
  readonly genericIdentifiersByKind: Readonly<Partial<Record<IdentifierKind, number>>>;
  readonly linksAccepted: number;
  /** Links refused, per guard. */
  readonly linksRefused: Readonly<Partial<Record<GuardName, number>>>;
  /** Accepted records whose `updatedAt` was not an ISO-8601 date (kept, without the timestamp). */
  readonly invalidUpdatedAt: number;
  readonly stages: readonly StageTiming[];
  readonly peakRssBytes?: number;
}
