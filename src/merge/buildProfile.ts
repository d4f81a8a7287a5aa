import { compareStrings } from '../_internal/compareStrings.js';
import { isoTime } from '../_internal/isoTime.js';
import { setOwn } from '../_internal/ownField.js';
import type { GoldenProfile, IdentifierKind, ProfileIdentifier, SurvivingValue } from '../types.js';
import { survive, type Candidate } from './survive.js';
import { ruleFor, type SurvivorshipConfig } from './survivorshipConfig.js';

export type { SurvivorshipConfig } from './survivorshipConfig.js';

/** One member record as the merge stage sees it. */
export interface MemberRecord {
  readonly recordId: string;
  readonly source: string | undefined;
  /** Epoch ms, NaN when unknown. */
  readonly updatedAt: number;
  /** Canonical identifiers of the record. */
  readonly identifiers: readonly { readonly kind: IdentifierKind; readonly value: string }[];
  /** Field values: `firstName`, `lastName`, `fullName` and attributes. */
  readonly fields: Readonly<Record<string, string | number | boolean | null>>;
}

/** Where each kind goes in a profile's identifiers: external ids first, phones last (then by value). */
export const KIND_ORDER: Readonly<Record<IdentifierKind, number>> = { externalId: 0, login: 1, handle: 2, email: 3, phone: 4 };

/**
 * Merges a cluster into one golden profile: every identifier with its record count and sources, one surviving
 * value per field with its lineage, record ids, sources, first/last seen. Never mutates its input; the output
 * depends only on the set of members, not their order.
 */
export function buildProfile(profileId: string, members: readonly MemberRecord[], config: SurvivorshipConfig): GoldenProfile {
  if (members.length === 1) return buildSingleton(profileId, members[0]!, config);
  const recordIds = members.map((m) => m.recordId).sort(compareStrings);
  const sources = new Set<string>();
  let first = Infinity;
  let last = -Infinity;
  const idents = new Map<string, { kind: IdentifierKind; value: string; records: number; sources: Set<string> }>();

  for (const m of members) {
    if (m.source !== undefined) sources.add(m.source);
    if (!Number.isNaN(m.updatedAt)) {
      if (m.updatedAt < first) first = m.updatedAt;
      if (m.updatedAt > last) last = m.updatedAt;
    }
    for (const id of m.identifiers) {
      const key = `${id.kind}\u0000${id.value}`;
      let entry = idents.get(key);
      if (!entry) idents.set(key, (entry = { kind: id.kind, value: id.value, records: 0, sources: new Set() }));
      entry.records++;
      if (m.source !== undefined) entry.sources.add(m.source);
    }
  }

  const identifiers: ProfileIdentifier[] = [...idents.values()]
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compareStrings(a.value, b.value))
    .map((e) => ({ kind: e.kind, value: e.value, records: e.records, sources: [...e.sources].sort(compareStrings) }));

  const profile: GoldenProfile = {
    profileId,
    recordIds,
    sources: [...sources].sort(compareStrings),
    identifiers,
    fields: surviveFields(members, config),
    ...(first !== Infinity ? { firstSeen: isoTime(first), lastSeen: isoTime(last) } : {}),
  };
  return profile;
}

/**
 * The surviving value of each field among a cluster's members (empty values left out), by field name, each chosen
 * by `survive`. The batch's profile lines (`batch/profileJson`) choose through `survivorIndex` from the payloads'
 * bytes, and come here for payloads that are not flat objects.
 */
export function surviveFields(members: readonly Pick<MemberRecord, 'recordId' | 'source' | 'updatedAt' | 'fields'>[], config: SurvivorshipConfig): Record<string, SurvivingValue> {
  const candidates = new Map<string, Candidate[]>();
  for (const m of members) {
    for (const field of Object.keys(m.fields)) {
      const value = m.fields[field]!;
      if (value === null || value === '') continue;
      let list = candidates.get(field);
      if (!list) candidates.set(field, (list = []));
      list.push({ value, recordId: m.recordId, source: m.source, updatedAt: m.updatedAt });
    }
  }
  const fields: Record<string, SurvivingValue> = {};
  for (const field of [...candidates.keys()].sort(compareStrings)) {
    const survivor = survive(ruleFor(config, field), candidates.get(field)!, config.sourceRank);
    if (survivor) setOwn(fields, field, survivor);
  }
  return fields;
}

/**
 * The profile of a one-record cluster, the most common case (perf: no maps, sets or sorts of one element).
 * Same output as the general path.
 */
function buildSingleton(profileId: string, m: MemberRecord, config: SurvivorshipConfig): GoldenProfile {
  const sources = m.source === undefined ? [] : [m.source];
  const seen = new Set<string>();
  const identifiers: ProfileIdentifier[] = [];
  for (const id of m.identifiers) {
    const key = `${id.kind}\u0000${id.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    identifiers.push({ kind: id.kind, value: id.value, records: 1, sources });
  }
  if (identifiers.length > 1) identifiers.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compareStrings(a.value, b.value));
  const fields: Record<string, SurvivingValue> = {};
  for (const field of Object.keys(m.fields).sort(compareStrings)) {
    const value = m.fields[field]!;
    if (value === null || value === '') continue;
    const rule = ruleFor(config, field);
    setOwn(fields, field, m.source === undefined ? { value, recordId: m.recordId, rule } : { value, recordId: m.recordId, source: m.source, rule });
  }
  const time = Number.isNaN(m.updatedAt) ? undefined : isoTime(m.updatedAt);
  return {
    profileId,
    recordIds: [m.recordId],
    sources,
    identifiers,
    fields,
    ...(time !== undefined ? { firstSeen: time, lastSeen: time } : {}),
  };
}
