import { explainProfile, explainRecords as explainRecordsFrom } from '../explain/explain.js';
import type { GenericIdentifier, ProfileExplanation, ProfileFacts, RecordsExplanation } from '../explain/types.js';
import type { LinkEvidence } from '../types.js';
import { linkEvidenceAt, readableKey } from '../engine/linkEvidenceAt.js';
import { profileIdOfSerial, type ResolverState } from './ResolverState.js';

// The resolver's side of the one explain (src/explain): it gathers membership and evidence from its state and
// the pure module explains. Evidence is re-derived by linking the profiles' component of the key graph again.

/** Explains two records by id (`Resolver.explain`). */
export function explainRecords(state: ResolverState, idA: string, idB: string): RecordsExplanation {
  const a = state.indexOf(idA);
  const b = state.indexOf(idB);
  const membersA = a < 0 ? [] : state.membersOf(state.serial[a]!);
  const sameProfile = a >= 0 && b >= 0 && state.serial[a] === state.serial[b];
  const membersB = b < 0 ? [] : sameProfile ? membersA : state.membersOf(state.serial[b]!);
  const factsA = a < 0 ? undefined : factsOf(state, state.serial[a]!, membersA);
  const factsB = b < 0 ? undefined : sameProfile ? factsA : factsOf(state, state.serial[b]!, membersB);
  const evidence = factsA && factsB ? evidenceAround(state, sameProfile ? membersA : [...membersA, ...membersB]) : [];
  return explainRecordsFrom(idA, idB, factsA, factsB, evidence);
}

/** Explains one live profile (by serial; `Resolver.explainProfile`). */
export function explainProfileOf(state: ResolverState, serial: number): ProfileExplanation {
  const members = state.membersOf(serial);
  return explainProfile(factsOf(state, serial, members), evidenceAround(state, members));
}

function factsOf(state: ResolverState, serial: number, members: readonly number[]): ProfileFacts {
  return { profileId: profileIdOfSerial(serial), recordIds: members.map((m) => state.ids.keyOf(m)), generic: genericHeld(state, members) };
}

/** Every link decision of the component holding `members` (their profiles and the records next to them). */
function evidenceAround(state: ResolverState, members: readonly number[]): LinkEvidence[] {
  const linked = state.link(state.component(members), true);
  const ev = linked.evidence;
  const out: LinkEvidence[] = [];
  for (let i = 0; i < ev.length; i++) out.push(linkEvidenceAt(ev, i, (r) => state.ids.keyOf(linked.records[r]!), (k) => state.keys.keyOf(linked.keys[k]!)));
  return out;
}

/** Generic identifiers (strong keys judged generic over all records) held by any of `members`. */
function genericHeld(state: ResolverState, members: readonly number[]): GenericIdentifier[] {
  const keys = new Set<number>();
  for (const m of members) for (const k of state.strongKeysOf(m)) if (state.keyGeneric[k]! === 1) keys.add(k);
  return [...keys].map((k) => {
    const f = state.genericFigures(k);
    return { key: readableKey(state.keys.keyOf(k)), records: f.records, distinctIdentifiers: f.distinctIdentifiers };
  });
}
