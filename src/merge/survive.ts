import type { SurvivingValue, SurvivorshipRule } from '../types.js';

/** One record's value for a field, with what survivorship rules look at. */
export interface Candidate {
  readonly value: string | number | boolean | null;
  readonly recordId: string;
  readonly source: string | undefined;
  /** Epoch ms of the record's `updatedAt`, NaN when unknown. */
  readonly updatedAt: number;
}

/**
 * Picks the surviving value of one field among a cluster's candidates (empty values already removed).
 * Every rule ends in the same tie-breaks — most recent, then smallest record id — so the choice never depends
 * on input order.
 *
 * - `mostRecent`: the value of the most recently updated record.
 * - `mostFrequent`: the value most records carry (compared case- and space-insensitively).
 * - `sourcePriority`: the value from the highest-priority source (`sourcePriority` order; unlisted last).
 * - `mostComplete`: the longest value.
 * - `firstValid`: the value of the earliest record (first seen).
 */
export function survive(
  rule: SurvivorshipRule,
  candidates: readonly Candidate[],
  sourceRank: ReadonlyMap<string, number>,
): SurvivingValue | undefined {
  if (candidates.length === 0) return undefined;
  const best = candidates[survivorIndex(rule, candidates, sourceRank)]!;
  return best.source === undefined
    ? { value: best.value, recordId: best.recordId, rule }
    : { value: best.value, recordId: best.recordId, source: best.source, rule };
}

/**
 * Whether `rule` looks at the candidates' values; the others choose by update time, source and record id alone,
 * so a caller may leave the values out (`null`) for them.
 */
export function ruleReadsValues(rule: SurvivorshipRule): boolean {
  return rule === 'mostFrequent' || rule === 'mostComplete';
}

/**
 * The index of the surviving candidate (`survive`) among one or more: the first `count` of `candidates` (all of
 * them by default; perf: the batch's profile lines reuse one array of candidates, and no closure is made per call).
 */
export function survivorIndex(rule: SurvivorshipRule, candidates: readonly Candidate[], sourceRank: ReadonlyMap<string, number>, count = candidates.length): number {
  // mostFrequent: each value folded once (folding is most of this rule's cost), then counted.
  let folded: string[] | undefined;
  let counts: Map<string, number> | undefined;
  if (rule === 'mostFrequent') {
    folded = [];
    counts = new Map<string, number>();
    for (let i = 0; i < count; i++) {
      const f = foldValue(candidates[i]!.value);
      folded.push(f);
      counts.set(f, (counts.get(f) ?? 0) + 1);
    }
  }
  let best = 0;
  let bestScore = score(rule, candidates[0]!, sourceRank, counts, folded?.[0]);
  for (let i = 1; i < count; i++) {
    const s = score(rule, candidates[i]!, sourceRank, counts, folded?.[i]);
    if (s > bestScore || (s === bestScore && newer(candidates[i]!, candidates[best]!))) {
      best = i;
      bestScore = s;
    }
  }
  return best;
}

/** A candidate's score under `rule`: higher wins; ties go to `newer`. */
function score(rule: SurvivorshipRule, c: Candidate, sourceRank: ReadonlyMap<string, number>, counts: Map<string, number> | undefined, folded: string | undefined): number {
  switch (rule) {
    case 'mostRecent':
      return 0;
    case 'firstValid':
      return Number.isNaN(c.updatedAt) ? -Number.MAX_VALUE : -c.updatedAt;
    case 'mostComplete':
      return String(c.value).length;
    case 'sourcePriority':
      return -(sourceRank.get(c.source ?? '') ?? Number.MAX_SAFE_INTEGER);
    case 'mostFrequent':
      return counts!.get(folded!)!;
  }
}

/** True when `a` wins a tie against `b`: more recently updated, then smaller record id. */
function newer(a: Candidate, b: Candidate): boolean {
  const ta = Number.isNaN(a.updatedAt) ? -Infinity : a.updatedAt;
  const tb = Number.isNaN(b.updatedAt) ? -Infinity : b.updatedAt;
  if (ta !== tb) return ta > tb;
  return a.recordId < b.recordId;
}

function foldValue(v: Candidate['value']): string {
  return typeof v === 'string' ? v.trim().toLowerCase().replace(/\s+/g, ' ') : String(v);
}
