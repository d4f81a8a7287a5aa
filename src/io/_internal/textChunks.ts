import { rawChunks } from './rawChunks.js';

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
  const decoder = new TextDecoder('utf-8');
  for await (const buf of rawChunks(file, gzip, chunkBytes, onBytesRead)) {
    const text = decoder.decode(buf, { stream: true });
    if (text.length > 0) yield text;
  }
  const tail = decoder.decode();
  if (tail.length > 0) yield tail;
}
