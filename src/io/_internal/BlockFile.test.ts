import { constants, mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { BlockFile, type BlockFileOptions } from './BlockFile.js';

const dir = mkdtempSync(path.join(tmpdir(), 'idweave-blockfile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const CREATE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
const MiB = 1 << 20;
let serial = 0;

/** Whether this file system takes O_DIRECT (tmpfs before Linux 6.6 does not; nothing off Linux does). */
function directWorksHere(): boolean {
  if (!constants.O_DIRECT) return false;
  const probe = path.join(dir, 'probe');
  closeSync(openSync(probe, 'w'));
  try {
    closeSync(openSync(probe, constants.O_WRONLY | constants.O_DIRECT));
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe);
  }
}

/** Writes `sizes` pieces of a byte pattern through a BlockFile; returns the file's bytes, what was written, and whether it went direct. */
async function roundTrip(sizes: readonly number[], options?: BlockFileOptions): Promise<{ file: Buffer; expected: Buffer; direct: boolean; directAtClose: boolean }> {
  const name = path.join(dir, `f${serial++}`);
  const f = await BlockFile.open(name, CREATE, 0o644, options);
  const direct = f.isDirect;
  const parts: Buffer[] = [];
  let k = 0;
  for (const n of sizes) {
    const part = Buffer.alloc(n);
    for (let i = 0; i < n; i++) part[i] = (k++ * 131 + (k >> 12)) & 0xff;
    parts.push(Buffer.from(part));
    await f.write(part);
    // The writer copies: changing the caller's bytes afterwards changes nothing written.
    part.fill(0xee);
  }
  await f.close();
  return { file: readFileSync(name), expected: Buffer.concat(parts), direct, directAtClose: f.isDirect };
}

const SHAPES: Record<string, number[]> = {
  empty: [],
  'one byte': [1],
  'one block less one': [4095],
  'one block': [4096],
  'a stage less one': [MiB - 1],
  'a stage': [MiB],
  'a stage and one': [MiB + 1],
  'small pieces over three stages': Array.from({ length: 700 }, (_, i) => 1 + ((i * 7919) % 9000)),
  'large then small': [3 * MiB + 17, 5, 4091, 2 * MiB],
};

describe('BlockFile', () => {
  for (const [shape, sizes] of Object.entries(SHAPES)) {
    test(`${shape}: the file holds exactly the bytes written, direct or not`, async () => {
      for (const direct of [true, false]) {
        const { file, expected } = await roundTrip(sizes, { direct });
        expect(file.length).toBe(expected.length);
        expect(file.equals(expected)).toBe(true);
      }
    });
  }

  test('goes around the page cache where the file system takes O_DIRECT', async () => {
    const { direct } = await roundTrip([10]);
    expect(direct).toBe(directWorksHere());
    expect((await roundTrip([10], { direct: false })).direct).toBe(false);
  });

  test('a direct write the device refuses (a buffer off its alignment) is written through the page cache instead', async () => {
    const { file, expected, direct, directAtClose } = await roundTrip([MiB + 5, 3 * MiB, 77], { skew: 512 + 8 });
    expect(file.equals(expected)).toBe(true);
    // Opened direct where the file system takes it; the first refused write fell back for good.
    expect(direct).toBe(directWorksHere());
    expect(directAtClose).toBe(false);
    // Not skewed, it stays direct to the end.
    expect((await roundTrip([MiB + 5, 3 * MiB, 77])).directAtClose).toBe(directWorksHere());
  });

  test('the file is created as the caller asks: an existing name is refused, never overwritten', async () => {
    const name = path.join(dir, 'exists');
    closeSync(openSync(name, 'w'));
    await expect(BlockFile.open(name, CREATE, 0o644)).rejects.toMatchObject({ code: 'EEXIST' });
  });

  test('a failing device surfaces its error at the next write and at close, every time after, never as an unhandled rejection', async () => {
    // /dev/full: every write fails with ENOSPC.
    const f = await BlockFile.open('/dev/full', constants.O_WRONLY, 0o644);
    const bytes = Buffer.alloc(MiB + 1, 1);
    // The first stage's write starts in the background; its failure shows at the next write.
    await f.write(bytes);
    await expect(f.write(bytes)).rejects.toMatchObject({ code: 'ENOSPC' });
    // Sticky: the file is not what was written, so nothing after succeeds either.
    await expect(f.write(Buffer.alloc(10))).rejects.toMatchObject({ code: 'ENOSPC' });
    await expect(f.close()).rejects.toMatchObject({ code: 'ENOSPC' });
    await f.abort();
  });

  test('a last write that fails at close still closes the file', async () => {
    const f = await BlockFile.open('/dev/full', constants.O_WRONLY, 0o644);
    await f.write(Buffer.alloc(100, 1));
    await expect(f.close()).rejects.toMatchObject({ code: 'ENOSPC' });
    await expect(f.write(Buffer.alloc(1))).rejects.toThrow();
    await f.abort();
  });

  test('without page-aligned memory (an address space capped below what WebAssembly reserves), writes go through the page cache', async () => {
    vi.stubGlobal('WebAssembly', {
      Memory: class {
        constructor() {
          throw new RangeError('WebAssembly.Memory(): could not allocate memory');
        }
      },
    });
    try {
      const { file, expected, direct } = await roundTrip([MiB + 5, 3 * MiB, 77]);
      expect(direct).toBe(false);
      expect(file.equals(expected)).toBe(true);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
