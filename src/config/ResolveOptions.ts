import type { JunkOptions, SurvivorshipRule } from '../types.js';

/**
 * Options of `resolve`, `resolveFiles` and `createResolver`. Everything is optional; `withDefaults` fills in
 * the documented defaults (docs/matching-model.md explains each threshold).
 */
export interface ResolveOptions {
  /**
   * ISO 3166-1 alpha-2 region for phone numbers written without a country code; one libphonenumber-js knows.
   * @default 'AE'
   */
  readonly defaultRegion?: string;
  /** Extra junk values and patterns, added to the built-in list. @default none (the built-in list only) */
  readonly junk?: JunkOptions;
  /** Logins are one global namespace or scoped per source system. @default 'global' */
  readonly loginNamespace?: 'global' | 'source';
  /** Guards against over-merging; each is on by default (see `GuardOptions`). */
  readonly guards?: GuardOptions;
  /** Fuzzy evidence; `false` switches it off. @default { emailDomainTypos: true } */
  readonly fuzzy?: false | FuzzyOptions;
  /** How each profile field's value is chosen. @default { default: 'mostRecent' } (names: 'mostFrequent') */
  readonly survivorship?: SurvivorshipOptions;
  /**
   * A data steward's decisions between two records (spec §8; docs/matching-model.md "Overrides"): `never` keeps
   * them in different profiles whatever links them, `always` puts them in one. An override naming a record the
   * run does not have is ignored (counted in `report.overridesUnmatched`); when always-links would join a `never`
   * pair, the never wins (counted in `report.overrideConflicts`). @default none
   */
  readonly overrides?: readonly RecordOverride[];
}

/** What a steward decided about two records. */
export type OverrideRule = 'never' | 'always';

/** One steward override between two record ids (order of the two does not matter). */
export interface RecordOverride {
  readonly recordA: string;
  readonly recordB: string;
  readonly rule: OverrideRule;
}

export interface GuardOptions {
  /**
   * A key shared by too many records or too many distinct other identifiers stops linking.
   * @default { maxRecords: 100, maxDistinctIdentifiers: 20 }
   */
  readonly generic?: false | { readonly maxRecords?: number; readonly maxDistinctIdentifiers?: number };
  /** Kinds of which a profile holds at most one value per namespace. @default { kinds: ['login'] } */
  readonly exclusive?: false | { readonly kinds?: readonly ExclusiveKind[] };
  /**
   * A link through only a phone or email whose sides disagree on the person is refused.
   * @default { kinds: ['phone', 'email'], minNameSimilarity: 0.75 }
   */
  readonly shareable?: false | { readonly kinds?: readonly ('phone' | 'email')[]; readonly minNameSimilarity?: number };
  /** Largest cluster a link may create (`false`: no limit). @default 200 */
  readonly maxClusterSize?: false | number;
}

export type ExclusiveKind = 'login' | 'externalId' | 'handle';

export interface FuzzyOptions {
  /** Let a typo'd major email domain (`gmial.com`) link, with name agreement and no conflict. @default true */
  readonly emailDomainTypos?: boolean;
}

export interface SurvivorshipOptions {
  /** Rule for fields without their own rule. @default 'mostRecent' */
  readonly default?: SurvivorshipRule;
  /**
   * Per field rule, e.g. `{ first_name: 'mostFrequent', city: 'sourcePriority' }`; name fields in either spelling
   * (`firstName` or `first_name`). @default names 'mostFrequent', other fields the default rule
   */
  readonly fields?: Readonly<Record<string, SurvivorshipRule>>;
  /** Sources in priority order, for `sourcePriority` (unlisted sources come last). */
  readonly sourcePriority?: readonly string[];
}

/** Options with every default filled in; what the engine reads. */
export interface ResolvedOptions {
  readonly defaultRegion: string;
  readonly junk: JunkOptions;
  readonly loginNamespace: 'global' | 'source';
  readonly generic: false | { readonly maxRecords: number; readonly maxDistinctIdentifiers: number };
  readonly exclusiveKinds: readonly ExclusiveKind[];
  readonly shareable: false | { readonly kinds: readonly ('phone' | 'email')[]; readonly minNameSimilarity: number };
  readonly maxClusterSize: number;
  readonly fuzzyEmailDomains: boolean;
  readonly survivorship: {
    readonly default: SurvivorshipRule;
    readonly fields: Readonly<Record<string, SurvivorshipRule>>;
    readonly sourcePriority: readonly string[];
  };
}

/** Documented defaults; see docs/matching-model.md for the reasoning behind each number. */
export const DEFAULTS = {
  defaultRegion: 'AE',
  genericMaxRecords: 100,
  genericMaxDistinctIdentifiers: 20,
  minNameSimilarity: 0.75,
  maxClusterSize: 200,
} as const;

/** Fill in defaults. Validation of untrusted input happens before, in `parseResolveOptions`. */
export function withDefaults(options: ResolveOptions = {}): ResolvedOptions {
  const g = options.guards ?? {};
  const generic = g.generic === false ? false : {
    maxRecords: g.generic?.maxRecords ?? DEFAULTS.genericMaxRecords,
    maxDistinctIdentifiers: g.generic?.maxDistinctIdentifiers ?? DEFAULTS.genericMaxDistinctIdentifiers,
  };
  const shareable = g.shareable === false ? false : {
    kinds: g.shareable?.kinds ?? (['phone', 'email'] as const),
    minNameSimilarity: g.shareable?.minNameSimilarity ?? DEFAULTS.minNameSimilarity,
  };
  return {
    defaultRegion: options.defaultRegion ?? DEFAULTS.defaultRegion,
    junk: options.junk ?? {},
    loginNamespace: options.loginNamespace ?? 'global',
    generic,
    exclusiveKinds: g.exclusive === false ? [] : (g.exclusive?.kinds ?? ['login']),
    shareable,
    maxClusterSize: g.maxClusterSize === false ? Number.MAX_SAFE_INTEGER : (g.maxClusterSize ?? DEFAULTS.maxClusterSize),
    fuzzyEmailDomains: options.fuzzy === false ? false : (options.fuzzy?.emailDomainTypos ?? true),
    survivorship: {
      default: options.survivorship?.default ?? 'mostRecent',
      fields: options.survivorship?.fields ?? {},
      sourcePriority: options.survivorship?.sourcePriority ?? [],
    },
  };
}
