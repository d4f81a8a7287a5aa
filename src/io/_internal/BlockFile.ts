import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

/** Bytes staged per write; a multiple of `ALIGN`. */
const STAGE = 1 << 20;
/** Direct I/O needs the buffer's address, the length and the file offset aligned to the device's logical block (512 or 4096). */
const ALIGN = 4096;
/** WebAssembly pages are 64 KiB (and aligned to at least that). */
const WASM_PAGE = 1 << 16;

export interface BlockFileOptions {
  /** Try `O_DIRECT` (default true). */
  readonly direct?: boolean;
  /**
   * Bytes the staging buffers start past their aligned address (default 0). Tests only: a skewed buffer is one a
   * direct write refuses, to exercise the fall-back to the page cache.
   */
  readonly skew?: number;
}

/**
 * An output file written front to back in large aligned blocks, bypassing the page cache (Linux `O_DIRECT`) where the
 * file system allows it, and through it where not (tmpfs before Linux 6.6, other systems, a device that refuses the
 * alignment, a process whose address space is capped).
 *
 * Why: a batch run writes its outputs once (16 GB at 20M rows) and never reads them back. Through the page cache,
 * each byte costs a page allocated, zeroed by the hypervisor on first touch and copied: measured on the 2-core VM
 * the benchmarks run on, 1.5–3 s of kernel CPU a GB once free memory has been handed back to the host, against
 * ~0.06 s a GB direct (docs/benchmarks.md, "Writing around the page cache"). Direct writes go to the device from
 * two staging buffers, one filled while the other is written, so the caller waits only when the disk is behind.
 * So the file lags what was written by up to two stages (2 MiB) until `close`.
 *
 * The staging buffers come from a `WebAssembly.Memory`: the one page-aligned memory JavaScript can allocate
 * (an `ArrayBuffer`'s address is whatever `malloc` gives). The last block is written padded to the alignment and
 * the file truncated to its length.
 *
 * Errors are sticky: once a write failed, every later `write` and `close` throws it (the file is not what was
 * written), and `abort` closes the handles whatever happened.
 */
export class BlockFile {
  private readonly stage: Uint8Array[];
  /** The stage being filled, and how full it is. */
  private current = 0;
  private fill = 0;
  /** File offset of the current stage's first byte. */
  private position = 0;
  /** The last write started (it never rejects: a failure is kept in `failure`). */
  private pending: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | undefined;
  private closed = false;

  private constructor(
    /** The handle that created the file (the page cache's way). */
    private readonly created: FileHandle,
    /** The same open file with `O_DIRECT`, until a direct write is refused. */
    private direct: FileHandle | undefined,
    stage: Uint8Array,
  ) {
    this.stage = [stage.subarray(0, STAGE), stage.subarray(STAGE, 2 * STAGE)];
  }

  /**
   * Opens `file` with `flags` (write-only; create, exclusive, no link: as the caller asks) and `mode`. When
   * `direct`, the open file is opened again with `O_DIRECT` through `/proc/self/fd` (the same file whatever happens
   * to its path meanwhile), if the system and the file system take it; the first handle stays open for the
   * page cache's way.
   */
  static async open(file: string, flags: number, mode: number, { direct = true, skew = 0 }: BlockFileOptions = {}): Promise<BlockFile> {
    const created = await open(file, flags, mode);
    let directHandle: FileHandle | undefined;
    try {
      const stage = direct ? alignedStage(skew) : undefined;
      if (stage !== undefined) directHandle = await reopenDirect(created);
      return new BlockFile(created, directHandle, directHandle !== undefined ? stage! : Buffer.allocUnsafeSlow(2 * STAGE));
    } catch (e) {
      await directHandle?.close().catch(() => {});
      await created.close().catch(() => {});
      throw e;
    }
  }

  /** Whether writes bypass the page cache (after `close`: whether they did to the end). For tests. */
  get isDirect(): boolean {
    return this.direct !== undefined;
  }

  /** Appends `bytes` (copied: the caller may reuse them at once). */
  async write(bytes: Uint8Array): Promise<void> {
    this.check();
    let from = 0;
    while (from < bytes.length) {
      const n = Math.min(bytes.length - from, STAGE - this.fill);
      this.stage[this.current]!.set(bytes.subarray(from, from + n), this.fill);
      this.fill += n;
      from += n;
      if (this.fill === STAGE) await this.swap();
    }
  }

  /** Writes what is staged and closes the file (its handles are closed even when the last write fails). */
  async close(): Promise<void> {
    try {
      this.check();
      await this.settle();
      if (this.fill > 0) {
        const stage = this.stage[this.current]!;
        const padded = this.direct !== undefined ? Math.ceil(this.fill / ALIGN) * ALIGN : this.fill;
        stage.fill(0, this.fill, padded);
        await this.writeAt(stage.subarray(0, padded), this.position);
        if (padded !== this.fill) await this.created.truncate(this.position + this.fill);
      }
    } finally {
      await this.closeHandles();
    }
  }

  /** Closes the file without writing what is staged, once the write in flight is done; never throws. */
  async abort(): Promise<void> {
    await this.closeHandles().catch(() => {});
  }

  private async closeHandles(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pending;
    await this.direct?.close().catch(() => {});
    await this.created.close();
  }

  /** Starts writing the full stage and moves to the other, once the write before is done. */
  private async swap(): Promise<void> {
    await this.settle();
    const stage = this.stage[this.current]!;
    const at = this.position;
    this.pending = this.writeAt(stage, at).then(
      () => {},
      (error: unknown) => {
        this.failure ??= { error };
      },
    );
    this.position += STAGE;
    this.current ^= 1;
    this.fill = 0;
  }

  private async settle(): Promise<void> {
    await this.pending;
    this.check();
  }

  private check(): void {
    if (this.failure !== undefined) throw this.failure.error;
    if (this.closed) throw Object.assign(new Error('BlockFile: already closed'), { code: 'EBADF' });
  }

  /**
   * Writes all of `bytes` at `at`. A direct write the device refuses (EINVAL: an alignment it does not accept) is
   * written again through the page cache, and so is everything after it.
   */
  private async writeAt(bytes: Uint8Array, at: number): Promise<void> {
    let done = 0;
    while (done < bytes.length) {
      const handle = this.direct ?? this.created;
      let written: number;
      try {
        ({ bytesWritten: written } = await handle.write(bytes, done, bytes.length - done, at + done));
      } catch (e) {
        if (handle !== this.direct || (e as NodeJS.ErrnoException).code !== 'EINVAL') throw e;
        this.direct = undefined;
        await handle.close().catch(() => {});
        continue;
      }
      if (written === 0) throw Object.assign(new Error('a write wrote nothing'), { code: 'EIO' });
      done += written;
    }
  }
}

/**
 * Two stages of page-aligned memory (a `WebAssembly.Memory`), `skew` bytes off; undefined when it cannot be had:
 * each reserves ~10 GiB of address space up front, which a capped address space (`ulimit -v`) refuses.
 */
function alignedStage(skew: number): Uint8Array | undefined {
  try {
    // Node's types declare WebAssembly's types but not its values (those are in the DOM library).
    const wasm = (globalThis as unknown as { WebAssembly: { Memory: new (d: { initial: number }) => { buffer: ArrayBuffer } } }).WebAssembly;
    const memory = new wasm.Memory({ initial: Math.ceil((2 * STAGE + skew) / WASM_PAGE) });
    return new Uint8Array(memory.buffer, skew, 2 * STAGE);
  } catch {
    return undefined;
  }
}

/** The open file of `handle` opened again for writing with `O_DIRECT`, or undefined where that is not possible. */
async function reopenDirect(handle: FileHandle): Promise<FileHandle | undefined> {
  const O_DIRECT = constants.O_DIRECT;
  if (O_DIRECT === undefined || O_DIRECT === 0 || process.platform !== 'linux') return undefined;
  try {
    // A magic link to the open file itself (so no O_NOFOLLOW): the path it was created at plays no part.
    return await open(`/proc/self/fd/${handle.fd}`, constants.O_WRONLY | O_DIRECT);
  } catch {
    return undefined;
  }
}
