import {
  ARABIC_GROUPS, FILIPINO_GROUPS, KNOWN_NAMES, NICKNAME_GROUPS, SOUTH_ASIAN_GROUPS, SPELLING_GROUPS,
} from './givenNameData.js';

/**
 * Given-name knowledge for the name matcher: whether two folded first names (normalizeName) are one name written
 * differently (nickname, diminutive, spelling, transliteration, Arabic script) or two different names.
 *
 * - Variant groups (givenNameData.ts) are not transitive: "chris" is in the christopher group and in the christine
 *   group, and christopher / christine share no group. Two names are variants only when one group holds both.
 * - Known names: every grouped name, plus the most frequent US given names (SSA) and further curated names. Two known
 *   names in no common group are different names, even when spelled close (carl / carol, dana / diana).
 * - A name that is not known says nothing: the matcher falls back to edit distance.
 *
 * "Jorg" (German Jörg) is known and a variant of George, Georg and Jorge (the curated George group).
 *
 * No I/O: the data is a module constant, parsed once on first use into one Map (name → sorted group ids; known
 * names without a group map to an empty array). Lookups allocate nothing.
 */

const NO_GROUPS: readonly number[] = Object.freeze([]);

let index: Map<string, readonly number[]> | undefined;

function buildIndex(): Map<string, readonly number[]> {
  const groups = new Map<string, number[]>();
  let id = 0;
  for (const table of [NICKNAME_GROUPS, SPELLING_GROUPS, ARABIC_GROUPS, SOUTH_ASIAN_GROUPS, FILIPINO_GROUPS]) {
    for (const line of table.split('\n')) {
      if (line.length === 0) continue;
      const gid = id++;
      for (const name of line.split(' ')) {
        if (name.length === 0) continue;
        const list = groups.get(name);
        if (list === undefined) groups.set(name, [gid]);
        else if (list[list.length - 1] !== gid) list.push(gid); // ids grow, so each list stays sorted
      }
    }
  }
  const map = new Map<string, readonly number[]>();
  for (const [name, list] of groups) map.set(name, Object.freeze(list));
  for (const name of KNOWN_NAMES.split(/\s+/)) {
    if (name.length > 0 && !map.has(name)) map.set(name, NO_GROUPS);
  }
  return map;
}

function getIndex(): Map<string, readonly number[]> {
  return index ??= buildIndex();
}

/** Variant groups a folded given name belongs to (empty when none). */
export function givenNameGroups(name: string): readonly number[] {
  return getIndex().get(name) ?? NO_GROUPS;
}

/** True when the name is a known given name (in the known set or in some group). */
export function isKnownGivenName(name: string): boolean {
  return getIndex().has(name);
}

/** True when the two folded names share a variant group. */
export function areNameVariants(a: string, b: string): boolean {
  const m = getIndex();
  const ga = m.get(a);
  if (ga === undefined || ga.length === 0) return false;
  const gb = m.get(b);
  if (gb === undefined || gb.length === 0) return false;
  // Both lists are sorted ascending and short: merge-walk them.
  let i = 0;
  let j = 0;
  while (i < ga.length && j < gb.length) {
    const x = ga[i]!;
    const y = gb[j]!;
    if (x === y) return true;
    if (x < y) i++;
    else j++;
  }
  return false;
}
