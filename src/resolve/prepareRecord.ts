import { parseIsoDate } from '../_internal/parseIsoDate.js';
import type { ResolvedOptions } from '../config/ResolveOptions.js';
import { createRecordKeyer, type KeyStats, type KindCode } from '../match/createRecordKeyer.js';
import { foldAttributes } from '../match/attributes.js';
import { personNameOf } from '../match/personName.js';
import type { CustomerRecord } from '../types.js';
import { setOwn } from '../_internal/ownField.js';
import { EVIDENCE_FIELD_COLUMNS, PERSON_FIELD_COLUMNS, PERSON_FIELD_OF_COLUMN } from '../_internal/nameFields.js';

/**
 * A record reduced to what the engine keeps: normalized keys, folded names, update time and a JSON payload of
 * the fields a golden profile carries: the stateless part of adding a record (`resolve()`, the incremental
 * resolver). The batch job packs the same fields into typed arrays instead (`_internal/preparePiece`).
 */
export interface PreparedRecord {
  readonly id: string;
  readonly source: string;
  /** Epoch ms, NaN when unknown. */
  readonly updatedAt: number;
  readonly firstName: string;
  readonly lastName: string;
  /** The evidence attributes folded for comparison (`match/attributes` foldAttributes), '' when none. */
  readonly attributes: string;
  readonly payload: string;
  readonly keys: readonly string[];
  readonly kinds: readonly KindCode[];
  readonly groups: readonly string[];
  readonly weak: readonly string[];
}

/** Builds the preparing function for one configuration (normalizers and junk list compiled once). */
export function createRecordPreparer(options: ResolvedOptions): (record: CustomerRecord, stats: KeyStats) => PreparedRecord {
  const keyRecord = createRecordKeyer(options);
  return (record, stats) => {
    const rk = keyRecord(record, stats);
    const [first, last] = foldedNamesOf(record);
    return {
      id: record.id,
      source: record.source ?? '',
      updatedAt: updatedAtOf(record),
      firstName: first,
      lastName: last,
      attributes: foldAttributes(record),
      payload: JSON.stringify(payloadOf(record)),
      keys: [...rk.keys],
      kinds: [...rk.kinds],
      groups: [...rk.groups],
      weak: [...rk.weak],
    };
  };
}

/** First and last name as the matcher compares them (folded; `match/personName`). */
export function foldedNamesOf(record: CustomerRecord): [first: string, last: string] {
  return personNameOf(record);
}

/** Epoch ms of `updatedAt`, NaN when unknown. */
export function updatedAtOf(record: CustomerRecord): number {
  if (record.updatedAt === undefined) return Number.NaN;
  const t = parseIsoDate(record.updatedAt);
  return Number.isNaN(t) ? Date.parse(record.updatedAt) : t;
}

/**
 * Fields a golden profile carries besides identifiers: names, evidence attributes and other attributes, in one
 * flat namespace. An attribute may not take a record field's place (`firstName`, or `first_name`, its spelling in
 * outputs; `dateOfBirth`, `city`): such an
 * attribute is kept as `attribute:<name>`, and so is any attribute already starting with `attribute:`, which
 * keeps the renaming one-to-one.
 */
export function payloadOf(record: CustomerRecord): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  if (record.firstName) out.firstName = record.firstName.trim();
  if (record.lastName) out.lastName = record.lastName.trim();
  if (record.fullName) out.fullName = record.fullName.trim();
  for (const field of EVIDENCE_FIELD_COLUMNS.keys()) {
    const v = (record as unknown as Record<string, unknown>)[field];
    if (typeof v === 'string' && v.trim() !== '') out[field] = v.trim();
  }
  const attributes = record.attributes;
  if (attributes) for (const k of Object.keys(attributes)) setOwn(out, attributeField(k), attributes[k]!);
  return out;
}

const ATTRIBUTE_PREFIX = 'attribute:';

/** The profile field an attribute is carried in (see `payloadOf`). */
export function attributeField(name: string): string {
  const reserved = PERSON_FIELD_COLUMNS.has(name) || PERSON_FIELD_OF_COLUMN.has(name) || name.startsWith(ATTRIBUTE_PREFIX);
  return reserved ? ATTRIBUTE_PREFIX + name : name;
}

/** Adds the counts of `from` into `into`. */
export function mergeKeyStats(into: KeyStats, from: KeyStats): void {
  for (const [kind, reasons] of Object.entries(from.invalid)) {
    const target = ((into.invalid as Record<string, Record<string, number>>)[kind] ??= {});
    for (const [reason, n] of Object.entries(reasons ?? {})) target[reason] = (target[reason] ?? 0) + n;
  }
  for (const [kind, n] of Object.entries(from.junk)) {
    (into.junk as Record<string, number>)[kind] = ((into.junk as Record<string, number>)[kind] ?? 0) + (n ?? 0);
  }
}
