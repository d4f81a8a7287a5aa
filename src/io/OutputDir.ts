import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, mkdir, mkdtemp, open, readdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { IdweaveError } from '../errors.js';
import { LineWriter, unwritable, type WrittenFile } from './LineWriter.js';
import { abandonOpenOutputsSync, OPEN_OUTPUTS } from './openOutputs.js';
import { EXPLAIN_INDEX_FILE } from './explainIndex.js';
import { OUTPUT_FILES } from './outputFiles.js';
import { MANIFEST_FILE, parseManifest, type Manifest, type ManifestFile } from './manifest.js';

/** The lock file that makes one run at a time the writer of an output directory. */
export const LOCK_FILE = '.idweave.lock';
const STAGING_PREFIX = '.idweave-staging-';
/** In staging during publish: the names of the outputs of the run being replaced. */
const PREVIOUS_FILES = '.previous.json';

/**
 * Names idweave publishes into an output directory (today's, and those the spec names for coming outputs). A
 * manifest naming anything else is not ours: never rolled forward. On publish, the previous run's outputs (as
 * its valid manifest lists them) that the new run lacks are removed; no other file is ever touched.
 */
export const KNOWN_OUTPUTS: readonly string[] = [
  ...Object.values(OUTPUT_FILES),
  EXPLAIN_INDEX_FILE,
  'mapping.parquet', 'profiles.parquet',
];

/** Who holds an output directory's lock. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly started: string;
  readonly token: string;
}

/**
 * The output-directory protocol, written once for every output (docs/security.md):
 *
 * 1. `open` takes an exclusive lock (`.idweave.lock`, created with O_EXCL; a lock left by a dead process on this
 *    host is taken over), finishes or removes what an interrupted run left, and creates a private staging
 *    directory (`mkdtemp`, mode 0700) inside the output directory, so renames stay on one file system.
 * 2. Files are written only inside staging, created exclusively and never through a symbolic link.
 * 3. `publish` writes `manifest.json` into staging last, then moves the files into place: the old manifest is
 *    removed first (a reader sees no run rather than a mix of two), the files are renamed over the old ones
 *    (rename replaces a planted link, never follows it), outputs of the old run that the new one does not
 *    have are removed, and the manifest is renamed last: that rename is the commit point.
 * 4. A run that fails (`abort`) removes its staging and leaves the published run untouched. A run killed
 *    before its manifest was complete leaves staging that the next run removes; one killed while publishing
 *    left a complete staging that the next `open` finishes publishing (roll forward).
 */
export class OutputDir {
  private readonly files = new Map<string, WrittenFile>();
  private readonly writers = new Set<LineWriter>();
  private done = false;
  /** Files are being moved into place: from here on, staging is kept for roll-forward, whatever happens. */
  private committing = false;

  private constructor(
    readonly dir: string,
    readonly staging: string,
    private readonly lock: LockHolder,
  ) {
    OPEN.add(this);
  }

  /** Locks `dir` (created if missing) and prepares a staging directory. Throws `output_locked`, `output_unwritable`. */
  static async open(dir: string): Promise<OutputDir> {
    try {
      await mkdir(dir, { recursive: true });
    } catch (e) {
      throw unwritable(dir, e);
    }
    const lock = await acquireLock(dir);
    try {
      await recoverStaging(dir);
      const staging = await mkdtemp(path.join(dir, STAGING_PREFIX));
      return new OutputDir(dir, staging, lock);
    } catch (e) {
      await releaseLock(dir, lock);
      throw e instanceof IdweaveError ? e : unwritable(dir, e);
    }
  }

  get lockToken(): string {
    return this.lock.token;
  }

  get lockFile(): string {
    return path.join(this.dir, LOCK_FILE);
  }

  get isCommitting(): boolean {
    return this.committing;
  }

  /** A line writer for output `name` in staging (`hashed`: see `LineWriter.create`). */
  async writer(name: string, options?: { hashed?: boolean }): Promise<LineWriter> {
    const w = await LineWriter.create(path.join(this.staging, checkName(name)), options);
    this.writers.add(w);
    return w;
  }

  /** Closes a writer and records the file for the manifest (`sha256`: an unhashed writer's checksum). */
  async close(name: string, writer: LineWriter, sha256?: string): Promise<WrittenFile> {
    const written = await writer.close(sha256);
    this.writers.delete(writer);
    this.files.set(name, written);
    return written;
  }

  /** Writes a whole file (pretty JSON for objects) in staging. */
  async writeJson(name: string, value: unknown): Promise<WrittenFile> {
    const w = await this.writer(name);
    writeText(w, `${JSON.stringify(value, null, 2)}\n`);
    return this.close(name, w);
  }

  /** Writes a whole text file (an HTML page) in staging. */
  async writeText(name: string, text: string): Promise<WrittenFile> {
    const w = await this.writer(name);
    writeText(w, text);
    return this.close(name, w);
  }

  /** Files written so far, with sizes and checksums, in name order. */
  written(): ManifestFile[] {
    return [...this.files].map(([name, f]) => ({ name, ...f })).sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  /**
   * Commits the run: the manifest (`files` filled in from what was written) and the move into place (see the
   * class comment). Releases the lock.
   */
  async publish(manifest: Omit<Manifest, 'files'>): Promise<Manifest> {
    if (this.writers.size > 0) throw new IdweaveError('usage', `${this.dir}: publish with ${this.writers.size} file(s) still open`);
    const full: Manifest = { ...manifest, files: this.written() };
    try {
      const w = await LineWriter.create(path.join(this.staging, MANIFEST_FILE));
      writeText(w, `${JSON.stringify(full, null, 2)}\n`);
      await w.close();
      await checkLockHeld(this.dir, this.lock);
      if (!(await commitStaging(this.dir, this.staging, () => (this.committing = true)))) {
        throw new IdweaveError('output_unwritable', `${this.dir}: the staged files changed before they were published`);
      }
    } catch (e) {
      if (this.committing) {
        // Files already moved: removing staging now would lose both runs. Leave it; the next run into this
        // directory finishes publishing it (roll forward).
        this.done = true;
        OPEN.delete(this);
        await releaseLock(this.dir, this.lock);
        const why = e instanceof Error ? e.message : String(e);
        throw new IdweaveError('output_unwritable', `${this.dir}: publishing was interrupted (${why}); the next idweave run into this directory finishes it`);
      }
      await this.abort();
      throw e instanceof IdweaveError ? e : unwritable(this.dir, e);
    }
    this.done = true;
    OPEN.delete(this);
    await releaseLock(this.dir, this.lock);
    return full;
  }

  /** Drops the run: closes writers, removes staging, releases the lock. Never throws; safe to call twice. */
  async abort(): Promise<void> {
    if (this.done) return;
    this.done = true;
    OPEN.delete(this);
    for (const w of this.writers) await w.abort();
    this.writers.clear();
    await rm(this.staging, { recursive: true, force: true }).catch(() => {});
    await releaseLock(this.dir, this.lock);
  }
}

/** Buffers a whole text (lines ending in newlines), counting its lines. */
function writeText(w: LineWriter, text: string): void {
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  w.writeBlock(text, lines);
}

const OPEN = OPEN_OUTPUTS;
export { abandonOpenOutputsSync };

function checkName(name: string): string {
  if (name !== path.basename(name) || name.startsWith('.') || name === MANIFEST_FILE) throw new IdweaveError('usage', `bad output file name "${name}"`);
  return name;
}

/**
 * Moves a complete staging directory's files into `dir`, manifest last; removes the staging directory. The
 * staging manifest must be a valid manifest naming only outputs idweave writes (`KNOWN_OUTPUTS`), each present
 * (in staging, or already moved) with its listed size: a planted or damaged staging directory is never
 * published, and no name can reach outside `dir`. Returns false (nothing touched) when it is not such a staging.
 */
async function commitStaging(dir: string, staging: string, onStart?: () => void): Promise<boolean> {
  const manifest = parseManifest(await readFile(path.join(staging, MANIFEST_FILE), 'utf8').catch(() => ''));
  if (manifest === undefined || !manifest.files.every((f) => KNOWN_OUTPUTS.includes(f.name))) return false;
  for (const f of manifest.files) {
    const size = (await regularFileSize(path.join(staging, f.name))) ?? (await regularFileSize(path.join(dir, f.name)));
    if (size !== f.bytes) return false;
  }
  const listed = new Set(manifest.files.map((f) => f.name));
  // The old run's outputs, noted in staging before its manifest goes, so a roll-forward still removes them.
  const noted = path.join(staging, PREVIOUS_FILES);
  let previous = (await readFile(noted, 'utf8').then((t) => JSON.parse(t) as unknown, () => undefined)) as string[] | undefined;
  if (!Array.isArray(previous)) {
    previous = await previousFiles(dir);
    await writeFile(noted, JSON.stringify(previous));
  }
  previous = previous.filter((n) => typeof n === 'string' && KNOWN_OUTPUTS.includes(n));
  onStart?.();
  await unlink(path.join(dir, MANIFEST_FILE)).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw e;
  });
  for (const f of manifest.files) {
    // Rolling forward an interrupted publish: some files may already be in place.
    try {
      await rename(path.join(staging, f.name), path.join(dir, f.name));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  for (const name of previous) if (!listed.has(name)) await unlink(path.join(dir, name)).catch(() => {});
  await rename(path.join(staging, MANIFEST_FILE), path.join(dir, MANIFEST_FILE));
  await rm(staging, { recursive: true, force: true });
  return true;
}

async function regularFileSize(file: string): Promise<number | undefined> {
  try {
    const st = await lstat(file);
    return st.isFile() ? st.size : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Outputs of the currently published run that a new run may remove: the names its (valid) manifest lists that
 * idweave writes. Without a valid manifest, none: a file idweave did not provably write is never removed.
 */
async function previousFiles(dir: string): Promise<string[]> {
  const m = parseManifest(await readFile(path.join(dir, MANIFEST_FILE), 'utf8').catch(() => ''));
  return m === undefined ? [] : m.files.map((f) => f.name).filter((n) => KNOWN_OUTPUTS.includes(n));
}

/**
 * Staging left by earlier runs (we hold the lock, so their writers are gone): finish publishing a complete one of
 * ours (owned by this user, with a valid manifest whose files are all there), remove the rest.
 */
async function recoverStaging(dir: string): Promise<void> {
  const left = (await readdir(dir)).filter((n) => n.startsWith(STAGING_PREFIX)).sort();
  for (const name of left) {
    const staging = path.join(dir, name);
    const st = await lstat(staging);
    if (!st.isDirectory()) continue;
    const ours = typeof process.getuid !== 'function' || st.uid === process.getuid();
    if (!ours || !(await commitStaging(dir, staging))) await rm(staging, { recursive: true, force: true });
  }
}

async function acquireLock(dir: string): Promise<LockHolder> {
  const file = path.join(dir, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, host: os.hostname(), started: new Date().toISOString(), token: randomUUID() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const h = await open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
      try {
        await h.writeFile(`${JSON.stringify(me)}\n`);
        await h.close();
      } catch (e) {
        // An empty lock (disk full) would refuse every later run: it is ours, remove it.
        await h.close().catch(() => {});
        await unlink(file).catch(() => {});
        throw unwritable(file, e);
      }
      return me;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw unwritable(file, e);
    }
    const holder = await readLock(file);
    if (holder === 'not-a-lock') {
      throw new IdweaveError('output_locked', `${dir}: ${LOCK_FILE} exists but is not an idweave lock (a link or another file); remove it if no idweave run is writing here`);
    }
    if (holder === 'starting') {
      // Created this instant by another run that has not written its details yet.
      await new Promise((r) => setTimeout(r, 200));
      const again = await readLock(file);
      if (again === 'starting') throw new IdweaveError('output_locked', `${dir}: another idweave run is starting here (${LOCK_FILE} is empty); remove it if no run is`);
      continue;
    }
    if (holder !== undefined && holder.host === os.hostname() && !isHeld(holder)) {
      // Left by a process that died (killed, crashed): take it over.
      await unlink(file).catch(() => {});
      continue;
    }
    if (holder === undefined) continue; // removed meanwhile: try again
    throw new IdweaveError(
      'output_locked',
      `${dir}: another idweave run is writing here (pid ${holder.pid} on ${holder.host}, started ${holder.started}); wait for it to finish, or remove ${file} if that process is gone`,
    );
  }
  throw new IdweaveError('output_locked', `${dir}: could not take ${LOCK_FILE} (other runs keep taking it)`);
}

async function readLock(file: string): Promise<LockHolder | 'not-a-lock' | 'starting' | undefined> {
  try {
    const st = await lstat(file);
    if (!st.isFile()) return 'not-a-lock';
    const text = await readFile(file, 'utf8');
    if (text === '') return Date.now() - st.mtimeMs > 60_000 ? 'not-a-lock' : 'starting';
    const v = JSON.parse(text) as Partial<LockHolder>;
    if (typeof v.pid !== 'number' || typeof v.host !== 'string' || typeof v.token !== 'string') return 'not-a-lock';
    return { pid: v.pid, host: v.host, started: String(v.started), token: v.token };
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : 'not-a-lock';
  }
}

/** Before publishing: the lock is still ours (nobody removed it by hand and started another run). */
async function checkLockHeld(dir: string, lock: LockHolder): Promise<void> {
  const holder = await readLock(path.join(dir, LOCK_FILE));
  if (typeof holder !== 'object' || holder.token !== lock.token) {
    throw new IdweaveError('output_locked', `${dir}: ${LOCK_FILE} was removed or taken by another run while this run was writing; nothing was published`);
  }
}

async function releaseLock(dir: string, lock: LockHolder): Promise<void> {
  const file = path.join(dir, LOCK_FILE);
  const holder = await readLock(file);
  if (typeof holder === 'object' && holder.token === lock.token) await unlink(file).catch(() => {});
}

/**
 * True when the lock's process still runs. Our own pid counts only if this process holds that lock: a restarted
 * container reuses pids, and a lock with our pid that we do not hold was left by an earlier life.
 */
function isHeld(holder: LockHolder): boolean {
  if (holder.pid === process.pid) return [...OPEN].some((o) => o.lockToken === holder.token);
  return isAlive(holder.pid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
