import type { IdentifierKind, JunkOptions } from '../../types.js';

/** A compiled junk list: built once from the built-in list plus user options, then used on every value. */
export interface JunkMatcher {
  /** True when the canonical value of this kind is a placeholder that must never link records. */
  isJunk(kind: IdentifierKind, canonical: string): boolean;
}

/** STUB — to be implemented (built-in list + patterns, extended by options). */
export function createJunkMatcher(_options?: JunkOptions): JunkMatcher {
  return { isJunk: () => false };
}

/** The built-in list with no extensions; the default for every normalizer. */
export const defaultJunkMatcher: JunkMatcher = createJunkMatcher();
