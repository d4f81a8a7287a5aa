import path from 'node:path';
import { IdweaveError } from '../errors.js';
import { explainProfile, explainRecords } from '../explain/explain.js';
import type { Explanation, ProfileFacts } from '../explain/types.js';
import { EXPLAIN_INDEX_FILE, ExplainIndex, type IndexedProfile } from '../io/explainIndex.js';
import { manifestFile, readManifest } from '../io/manifest.js';
import { OUTPUT_FILES } from '../io/outputFiles.js';
import { PARQUET_OUTPUT_FILES } from '../io/parquetOutput.js';
import type { LinkEvidence } from '../types.js';

export { formatExplanation } from '../explain/format.js';
export type { Explanation, ProfileExplanation, RecordsExplanation } from '../explain/types.js';

/** What to explain: one profile, or why two records are (or are not) together. */
export type ExplainQuery = { readonly profile: string } | { readonly records: readonly [string, string] };

/**
 * Explains a resolution from its output directory, through the run's `explain.idx` (a few reads per call, whatever
 * the run's size): the index finds the records' profiles, their records (`profiles.ndjson`) and the evidence
 * lines touching them (`evidence.ndjson`), and the one explain (src/explain) says what they mean — the same
 * explanation `Resolver.explain` gives. Only a complete, published run is read: the manifest must list every
 * file with its size (`readManifest`), and the index must agree with it. A run written with `--evidence refused`
 * is explained from its refusals: records, refusals and generic identifiers in full, and `linksNotKept` where the
 * accepted links that join records would be.
 * Throws `IdweaveError`: `output_invalid` (no run, a run without evidence or with Parquet output, a damaged index),
 * `usage` (unknown ids).
 *
 * @example
 * const e = await explainFromDir('out', { records: ['crm-1', 'app-7'] });
 */
export async function explainFromDir(dir: string, query: ExplainQuery): Promise<Explanation> {
  const manifest = await readManifest(dir);
  if (manifestFile(manifest, PARQUET_OUTPUT_FILES.mapping) !== undefined) {
    throw new IdweaveError(
      'output_invalid',
      `${dir}: the run was written with --output-format parquet; idweave explain reads the NDJSON outputs (profiles.ndjson, evidence.ndjson and explain.idx): run idweave resolve again without --output-format parquet (or with --output-format ndjson) to explain it`,
    );
  }
  if (manifestFile(manifest, OUTPUT_FILES.mapping) === undefined) throw new IdweaveError('output_invalid', `${dir}: the run has no ${OUTPUT_FILES.mapping}`);
  if (manifestFile(manifest, OUTPUT_FILES.evidence) === undefined) {
    throw new IdweaveError(
      'output_invalid',
      `${dir}: the run was made without evidence (--evidence none: no ${OUTPUT_FILES.evidence}, no ${EXPLAIN_INDEX_FILE}), so it cannot be explained; ` +
        'run idweave resolve again with --evidence all (the default) to explain it, or --evidence refused to see only why records were not merged',
    );
  }
  const index = await ExplainIndex.open(dir, manifest);
  try {
    if ('profile' in query) {
      const profile = await index.profileById(query.profile);
      if (profile === undefined) throw new IdweaveError('usage', `profile "${query.profile}" is not in ${path.join(dir, OUTPUT_FILES.profiles)}`);
      return explainProfile(await factsOf(index, profile), await evidenceOf(index, [profile]), { evidence: index.evidenceKept });
    }
    const [a, b] = query.records;
    const found: IndexedProfile[] = [];
    for (const r of [a, b]) {
      const profile = await index.profileOfRecord(r);
      if (profile === undefined) throw new IdweaveError('usage', `record "${r}" is not an accepted record of this run (rejected? see ${path.join(dir, OUTPUT_FILES.rejects)})`);
      found.push(profile);
    }
    const [pa, pb] = found as [IndexedProfile, IndexedProfile];
    const factsA = await factsOf(index, pa);
    const factsB = pb.index === pa.index ? factsA : await factsOf(index, pb);
    return explainRecords(a, b, factsA, factsB, await evidenceOf(index, pb.index === pa.index ? [pa] : [pa, pb]), { evidence: index.evidenceKept });
  } finally {
    await index.close();
  }
}

async function factsOf(index: ExplainIndex, profile: IndexedProfile): Promise<ProfileFacts> {
  return { profileId: profile.profileId, recordIds: profile.recordIds, generic: await index.genericOf(profile.index) };
}

/** Evidence lines touching the profiles, each once, in file (decision) order. */
async function evidenceOf(index: ExplainIndex, profiles: readonly IndexedProfile[]): Promise<LinkEvidence[]> {
  const byLine = new Map<number, LinkEvidence>();
  for (const p of profiles) for (const { line, evidence } of await index.evidenceOf(p.index)) byLine.set(line, evidence);
  return [...byLine.entries()].sort((x, y) => x[0] - y[0]).map(([, e]) => e);
}
