/**
 * The batch's main-thread interning alone: prepares the first ROWS rows of a CSV in this thread (as the worker
 * threads would), then times only `ResolutionBatch.addChunk` over the prepared chunks.
 *
 *   node --max-old-space-size=12000 --import tsx bench/scale/internChunks.ts bench/data/20m-hard/records.csv 4000000
 */
import { openSync, readSync } from 'node:fs';
import { createPiecePreparer } from '../../src/batch/preparePiece.js';
import type { PreparedChunk } from '../../src/engine/PreparedChunk.js';
import { ResolutionBatch } from '../../src/engine/ResolutionBatch.js';

const [file, rowsArg] = process.argv.slice(2);
if (file === undefined || rowsArg === undefined) throw new Error('usage: internChunks.ts FILE.csv ROWS');
const rows = Number(rowsArg);
const fd = openSync(file, 'r');
const PIECE = 4 << 20;
const buf = Buffer.alloc(PIECE);
let carry = Buffer.alloc(0);
let header: string[] | undefined;
const prepare = createPiecePreparer({});
const chunks: PreparedChunk[] = [];
let n = 0;
const t0 = performance.now();
while (n < rows) {
  const got = readSync(fd, buf, 0, PIECE, null);
  if (got === 0) break;
  let data = Buffer.concat([carry, buf.subarray(0, got)]);
  if (header === undefined) {
    const nl = data.indexOf(10);
    header = data.subarray(0, nl).toString().split(',');
    data = data.subarray(nl + 1);
  }
  const end = data.lastIndexOf(10) + 1;
  carry = Buffer.from(data.subarray(end));
  const chunk = prepare({ file, format: 'csv', header, bytes: data.subarray(0, end), atStart: false });
  chunks.push(chunk);
  n += chunk.records;
}
const t1 = performance.now();
const batch = new ResolutionBatch();
for (const chunk of chunks) batch.addChunk(chunk, () => {});
const t2 = performance.now();
console.log(`prepared ${n} rows in ${((t1 - t0) / 1000).toFixed(1)} s (one thread); addChunk ${((t2 - t1) / 1000).toFixed(2)} s, ${(((t2 - t1) * 1000) / n).toFixed(2)} µs a row`);
