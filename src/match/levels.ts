/**
 * How two values of one kind of evidence compare, from conflict to identity (spec §3, "an agreement level, not a
 * boolean"). `none` means the two cannot be compared (one side has no value).
 */
export const LEVEL = {
  none: -1,
  /** Clearly different: two people. */
  disagree: 0,
  /** Both present but not comparable (different scripts with no table entry). */
  unknown: 1,
  /** Compatible but weak: a lone initial ("J" / "John"), a partial date, a day/month swap or one-digit slip. */
  close: 2,
  /** The same value written differently: a nickname, a transliteration, a typo, a compound surname's part. */
  variant: 3,
  exact: 4,
} as const;
export type Level = (typeof LEVEL)[keyof typeof LEVEL];

export const LEVEL_NAMES: Readonly<Record<Level, string>> = {
  [-1]: 'none',
  0: 'disagree',
  1: 'unknown',
  2: 'close',
  3: 'variant',
  4: 'exact',
};
