import type { Hash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { IdweaveError } from '../../errors.js';

/** Raw bytes of a file, gunzipped when `gzip`, with errors as `IdweaveError`s naming the file. */
export async function* rawChunks(
  file: string,
  gzip: boolean,
  chunkBytes: number,
  onBytesRead?: (bytesRead: number, bytesTotal: number) => void,
  hash?: Hash,
): AsyncGenerator<Buffer> {
  const { handle, size } = await openInput(file);
  const raw = handle.createReadStream({ highWaterMark: chunkBytes });
  // The on-disk bytes are hashed as they pass: by the pipe's 'data' events when gunzipping (the loop sees
  // gunzipped bytes), in the loop otherwise (a 'data' listener would take the stream from the loop).
  if (gzip && hash) raw.on('data', (b: string | Buffer) => void hash.update(b));
  const source: Readable = gzip ? pipeline(raw, createGunzip({ chunkSize: Math.max(chunkBytes, 64 * 1024) }), () => {}) : raw;
  try {
    for await (const buf of source as AsyncIterable<Buffer>) {
      if (!gzip) hash?.update(buf);
      onBytesRead?.(raw.bytesRead, size);
      yield buf;
    }
  } catch (e) {
    if (e instanceof IdweaveError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (gzip && code.startsWith('Z_')) throw new IdweaveError('input_unreadable', `${file}: corrupt gzip data (${(e as Error).message})`);
    throw unreadable(file, e);
  } finally {
    raw.destroy();
    source.destroy();
  }
}

/** An input file opened for reading, and its size; not a regular file, or not there, is an `IdweaveError` naming it. */
export async function openInput(file: string): Promise<{ handle: FileHandle; size: number }> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (e) {
    throw unreadable(file, e);
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new IdweaveError('input_unreadable', `${file}: not a regular file`);
    return { handle, size: st.size };
  } catch (e) {
    await handle.close();
    throw e instanceof IdweaveError ? e : unreadable(file, e);
  }
}

/** A file that cannot be read, as the error every input reader gives. */
export function unreadable(file: string, e: unknown): IdweaveError {
  const err = e as NodeJS.ErrnoException;
  const why =
    err.code === 'ENOENT' ? 'file not found'
    : err.code === 'EACCES' || err.code === 'EPERM' ? 'permission denied'
    : err.code === 'EISDIR' ? 'is a directory'
    : `cannot read (${err.message ?? String(e)})`;
  return new IdweaveError('input_unreadable', `${file}: ${why}`);
}
