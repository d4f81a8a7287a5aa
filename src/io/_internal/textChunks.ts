import { open, type FileHandle } from 'node:fs/promises';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { IdweaveError } from '../../errors.js';

/**
 * Decoded text of a file, chunk by chunk, gunzipped when `gzip`. Decoding is UTF-8, non-fatal: invalid bytes
 * become U+FFFD, which the row readers detect and report per row (a fatal decoder would lose the position).
 * A leading BOM is dropped by the decoder.
 */
export async function* textChunks(
  file: string,
  gzip: boolean,
  chunkBytes: number,
  onBytesRead?: (bytesRead: number, bytesTotal: number) => void,
): AsyncGenerator<string> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (e) {
    throw unreadable(file, e);
  }
  let size: number;
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new IdweaveError('input_unreadable', `${file}: not a regular file`);
    size = st.size;
  } catch (e) {
    await handle.close();
    throw e instanceof IdweaveError ? e : unreadable(file, e);
  }
  const raw = handle.createReadStream({ highWaterMark: chunkBytes });
  const source: Readable = gzip ? pipeline(raw, createGunzip({ chunkSize: Math.max(chunkBytes, 64 * 1024) }), () => {}) : raw;
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const buf of source as AsyncIterable<Buffer>) {
      const text = decoder.decode(buf, { stream: true });
      onBytesRead?.(raw.bytesRead, size);
      if (text.length > 0) yield text;
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
  const tail = decoder.decode();
  if (tail.length > 0) yield tail;
}

function unreadable(file: string, e: unknown): IdweaveError {
  const err = e as NodeJS.ErrnoException;
  const why =
    err.code === 'ENOENT' ? 'file not found'
    : err.code === 'EACCES' || err.code === 'EPERM' ? 'permission denied'
    : err.code === 'EISDIR' ? 'is a directory'
    : `cannot read (${err.message ?? String(e)})`;
  return new IdweaveError('input_unreadable', `${file}: ${why}`);
}
