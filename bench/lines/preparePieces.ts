/**
 * The read stage's worker half on one thread: a CSV file cut into pieces as the batch cuts it (`filePieces`, 4 MiB),
 * the first `--pieces` of them (default 40) held in memory, then prepared `--reps` times (default 5: decode,
 * split, map, accept, normalize, key, pack; `batch/preparePiece`), minimum and median printed with µs a row. The
 * instrument for A/B work on per-row CPU, which a whole run's noise hides.
 *
 *   npx tsx bench/lines/preparePieces.ts --records bench/data/1000000-hard/records.csv --config fixtures/sample/idweave.config.json
 *
 * With `--apply`, the pieces are prepared once and the main thread's half is timed instead: their chunks added to
 * a new batch (`ResolutionBatch.addChunk`: interning ids, keys and names, writing the columns; the batch sized from
 * the pieces' bytes first, as the batch job sizes it) `--reps` times.
 *
 * With `--shared`, each piece is copied into a `SharedArrayBuffer` first, as the batch job's `PieceBuffers` hand
 * pieces to its threads.
 *
 * For numbers as the built CLI runs the code, bundle it first (as `lineBuilders.ts` says).
 */
import { parseArgs } from 'node:util';
import { createPiecePreparer, type Piece } from '../../src/batch/preparePiece.js';
import { parseConfig } from '../../src/config/parseConfig.js';
import { loadConfigFile } from '../../src/io/loadConfigFile.js';
import type { IdweaveConfig } from '../../src/config/configSchema.js';
import { ResolutionBatch } from '../../src/engine/ResolutionBatch.js';
import { setPayloadSlabOwner, type PreparedChunk } from '../../src/engine/PreparedChunk.js';
import { filePieces } from '../../src/io/_internal/filePieces.js';

const { values } = parseArgs({ options: { records: { type: 'string' }, config: { type: 'string' }, pieces: { type: 'string', default: '40' }, reps: { type: 'string', default: '5' }, apply: { type: 'boolean', default: false }, shared: { type: 'boolean', default: false } } });
if (values.records === undefined) throw new Error('usage: preparePieces.ts --records FILE.csv [--config idweave.config.json] [--pieces N] [--reps N] [--apply] [--shared]');
const file = values.records;
const reps = Number(values.reps);
// The run's configuration file (`--config`, read as the CLI reads it), or none.
const config = values.config === undefined ? parsedDefaults() : await loadConfigFile(values.config);
// With --apply, pieces are handed over as the batch job's workers hand them (`handOver`: payloads in shared memory).
if (values.apply) setPayloadSlabOwner(1);
const prepare = createPiecePreparer(config, values.apply);

function parsedDefaults(): IdweaveConfig {
  const parsed = parseConfig({});
  if (!parsed.ok) throw new Error(parsed.issues.join('\n'));
  return parsed.config;
}
const pieces: Piece[] = [];
let header: string[] | undefined;
for await (const raw of filePieces(file, { format: 'csv', gzip: false, pieceBytes: 4 << 20, requiredColumns: ['id'], onHeader: (h) => (header = h) })) {
  // --shared: each piece in shared memory, as the batch job hands pieces to its threads (`PieceBuffers`).
  const bytes = values.shared ? new Uint8Array(new SharedArrayBuffer(raw.bytes.length)) : raw.bytes;
  if (values.shared) bytes.set(raw.bytes);
  pieces.push({ file, format: 'csv', header, bytes, atStart: raw.atStart });
  if (pieces.length >= Number(values.pieces)) break;
}
const times: number[] = [];
let rows = 0;
if (values.apply) {
  const chunks: PreparedChunk[] = pieces.map((p) => prepare(p));
  rows = chunks.reduce((n, c) => n + c.records, 0);
  for (let rep = 0; rep < reps; rep++) {
    const batch = new ResolutionBatch(config);
    const t0 = process.hrtime.bigint();
    // Sized as the batch job sizes it: the bytes held over the first piece's.
    batch.reserveMore(chunks[0]!, pieces.reduce((n, p) => n + p.bytes.length, 0) / pieces[0]!.bytes.length);
    for (const c of chunks) batch.addChunk(c, () => {});
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
} else {
  for (let rep = 0; rep < reps; rep++) {
    const t0 = process.hrtime.bigint();
    rows = 0;
    for (const p of pieces) rows += prepare(p).rows;
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
}
times.sort((a, b) => a - b);
console.log(`${values.apply ? 'apply' : 'prepare'}: ${rows} rows in ${pieces.length} pieces; min ${times[0]!.toFixed(0)} ms (${((1000 * times[0]!) / rows).toFixed(2)} µs a row), median ${times[reps >> 1]!.toFixed(0)} ms`);
