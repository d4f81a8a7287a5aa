import type { EvidenceEntries, EvidenceLog } from './EvidenceLog.js';
import type { LinkInput } from './LinkInput.js';
import { planLink, type LinkConfig, type LinkPartMarks, type LinkPlan } from './linkRecords.js';

/** The part of a key that proposes no link. */
export const NO_PART = 255;

/**
 * The plan of one link split into up to `parts` parts that can run at once (in other threads), whose logs merge
 * into the log `linkRecords` writes, decision for decision.
 *
 * Why it is exact: records joined by keys that propose links (directly or through other such keys) form
 * components, and every decision is about two clusters of one component, weighed on their records, on keys those
 * records hold and on facts of the link's own key. So a component's decisions do not depend on any other
 * component, and each part links the keys of the components dealt to it, in the one order (`plan.strongOrder`,
 * `plan.weakOrder`), on one shared union-find (disjoint records: no two parts touch one set). Merging the logs
 * by the position of each decision's key in that order gives back the one order.
 *
 * One part when `parts` ≤ 1 or the input has overrides (an `always` pair may join components; overrides are a
 * steward's few pairs, not worth a second scheme). Components are dealt largest first to the lightest part, so a
 * component holding most records costs its own time and no more.
 */
export function planParts(input: LinkInput, config: LinkConfig, parts: number): LinkPlan {
  const plan = planLink(input, config, undefined, parts > 1);
  if (parts <= 1 || input.overrides !== undefined || plan.strongOrder.length + plan.weakOrder.length === 0) return plan;
  const parts8 = Math.min(parts, NO_PART);
  const n = input.recordCount;
  const { memberStart, members, strongOrder, weakOrder } = plan;
  // Union by size, a root holding minus its size (perf: no second array of n entries at 20M records).
  const parent = new Int32Array(n).fill(-1);
  const find = (i: number): number => {
    while (parent[i]! >= 0) {
      const p = parent[i]!;
      if (parent[p]! >= 0) parent[i] = parent[p]!;
      i = p;
    }
    return i;
  };
  const union = (a: number, b: number): void => {
    let ra = find(a);
    let rb = find(b);
    if (ra === rb) return;
    if (parent[ra]! > parent[rb]!) [ra, rb] = [rb, ra];
    parent[ra]! += parent[rb]!;
    parent[rb] = ra;
  };
  for (const k of strongOrder) {
    const first = members[memberStart[k]!]!;
    for (let j = memberStart[k]! + 1; j < memberStart[k + 1]!; j++) union(first, members[j]!);
  }
  // A weak key joins its strong members (the clusters it seeds) and the records that may belong to it.
  const { isGeneric } = plan;
  const weakAnchor = new Map<number, number>();
  for (let w = 0; w < input.weakRecord.length; w++) {
    const k = input.weakKey[w]!;
    if (isGeneric[k] === 1) continue;
    const r = input.weakRecord[w]!;
    const anchor = memberStart[k + 1]! > memberStart[k]! ? members[memberStart[k]!]! : weakAnchor.get(k);
    if (anchor === undefined) weakAnchor.set(k, r);
    else union(anchor, r);
  }

  // Components dealt: large ones first (largest to the lightest part), the rest in record order to the lightest.
  const size = (root: number): number => -parent[root]!;
  const partOfRoot = new Uint8Array(n).fill(NO_PART);
  const load = new Float64Array(parts8);
  const lightest = (): number => {
    let p = 0;
    for (let q = 1; q < parts8; q++) if (load[q]! < load[p]!) p = q;
    return p;
  };
  const deal = (root: number): void => {
    const p = lightest();
    partOfRoot[root] = p;
    load[p]! += size(root);
  };
  const large: number[] = [];
  const bar = Math.max(2, Math.floor(n / (8 * parts8)));
  for (let i = 0; i < n; i++) if (parent[i]! <= -bar) large.push(i);
  large.sort((a, b) => size(b) - size(a) || a - b);
  for (const root of large) deal(root);
  for (let i = 0; i < n; i++) if (parent[i]! <= -2 && partOfRoot[i] === NO_PART) deal(i);

  const keyPart = new Uint8Array(new SharedArrayBuffer(Math.max(1, input.keyCount))).fill(NO_PART);
  for (const k of strongOrder) keyPart[k] = partOfRoot[find(members[memberStart[k]!]!)]!;
  for (const k of weakOrder) {
    const anchor = memberStart[k + 1]! > memberStart[k]! ? members[memberStart[k]!]! : weakAnchor.get(k)!;
    keyPart[k] = partOfRoot[find(anchor)]!;
  }
  return { ...plan, parts: parts8, keyPart };
}

/** One part's log and how it lines up with the one order. */
export interface PartLog {
  readonly entries: EvidenceEntries;
  readonly marks: LinkPartMarks;
}

/**
 * The parts' logs as the one log, into `into`: part 0's generic and override decisions, then each key's decisions
 * by the key's position in the one order (`marks.runs`; a key belongs to one part, so no two runs tie), each
 * part's log read front to back.
 */
export function mergePartLogs(logs: readonly PartLog[], into: EvidenceLog): EvidenceLog {
  for (let i = 1; i < logs.length; i++) {
    if (logs[i]!.marks.prefix !== 0) throw new Error('mergePartLogs: only part 0 logs generic keys and overrides');
  }
  into.reserve(into.length + logs.reduce((n, l) => n + l.entries.length, 0));
  // The reasons' bytes stay where the parts wrote them: the merged log adopts their chunks.
  const readers = logs.map((l) => new LogReader(l.entries, into.adoptReasons(l.entries)));
  const first = readers[0]!;
  for (let i = 0; i < logs[0]!.marks.prefix; i++) first.copy(into);
  const runAt = new Array<number>(logs.length).fill(0);
  for (;;) {
    let best = -1;
    let bestPosition = 0;
    for (let p = 0; p < logs.length; p++) {
      const runs = logs[p]!.marks.runs;
      if (runAt[p]! >= runs.length) continue;
      const position = runs[runAt[p]!]!;
      if (best === -1 || position < bestPosition) {
        best = p;
        bestPosition = position;
      }
    }
    if (best === -1) break;
    const runs = logs[best]!.marks.runs;
    const reader = readers[best]!;
    // Runs of one part in a row, while they come before every other part's next run.
    let next = Infinity;
    for (let p = 0; p < logs.length; p++) {
      const r = logs[p]!.marks.runs;
      if (p !== best && runAt[p]! < r.length && r[runAt[p]!]! < next) next = r[runAt[p]!]!;
    }
    let i = runAt[best]!;
    for (; i < runs.length && runs[i]! < next; i += 2) {
      for (let n = runs[i + 1]!; n > 0; n--) reader.copy(into);
    }
    runAt[best] = i;
  }
  return into;
}

/** Reads one part's entries front to back, its reasons by a cursor (they are kept by ascending entry). */
class LogReader {
  private i = 0;
  private why = 0;
  constructor(
    private readonly e: EvidenceEntries,
    private readonly chunkAt: readonly number[],
  ) {}

  copy(into: EvidenceLog): void {
    const i = this.i++;
    const entry = this.e.why.entry;
    into.copyEntry(this.e, i, this.why < entry.length && entry[this.why] === i ? this.why++ : -1, this.chunkAt);
  }
}
