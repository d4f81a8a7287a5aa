import { compareStrings } from '../_internal/compareStrings.js';
import type { LinkEvidence } from '../types.js';
import { shortestPath } from './shortestPath.js';
import type { ExplainOptions, GenericIdentifier, ProfileExplanation, ProfileFacts, RecordsExplanation } from './types.js';

// The one explain: pure functions from evidence (link decisions) plus membership (profile → records). The
// incremental resolver feeds them from its state, `idweave explain` from an output directory's index; both
// get the same types with the same meanings (see `ProfileExplanation` for what "refused" means).

/**
 * How a profile holds together. `evidence`: link decisions touching its records, each once, in decision order
 * (decisions about other records are ignored); with `options.evidence` `refused`, the refused ones only, and the
 * explanation says that the links joining its records were not kept (`linksNotKept`).
 *
 * @example
 * explainProfile({ profileId: 'P1', recordIds: ['a', 'b'], generic: [] }, evidence).links; // the a–b link
 */
export function explainProfile(profile: ProfileFacts, evidence: readonly LinkEvidence[], options: ExplainOptions = {}): ProfileExplanation {
  const inProfile = new Set(profile.recordIds);
  const recordIds = [...inProfile].sort(compareStrings);
  const links = evidence.filter((e) => e.accepted && inProfile.has(e.recordA) && inProfile.has(e.recordB));
  const refused = evidence.filter((e) => isRefusal(e) && inProfile.has(e.recordA) !== inProfile.has(e.recordB));
  const generic = sortedGeneric(profile.generic);
  const parts: string[] = [];
  const { profileId } = profile;
  // Without accepted links, a profile of several records is joined by links this evidence does not hold.
  const linksNotKept = options.evidence === 'refused' && recordIds.length > 1;
  parts.push(
    recordIds.length === 1 ? `profile ${profileId} holds one record (${recordIds[0]})`
    : linksNotKept ? `profile ${profileId} joins ${recordIds.length} records; the links that join them were not kept (${REFUSED_ONLY})`
    : `profile ${profileId} joins ${recordIds.length} records: ${links.map(describeLink).join('; ')}`,
  );
  if (refused.length > 0) parts.push(`refused: ${refused.map((e) => `${e.recordA}–${e.recordB} through ${e.key} by the ${e.guard} guard (${e.why ?? ''})`).join('; ')}`);
  if (generic.length > 0) parts.push(`generic identifiers (not linking): ${generic.map(describeGeneric).join('; ')}`);
  return { type: 'profile', profileId, recordIds, links, refused, generic, ...(linksNotKept ? { linksNotKept } : {}), message: parts.join('. ') };
}

/** Why accepted links are missing from an explanation, and what to do about it. */
export const REFUSED_ONLY = 'the run was written with --evidence refused, which keeps refused links only: resolve again with --evidence all to see them';

/**
 * Why two records are, or are not, in one profile. `profileA` / `profileB`: the records' profiles (the same
 * facts twice when they share one; undefined for an unknown record). `evidence`: link decisions touching the
 * records of those profiles, each once, in decision order; with `options.evidence` `refused`, the refused ones
 * only: apart records are explained in full, linked ones without their path (`linksNotKept`).
 *
 * @example
 * explainRecords('a', 'b', pa, pb, evidence).path; // accepted links from a to b, when linked
 */
export function explainRecords(
  recordA: string,
  recordB: string,
  profileA: ProfileFacts | undefined,
  profileB: ProfileFacts | undefined,
  evidence: readonly LinkEvidence[],
  options: ExplainOptions = {},
): RecordsExplanation {
  if (profileA === undefined || profileB === undefined) {
    const missing = [profileA === undefined ? recordA : undefined, profileB === undefined && recordB !== recordA ? recordB : undefined]
      .filter((x) => x !== undefined)
      .map((x) => `"${x}"`);
    return {
      type: 'records', recordA, recordB, linked: false,
      ...(profileA ? { profileA: profileA.profileId } : {}),
      ...(profileB ? { profileB: profileB.profileId } : {}),
      path: [], refused: [], generic: [], message: `not linked: no record ${missing.join(' or ')}`,
    };
  }
  const base = { type: 'records', recordA, recordB, profileA: profileA.profileId, profileB: profileB.profileId } as const;
  if (profileA.profileId === profileB.profileId) {
    if (recordA === recordB) return { ...base, linked: true, path: [], refused: [], generic: [], message: `linked: "${recordA}" is one record (profile ${profileA.profileId})` };
    if (options.evidence === 'refused') {
      const message = `linked in profile ${profileA.profileId}; the links that join them were not kept (${REFUSED_ONLY})`;
      return { ...base, linked: true, path: [], refused: [], generic: [], linksNotKept: true, message };
    }
    const inProfile = new Set(profileA.recordIds);
    const accepted = evidence.filter((e) => e.accepted && inProfile.has(e.recordA) && inProfile.has(e.recordB));
    const path = shortestPath(accepted, recordA, recordB);
    return { ...base, linked: true, path, refused: [], generic: [], message: `linked in profile ${profileA.profileId}: ${path.map(describeLink).join('; ')}` };
  }
  const inA = new Set(profileA.recordIds);
  const inB = new Set(profileB.recordIds);
  const refused = evidence.filter((e) => isRefusal(e) && ((inA.has(e.recordA) && inB.has(e.recordB)) || (inB.has(e.recordA) && inA.has(e.recordB))));
  const heldByB = new Set(profileB.generic.map((g) => g.key));
  const generic = sortedGeneric(profileA.generic.filter((g) => heldByB.has(g.key)));
  let message: string;
  if (refused.length > 0) {
    message = `not linked: ${refused.map((e) => `the ${e.guard} guard refused the link through ${e.key} between ${e.recordA} and ${e.recordB} (${e.why ?? 'no reason recorded'})`).join('; ')}`;
    if (generic.length > 0) message += `; shared generic identifiers do not link: ${generic.map(describeGeneric).join('; ')}`;
  } else if (generic.length > 0) {
    message = `not linked: their profiles share only generic identifiers, which do not link: ${generic.map(describeGeneric).join('; ')}`;
  } else {
    message = 'not linked: their profiles share no identifier';
  }
  return { ...base, linked: false, path: [], refused, generic, message };
}

/** An accepted link in words: what the two records share, or the steward override that joined them. */
function describeLink(e: LinkEvidence): string {
  if (e.kind === 'override') return `${e.recordA} and ${e.recordB} are joined by a steward override (${e.key})`;
  if (e.kind === 'fuzzyEmail') return `${e.recordA} and ${e.recordB} match on the typo-corrected ${e.key}`;
  return `${e.recordA} and ${e.recordB} share ${e.parts?.weak_identifier !== undefined ? 'the weak ' : ''}${e.key}`;
}

/** A refusal in the one meaning: refused by a guard other than `generic` (a generic key decides no pair). */
function isRefusal(e: LinkEvidence): boolean {
  return !e.accepted && e.guard !== 'generic';
}

/** Generic identifiers once each, sorted by key. */
function sortedGeneric(list: readonly GenericIdentifier[]): GenericIdentifier[] {
  const byKey = new Map<string, GenericIdentifier>();
  for (const g of list) if (!byKey.has(g.key)) byKey.set(g.key, g);
  return [...byKey.values()].sort((x, y) => compareStrings(x.key, y.key));
}

export function describeGeneric(g: GenericIdentifier): string {
  return `${g.key} (shared by ${g.records} records and ${g.distinctIdentifiers} other identifiers)`;
}
