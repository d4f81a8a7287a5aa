import { EvidenceLog, type EvidenceColumns, type EvidenceEntries } from './EvidenceLog.js';
import type { LinkInput } from './LinkInput.js';
import { planLink, proposesLinks, type LinkConfig, type LinkPartMarks, type LinkPlan } from './linkRecords.js';

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
  const { memberStart, members } = plan;
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
  // Components do not depend on the order of unions: keys in id order (`strongOrder`'s keys, `proposesLinks`)
  // read the member lists front to back; in link order, each key's list was a random read.
  const { isGeneric, weak } = plan;
  const strong = (k: number): boolean => proposesLinks(memberStart, isGeneric, k);
  for (let k = 0; k < input.keyCount; k++) {
    if (!strong(k)) continue;
    const first = members[memberStart[k]!]!;
    for (let j = memberStart[k]! + 1; j < memberStart[k + 1]!; j++) union(first, members[j]!);
  }
  // A weak key joins its strong members (the clusters it seeds) and the records that may belong to it.
  const weakAnchor = (g: number): number => {
    const k = weak.keys[g]!;
    return memberStart[k + 1]! > memberStart[k]! ? members[memberStart[k]!]! : weak.records[weak.start[g]!]!;
  };
  for (let g = 0; g < weak.keys.length; g++) {
    if (isGeneric[weak.keys[g]!] === 1) continue;
    const anchor = weakAnchor(g);
    for (let j = weak.start[g]!; j < weak.start[g + 1]!; j++) union(anchor, weak.records[j]!);
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
  for (let k = 0; k < input.keyCount; k++) if (strong(k)) keyPart[k] = partOfRoot[find(members[memberStart[k]!]!)]!;
  // The weak keys that link (`weakOrder`) are the groups' keys that are not generic.
  for (let g = 0; g < weak.keys.length; g++) {
    if (isGeneric[weak.keys[g]!] === 0) keyPart[weak.keys[g]!] = partOfRoot[find(weakAnchor(g))]!;
  }
  return { ...plan, parts: parts8, keyPart };
}

/** One part's log and how it lines up with the one order. */
export interface PartLog {
  readonly entries: EvidenceEntries;
  readonly marks: LinkPartMarks;
}

/**
 * The parts' logs as the one log: part 0's generic and override decisions, then each key's decisions by the key's
 * position in the one order (`marks.runs`; a key belongs to one part, so no two runs tie), each part's log read
 * front to back.
 *
 * Consumes `logs` (the array is emptied): the merged log is built a column at a time, and each part's copy of a
 * column is dropped once it is merged, so the merge holds at most one column and `COLLECT_BYTES` twice instead of
 * the whole log (perf: ~21 bytes a decision, over 200 MB at 20M rows). `collect` runs after a column once the
 * parts' copies dropped since the last collection reach `COLLECT_BYTES`: a full collection per column cost 78-98 ms
 * of a 2M-row link's 211-242 ms merge, to free columns of ~4 MB. The reasons' bytes stay where the parts wrote them:
 * the merged log adopts their chunks.
 */
export function mergePartLogs(logs: PartLog[], collect?: () => void): EvidenceLog {
  for (let i = 1; i < logs.length; i++) {
    if (logs[i]!.marks.prefix !== 0) throw new Error('mergePartLogs: only part 0 logs generic keys and overrides');
  }
  const parts: { -readonly [K in keyof EvidenceEntries]: EvidenceEntries[K] }[] = logs.map((l) => ({ ...l.entries }));
  const marks = logs.map((l) => l.marks);
  logs.length = 0;
  const total = parts.reduce((n, e) => n + e.length, 0);

  // The part each merged entry comes from.
  const from = new Uint8Array(total);
  let w = marks[0]!.prefix;
  const runAt = new Array<number>(marks.length).fill(0);
  for (;;) {
    let best = -1;
    let bestPosition = 0;
    for (let p = 0; p < marks.length; p++) {
      const runs = marks[p]!.runs;
      if (runAt[p]! >= runs.length) continue;
      const position = runs[runAt[p]!]!;
      if (best === -1 || position < bestPosition) {
        best = p;
        bestPosition = position;
      }
    }
    if (best === -1) break;
    const runs = marks[best]!.runs;
    // Runs of one part in a row, while they come before every other part's next run.
    let next = Infinity;
    for (let p = 0; p < marks.length; p++) {
      const r = marks[p]!.runs;
      if (p !== best && runAt[p]! < r.length && r[runAt[p]!]! < next) next = r[runAt[p]!]!;
    }
    let i = runAt[best]!;
    for (; i < runs.length && runs[i]! < next; i += 2) {
      from.fill(best, w, w + runs[i + 1]!);
      w += runs[i + 1]!;
    }
    runAt[best] = i;
  }
  if (w !== total) throw new Error(`mergePartLogs: the runs cover ${w} of ${total} decisions`);

  const into = new EvidenceLog(true);
  const at = new Int32Array(parts.length);
  const chunkAt = parts.map((e) => into.adoptReasons(e));
  const whyAt = new Int32Array(parts.length);
  for (let i = 0; i < total; i++) {
    const p = from[i]!;
    const j = at[p]!++;
    const entry = parts[p]!.why.entry;
    if (whyAt[p]! < entry.length && entry[whyAt[p]!] === j) into.adoptReason(i, parts[p]!, whyAt[p]!++, chunkAt[p]!);
  }

  let dropped = 0;
  function gather<K extends keyof EvidenceColumns>(name: K): EvidenceColumns[K] {
    const first = parts[0]![name];
    const ctor = first.constructor as { new (buffer: SharedArrayBuffer): EvidenceColumns[K]; readonly BYTES_PER_ELEMENT: number };
    const out = new ctor(new SharedArrayBuffer(total * ctor.BYTES_PER_ELEMENT));
    const columns = parts.map((e) => e[name]);
    at.fill(0);
    for (let i = 0; i < total; i++) {
      const p = from[i]!;
      out[i] = columns[p]![at[p]!++]!;
    }
    columns.length = 0;
    // A fresh empty array: a subarray would keep the part's buffer alive.
    for (const e of parts) e[name] = new ctor(new SharedArrayBuffer(0)) as EvidenceColumns[K] & EvidenceEntries[K];
    dropped += out.byteLength;
    if (dropped >= COLLECT_BYTES) {
      collect?.();
      dropped = 0;
    }
    return out;
  }
  into.adoptColumns({ key: gather('key'), recordA: gather('recordA'), recordB: gather('recordB'), outcome: gather('outcome'), weight: gather('weight'), facts: gather('facts') });
  return into;
}

/** Bytes of the parts' columns dropped by the merge before it asks for a collection (see `mergePartLogs`). */
const COLLECT_BYTES = 32 * 1024 * 1024;
