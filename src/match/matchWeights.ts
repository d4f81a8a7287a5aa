import type { AttributeLevels } from './attributes.js';
import type { NameLevels } from './compareNames.js';
import { KIND } from './createRecordKeyer.js';
import { LEVEL, type Level } from './levels.js';

/**
 * The match weights: how much each piece of evidence says for (positive) or against (negative) two records being
 * one person, in bits (log2 of a likelihood ratio, as in Fellegi–Sunter and Splink). A link through a key of a
 * kind the shareable guard checks (phone, email) or through weak evidence (a typo-corrected email, a phone read
 * as international only because it was invalid at home) is accepted when the sum reaches `LINK_THRESHOLD`.
 * docs/matching-model.md explains each number; this file is the only place they live.
 */
export const WEIGHTS = {
  /** The identifier the link goes through, by kind code (external id, login, handle, email, phone). */
  key: [14, 14, 12, 10, 9] as readonly number[],
  /** A key whose own records name different people (a household phone, an office mailbox) says little. */
  sharedKey: 3,
  /** Weak evidence: a typo-corrected email, a reinterpreted phone. Never enough alone. */
  weakKey: 4,
  /**
   * Per doubling of the distinct people (folded full names) on the key beyond one: the rarer the value, the more
   * it says (Splink's term-frequency adjustment, with names standing in for people).
   */
  perNameDoubling: -1.5,
  first: { [LEVEL.exact]: 4, [LEVEL.variant]: 3, [LEVEL.close]: 1, [LEVEL.unknown]: 0, [LEVEL.disagree]: -10 } as LevelWeights,
  last: { [LEVEL.exact]: 4, [LEVEL.variant]: 3, [LEVEL.close]: 1, [LEVEL.unknown]: 0, [LEVEL.disagree]: -10 } as LevelWeights,
  dateOfBirth: { [LEVEL.exact]: 6, [LEVEL.variant]: 2, [LEVEL.close]: 1, [LEVEL.unknown]: 0, [LEVEL.disagree]: -12 } as LevelWeights,
  postcode: { [LEVEL.exact]: 2, [LEVEL.variant]: 1, [LEVEL.close]: 0, [LEVEL.unknown]: 0, [LEVEL.disagree]: -1.5 } as LevelWeights,
  address: { [LEVEL.exact]: 3, [LEVEL.variant]: 2, [LEVEL.close]: 0, [LEVEL.unknown]: 0, [LEVEL.disagree]: -1.5 } as LevelWeights,
  city: { [LEVEL.exact]: 1, [LEVEL.variant]: 1, [LEVEL.close]: 0, [LEVEL.unknown]: 0, [LEVEL.disagree]: -1.5 } as LevelWeights,
  country: { [LEVEL.exact]: 0.5, [LEVEL.variant]: 0.5, [LEVEL.close]: 0, [LEVEL.unknown]: 0, [LEVEL.disagree]: -2 } as LevelWeights,
  gender: { [LEVEL.exact]: 0.5, [LEVEL.variant]: 0.5, [LEVEL.close]: 0, [LEVEL.unknown]: 0, [LEVEL.disagree]: -2.5 } as LevelWeights,
  /** Each namespace (handle platform, external-id namespace) where the two sides hold different values. */
  conflict: -6,
} as const;

type LevelWeights = Readonly<Record<Exclude<Level, -1>, number>>;

/** A link checked by weights is accepted at this sum or above. */
export const LINK_THRESHOLD = 8;

/** Everything a link decision weighs, gathered by the guard (see `cluster/guards`). */
export interface LinkFacts {
  kind: number;
  /** The key's records name different people. */
  shared: boolean;
  /** Weak evidence (typo-corrected email, reinterpreted phone). */
  weak: boolean;
  /**
   * The key is shared by a household: people on it who differ share a surname or an address. What a household
   * shares then says nothing about which of its people a record is (see `personWeight`).
   */
  household: boolean;
  /** People on the key: the most of its names (from the first 8 distinct) that all disagree with each other. */
  namesOnKey: number;
  /** Weight of the other keys both sides hold (not shared, not generic). */
  corroboration: number;
  /** Namespaces in conflict. */
  conflicts: number;
  readonly names: NameLevels;
  readonly attributes: AttributeLevels;
}

/** The weight of the key a link goes through. */
export function keyWeight(f: LinkFacts): number {
  const base = f.weak ? WEIGHTS.weakKey : f.shared ? WEIGHTS.sharedKey : WEIGHTS.key[f.kind] ?? WEIGHTS.key[KIND.phone]!;
  return base + (f.namesOnKey > 1 ? WEIGHTS.perNameDoubling * Math.log2(f.namesOnKey) : 0);
}

function levelWeight(w: LevelWeights, level: Level): number {
  return level === LEVEL.none ? 0 : w[level];
}

/** The total weight of a link decision. */
export function linkWeight(f: LinkFacts): number {
  return keyWeight(f) + f.corroboration + f.conflicts * WEIGHTS.conflict + personWeight(f.names, f.attributes, f.household);
}

/** The person parts of a weight, in the order evidence lines list them. */
const PERSON_PARTS = ['first_name', 'last_name', 'date_of_birth', 'postcode', 'address', 'city', 'country', 'gender'] as const;

/**
 * Part `i` of `PERSON_PARTS`. Through a household's key (`muted`: the first names do not agree), agreeing on what a
 * household shares (surname, address, postcode, city, country) counts nothing: on its own it says nothing about
 * which of the household a record is ("Ryan Al Sabah" against a nameless record at the family address).
 * Disagreeing always counts against.
 */
function personPart(i: number, n: NameLevels, a: AttributeLevels, muted: boolean): number {
  const shared = (x: number): number => (muted && x > 0 ? 0 : x);
  switch (i) {
    case 0: return levelWeight(WEIGHTS.first, n.first);
    case 1: return shared(levelWeight(WEIGHTS.last, n.last));
    case 2: return levelWeight(WEIGHTS.dateOfBirth, a.dateOfBirth);
    case 3: return shared(levelWeight(WEIGHTS.postcode, a.postcode));
    case 4: return shared(levelWeight(WEIGHTS.address, a.address));
    case 5: return shared(levelWeight(WEIGHTS.city, a.city));
    case 6: return shared(levelWeight(WEIGHTS.country, a.country));
    default: return levelWeight(WEIGHTS.gender, a.gender);
  }
}

/** The weight of two people's names and attributes alone (see `personPart` for a household's key). */
export function personWeight(n: NameLevels, a: AttributeLevels, household = false): number {
  const muted = household && n.first < LEVEL.variant;
  let sum = 0;
  for (let i = 0; i < PERSON_PARTS.length; i++) sum += personPart(i, n, a, muted);
  return sum;
}

/** The non-zero parts of a decision's weight, by evidence name (for evidence lines and `explain`). */
export function weightParts(f: LinkFacts): Record<string, number> {
  const out: Record<string, number> = {};
  const n = weightPartsInto(f, partNames, partValues);
  for (let i = 0; i < n; i++) out[partNames[i]!] = partValues[i]!;
  return out;
}

const partNames: string[] = [];
const partValues: number[] = [];

/**
 * The non-zero parts of a decision's weight, rounded to hundredths, in the order evidence lines list them: their
 * names into `names` and values into `values` from index 0; returns how many. perf: the batch writes evidence lines
 * as bytes (`batch/evidenceJson`) and needs no object per decision.
 */
export function weightPartsInto(f: LinkFacts, names: string[], values: number[]): number {
  let n = putPart(names, values, 0, f.weak ? 'weak_identifier' : f.household ? 'household_identifier' : f.shared ? 'shared_identifier' : 'identifier', keyWeight(f));
  n = putPart(names, values, n, 'other_identifiers', f.corroboration);
  n = putPart(names, values, n, 'conflicting_identifiers', f.conflicts * WEIGHTS.conflict);
  const muted = f.household && f.names.first < LEVEL.variant;
  for (let i = 0; i < PERSON_PARTS.length; i++) n = putPart(names, values, n, PERSON_PARTS[i]!, personPart(i, f.names, f.attributes, muted));
  return n;
}

/** Puts part `name` at index `n` when it is not zero, rounded to hundredths; returns the next index (perf: a function, not a closure made per decision). */
function putPart(names: string[], values: number[], n: number, name: string, w: number): number {
  if (w === 0) return n;
  names[n] = name;
  values[n] = Math.round(w * 100) / 100;
  return n + 1;
}

/**
 * A decision's facts packed into 31 bits for the evidence log (8 bytes a decision with its weight, instead of an
 * object): eight 3-bit levels (level + 1), conflicts (2 bits, capped at 3), shared, weak, the names on the key
 * (3 bits: min(n, 8) - 1) and household (the top bit). The corroboration is what the weight leaves over (`unpackFacts`).
 */
export function packFacts(f: LinkFacts): number {
  const n = f.names;
  const a = f.attributes;
  // perf: shifted one by one, not from an array of the levels (one array per link decision).
  let code = n.first + 1;
  code |= (n.last + 1) << 3;
  code |= (a.dateOfBirth + 1) << 6;
  code |= (a.postcode + 1) << 9;
  code |= (a.address + 1) << 12;
  code |= (a.city + 1) << 15;
  code |= (a.country + 1) << 18;
  code |= (a.gender + 1) << 21;
  code |= Math.min(f.conflicts, 3) << 24;
  if (f.shared) code |= 1 << 26;
  if (f.weak) code |= 1 << 27;
  code |= (Math.min(Math.max(f.namesOnKey, 1), 8) - 1) << 28;
  if (f.household) code |= 1 << 31;
  return code >>> 0;
}

/** The facts of a decision from `packFacts`, its key's kind and its total weight. */
export function unpackFacts(code: number, kind: number, weight: number): LinkFacts {
  const level = (i: number): Level => (((code >>> (3 * i)) & 7) - 1) as Level;
  const f: LinkFacts = {
    kind,
    shared: (code & (1 << 26)) !== 0,
    weak: (code & (1 << 27)) !== 0,
    household: (code & (1 << 31)) !== 0,
    namesOnKey: ((code >>> 28) & 7) + 1,
    corroboration: 0,
    conflicts: (code >>> 24) & 3,
    names: { first: level(0), last: level(1) },
    attributes: { dateOfBirth: level(2), postcode: level(3), address: level(4), city: level(5), country: level(6), gender: level(7) },
  };
  f.corroboration = Math.round((weight - linkWeight(f)) * 100) / 100;
  return f;
}
