/**
 * The shared vocabulary of idweave: records, identifiers, normalization results, links and profiles.
 * Every stage imports from here; this file imports nothing.
 */

/** Kinds of strong identifiers. Names are evidence only and are never an identifier on their own. */
export type IdentifierKind = 'email' | 'phone' | 'login' | 'handle' | 'externalId';

/** Social platforms with a column of their own (spec §1). `x` is an alias of `twitter`. */
export type Platform =
  | 'instagram'
  | 'twitter'
  | 'facebook'
  | 'tiktok'
  | 'snapchat'
  | 'linkedin'
  | 'youtube'
  | 'telegram'
  | 'whatsapp';

/** Why a value could not be normalized (closed vocabulary, reported by kind). */
export type NormalizeFailureReason =
  | 'empty'
  | 'too_long'
  | 'junk_value'
  | 'invalid_email'
  | 'invalid_phone'
  | 'placeholder_phone'
  | 'invalid_login'
  | 'invalid_handle'
  | 'unknown_platform'
  | 'invalid_external_id';

/** A failed normalization: never thrown, always returned. */
export interface NormalizeFailure {
  readonly ok: false;
  readonly reason: NormalizeFailureReason;
  /** Human readable detail, e.g. `missing "@"` or `repeated digits`. */
  readonly detail?: string;
}

export interface EmailValue {
  readonly ok: true;
  /** Canonical form used as the matching key, e.g. `johndoe@gmail.com`. */
  readonly value: string;
  /** The input as given (untrimmed). */
  readonly raw: string;
  /** Canonical domain (after aliasing, e.g. googlemail.com → gmail.com). */
  readonly domain: string;
  /**
   * Set when the domain is one or two edits from a major provider (`gmial.com` → `gmail.com`).
   * The value itself is NOT corrected; `suggested` is the canonical address under the provider's rules,
   * usable only as weaker evidence.
   */
  readonly typoOf?: string;
  readonly suggested?: string;
}
export type NormalizeEmailResult = EmailValue | NormalizeFailure;

export interface PhoneValue {
  readonly ok: true;
  /** E.164, e.g. `+971501234567`. */
  readonly value: string;
  readonly raw: string;
  /** ISO 3166-1 alpha-2 region of the number when known, e.g. `AE`. */
  readonly country?: string;
  /**
   * Read as international without a `+` or `00` because it was invalid in the default region (`971501234567` in
   * region AE → `+971501234567`; `4936202565` in region US → `+4936202565`, DE). Absent otherwise.
   */
  readonly inferredCountry?: true;
}
export type NormalizePhoneResult = PhoneValue | NormalizeFailure;

export interface LoginValue {
  readonly ok: true;
  readonly value: string;
  readonly raw: string;
}
export type NormalizeLoginResult = LoginValue | NormalizeFailure;

export interface HandleValue {
  readonly ok: true;
  /** Platform-scoped key, e.g. `instagram:foo.bar`; for whatsapp the handle is an E.164 phone. */
  readonly value: string;
  readonly raw: string;
  readonly platform: Platform;
  /** The handle alone, e.g. `foo.bar`. */
  readonly handle: string;
}
export type NormalizeHandleResult = HandleValue | NormalizeFailure;

export interface ExternalIdValue {
  readonly ok: true;
  /** Namespace-scoped key, e.g. `loyalty:AB123`. */
  readonly value: string;
  readonly raw: string;
  readonly namespace: string;
  readonly id: string;
}
export type NormalizeExternalIdResult = ExternalIdValue | NormalizeFailure;

/** Extra placeholder values, added to the built-in junk list (spec §2, "Junk"). */
export interface JunkOptions {
  /** Exact canonical values to treat as junk, per kind (`email`, `phone`, `login`, `handle`, `externalId`, or `any`). */
  readonly values?: Partial<Record<IdentifierKind | 'any', readonly string[]>>;
  /** Regular expression sources tested against the canonical value, per kind. */
  readonly patterns?: Partial<Record<IdentifierKind | 'any', readonly string[]>>;
}

/** One customer row from one source system, as the library receives it (spec §1). */
export interface CustomerRecord {
  readonly id: string;
  readonly source?: string;
  /** ISO-8601 time of last change. */
  readonly updatedAt?: string;
  readonly emails?: readonly string[];
  readonly phones?: readonly string[];
  readonly logins?: readonly string[];
  readonly handles?: readonly { readonly platform: string; readonly handle: string }[];
  readonly externalIds?: readonly { readonly namespace: string; readonly value: string }[];
  readonly firstName?: string;
  readonly lastName?: string;
  readonly fullName?: string;
  /**
   * Evidence attributes (spec §1): they corroborate or contradict a link, never link on their own. Carried into
   * the golden profile like names. A date of birth may be partial (`1984`, `1984-03`) or written day first
   * (`07/03/1984`).
   */
  readonly dateOfBirth?: string;
  readonly gender?: string;
  readonly address?: string;
  readonly city?: string;
  readonly postcode?: string;
  readonly country?: string;
  /** Anything else; carried into the golden profile by survivorship. */
  readonly attributes?: Readonly<Record<string, string | number | boolean | null>>;
}

/** What is wrong with a row or record, as a closed vocabulary (reject lines carry both the code and the text). */
export type RecordIssueCode =
  /** No id, or an empty one. */
  | 'missing_id'
  /** An id that cannot be kept exactly (a rounded number, control characters, lone surrogates, too long). */
  | 'invalid_id'
  /** An id seen before in the run (the first occurrence wins). */
  | 'duplicate_id'
  /** A field of the wrong type (`emails: 5`). */
  | 'invalid_type'
  /** A field the library's record shape does not have (files make unknown columns attributes instead). */
  | 'unknown_field'
  /** More values of one identifier kind than a record may hold. */
  | 'too_many_values'
  /** A value longer than its limit. */
  | 'too_long'
  /** A JSON value nested deeper than the limit. */
  | 'too_deep'
  /** The row itself could not be read (bad quotes, wrong field count, invalid UTF-8, not JSON). */
  | 'unreadable_row';

/** One problem, where it is (`emails[3]`, `attributes.note`, '' for the record or row) and what it is. */
export interface RecordIssue {
  readonly code: RecordIssueCode;
  readonly path: string;
  readonly message: string;
}

/** A rejected input: the whole record could not be accepted. */
export interface Reject {
  /** 1-based data row (CSV: header is row 0; NDJSON: line number) or array index + 1 in the library. */
  readonly row: number;
  readonly file?: string;
  readonly input: unknown;
  /** One text per issue (`path: message`): the contract of rejects.ndjson. */
  readonly reasons: readonly string[];
  /** The same problems, structured. */
  readonly issues: readonly RecordIssue[];
}

/**
 * Guards against over-merging (spec §3). Each can be switched off. `override`: a steward's `never` override
 * (spec §8; option `overrides`), or an `always` override refused because it contradicts one.
 */
export type GuardName = 'junk' | 'generic' | 'exclusive' | 'shareable' | 'maxClusterSize' | 'fuzzy' | 'override';

/** What joined (or failed to join) two records. */
export interface LinkEvidence {
  readonly recordA: string;
  readonly recordB: string;
  /** `override`: a decision on a steward's `always` override pair, not on an identifier (key `override:always`). */
  readonly kind: IdentifierKind | 'fuzzyEmail' | 'override';
  /** Canonical key, e.g. `email:john@gmail.com`; `override:always` for an `always` override. */
  readonly key: string;
  readonly accepted: boolean;
  /** When refused: which guard, and why in words (for an `always` override, also when accepted: the pair). */
  readonly guard?: GuardName;
  readonly why?: string;
  /**
   * The match weight of the decision (spec §3; docs/matching-model.md), when one was computed: the link was
   * accepted, or refused on its weight. Absent for refusals that are not weighed (generic, exclusive, maximum
   * cluster size).
   */
  readonly weight?: number;
  /** The weight's non-zero parts by evidence (`identifier`, `first_name`, `date_of_birth`, …). */
  readonly parts?: Readonly<Record<string, number>>;
}

/** A value that survived for one field of a golden profile, with its lineage. */
export interface SurvivingValue {
  readonly value: string | number | boolean | null;
  readonly recordId: string;
  readonly source?: string;
  readonly rule: SurvivorshipRule;
}

export type SurvivorshipRule = 'mostRecent' | 'mostFrequent' | 'sourcePriority' | 'mostComplete' | 'firstValid';

export interface ProfileIdentifier {
  readonly kind: IdentifierKind;
  /** Canonical key without kind prefix, e.g. `john@gmail.com`, `+971501234567`, `instagram:foo`, `loyalty:123`. */
  readonly value: string;
  /** Number of records carrying it. */
  readonly records: number;
  readonly sources: readonly string[];
}

/** One real customer: the merge of a cluster of records. */
export interface GoldenProfile {
  readonly profileId: string;
  readonly recordIds: readonly string[];
  readonly sources: readonly string[];
  readonly firstSeen?: string;
  readonly lastSeen?: string;
  readonly identifiers: readonly ProfileIdentifier[];
  /** Survivors for `firstName`, `lastName`, `fullName` and every attribute. */
  readonly fields: Readonly<Record<string, SurvivingValue>>;
}
