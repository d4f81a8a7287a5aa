import { asBuffers, stringAt, type InternedView } from '../_internal/ByteInterner.js';
import { asShared } from '../_internal/shared.js';
import { EvidenceLog, type EvidenceEntries } from '../cluster/EvidenceLog.js';
import type { LinkInput } from '../cluster/LinkInput.js';
import { expectedDecisions, linkPart, type LinkConfig, type LinkPartMarks, type LinkPlan } from '../cluster/linkRecords.js';
import { UnionFind, type UnionFindBuffers } from '../cluster/UnionFind.js';

/**
 * A link input (`cluster/LinkInput`) as plain columns in shared memory, so a part of the link (`cluster/linkParts`)
 * runs in another thread on the same records without a copy. Functions do not cross threads: keys and names go
 * as interned views, group names as strings.
 */
export interface LinkColumns {
  readonly recordCount: number;
  readonly keyCount: number;
  readonly keyStart: Uint32Array;
  readonly keyIds: Int32Array;
  readonly keyKind: Uint8Array;
  readonly keyGroup: Int32Array;
  readonly keyHash: Uint32Array;
  readonly groupExclusive: Uint8Array;
  readonly groupNames: readonly string[];
  readonly recordRank: Uint32Array;
  readonly recordsByRank: Uint32Array;
  readonly firstName: Int32Array;
  readonly lastName: Int32Array;
  readonly attributes: Int32Array;
  readonly weakRecord: Int32Array;
  readonly weakKey: Int32Array;
  readonly keys: InternedView;
  readonly names: InternedView;
}

/** One part of a planned link, for another thread (`runLinkPart`). */
export interface LinkPartTask {
  readonly columns: LinkColumns;
  readonly config: LinkConfig;
  readonly plan: LinkPlan;
  readonly part: number;
  readonly uf: UnionFindBuffers;
  /** One flag per part, set with `Atomics.store` when the part is done: what makes its unions visible to the reader. */
  readonly done: Int32Array;
}

export interface LinkPartResult {
  readonly entries: EvidenceEntries;
  readonly marks: LinkPartMarks;
}

/** `input` as shared columns (`keys`: the interner behind its `keyString`). */
export function linkColumnsOf(input: LinkInput, keys: InternedView): LinkColumns {
  const groupNames: string[] = [];
  for (let g = 0; g < input.groupExclusive.length; g++) groupNames.push(input.groupName(g));
  return {
    recordCount: input.recordCount,
    keyCount: input.keyCount,
    keyStart: asShared(input.keyStart),
    keyIds: asShared(input.keyIds),
    keyKind: asShared(input.keyKind),
    keyGroup: asShared(input.keyGroup),
    keyHash: asShared(input.keyHash),
    groupExclusive: input.groupExclusive.slice(),
    groupNames,
    recordRank: asShared(input.recordRank),
    recordsByRank: asShared(input.recordsByRank),
    firstName: asShared(input.firstName),
    lastName: asShared(input.lastName),
    attributes: asShared(input.attributes),
    weakRecord: asShared(input.weakRecord),
    weakKey: asShared(input.weakKey),
    keys,
    names: input.names,
  };
}

/** Links one part of a plan (in a worker thread, or here) into the shared union-find; its log in shared memory. */
export function runLinkPart(task: LinkPartTask): LinkPartResult {
  const input = linkInputOfColumns(task.columns);
  const evidence = new EvidenceLog(true);
  evidence.reserve(expectedDecisions(task.plan, task.part));
  const marks = linkPart(input, task.config, task.plan, task.part, UnionFind.over(task.uf), evidence);
  Atomics.store(task.done, task.part, 1);
  return { entries: evidence.entries(), marks };
}

/** A part's result received from another thread, its reasons' byte chunks wrapped as Buffers again (no copy). */
export function attachPartResult(r: LinkPartResult): LinkPartResult {
  const why = r.entries.why;
  return { marks: r.marks, entries: { ...r.entries, why: { entry: why.entry, text: { ...why.text, chunks: asBuffers(why.text.chunks) } } } };
}

function linkInputOfColumns(c: LinkColumns): LinkInput {
  const keys: InternedView = { ...c.keys, chunks: asBuffers(c.keys.chunks) };
  const names: InternedView = { ...c.names, chunks: asBuffers(c.names.chunks) };
  return {
    recordCount: c.recordCount,
    keyStart: c.keyStart,
    keyIds: c.keyIds,
    keyCount: c.keyCount,
    keyKind: c.keyKind,
    keyGroup: c.keyGroup,
    groupExclusive: c.groupExclusive,
    groupName: (g) => c.groupNames[g]!,
    keyString: (k) => stringAt(keys, k),
    keyHash: c.keyHash,
    recordRank: c.recordRank,
    recordsByRank: c.recordsByRank,
    firstName: c.firstName,
    lastName: c.lastName,
    attributes: c.attributes,
    names,
    weakRecord: c.weakRecord,
    weakKey: c.weakKey,
  };
}
