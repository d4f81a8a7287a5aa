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

/** The index of the surviving candidate (`survive`) among one or more. */
export function survivorIndex(rule: SurvivorshipRule, candidates: readonly Candidate[], sourceRank: ReadonlyMap<string, number>): number {
  // Score of candidate i: higher wins; ties go to `newer`.
  let score: (i: number) => number;
  switch (rule) {
    case 'mostRecent':
      score = () => 0;
      break;
    case 'firstValid':
      score = (i) => {
        const t = candidates[i]!.updatedAt;
        return Number.isNaN(t) ? -Number.MAX_VALUE : -t;
      };
      break;
    case 'mostComplete':
      score = (i) => String(candidates[i]!.value).length;
      break;
    case 'sourcePriority':
      score = (i) => -(sourceRank.get(candidates[i]!.source ?? '') ?? Number.MAX_SAFE_INTEGER);
      break;
    case 'mostFrequent': {
      // perf: each value folded once (folding is most of this rule's cost).
      const folded = candidates.map((c) => foldValue(c.value));
      const counts = new Map<string, number>();
      for (const f of folded) counts.set(f, (counts.get(f) ?? 0) + 1);
      score = (i) => counts.get(folded[i]!)!;
      break;
    }
  }
  let best = 0;
  let bestScore = score(0);
  for (let i = 1; i < candidates.length; i++) {
    const s = score(i);
    if (s > bestScore || (s === bestScore && newer(candidates[i]!, candidates[best]!))) {
      best = i;
      bestScore = s;
    }
  }
  return best;
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
