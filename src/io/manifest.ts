import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { IdweaveError } from '../errors.js';

/** The file that commits a published run: written last, read first. */
export const MANIFEST_FILE = 'manifest.json';

const fileEntry = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'a plain file name'),
  bytes: z.number().int().min(0),
  lines: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

const manifestSchema = z.strictObject({
  format: z.literal('idweave.output'),
  version: z.literal(1),
  /** Random per run: tells two runs' outputs apart even when their inputs are the same. */
  runId: z.string().min(1),
  createdAt: z.string(),
  idweave: z.string(),
  inputs: z.array(z.strictObject({ file: z.string(), bytes: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
  counts: z.strictObject({
    recordsIn: z.number().int().min(0),
    accepted: z.number().int().min(0),
    rejected: z.number().int().min(0),
    profiles: z.number().int().min(0),
  }),
  files: z.array(fileEntry),
});

/** A manifest's text parsed and checked for shape, or undefined when it is not one (no files are looked at). */
export function parseManifest(text: string): Manifest | undefined {
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `manifest.json`: what one complete run published into an output directory. Every file of the run is listed
 * with its size, line count and SHA-256; a file not listed is not part of the run.
 */
export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestFile = z.infer<typeof fileEntry>;

export interface ReadManifestOptions {
  /**
   * `sizes` (default): every listed file exists, is a regular file and has the listed size: cheap, catches a
   * mix of two runs and truncation. `checksums`: also re-hashes every file (reads all bytes).
   */
  readonly verify?: 'sizes' | 'checksums';
}

/**
 * Reads and checks the manifest of a published output directory. Throws `IdweaveError('output_invalid')` when it
 * is missing (no complete run here, or one was interrupted while publishing), malformed, or does not match the
 * files beside it.
 */
export async function readManifest(dir: string, options: ReadManifestOptions = {}): Promise<Manifest> {
  const file = path.join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new IdweaveError('output_invalid', `${dir}: no ${MANIFEST_FILE}, so no complete idweave run is published here (is it the --out directory of idweave resolve? was the run interrupted?)`);
    }
    throw new IdweaveError('input_unreadable', `${file}: cannot read (${(e as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new IdweaveError('output_invalid', `${file}: not valid JSON (damaged?)`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new IdweaveError('output_invalid', `${file}: not an idweave manifest:\n  ${issues.slice(0, 10).join('\n  ')}`, issues);
  }
  const manifest = parsed.data;
  const problems: string[] = [];
  for (const f of manifest.files) {
    const p = path.join(dir, f.name);
    try {
      const st = await lstat(p);
      if (!st.isFile()) problems.push(`${f.name}: not a regular file`);
      else if (st.size !== f.bytes) problems.push(`${f.name}: ${st.size} bytes, the manifest says ${f.bytes} (from another run, or damaged)`);
      else if (options.verify === 'checksums' && (await sha256File(p)) !== f.sha256) problems.push(`${f.name}: checksum differs from the manifest (damaged or edited)`);
    } catch {
      problems.push(`${f.name}: listed in the manifest but missing`);
    }
  }
  if (problems.length > 0) throw new IdweaveError('output_invalid', `${dir}: the files do not match ${MANIFEST_FILE}:\n  ${problems.join('\n  ')}`, problems);
  return manifest;
}

/** The manifest entry of a file, or undefined when the run did not write it. */
export function manifestFile(manifest: Manifest, name: string): ManifestFile | undefined {
  return manifest.files.find((f) => f.name === name);
}

/** SHA-256 of a file's bytes, hex, streamed. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
