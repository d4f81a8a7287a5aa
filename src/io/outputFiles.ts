import type { ProfileLineage } from './profileLineage.js';
import { setOwn } from '../_internal/ownField.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../accept/recordRules.js';
import { PERSON_FIELD_COLUMNS } from '../_internal/nameFields.js';
import type { ResolverEvent } from '../identity/succession.js';
import type { GoldenProfile, LinkEvidence, Reject } from '../types.js';

/** File names written into the output directory (spec §5). */
export const OUTPUT_FILES = {
  mapping: 'mapping.csv',
  profiles: 'profiles.ndjson',
  rejects: 'rejects.ndjson',
  report: 'report.json',
  /** The report as a self-contained page (`src/report/reportHtml`). */
  reportHtml: 'report.html',
  evidence: 'evidence.ndjson',
  /** Profile events relative to `--previous` (docs/identity-over-time.md). */
  changes: 'changes.ndjson',
  /** The id allocator's state and where the per-record identity is (`io/previousRun`). */
  identity: 'identity.json',
  /** Per mapping line, the record's content fingerprint: two little-endian u32. */
  fingerprints: 'fingerprints.bin',
  /** Every record as a resolver holds it (the streamed snapshot format): what `resolverFromBatch` loads. */
  resolver: 'resolver.ndjson',
} as const;

/** Header line of `mapping.csv`. */
export const MAPPING_HEADER = 'record_id,profile_id';

const NEEDS_QUOTES = /[",\r\n]/;
// Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection), with their full-width forms,
// and the escape character itself, so that escaping is one-to-one (`=x` and `'=x` stay different).
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20']/;

/**
 * A CSV cell, quoted per RFC 4180 only when it holds a comma, quote or line break. `csvSafe`: a cell a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) is prefixed with `'` and quoted, as
 * OWASP's CSV-injection guidance says, and so is a cell starting with `'`; `csvUnsafe` undoes it exactly. The
 * value then no longer joins as it was (docs/security.md).
 */
export function csvCell(value: string, csvSafe = false): string {
  if (csvSafe && FORMULA_START.test(value)) return `"'${value.replace(/"/g, '""')}"`;
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The value behind a cell written with `csvSafe` (after CSV unquoting): one leading `'` removed. */
export function csvUnsafe(cell: string): string {
  return cell.charCodeAt(0) === 39 /* ' */ ? cell.slice(1) : cell;
}

/** One `mapping.csv` line. */
export function mappingLine(recordId: string, profileId: string, csvSafe = false): string {
  return `${csvCell(recordId, csvSafe)},${csvCell(profileId, csvSafe)}`;
}

/** The JSON shape of a profile line in `profiles.ndjson` (spec §4, snake_case top-level names). */
export interface ProfileJson {
  profile_id: string;
  record_ids: readonly string[];
  sources: readonly string[];
  first_seen?: string;
  last_seen?: string;
  identifiers: readonly { kind: string; value: string; records: number; sources: readonly string[] }[];
  /** With `--lineage compact` (`io/profileLineage`), `value` and `record_id` only. */
  fields: Record<string, { value: string | number | boolean | null; record_id: string; source?: string; rule?: string }>;
}

/**
 * A golden profile as written to `profiles.ndjson`: snake_case names; field keys use the input column names
 * (`first_name`, attributes as they came); each field's lineage in full or compact (`io/profileLineage`).
 */
export function toProfileJson(profile: GoldenProfile, lineage: ProfileLineage = 'full'): ProfileJson {
  return {
    profile_id: profile.profileId,
    record_ids: profile.recordIds,
    sources: profile.sources,
    first_seen: profile.firstSeen,
    last_seen: profile.lastSeen,
    // perf: a ProfileIdentifier is already { kind, value, records, sources }, in that order.
    identifiers: profile.identifiers,
    fields: toProfileFields(profile.fields, lineage),
  };
}

/**
 * A profile's surviving fields as its line writes them: each under its input column name (`profileFieldName`),
 * with its lineage in full or compact. The batch's profile lines (`batch/profileJson`) write the same from bytes.
 */
export function toProfileFields(fields: GoldenProfile['fields'], lineage: ProfileLineage): ProfileJson['fields'] {
  const out: ProfileJson['fields'] = {};
  for (const name of Object.keys(fields)) {
    const { value, recordId, source, rule } = fields[name]!;
    setOwn(out, profileFieldName(name), lineage === 'compact' ? { value, record_id: recordId } : { value, record_id: recordId, source, rule });
  }
  return out;
}

/** The name field `name` has in a profile line: its input column name (`first_name`), attributes as they came. */
export function profileFieldName(name: string): string {
  return PERSON_FIELD_COLUMNS.get(name) ?? name;
}

/** The JSON shape of a line of `evidence.ndjson`. */
export interface EvidenceJson {
  record_a: string;
  record_b: string;
  kind: string;
  key: string;
  accepted: boolean;
  guard?: string;
  why?: string;
  weight?: number;
  parts?: Record<string, number>;
}

/** One link decision as written to `evidence.ndjson`. */
export function toEvidenceJson(e: LinkEvidence): EvidenceJson {
  return { record_a: e.recordA, record_b: e.recordB, kind: e.kind, key: e.key, accepted: e.accepted, guard: e.guard, why: e.why, weight: e.weight, parts: e.parts as Record<string, number> | undefined };
}

/** The inverse of `toEvidenceJson`, for `explain`; undefined for a line of another shape. */
export function fromEvidenceJson(value: unknown): LinkEvidence | undefined {
  const v = value as Partial<EvidenceJson> | null;
  if (v === null || typeof v !== 'object' || typeof v.record_a !== 'string' || typeof v.record_b !== 'string' || typeof v.accepted !== 'boolean') return undefined;
  return {
    recordA: v.record_a,
    recordB: v.record_b,
    kind: (v.kind ?? 'email') as LinkEvidence['kind'],
    key: v.key ?? '',
    accepted: v.accepted,
    guard: v.guard as LinkEvidence['guard'],
    why: v.why,
    ...(typeof v.weight === 'number' ? { weight: v.weight } : {}),
    ...(v.parts !== null && typeof v.parts === 'object' ? { parts: v.parts } : {}),
  };
}

/**
 * One line of `rejects.ndjson`: `{"row": n, "file": …, "input": …, "reasons": […], "issues": [{code, path, message}]}`. An input too deeply nested
 * to serialize (it was rejected for that) is replaced by a note: one bad row must not stop the run.
 */
export function rejectLine(reject: Reject): string {
  const input = nestsDeeperThan(reject.input) ? `(not shown: nested deeper than ${MAX_JSON_DEPTH} levels)` : reject.input;
  return JSON.stringify({ row: reject.row, file: reject.file, input, reasons: reject.reasons, issues: reject.issues });
}

/** A line of `changes.ndjson`: the event with the outputs' snake_case names (docs/identity-over-time.md). */
export function changeLine(e: ResolverEvent): string {
  switch (e.type) {
    case 'created':
    case 'joined':
    case 'updated':
      return JSON.stringify({ type: e.type, profile_id: e.profileId, record_ids: e.recordIds });
    case 'merged':
      return JSON.stringify({ type: e.type, profile_id: e.profileId, merged_ids: e.mergedIds });
    case 'split':
      return JSON.stringify({ type: e.type, profile_id: e.profileId, new_ids: e.newIds });
    case 'deleted':
      return JSON.stringify({ type: e.type, profile_id: e.profileId });
  }
}
