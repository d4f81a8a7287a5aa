import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { PeekableChunks, streamChunks } from './streamChunks.js';

async function* pieces(bytes: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function all(source: AsyncIterable<Buffer>): Promise<string> {
  const out: Buffer[] = [];
  for await (const b of source) out.push(b);
  return Buffer.concat(out).toString('utf8');
}

const text = 'id,email\n' + Array.from({ length: 2000 }, (_, i) => `c${i},user${i}@corp.ae\n`).join('');

describe('streamChunks (standard input)', () => {
  test.each([1, 7, 65_536])('plain bytes pass as they are, in chunks of %i', async (size) => {
    let seen = 0;
    const hash = createHash('sha256');
    expect(await all(streamChunks(pieces(Buffer.from(text), size), '-', (n) => (seen = n), hash))).toBe(text);
    expect(seen).toBe(Buffer.byteLength(text));
    expect(hash.digest('hex')).toBe(createHash('sha256').update(text).digest('hex'));
  });

  test.each([1, 7, 65_536])('a gzip stream is recognised by its magic bytes and gunzipped (chunks of %i); bytes and hash are the compressed ones', async (size) => {
    const gz = gzipSync(text);
    let seen = 0;
    const hash = createHash('sha256');
    expect(await all(streamChunks(pieces(gz, size), '-', (n) => (seen = n), hash))).toBe(text);
    expect(seen).toBe(gz.length);
    expect(hash.digest('hex')).toBe(createHash('sha256').update(gz).digest('hex'));
  });

  test('empty input, a single byte, corrupt gzip', async () => {
    expect(await all(streamChunks(pieces(Buffer.alloc(0), 1), '-'))).toBe('');
    expect(await all(streamChunks(pieces(Buffer.from('x'), 1), '-'))).toBe('x');
    const bad = Buffer.concat([gzipSync(text).subarray(0, 40)]);
    await expect(all(streamChunks(pieces(bad, 16), '-'))).rejects.toThrow(/^-: corrupt gzip data/);
  });
});

describe('PeekableChunks', () => {
  test('what peek read is given again by chunks, once, before the rest', async () => {
    const source = new PeekableChunks(streamChunks(pieces(Buffer.from(text), 100), '-'));
    for await (const b of source.peek()) {
      b.fill(0); // a reader may change what it peeked at: the kept chunks are not changed
      break;
    }
    let twice = '';
    for await (const b of source.peek()) {
      twice += b.toString();
      if (twice.length >= 250) break;
    }
    expect(twice).toBe(text.slice(0, 300));
    expect(await all(source.chunks())).toBe(text);
  });
});
