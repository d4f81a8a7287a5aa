import path from 'node:path';
import { IdweaveError } from '../errors.js';
import { manifestFile, readManifest } from '../io/manifest.js';
import { fromEvidenceJson, OUTPUT_FILES } from '../io/outputFiles.js';
import { readRowBatches } from '../io/readRows.js';
import type { LinkEvidence } from '../types.js';

/** What to explain: one profile, or why two records are (or are not) together. */
export type ExplainQuery = { readonly profile: string } | { readonly records: readonly [string, string] };

/** The explanation of a profile: its records and the links decided inside it or at its edge. */
export interface ProfileExplanation {
  readonly type: 'profile';
  readonly profileId: string;
  readonly recordIds: readonly string[];
  /** Accepted links between its records. */
  readonly links: readonly LinkEvidence[];
  /** Refused links touching its records. */
  readonly refused: readonly LinkEvidence[];
}

/** Why two records are (or are not) in one profile. */
export type RecordsExplanation =
  | { readonly type: 'records'; readonly linked: true; readonly recordA: string; readonly recordB: string; readonly profileId: string; readonly path: readonly LinkEvidence[] }
  | {
      readonly type: 'records';
      readonly linked: false;
      readonly recordA: string;
      readonly recordB: string;
      readonly profileA: string;
      readonly profileB: string;
      /** Refused links between the two profiles; empty when no identifier is shared. */
      readonly refused: readonly LinkEvidence[];
    };

export type Explanation = ProfileExplanation | RecordsExplanation;

/**
 * Explains a resolution from its output directory (`mapping.csv` + `evidence.ndjson`), streaming both files
 * so it works on 20M-record outputs: for a profile, its records and links; for two records, the chain of
 * accepted links joining them (BFS), or the refused links between their profiles.
 * Throws `IdweaveError` (`input_unreadable` for missing files, `usage` for unknown ids).
 *
 * @example
 * const e = await explainFromDir('out', { records: ['crm-1', 'app-7'] });
 */
export async function explainFromDir(dir: string, query: ExplainQuery): Promise<Explanation> {
  const mappingFile = path.join(dir, OUTPUT_FILES.mapping);
  const evidenceFile = path.join(dir, OUTPUT_FILES.evidence);
  // Only a complete, published run is read: the manifest lists its files and their sizes.
  const manifest = await readManifest(dir);
  if (manifestFile(manifest, OUTPUT_FILES.mapping) === undefined) throw new IdweaveError('output_invalid', `${dir}: the run has no ${OUTPUT_FILES.mapping}`);
  if (manifestFile(manifest, OUTPUT_FILES.evidence) === undefined) {
    throw new IdweaveError('output_invalid', `${dir}: the run was made without evidence (${OUTPUT_FILES.evidence}); run idweave resolve again with evidence to explain it`);
  }

  // Pass 1: the profiles involved.
  const wanted = 'profile' in query ? undefined : new Set(query.records);
  const profileOf = new Map<string, string>();
  if (wanted !== undefined) {
    await eachMapping(mappingFile, (r, p) => {
      if (wanted.has(r)) profileOf.set(r, p);
    });
    for (const r of wanted) if (!profileOf.has(r)) throw new IdweaveError('usage', `record "${r}" is not in ${mappingFile} (rejected? see ${OUTPUT_FILES.rejects})`);
  }
  const profiles = new Set('profile' in query ? [query.profile] : [...profileOf.values()]);

  // Pass 2: members of those profiles.
  const memberOf = new Map<string, string>();
  await eachMapping(mappingFile, (r, p) => {
    if (profiles.has(p)) memberOf.set(r, p);
  });
  if ('profile' in query && memberOf.size === 0) throw new IdweaveError('usage', `profile "${query.profile}" is not in ${mappingFile}`);

  // Pass 3: evidence touching them.
  const edges: LinkEvidence[] = [];
  for await (const batch of readRowBatches(evidenceFile)) {
    for (const ev of batch) {
      if ('error' in ev) continue;
      const e = fromEvidenceJson(ev.fields);
      if (e !== undefined && (memberOf.has(e.recordA) || memberOf.has(e.recordB))) edges.push(e);
    }
  }

  if ('profile' in query) {
    return {
      type: 'profile',
      profileId: query.profile,
      recordIds: [...memberOf.keys()].sort(),
      links: edges.filter((e) => e.accepted),
      refused: edges.filter((e) => !e.accepted),
    };
  }
  const [a, b] = query.records;
  const pa = profileOf.get(a)!;
  const pb = profileOf.get(b)!;
  if (pa === pb) return { type: 'records', linked: true, recordA: a, recordB: b, profileId: pa, path: shortestPath(edges.filter((e) => e.accepted), a, b) };
  const refused = edges.filter((e) => !e.accepted && ((memberOf.get(e.recordA) === pa && memberOf.get(e.recordB) === pb) || (memberOf.get(e.recordA) === pb && memberOf.get(e.recordB) === pa)));
  return { type: 'records', linked: false, recordA: a, recordB: b, profileA: pa, profileB: pb, refused };
}

/** Text for people: one line per record or link. */
export function formatExplanation(e: Explanation): string {
  const link = (l: LinkEvidence): string => `  ${l.recordA} -- ${l.key} --> ${l.recordB}`;
  const refusal = (l: LinkEvidence): string => `  ${l.recordA} -x- ${l.key} -x- ${l.recordB}: refused by ${l.guard ?? 'a guard'}${l.why ? ` (${l.why})` : ''}`;
  const lines: string[] = [];
  if (e.type === 'profile') {
    lines.push(`profile ${e.profileId}: ${e.recordIds.length} record${e.recordIds.length === 1 ? '' : 's'}`);
    for (const r of e.recordIds) lines.push(`  ${r}`);
    lines.push(`links (${e.links.length}):`, ...e.links.map(link));
    if (e.refused.length > 0) lines.push(`refused links (${e.refused.length}):`, ...e.refused.map(refusal));
  } else if (e.linked) {
    lines.push(`${e.recordA} and ${e.recordB} are in profile ${e.profileId}, joined by:`, ...e.path.map(link));
  } else if (e.refused.length > 0) {
    lines.push(`not linked: ${e.recordA} is in profile ${e.profileA}, ${e.recordB} in ${e.profileB}; links refused between them:`, ...e.refused.map(refusal));
  } else {
    lines.push(`not linked: no shared identifier between profile ${e.profileA} (${e.recordA}) and profile ${e.profileB} (${e.recordB})`);
  }
  return `${lines.join('\n')}\n`;
}

async function eachMapping(file: string, visit: (recordId: string, profileId: string) => void): Promise<void> {
  for await (const batch of readRowBatches(file, { requiredColumns: ['record_id', 'profile_id'] })) {
    for (const ev of batch) if (!('error' in ev)) visit(ev.fields.record_id as string, ev.fields.profile_id as string);
  }
}

/** Breadth-first search over accepted links: the fewest links from `from` to `to`. */
function shortestPath(links: readonly LinkEvidence[], from: string, to: string): LinkEvidence[] {
  if (from === to) return [];
  const adjacent = new Map<string, LinkEvidence[]>();
  for (const l of links) {
    (adjacent.get(l.recordA) ?? adjacent.set(l.recordA, []).get(l.recordA)!).push(l);
    (adjacent.get(l.recordB) ?? adjacent.set(l.recordB, []).get(l.recordB)!).push(l);
  }
  const via = new Map<string, LinkEvidence | null>([[from, null]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const r = queue[i]!;
    for (const l of adjacent.get(r) ?? []) {
      const next = l.recordA === r ? l.recordB : l.recordA;
      if (via.has(next)) continue;
      via.set(next, l);
      if (next === to) {
        const path: LinkEvidence[] = [];
        for (let at = to; at !== from; ) {
          const step = via.get(at)!;
          path.push(step);
          at = step.recordA === at ? step.recordB : step.recordA;
        }
        return path.reverse();
      }
      queue.push(next);
    }
  }
  return [];
}
