import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

// Node's types declare WebAssembly's types but not its values (those are in the DOM library).
const wasm = (globalThis as unknown as { WebAssembly: { Memory: new (d: { initial: number }) => { buffer: ArrayBuffer } } }).WebAssembly;

/** Bytes staged per write; a multiple of `ALIGN`. */
const STAGE = 1 << 20;
/** Direct I/O needs the buffer's address, the length and the file offset aligned to the device's logical block (512 or 4096). */
const ALIGN = 4096;

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
 * file system allows it, and through it where not (tmpfs, other systems, a device that refuses the alignment).
 *
 * Why: a batch run writes its outputs once (16 GB at 20M rows) and never reads them back. Through the page cache,
 * each byte costs a page allocated, zeroed by the hypervisor on first touch and copied: measured on the 2-core VM
 * the benchmarks run on, 1.2–3 s of kernel CPU a GB once free memory has been handed back to the host, against
 * ~0.06 s a GB direct (docs/benchmarks.md, "Writing around the page cache"). Direct writes go to the device from
 * two staging buffers, one filled while the other is written, so the caller waits only when the disk is behind.
 *
 * The staging buffers come from a `WebAssembly.Memory`: the one page-aligned memory JavaScript can allocate
 * (an `ArrayBuffer`'s address is whatever `malloc` gives). The last block is written padded to the alignment and
 * the file truncated to its length.
 */
export class BlockFile {
  private stage: Uint8Array[];
  /** The stage being filled, and how full it is. */
  private current = 0;
  private fill = 0;
  /** File offset of the current stage's first byte. */
  private position = 0;
  /** The write of the other stage, while in flight. */
  private pending: Promise<void> | undefined;
  private failure: unknown;

  private constructor(
    private handle: FileHandle,
    private direct: boolean,
    private readonly file: string,
    skew: number,
  ) {
    const memory = new Uint8Array(new wasm.Memory({ initial: (2 * STAGE) / 65536 + 1 }).buffer);
    this.stage = [memory.subarray(skew, skew + STAGE), memory.subarray(skew + STAGE, skew + 2 * STAGE)];
  }

  /**
   * Opens `file` with `flags` (write-only; create, exclusive, no link: as the caller asks) and `mode`, then, when
   * `direct`, a second handle on the same file with `O_DIRECT` for the writes, if the file system takes it (tmpfs
   * before Linux 6.6 refuses it at open, and it is undefined off Linux). perf: the file is created by the first open
   * so that its creation rules stay the caller's whatever the second does.
   */
  static async open(file: string, flags: number, mode: number, { direct = true, skew = 0 }: BlockFileOptions = {}): Promise<BlockFile> {
    const created = await open(file, flags, mode);
    const O_DIRECT = constants.O_DIRECT;
    if (!direct || O_DIRECT === undefined || O_DIRECT === 0) return new BlockFile(created, false, file, skew);
    let directHandle: FileHandle;
    try {
      directHandle = await open(file, constants.O_WRONLY | constants.O_NOFOLLOW | O_DIRECT);
    } catch {
      return new BlockFile(created, false, file, skew);
    }
    await created.close();
    return new BlockFile(directHandle, true, file, skew);
  }

  /** Whether writes bypass the page cache (for tests and the report). */
  get isDirect(): boolean {
    return this.direct;
  }

  /** Appends `bytes` (copied: the caller may reuse them at once). */
  async write(bytes: Uint8Array): Promise<void> {
    let from = 0;
    while (from < bytes.length) {
      const n = Math.min(bytes.length - from, STAGE - this.fill);
      this.stage[this.current]!.set(bytes.subarray(from, from + n), this.fill);
      this.fill += n;
      from += n;
      if (this.fill === STAGE) await this.swap();
    }
  }

  /** Writes what is staged and closes the file. */
  async close(): Promise<void> {
    await this.settle();
    const length = this.position + this.fill;
    if (this.fill > 0) {
      const stage = this.stage[this.current]!;
      const padded = this.direct ? Math.ceil(this.fill / ALIGN) * ALIGN : this.fill;
      stage.fill(0, this.fill, padded);
      await this.writeAt(stage.subarray(0, padded), this.position);
      if (padded !== this.fill) await this.handle.truncate(length);
    }
    const handle = this.handle;
    await handle.close();
  }

  /** Closes the file without writing what is staged; never throws. */
  async abort(): Promise<void> {
    await this.pending;
    await this.handle.close().catch(() => {});
  }

  /** Starts writing the full stage and moves to the other, once its own write is done. */
  private async swap(): Promise<void> {
    await this.settle();
    const stage = this.stage[this.current]!;
    const at = this.position;
    // A rejection is kept for the next call (`settle`), never left unhandled.
    this.pending = this.writeAt(stage, at).then(
      () => {},
      (e: unknown) => {
        this.failure = e;
      },
    );
    this.position += STAGE;
    this.current ^= 1;
    this.fill = 0;
  }

  private async settle(): Promise<void> {
    const p = this.pending;
    this.pending = undefined;
    await p;
    if (this.failure !== undefined) {
      const e = this.failure;
      this.failure = undefined;
      throw e;
    }
  }

  /**
   * Writes all of `bytes` at `at`. A direct write the device refuses (EINVAL: an alignment it does not accept) is
   * written again through the page cache, and so is everything after it.
   */
  private async writeAt(bytes: Uint8Array, at: number): Promise<void> {
    let done = 0;
    while (done < bytes.length) {
      let written: number;
      try {
        ({ bytesWritten: written } = await this.handle.write(bytes, done, bytes.length - done, at + done));
      } catch (e) {
        if (!this.direct || (e as NodeJS.ErrnoException).code !== 'EINVAL') throw e;
        await this.reopenBuffered();
        continue;
      }
      if (written === 0) throw Object.assign(new Error(`${this.file}: a write wrote nothing`), { code: 'EIO' });
      done += written;
    }
  }

  /** The same file, opened again without `O_DIRECT` (never created, never through a link). */
  private async reopenBuffered(): Promise<void> {
    const direct = this.handle;
    this.handle = await open(this.file, constants.O_WRONLY | constants.O_NOFOLLOW);
    this.direct = false;
    await direct.close().catch(() => {});
  }
}
