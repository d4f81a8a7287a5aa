import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ByteStage, chunkSource, fileSource } from './ByteStage.js';

async function* chunksOf(...parts: string[]): AsyncGenerator<Buffer> {
  for (const p of parts) yield Buffer.from(p);
}

describe('ByteStage', () => {
  test('holds what was read and not consumed, in order, across reads that move and grow it', async () => {
    const stage = new ByteStage(4);
    const source = chunkSource(chunksOf('abcdefghij', 'klm', '', 'nopqrstuvwxyz'));
    let seen = '';
    let held = '';
    for (;;) {
      const n = await stage.fill(source, 3);
      if (n === 0) break;
      expect(n).toBeLessThanOrEqual(3);
      held = stage.window().toString();
      // Consume all but the last byte now and then: the rest must come first after the next read.
      if (held.length >= 5) {
        seen += held.slice(0, -1);
        stage.consume(held.length - 1);
      }
    }
    seen += stage.window().toString();
    expect(seen).toBe('abcdefghijklmnopqrstuvwxyz');
    expect(stage.length).toBe(stage.window().length);
  });

  test('a window larger than the first capacity stays whole (the stage grows)', async () => {
    const stage = new ByteStage(16);
    const source = chunkSource(chunksOf('x'.repeat(100), 'y'.repeat(100)));
    while ((await stage.fill(source, 64)) > 0);
    expect(stage.window().toString()).toBe('x'.repeat(100) + 'y'.repeat(100));
  });

  test('a file source reads every byte once, in order; its hash and progress see them all', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'idweave-stage-'));
    const file = path.join(dir, 'f.csv');
    const body = Buffer.from(Array.from({ length: 5000 }, (_, i) => `row ${i}\n`).join(''));
    writeFileSync(file, body);
    const hash = createHash('sha256');
    const progress: number[] = [];
    const source = await fileSource(file, (read, total) => progress.push(read / total), hash);
    const stage = new ByteStage(1000);
    const out: Buffer[] = [];
    for (;;) {
      const n = await stage.fill(source, 777);
      if (n === 0) break;
      out.push(Buffer.from(stage.window()));
      stage.consume(stage.length);
    }
    await source.close();
    await source.close(); // twice is harmless (a reader stopping early, then the generator's finally)
    expect(Buffer.concat(out).equals(body)).toBe(true);
    expect(hash.digest('hex')).toBe(createHash('sha256').update(body).digest('hex'));
    expect(progress.at(-1)).toBe(1);
  });

  test('a file that cannot be read is an IdweaveError naming it', async () => {
    await expect(fileSource('/nonexistent/idweave-x.csv')).rejects.toThrow(/idweave-x\.csv: file not found/);
    await expect(fileSource(tmpdir())).rejects.toThrow(/not a regular file|is a directory/);
  });
});
