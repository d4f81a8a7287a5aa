/**
 * Byte storage in chunks (`ByteSlab`, under ByteInterner and PayloadStore) addresses an entry as chunk · 2^32 + offset: a Float64 holds
 * it exactly, and an entry never spans two chunks.
 */
export const CHUNK_BASE = 2 ** 32;

/** The UTF-8 text of `length` bytes at `address` (see `CHUNK_BASE`). */
export function chunkString(chunks: readonly Buffer[], address: number, length: number): string {
  const chunk = Math.floor(address / CHUNK_BASE);
  const offset = address - chunk * CHUNK_BASE;
  return chunks[chunk]!.toString('utf8', offset, offset + length);
}

/** The byte at `address` (see `CHUNK_BASE`). */
export function chunkByte(chunks: readonly Uint8Array[], address: number): number {
  const chunk = Math.floor(address / CHUNK_BASE);
  return chunks[chunk]![address - chunk * CHUNK_BASE]!;
}
