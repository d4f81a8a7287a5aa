import { mkdir, writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import type { GoldenProfile, LinkEvidence, Reject } from '../types.js';
import { unwritable } from './LineWriter.js';

/** File names written into the output directory (SPEC §5). */
export const OUTPUT_FILES = {
  mapping: 'mapping.csv',
  profiles: 'profiles.ndjson',
  rejects: 'rejects.ndjson',
  report: 'report.json',
  evidence: 'evidence.ndjson',
} as const;

/** Header line of `mapping.csv`. */
export const MAPPING_HEADER = 'record_id,profile_id';

const NEEDS_QUOTES = /[",\r\n]/;

/** A CSV cell, quoted per RFC 4180 only when it holds a comma, quote or line break. */
export function csvCell(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One `mapping.csv` line. */
export function mappingLine(recordId: string, profileId: string): string {
  return `${csvCell(recordId)},${csvCell(profileId)}`;
}

/** The JSON shape of a profile line in `profiles.ndjson` (SPEC §4, snake_case top-level names). */
export interface ProfileJson {
  profile_id: string;
  record_ids: readonly string[];
  sources: readonly string[];
  first_seen?: string;
  last_seen?: string;
  identifiers: readonly { kind: string; value: string; records: number; sources: readonly string[] }[];
  fields: Record<string, { value: string | number | boolean | null; record_id: string; source?: string; rule: string }>;
}

// Record fields spelt in camelCase by the library, written with their input column names.
const FIELD_NAMES: Readonly<Record<string, string>> = { firstName: 'first_name', lastName: 'last_name', fullName: 'full_name' };

/**
 * A golden profile as written to `profiles.ndjson`: snake_case names; field keys use the input column names
 * (`first_name`, attributes as they came).
 */
export function toProfileJson(profile: GoldenProfile): ProfileJson {
  const fields: ProfileJson['fields'] = {};
  for (const name in profile.fields) {
    const f = profile.fields[name]!;
    fields[FIELD_NAMES[name] ?? name] = { value: f.value, record_id: f.recordId, source: f.source, rule: f.rule };
  }
  return {
    profile_id: profile.profileId,
    record_ids: profile.recordIds,
    sources: profile.sources,
    first_seen: profile.firstSeen,
    last_seen: profile.lastSeen,
    // perf: a ProfileIdentifier is already { kind, value, records, sources }, in that order.
    identifiers: profile.identifiers,
    fields,
  };
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
}

/** One link decision as written to `evidence.ndjson`. */
export function toEvidenceJson(e: LinkEvidence): EvidenceJson {
  return { record_a: e.recordA, record_b: e.recordB, kind: e.kind, key: e.key, accepted: e.accepted, guard: e.guard, why: e.why };
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
  };
}

/** One line of `rejects.ndjson`: `{"row": n, "file": …, "input": …, "reasons": […]}`. */
export function rejectLine(reject: Reject): string {
  return JSON.stringify({ row: reject.row, file: reject.file, input: reject.input, reasons: reject.reasons });
}

/** Creates the output directory (and parents). Throws `output_unwritable`. */
export async function ensureOutDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw unwritable(dir, e);
  }
}

/** Writes pretty JSON atomically-ish (partial file, then rename). Throws `output_unwritable`. */
export async function writeJsonFile(file: string, value: unknown): Promise<void> {
  const partial = path.join(path.dirname(file), `.${path.basename(file)}.partial`);
  try {
    await writeFile(partial, `${JSON.stringify(value, null, 2)}\n`);
    await rename(partial, file);
  } catch (e) {
    throw unwritable(file, e);
  }
}
