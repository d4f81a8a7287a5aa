import type { LinkEvidence } from '../types.js';

/** A generic identifier: kept in profiles, but it does not link (too many records or identifiers share it). */
export interface GenericIdentifier {
  /** Readable key, e.g. `phone:+97142345678`. */
  readonly key: string;
  readonly records: number;
  readonly distinctIdentifiers: number;
}

/**
 * How one profile holds together. The same for `Resolver.explainProfile` and `idweave explain --profile`.
 *
 * **Refused** (here and in `RecordsExplanation`) means one thing: a link decision a guard refused (`accepted:
 * false`, any guard but `generic`) between two records that ended in **different profiles** — a link that
 * would have joined them and did not. Not refused: a refusal between two records that ended in one profile
 * anyway (they were joined through other links, so it kept nothing apart), and generic identifiers, which are
 * no decision about two records (they never link) and are listed in `generic` instead.
 */
export interface ProfileExplanation {
  readonly type: 'profile';
  readonly profileId: string;
  /** Its records, sorted. */
  readonly recordIds: readonly string[];
  /** The accepted links joining its records, in decision order (a spanning tree: one fewer than records). */
  readonly links: readonly LinkEvidence[];
  /** Refused links between one of its records and a record of another profile (see the type's comment). */
  readonly refused: readonly LinkEvidence[];
  /** Generic identifiers its records hold (they did not link), sorted by key. */
  readonly generic: readonly GenericIdentifier[];
  /**
   * True when the evidence explained from kept only refusals (a run written with `--evidence refused`) and the
   * profile has several records: `links` is then empty because the accepted links were not kept, not because
   * nothing joins the records. Absent otherwise.
   */
  readonly linksNotKept?: true;
  /** The explanation in words, one line. */
  readonly message: string;
}

/**
 * Why two records are, or are not, in one profile. The same for `Resolver.explain` and
 * `idweave explain --records`. `refused` has the one meaning given on `ProfileExplanation`.
 */
export interface RecordsExplanation {
  readonly type: 'records';
  readonly recordA: string;
  readonly recordB: string;
  readonly linked: boolean;
  /** Profile of each record; absent for an unknown record. */
  readonly profileA?: string;
  readonly profileB?: string;
  /** When linked: the fewest accepted links leading from A to B, each oriented A-side first. */
  readonly path: readonly LinkEvidence[];
  /** When apart: refused links between a record of A's profile and a record of B's profile. */
  readonly refused: readonly LinkEvidence[];
  /** When apart: generic identifiers held by both profiles (they never link), sorted by key. */
  readonly generic: readonly GenericIdentifier[];
  /**
   * True when the records are linked (two records of one profile) but the evidence explained from kept only
   * refusals (`--evidence refused`): `path` is then empty because the accepted links were not kept. Absent
   * otherwise (when apart, refusals and generic identifiers are complete in such a run).
   */
  readonly linksNotKept?: true;
  /** The explanation in words, one line. */
  readonly message: string;
}

export type Explanation = ProfileExplanation | RecordsExplanation;

/** What the evidence given to `explainProfile` / `explainRecords` holds. */
export interface ExplainOptions {
  /**
   * `all` (default): every link decision touching the records. `refused`: the refused ones only (an output
   * written with `--evidence refused`); explanations then say that the accepted links were not kept.
   */
  readonly evidence?: 'all' | 'refused';
}

/** What explaining needs to know of one profile: its records and the generic identifiers they hold. */
export interface ProfileFacts {
  readonly profileId: string;
  /** Its records, any order. */
  readonly recordIds: readonly string[];
  /** Generic identifiers its records hold, any order. */
  readonly generic: readonly GenericIdentifier[];
}
