import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { IdweaveConfig } from '../config/configSchema.js';
import { parseConfig } from '../config/parseConfig.js';
import type { ResolveOptions } from '../config/ResolveOptions.js';
import { IdweaveError } from '../errors.js';
import { LineWriter } from '../io/LineWriter.js';
import { ensureOutDir, MAPPING_HEADER, OUTPUT_FILES, rejectLine, writeJsonFile } from '../io/outputFiles.js';
import { filePieces } from '../io/_internal/filePieces.js';
import { inputFormatOf } from '../io/readRows.js';
import type { RowEvent } from '../io/RowEvent.js';
import { createRowMapper } from '../io/rowToRecord.js';
import { BatchPool } from './_internal/BatchPool.js';
import type { LinesTask } from './_internal/outputLines.js';
import type { PieceReject, PreparedChunk } from './_internal/PreparedChunk.js';
import { readPiece, type Piece } from './_internal/preparePiece.js';
import { ResolutionBatch } from './ResolutionBatch.js';
import type { ResolveReport, StageTiming } from './ResolveReport.js';

/** Progress of `resolveFiles`, reported a few times per second of work at most once per read chunk. */
export interface ResolveProgress {
  /** `read` (parse, normalize, key), `link`, then `mapping`, `profiles`, `evidence` (writing). */
  readonly stage: 'read' | 'link' | 'mapping' | 'profiles' | 'evidence';
  /** Rows read (`read`) or lines written (writing stages) so far. */
  readonly rows: number;
  /** Lines the writing stage will write, when known. */
  readonly total?: number;
  /** `read` only: raw bytes read over all inputs (compressed bytes for `.gz`) and their total size. */
  readonly bytesRead?: number;
  readonly bytesTotal?: number;
}

/** Options of `resolveFiles`: `ResolveOptions`, how to read the inputs, and where to write. */
export interface ResolveFilesOptions extends ResolveOptions {
  readonly outDir: string;
  readonly columns?: IdweaveConfig['columns'];
  readonly externalIds?: IdweaveConfig['externalIds'];
  readonly onProgress?: (progress: ResolveProgress) => void;
  /** Write `evidence.ndjson` (needed by `idweave explain`). Default true. */
  readonly evidence?: boolean;
  /**
   * Worker threads that read and normalize rows (default: one per CPU core; inputs under 8 MiB are read in this
   * thread). 0 reads everything in this thread.
   */
  readonly threads?: number;
  /** Bytes of input per unit of work handed to a thread (default 4 MiB); small values exercise piece boundaries. */
  readonly pieceBytes?: number;
}

/** `report.json`: the resolution report plus what only a file run knows. */
export interface ResolveFilesReport extends ResolveReport {
  /** Per input file: rows read and rows rejected. */
  readonly inputs: readonly { readonly file: string; readonly rows: number; readonly rejected: number }[];
  /** Accepted rows whose `updated_at` was not an ISO-8601 date (kept, without the timestamp). */
  readonly invalidUpdatedAt: number;
}

/**
 * The streaming batch job behind `idweave resolve` (SPEC §5): reads CSV / NDJSON inputs (optionally gzipped),
 * resolves them, and writes `mapping.csv`, `profiles.ndjson`, `rejects.ndjson`, `evidence.ndjson` and
 * `report.json` into `outDir`. Every input row ends in exactly one of `mapping.csv` or `rejects.ndjson`.
 * Outputs appear under their names only when the run succeeds.
 *
 * Throws `IdweaveError`: `config_invalid` (options), `input_unreadable` / `input_invalid` (a whole file),
 * `output_unwritable`. Bad rows are rejects, never errors.
 *
 * @example
 * const report = await resolveFiles(['crm.csv', 'app.ndjson.gz'], { outDir: 'out', externalIds: { loyalty_id: 'loyalty' } });
 * console.log(report.profiles, report.reductionRatio);
 */
export async function resolveFiles(inputs: readonly string[], options: ResolveFilesOptions): Promise<ResolveFilesReport> {
  const { outDir, onProgress, evidence: writeEvidence = true, threads: _threads, pieceBytes: _pieceBytes, ...configPart } = options;
  const parsed = parseConfig(dropUndefined(configPart));
  if (!parsed.ok) throw new IdweaveError('config_invalid', `invalid options:\n  ${parsed.issues.join('\n  ')}`, parsed.issues);
  const config = parsed.config;
  if (inputs.length === 0) throw new IdweaveError('usage', 'no input files');
  const unsupported = inputs.filter((f) => inputFormatOf(f) === undefined);
  if (unsupported.length > 0) {
    const issues = unsupported.map((f) => `${f}: unsupported file type (expected .csv, .ndjson or .jsonl, optionally .gz)`);
    throw new IdweaveError('input_invalid', issues.join('\n'), issues);
  }
  // Fail on a missing input before any work; sizes give the read progress a total.
  const sizes: number[] = [];
  for (const file of inputs) {
    try {
      sizes.push((await stat(file)).size);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new IdweaveError('input_unreadable', `${file}: ${code === 'ENOENT' ? 'file not found' : (e as Error).message}`);
    }
  }
  const bytesTotal = sizes.reduce((a, b) => a + b, 0);

  await ensureOutDir(outDir);
  const out = (name: string): string => path.join(outDir, name);
  const writers: LineWriter[] = [];
  const openWriter = async (name: string): Promise<LineWriter> => {
    const w = await LineWriter.open(out(name));
    writers.push(w);
    return w;
  };

  const pool = new BatchPool(config, threadsFor(options.threads, bytesTotal));
  try {
    const rejects = await openWriter(OUTPUT_FILES.rejects);
    const mapper = createRowMapper(config);
    const batch = new ResolutionBatch(config);
    const stages: StageTiming[] = [];
    const perInput: { file: string; rows: number; rejected: number }[] = [];
    let recordsIn = 0;
    let rejected = 0;
    let invalidUpdatedAt = 0;

    // Stage 1: read, map, normalize and key every row. The main thread cuts the files into pieces of whole
    // rows; pieces are prepared in worker threads and applied to the batch in file order.
    let t = performance.now();
    let bytesBefore = 0;
    for (let f = 0; f < inputs.length; f++) {
      const file = inputs[f]!;
      const format = inputFormatOf(file)!;
      const counts = { file, rows: 0, rejected: 0 };
      perInput.push(counts);
      let bytesRead = 0;
      let header: readonly string[] | undefined;
      let rowBase = 0;
      const apply = async (piece: Piece, chunk: PreparedChunk): Promise<void> => {
        const refused: PieceReject[] = [...chunk.rejects];
        let byRow: Map<number, RowEvent> | undefined;
        batch.addChunk(chunk, (row, id) => {
          // A duplicate's input is the row's fields: read the piece again (only pieces with duplicates).
          byRow ??= new Map(readPiece(piece).events.map((e) => [e.row, e]));
          const ev = byRow.get(row);
          refused.push({ row, input: ev && 'fields' in ev ? ev.fields : undefined, reasons: [`duplicate id "${id}"`] });
        });
        if (refused.length > 0) {
          refused.sort((a, b) => a.row - b.row);
          let flush = false;
          for (const r of refused) flush = rejects.write(rejectLine({ row: rowBase + r.row, file, input: r.input, reasons: r.reasons })) || flush;
          if (flush) await rejects.flush();
        }
        counts.rows += chunk.records + chunk.rejects.length;
        counts.rejected += refused.length;
        invalidUpdatedAt += chunk.invalidUpdatedAt;
        rowBase += chunk.rows;
        onProgress?.({ stage: 'read', rows: recordsIn + counts.rows, bytesRead: bytesBefore + bytesRead, bytesTotal });
      };
      const inFlight: { piece: Piece; chunk: Promise<PreparedChunk> }[] = [];
      const pieces = filePieces(file, {
        format: format.format,
        gzip: format.gzip,
        pieceBytes: options.pieceBytes ?? DEFAULT_PIECE_BYTES,
        requiredColumns: format.format === 'csv' ? [mapper.idColumn] : [],
        onBytesRead: (n) => (bytesRead = n),
        onHeader: (h) => (header = h),
      });
      for await (const raw of pieces) {
        const piece: Piece = { file, format: format.format, header, bytes: raw.bytes, atStart: raw.atStart };
        inFlight.push({ piece, chunk: pool.prepare(piece) });
        // Enough pieces queued to keep every worker busy, few enough to bound memory.
        if (inFlight.length > 2 * Math.max(1, pool.threads)) {
          const next = inFlight.shift()!;
          await apply(next.piece, await next.chunk);
        }
      }
      for (const next of inFlight) await apply(next.piece, await next.chunk);
      recordsIn += counts.rows;
      rejected += counts.rejected;
      bytesBefore += sizes[f]!;
    }
    stages.push(stageTiming('read', t, recordsIn));

    // Stage 2: guards and ordered linking.
    onProgress?.({ stage: 'link', rows: batch.size });
    t = performance.now();
    batch.link();
    stages.push(stageTiming('link', t, batch.size));

    // Stage 3: outputs. Blocks of mapping lines and of golden profiles (survivorship) are built in the worker
    // threads from the batch's shared columns, and written here in order.
    await pool.setColumns(batch.columns(), batch.survivorship());
    const writeBlocks = async (writer: LineWriter, kind: LinesTask['kind'], total: number, block: number): Promise<void> => {
      const inFlight: { lines: Promise<string>; count: number }[] = [];
      let done = 0;
      const writeNext = async (): Promise<void> => {
        const next = inFlight.shift()!;
        done += next.count;
        if (writer.writeBlock(await next.lines, next.count)) {
          await writer.flush();
          onProgress?.({ stage: kind, rows: done, total });
        }
      };
      for (let from = 0; from < total; from += block) {
        const to = Math.min(total, from + block);
        inFlight.push({ lines: pool.lines({ kind, from, to }), count: to - from });
        if (inFlight.length > 2 * Math.max(1, pool.threads)) await writeNext();
      }
      while (inFlight.length > 0) await writeNext();
    };

    t = performance.now();
    const mapping = await openWriter(OUTPUT_FILES.mapping);
    mapping.write(MAPPING_HEADER);
    await writeBlocks(mapping, 'mapping', batch.size, 50_000);
    stages.push(stageTiming('mapping', t, batch.size));

    t = performance.now();
    const profiles = await openWriter(OUTPUT_FILES.profiles);
    await writeBlocks(profiles, 'profiles', batch.profileCount, 5_000);
    stages.push(stageTiming('profiles', t, batch.size));

    if (writeEvidence) {
      t = performance.now();
      const evidence = await openWriter(OUTPUT_FILES.evidence);
      const links = batch.columns().evidence.length;
      await writeBlocks(evidence, 'evidence', links, 50_000);
      stages.push(stageTiming('evidence', t, links));
    }

    const report: ResolveFilesReport = {
      recordsIn,
      rejected,
      ...batch.report(),
      stages,
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
      inputs: perInput,
      invalidUpdatedAt,
    };
    for (const w of writers) await w.close();
    await writeJsonFile(out(OUTPUT_FILES.report), report);
    return report;
  } catch (e) {
    for (const w of writers) await w.abort();
    throw e;
  } finally {
    await pool.close();
  }
}

const DEFAULT_PIECE_BYTES = 4 * 1024 * 1024;

/** Worker threads for a job: the option, else one per core; none for small inputs (starting threads costs more). */
function threadsFor(threads: number | undefined, bytesTotal: number): number {
  if (threads !== undefined) return Math.max(0, Math.floor(threads));
  return bytesTotal < 8 * 1024 * 1024 ? 0 : availableParallelism();
}

function stageTiming(stage: string, since: number, count: number): StageTiming {
  const seconds = (performance.now() - since) / 1000;
  return { stage, seconds: Math.round(seconds * 1000) / 1000, recordsPerSecond: seconds > 0 ? Math.round(count / seconds) : 0 };
}

/** Options objects often carry `key: undefined`; the strict config schema should not see those keys. */
function dropUndefined(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in o) if (o[k] !== undefined) out[k] = o[k];
  return out;
}
