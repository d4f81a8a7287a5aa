import { OUTCOME } from '../../cluster/EvidenceLog.js';
import type { LinkEvidence } from '../../types.js';
import { linkEvidenceAt, readableKey } from '../_internal/linkEvidenceAt.js';
import { profileIdOfSerial, type LinkedComponent, type ResolverState } from './ResolverState.js';

/** A generic identifier: kept in profiles, but it does not link (too many records or identifiers share it). */
export interface GenericIdentifier {
  /** Readable key, e.g. `phone:+97142345678`. */
  readonly key: string;
  readonly records: number;
  readonly distinctIdentifiers: number;
}

/** Why two records are, or are not, in one profile. Plain data; `message` says it in words. */
export interface RecordsExplanation {
  readonly recordA: string;
  readonly recordB: string;
  readonly linked: boolean;
  readonly profileA?: string;
  readonly profileB?: string;
  /** When linked: the accepted links leading from A to B, each oriented A-side first. */
  readonly path: readonly LinkEvidence[];
  /** When apart: links between their two profiles that a guard refused (guard and why in each). */
  readonly refused: readonly LinkEvidence[];
  /** Generic identifiers held by both profiles (they never link). */
  readonly generic: readonly GenericIdentifier[];
  readonly message: string;
}

/** How one profile holds together. */
export interface ProfileExplanation {
  readonly profileId: string;
  readonly recordIds: readonly string[];
  /** The accepted links joining its records (a spanning tree: one fewer than records). */
  readonly links: readonly LinkEvidence[];
  /** Refused links from its records to records of other profiles. */
  readonly refused: readonly LinkEvidence[];
  /** Generic identifiers its records hold (they did not link). */
  readonly generic: readonly GenericIdentifier[];
  readonly message: string;
}

/** Explains two live records (by index); the links are re-derived by linking their component again. */
export function explainRecords(state: ResolverState, idA: string, idB: string): RecordsExplanation {
  const a = state.indexOf(idA);
  const b = state.indexOf(idB);
  if (a < 0 || b < 0) {
    const missing = [a < 0 ? idA : undefined, b < 0 && idB !== idA ? idB : undefined].filter((x) => x !== undefined).map((x) => `"${x}"`);
    return { recordA: idA, recordB: idB, linked: false, path: [], refused: [], generic: [], message: `not linked: no record ${missing.join(' or ')}` };
  }
  const profileA = profileIdOfSerial(state.serial[a]!);
  const profileB = profileIdOfSerial(state.serial[b]!);
  const base = { recordA: idA, recordB: idB, profileA, profileB };
  const component = state.component([a]);
  const sharedGeneric = genericShared(state, state.membersOf(state.serial[a]!), state.membersOf(state.serial[b]!));
  if (!component.includes(b)) {
    const message = sharedGeneric.length > 0
      ? `not linked: their profiles share only generic identifiers, which do not link: ${sharedGeneric.map(describeGeneric).join('; ')}`
      : 'not linked: their profiles share no identifier';
    return { ...base, linked: false, path: [], refused: [], generic: sharedGeneric, message };
  }
  const linked = state.link(component, true);
  const local = localIndex(linked);
  const la = local.get(a)!;
  const lb = local.get(b)!;
  const evidence = evidenceOf(state, linked);
  if (linked.root[la] === linked.root[lb]) {
    const path = acceptedPath(evidence, idA, idB);
    const steps = path.map((e) => e.kind === 'fuzzyEmail'
      ? `${e.recordA} and ${e.recordB} match on the typo-corrected ${e.key}`
      : `${e.recordA} and ${e.recordB} share ${e.key}`);
    const message = a === b ? `linked: "${idA}" is one record (profile ${profileA})` : `linked in profile ${profileA}: ${steps.join('; ')}`;
    return { ...base, linked: true, path, refused: [], generic: [], message };
  }
  const rootA = linked.root[la]!;
  const rootB = linked.root[lb]!;
  const clusterOf = new Map<string, number>();
  for (let i = 0; i < linked.records.length; i++) clusterOf.set(state.ids.keyOf(linked.records[i]!), linked.root[i]!);
  const refused = evidence.filter((e) => {
    if (e.accepted || e.guard === 'generic') return false;
    const x = clusterOf.get(e.recordA);
    const y = clusterOf.get(e.recordB);
    return (x === rootA && y === rootB) || (x === rootB && y === rootA);
  });
  let message: string;
  if (refused.length > 0) {
    message = `not linked: ${refused.map((e) => `the ${e.guard} guard refused the link through ${e.key} between ${e.recordA} and ${e.recordB} (${e.why ?? 'no reason recorded'})`).join('; ')}`;
  } else {
    message = 'not linked: no link between their two profiles was accepted; they are connected only through other profiles, whose links were refused';
  }
  if (sharedGeneric.length > 0) message += `; shared generic identifiers do not link: ${sharedGeneric.map(describeGeneric).join('; ')}`;
  return { ...base, linked: false, path: [], refused, generic: sharedGeneric, message };
}

/** Explains one live profile (by serial). */
export function explainProfileOf(state: ResolverState, serial: number): ProfileExplanation {
  const members = state.membersOf(serial);
  const profileId = profileIdOfSerial(serial);
  const recordIds = members.map((m) => state.ids.keyOf(m)).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const inProfile = new Set(recordIds);
  const linked = state.link(state.component(members), true);
  const evidence = evidenceOf(state, linked);
  const links = evidence.filter((e) => e.accepted && inProfile.has(e.recordA));
  const refused = evidence.filter((e) => !e.accepted && e.guard !== 'generic' && (inProfile.has(e.recordA) !== inProfile.has(e.recordB)));
  const generic = genericHeld(state, members);
  const parts: string[] = [];
  parts.push(members.length === 1 ? `profile ${profileId} holds one record (${recordIds[0]})` : `profile ${profileId} joins ${members.length} records: ${links.map((e) => `${e.recordA} and ${e.recordB} ${e.kind === 'fuzzyEmail' ? 'match on the typo-corrected' : 'share'} ${e.key}`).join('; ')}`);
  if (refused.length > 0) parts.push(`refused: ${refused.map((e) => `${e.recordA}–${e.recordB} through ${e.key} by the ${e.guard} guard (${e.why ?? ''})`).join('; ')}`);
  if (generic.length > 0) parts.push(`generic identifiers (not linking): ${generic.map(describeGeneric).join('; ')}`);
  return { profileId, recordIds, links, refused, generic, message: parts.join('. ') };
}

function localIndex(linked: LinkedComponent): Map<number, number> {
  const m = new Map<number, number>();
  for (let i = 0; i < linked.records.length; i++) m.set(linked.records[i]!, i);
  return m;
}

function evidenceOf(state: ResolverState, linked: LinkedComponent): LinkEvidence[] {
  const out: LinkEvidence[] = [];
  const ev = linked.evidence;
  for (let i = 0; i < ev.length; i++) {
    if (ev.outcome.get(i) === OUTCOME.generic) continue;
    out.push(linkEvidenceAt(ev, i, (r) => state.ids.keyOf(linked.records[r]!), (k) => state.keys.keyOf(linked.keys[k]!)));
  }
  return out;
}

/** The accepted links on the tree path from `from` to `to` (accepted links form a spanning tree per cluster). */
function acceptedPath(evidence: readonly LinkEvidence[], from: string, to: string): LinkEvidence[] {
  const adj = new Map<string, LinkEvidence[]>();
  for (const e of evidence) {
    if (!e.accepted) continue;
    for (const end of [e.recordA, e.recordB]) {
      const l = adj.get(end);
      if (l) l.push(e);
      else adj.set(end, [e]);
    }
  }
  const via = new Map<string, LinkEvidence | null>([[from, null]]);
  const queue = [from];
  while (queue.length > 0 && !via.has(to)) {
    const x = queue.shift()!;
    for (const e of adj.get(x) ?? []) {
      const y = e.recordA === x ? e.recordB : e.recordA;
      if (via.has(y)) continue;
      via.set(y, e);
      queue.push(y);
    }
  }
  const path: LinkEvidence[] = [];
  for (let x = to; x !== from;) {
    const e = via.get(x);
    if (!e) break;
    const prev = e.recordA === x ? e.recordB : e.recordA;
    path.push(e.recordA === prev ? e : { ...e, recordA: prev, recordB: x });
    x = prev;
  }
  return path.reverse();
}

function genericHeld(state: ResolverState, members: readonly number[]): GenericIdentifier[] {
  const keys = new Set<number>();
  for (const m of members) for (const k of state.strongKeysOf(m)) if (state.keyGeneric[k]! === 1) keys.add(k);
  return [...keys].map((k) => figures(state, k)).sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

function genericShared(state: ResolverState, a: readonly number[], b: readonly number[]): GenericIdentifier[] {
  const inB = new Set<number>();
  for (const m of b) for (const k of state.strongKeysOf(m)) if (state.keyGeneric[k]! === 1) inB.add(k);
  const keys = new Set<number>();
  for (const m of a) for (const k of state.strongKeysOf(m)) if (inB.has(k)) keys.add(k);
  return [...keys].map((k) => figures(state, k)).sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

function figures(state: ResolverState, k: number): GenericIdentifier {
  const f = state.genericFigures(k);
  return { key: readableKey(state.keys.keyOf(k)), records: f.records, distinctIdentifiers: f.distinctIdentifiers };
}

function describeGeneric(g: GenericIdentifier): string {
  return `${g.key} (shared by ${g.records} records and ${g.distinctIdentifiers} other identifiers)`;
}
