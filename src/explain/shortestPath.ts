import type { LinkEvidence } from '../types.js';

/**
 * Breadth-first search over links: the fewest links from `from` to `to`, each oriented from the `from` side
 * (`recordA` is the record reached first). Empty when `from === to` or when no chain of links joins them.
 * Accepted links of one profile form a spanning tree, so there the path is the only one.
 */
export function shortestPath(links: readonly LinkEvidence[], from: string, to: string): LinkEvidence[] {
  if (from === to) return [];
  const adjacent = new Map<string, LinkEvidence[]>();
  for (const l of links) {
    for (const end of [l.recordA, l.recordB]) {
      const list = adjacent.get(end);
      if (list) list.push(l);
      else adjacent.set(end, [l]);
    }
  }
  const via = new Map<string, LinkEvidence | null>([[from, null]]);
  const queue = [from];
  for (let i = 0; i < queue.length && !via.has(to); i++) {
    const at = queue[i]!;
    for (const l of adjacent.get(at) ?? []) {
      const next = l.recordA === at ? l.recordB : l.recordA;
      if (via.has(next)) continue;
      via.set(next, l);
      queue.push(next);
    }
  }
  if (!via.has(to)) return [];
  const path: LinkEvidence[] = [];
  for (let at = to; at !== from; ) {
    const step = via.get(at)!;
    const prev = step.recordA === at ? step.recordB : step.recordA;
    path.push(step.recordA === prev ? step : { ...step, recordA: prev, recordB: at });
    at = prev;
  }
  return path.reverse();
}
