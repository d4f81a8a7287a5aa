/**
 * The main thread's cost of cutting a file into pieces (`filePieces`), alone: CPU seconds and page faults of a
 * pass over the file with the batch job's piece size and reused slots (each piece given back at once).
 *
 *   npx tsx bench/lines/cutPieces.ts --records bench/data/2000000/records.csv [--rounds 5]
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { filePieces } from '../../src/io/_internal/filePieces.js';
import { PieceBuffers } from '../../src/io/_internal/PieceBuffers.js';

const { values } = parseArgs({ options: { records: { type: 'string' }, rounds: { type: 'string', default: '5' } } });
if (values.records === undefined) throw new Error('usage: cutPieces.ts --records FILE.csv [--rounds N]');
const file = values.records;
const pieceBytes = 4 * 1024 * 1024;
const format = file.endsWith('.ndjson') ? 'ndjson' : 'csv';
for (let r = 0; r < Number(values.rounds); r++) {
  const buffers = new PieceBuffers(2 * pieceBytes);
  const hash = createHash('sha256');
  const cpu0 = process.cpuUsage();
  const res0 = process.resourceUsage();
  const t0 = performance.now();
  let pieces = 0;
  let bytes = 0;
  for await (const p of filePieces(file, { format, gzip: false, pieceBytes, buffers, hash })) {
    pieces++;
    bytes += p.bytes.length;
    buffers.release(p.bytes);
  }
  hash.digest();
  const cpu = process.cpuUsage(cpu0);
  const faults = process.resourceUsage().minorPageFault - res0.minorPageFault;
  console.log(
    `${pieces} pieces, ${(bytes / 2 ** 20).toFixed(0)} of ${(statSync(file).size / 2 ** 20).toFixed(0)} MiB: wall ${((performance.now() - t0) / 1000).toFixed(3)} s, ` +
      `user ${(cpu.user / 1e6).toFixed(3)} s, sys ${(cpu.system / 1e6).toFixed(3)} s, ${faults} minor faults`,
  );
}
