import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { IdweaveError } from '../errors.js';
import { MAX_ID_RANGE } from '../identity/profileIds.js';
import { PreviousRun } from '../identity/PreviousRun.js';
import { manifestFile, readManifest } from './manifest.js';
import { csvUnsafe, OUTPUT_FILES } from './outputFiles.js';
import { readRowBatches } from './readRows.js';

export const IDENTITY_FILE = OUTPUT_FILES.identity;
export const FINGERPRINTS_FILE = OUTPUT_FILES.fingerprints;

export const identitySchema = z.strictObject({
  format: z.literal('idweave.identity'),
  version: z.literal(1),
  /** The id range this run allocated in (identity/profileIds). */
  idRange: z.number().int().min(0).max(MAX_ID_RANGE),
  /** The allocator's next serial: the next run continues from here, so no id is handed out twice. */
  nextSerial: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  /** Records in the mapping (= entries of `fingerprints.bin`). */
  records: z.number().int().min(0),
  /** The mapping file the records are in (`mapping.csv` or `mapping.parquet`), and whether its ids are CSV-escaped. */
  mapping: z.enum(['mapping.csv', 'mapping.parquet']),
  csvSafe: z.boolean(),
  /**
   * Sizes of `resolver.ndjson`'s key and name tables and of the run's profiles, so that a resolver restored from
   * it allocates each table once (no rehash stalls at 20M). Hints only: never trusted beyond what the file holds.
   */
  tables: z
    .strictObject({
      keys: z.number().int().min(0),
      names: z.number().int().min(0),
      profiles: z.number().int().min(0),
      /** Strong and weak key memberships over all records. */
      strongKeys: z.number().int().min(0),
      weakKeys: z.number().int().min(0),
    })
    .optional(),
});
export type IdentityFile = z.infer<typeof identitySchema>;

/**
 * Reads a published output directory as the previous run of the next one (`idweave resolve --previous DIR`,
 * `resolve(records, { previous })`): each record's profile id and fingerprint, and the id allocator. The
 * directory must be a complete run (its manifest lists `identity.json`); every line is checked.
 *
 * Throws `IdweaveError` `input_unreadable` (no published run there) or `input_invalid` (a run without identity
 * files, or a damaged one), naming the file and line.
 */
export async function readPreviousRun(dir: string): Promise<PreviousRun> {
  const manifest = await readManifest(dir).catch((e: unknown) => {
    throw new IdweaveError('input_unreadable', `--previous ${dir}: ${(e as Error).message}`);
  });
  if (manifestFile(manifest, IDENTITY_FILE) === undefined) {
    throw new IdweaveError('input_invalid', `--previous ${dir}: the run has no ${IDENTITY_FILE} (written by idweave before profile ids carried over); run once without --previous to start a lineage`);
  }
  const identity = await readIdentityFile(dir, `--previous ${dir}`);
  const fingerprints = await readFingerprints(dir, identity.records);
  const run = new PreviousRun(identity.idRange, identity.nextSerial);
  const mapping = path.join(dir, identity.mapping);
  if (manifestFile(manifest, identity.mapping) === undefined) throw new IdweaveError('input_invalid', `--previous ${dir}: ${identity.mapping} is not part of the run`);
  let k = 0;
  for await (const batch of readRowBatches(mapping)) {
    for (const ev of batch) {
      const at = `--previous ${mapping}: row ${ev.row}`;
      if (!('fields' in ev)) throw new IdweaveError('input_invalid', `${at}: ${ev.error}`);
      const recordId = ev.fields['record_id'];
      const profileId = ev.fields['profile_id'];
      if (typeof recordId !== 'string' || typeof profileId !== 'string') throw new IdweaveError('input_invalid', `${at}: expected record_id and profile_id`);
      if (k >= identity.records) throw new IdweaveError('input_invalid', `${at}: more rows than the ${identity.records} ${IDENTITY_FILE} lists`);
      const problem = run.add(identity.csvSafe ? csvUnsafe(recordId) : recordId, profileId, fingerprints[2 * k]!, fingerprints[2 * k + 1]!);
      if (problem !== undefined) throw new IdweaveError('input_invalid', `${at}: ${problem}`);
      k++;
    }
  }
  if (k !== identity.records) throw new IdweaveError('input_invalid', `--previous ${mapping}: ${k} rows, ${IDENTITY_FILE} lists ${identity.records}`);
  return run;
}

/**
 * `identity.json` of a published run, checked; `what` names the caller in the error (`--previous out/`). Throws
 * `IdweaveError('input_invalid')` when it is not valid JSON of the identity schema.
 */
export async function readIdentityFile(dir: string, what: string): Promise<IdentityFile> {
  try {
    const parsed = identitySchema.safeParse(JSON.parse(await readFile(path.join(dir, IDENTITY_FILE), 'utf8')));
    if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '));
    return parsed.data;
  } catch (e) {
    throw new IdweaveError('input_invalid', `${what}: ${IDENTITY_FILE}: ${(e as Error).message}`);
  }
}

async function readFingerprints(dir: string, records: number): Promise<Uint32Array> {
  const file = path.join(dir, FINGERPRINTS_FILE);
  const out = new Uint32Array(2 * records);
  const bytes = new Uint8Array(out.buffer);
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (e) {
    throw new IdweaveError('input_invalid', `--previous ${dir}: ${FINGERPRINTS_FILE}: ${(e as Error).message}`);
  }
  try {
    const size = (await handle.stat()).size;
    if (size !== bytes.length) throw new IdweaveError('input_invalid', `--previous ${file}: ${size} bytes, expected ${bytes.length} (8 per record)`);
    for (let at = 0; at < bytes.length; ) {
      const { bytesRead } = await handle.read(bytes, at, Math.min(1 << 24, bytes.length - at), at);
      if (bytesRead === 0) throw new IdweaveError('input_invalid', `--previous ${file}: ends early`);
      at += bytesRead;
    }
  } finally {
    await handle.close();
  }
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) for (let i = 0; i < out.length; i++) out[i] = swap32(out[i]!);
  return out;
}

function swap32(x: number): number {
  return (((x & 0xff) << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24)) >>> 0;
}
