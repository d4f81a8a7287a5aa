import type { Hash } from 'node:crypto';
import { PassThrough, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { IdweaveError } from '../../errors.js';

/** The input name of standard input on the command line and in rejects, report.json and the manifest. */
export const STDIN = '-';

/**
 * Raw bytes of a stream (standard input), gunzipped when they start with gzip's magic bytes (1f 8b): a pipe has
 * no file name to tell. `onBytesRead` and `hash` see the bytes as they came (compressed, for gzip), like a file's
 * on-disk bytes. Errors are `IdweaveError`s naming `name`.
 */
export async function* streamChunks(
  stream: AsyncIterable<Uint8Array | string>,
  name: string,
  onBytesRead?: (bytesRead: number) => void,
  hash?: Hash,
): AsyncGenerator<Buffer> {
  const it = stream[Symbol.asyncIterator]();
  let bytesRead = 0;
  const next = async (): Promise<Buffer | undefined> => {
    let r: IteratorResult<Uint8Array | string>;
    try {
      r = await it.next();
    } catch (e) {
      throw new IdweaveError('input_unreadable', `${name}: cannot read (${(e as Error).message})`);
    }
    if (r.done) return undefined;
    const b = typeof r.value === 'string' ? Buffer.from(r.value) : Buffer.from(r.value.buffer, r.value.byteOffset, r.value.byteLength);
    bytesRead += b.length;
    hash?.update(b);
    onBytesRead?.(bytesRead);
    return b;
  };
  try {
    // Enough bytes to see the magic (a pipe may deliver one byte at a time).
    let head: Buffer = Buffer.alloc(0);
    for (;;) {
      if (head.length >= 2) break;
      const b = await next();
      if (b === undefined) break;
      head = head.length === 0 ? b : Buffer.concat([head, b]);
    }
    if (!(head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b)) {
      if (head.length > 0) yield head;
      for (let b = await next(); b !== undefined; b = await next()) yield b;
      return;
    }
    // gzip: feed the raw bytes through a gunzip stream, reading its output as it comes.
    const raw = new PassThrough();
    const gunzip = pipeline(raw, createGunzip(), () => {});
    const feed = (async () => {
      let b: Buffer | undefined = head;
      while (b !== undefined) {
        if (!raw.write(b)) await new Promise((r) => raw.once('drain', r));
        b = await next();
      }
      raw.end();
    })();
    let fed: unknown;
    feed.catch((e: unknown) => {
      fed = e;
      gunzip.destroy(e as Error);
    });
    try {
      for await (const out of gunzip as AsyncIterable<Buffer>) yield out;
    } catch (e) {
      if (fed !== undefined) throw fed;
      const code = (e as NodeJS.ErrnoException).code ?? '';
      if (code.startsWith('Z_')) throw new IdweaveError('input_unreadable', `${name}: corrupt gzip data (${(e as Error).message})`);
      throw new IdweaveError('input_unreadable', `${name}: cannot read (${(e as Error).message})`);
    }
    await feed;
  } finally {
    await it.return?.();
  }
}

/**
 * Chunks of a one-pass source that can be looked at before they are read: `peek()` gives the chunks from the
 * start, keeping them; `chunks()` then gives every chunk once, the kept ones first. Standard input's CSV header
 * is read this way before the run starts (a pipe cannot be read twice). What `peek` keeps is what it read: the
 * header row and a little more.
 */
export class PeekableChunks {
  private readonly kept: Buffer[] = [];
  private readonly it: AsyncIterator<Buffer>;
  private done = false;

  constructor(source: AsyncIterable<Buffer>) {
    this.it = source[Symbol.asyncIterator]();
  }

  /**
   * The chunks from the start, as copies (a reader may change its bytes in place: an old-Mac file's CRs); those
   * read are kept for `chunks`. Stop early (break) when enough is seen.
   */
  async *peek(): AsyncGenerator<Buffer> {
    for (let i = 0; ; i++) {
      if (i < this.kept.length) {
        yield Buffer.from(this.kept[i]!);
        continue;
      }
      if (this.done) return;
      const r = await this.it.next();
      if (r.done) {
        this.done = true;
        return;
      }
      this.kept.push(r.value);
      yield Buffer.from(r.value);
    }
  }

  /** Every chunk once: the kept ones, then the rest of the source. */
  async *chunks(): AsyncGenerator<Buffer> {
    while (this.kept.length > 0) yield this.kept.shift()!;
    while (!this.done) {
      const r = await this.it.next();
      if (r.done) {
        this.done = true;
        return;
      }
      yield r.value;
    }
  }

  /** Stops the source (a run that fails before reading it all). */
  async close(): Promise<void> {
    this.done = true;
    await this.it.return?.();
  }
}
