import { createHash, randomUUID, type Hash } from 'node:crypto';
import { duplicateIdIssue, issueText, type RecordIssueCode } from '../accept/RecordIssue.js';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { IdweaveConfig } from '../config/configSchema.js';
import { parseConfig } from '../config/parseConfig.js';
import type { ResolveOptions } from '../config/ResolveOptions.js';
import { IdweaveError } from '../errors.js';
import type { LineWriter } from '../io/LineWriter.js';
import type { Manifest } from '../io/manifest.js';
import { changeLine, MAPPING_HEADER, OUTPUT_FILES, rejectLine } from '../io/outputFiles.js';
import { OutputDir } from '../io/OutputDir.js';
import { checkColumns, type InputColumns } from '../io/checkColumns.js';
import { columnRoles } from '../io/columnRoles.js';
import type { Delimiter } from '../io/_internal/CsvRowScanner.js';
import { delimiterOfHeader, filePieces, readCsvHeader } from '../io/_internal/filePieces.js';
import { PieceBuffers } from '../io/_internal/PieceBuffers.js';
import { hashFile, openParquetInput, type ParquetInput } from '../io/_internal/parquetInput.js';
import { PeekableChunks, STDIN, streamChunks } from '../io/_internal/streamChunks.js';
import { MAPPING_SCHEMA, PARQUET_OUTPUT_FILES, ParquetTableWriter, PROFILES_SCHEMA, type OutputFormat } from '../io/parquetOutput.js';
import { INPUT_TYPES, inputFormatOf, type InputFormat } from '../io/readRows.js';
import { DEFAULT_MAX_CELL_LINES, type RowEvent } from '../io/RowEvent.js';
import { BatchPool } from './BatchPool.js';
import { ExplainIndexBuilder } from './explainIndexBuilder.js'; // explain index
import { EXPLAIN_INDEX_FILE } from '../io/explainIndex.js'; // explain index
import { parseEvidenceMode, type EvidenceMode } from '../io/evidenceMode.js';
import { parseProfileLineage, type ProfileLineage } from '../io/profileLineage.js';
import type { SurvivorshipOptions } from '../merge/survivorshipConfig.js';
import type { LinesBlock, LinesTask } from './outputLines.js';
import { ProfileStatsTotal, type ProfileAggregates } from './profileStats.js';
import { checkTruthFile, scoreAgainstTruth, type TruthAccuracy } from './scoreTruth.js';
import { reportHtml } from '../report/reportHtml.js';
import { MAX_FIELD_NAMES, type PieceReject, type PreparedChunk } from '../engine/PreparedChunk.js';
import { payloadFieldsOf, readPiece, type Piece } from './preparePiece.js';
import { VERSION } from '../version.js';
import { Writable } from 'node:stream';
import { writeSnapshotStream } from '../incremental/snapshotStreamWrite.js';
import type { FormattedLines } from '../incremental/snapshotStreamSource.js';
import type { TableSection } from './tableLines.js';
import { batchSnapshotSource } from './batchSnapshotSource.js';
import { eventsAfter, eventsBefore, type ResolverEvent } from '../identity/succession.js';
import { FINGERPRINTS_FILE, IDENTITY_FILE, readPreviousRun, type IdentityFile } from '../io/previousRun.js';
import { ID } from '../io/columnRoles.js';
import { ResolutionBatch } from '../engine/ResolutionBatch.js';
import type { ResolveReport, StageTiming } from '../engine/ResolveReport.js';

/** Progress of `resolveFiles`, reported a few times per second of work at most once per read chunk. */
export interface ResolveProgress {
  /** `read` (parse, normalize, key), `link`, then `mapping`, `profiles`, `evidence` (writing). */
  readonly stage: 'read' | 'link' | 'mapping' | 'changes' | 'profiles' | 'evidence';
  /** Rows read (`read`) or lines written (writing stages) so far. */
  readonly rows: number;
  /** Lines the writing stage will write, when known. */
  readonly total?: number;
  /**
   * `read` only: raw bytes read over all inputs (compressed bytes for `.gz`) and their total size (no total when
   * standard input is read: its size is not known before its end).
   */
  readonly bytesRead?: number;
  readonly bytesTotal?: number;
}

/** Options of `resolveFiles`: `ResolveOptions`, how to read the inputs, and where to write. */
export interface ResolveFilesOptions extends ResolveOptions {
  readonly outDir: string;
  readonly columns?: IdweaveConfig['columns'];
  readonly externalIds?: IdweaveConfig['externalIds'];
  /** How CSV inputs are read: `maxCellLines` (default 20), see docs/input-format.md. */
  readonly csv?: IdweaveConfig['csv'];
  readonly onProgress?: (progress: ResolveProgress) => void;
  /**
   * Which link decisions `evidence.ndjson` keeps (`--evidence`; `io/evidenceMode`):
   * - `'all'`: every decision, with `explain.idx`. The default, because `idweave explain` needs the accepted links
   *   to say how a profile holds together and how two records are joined.
   * - `'refused'`: only the refused decisions (`"accepted": false`: guards' and steward overrides' refusals, and
   *   one line per generic identifier), with `explain.idx`: what a steward needs to see why two records were not
   *   merged, in a file a fraction of the size. `idweave explain` then says that the accepted links were not
   *   kept (`linksNotKept`) instead of listing them.
   * - `'none'`: no `evidence.ndjson`, no `explain.idx` (`idweave explain` refuses the run).
   *
   * `true` is `'all'`, `false` is `'none'`; any other value is a `config_invalid` error.
   * @default 'all'
   */
  readonly evidence?: EvidenceMode | boolean;
  /**
   * How much lineage each surviving field carries in `profiles.ndjson` (`--lineage`; `io/profileLineage`): `'full'`
   * (`value`, `record_id`, `source`, `rule`) or `'compact'` (`value`, `record_id`; the rules are the run's
   * `survivorship`, written once in `report.json`). Any other value is a `config_invalid` error.
   * @default 'full'
   */
  readonly lineage?: ProfileLineage;
  /**
   * Worker threads that read and normalize rows (default: one per CPU core; inputs under 8 MiB are read in this
   * thread). 0 reads everything in this thread.
   */
  readonly threads?: number;
  /** Bytes of input per unit of work handed to a thread; small values exercise piece boundaries. @default 4 MiB */
  readonly pieceBytes?: number;
  /**
   * Escape CSV cells a spreadsheet would run as formulas (`=`, `+`, `-`, `@`, tab, CR first) in CSV outputs,
   * per OWASP's CSV-injection guidance. Off by default: escaped ids no longer join with the source systems'
   * (phone-number customer ids such as `+971…` are common). See docs/security.md.
   */
  readonly csvSafe?: boolean;
  /** Receives warnings (also listed in `report.json`), e.g. a thread count above the machine's cores. */
  readonly onWarning?: (message: string) => void;
  /**
   * The format of standard input, required when `inputs` holds `-` (standard input has no file name to tell it).
   * A gzip stream is recognised by its first bytes. Rows are numbered as a file's; rejects name the file `-`.
   */
  readonly inputFormat?: 'csv' | 'ndjson';
  /** What `-` reads. @default process.stdin */
  readonly stdin?: AsyncIterable<Uint8Array | string>;
  /**
   * `ndjson`: `mapping.csv` and `profiles.ndjson` (and `explain.idx`, for `idweave explain`). `parquet`:
   * `mapping.parquet` and `profiles.parquet` in their place (schemas in docs/input-format.md); no `explain.idx`
   * is written, so `idweave explain` needs an `ndjson` run. @default 'ndjson'
   */
  readonly outputFormat?: OutputFormat;
  /**
   * A truth CSV (`record_id,person_id`, like the benchmark generator's `truth.csv`): the run is scored against it
   * (pairwise and B-cubed precision, recall, F1) into `report.json` `accuracy` and `report.html`. Truth records
   * the run did not accept count as singletons.
   */
  readonly truth?: string;
  /**
   * A previous run's output directory (`--previous`): profile ids carry over by succession, `changes.ndjson` is
   * relative to it, and the id allocator continues (docs/identity-over-time.md). May be `outDir` itself.
   */
  readonly previous?: string;
  /** Record ids erased for good (`--erased`): dropped even when an input carries them, counted in `report.json`. */
  readonly erased?: Iterable<string>;
}

export type { LargeProfile, ProfileAggregates, SourceOverlap } from './profileStats.js';
export type { TruthAccuracy } from './scoreTruth.js';

/** `report.json`: the resolution report plus what only a file run knows. */
export interface ResolveFilesReport extends ResolveReport, ProfileAggregates {
  /** Rejected rows per reason code (a row with several reasons counts under each). */
  readonly rejectsByReason: Readonly<Partial<Record<RecordIssueCode, number>>>;
  /** With `truth`: the run scored against it. */
  readonly accuracy?: TruthAccuracy;
  /** Per input file (`-`: standard input): rows read, rows rejected, and CSV rows whose quoted cells span several lines. */
  readonly inputs: readonly { readonly file: string; readonly rows: number; readonly rejected: number; readonly erased: number; readonly multiLineRows: number }[];
  /** CSV rows read whose quoted cells span several lines (addresses, notes): worth a look when unexpected. */
  readonly multiLineRows: number;
  /** Warnings of the run (also sent to `onWarning`). */
  readonly warnings: readonly string[];
  /** Each field's lineage in `profiles.ndjson` (`lineage`), and the survivorship rules the run applied. */
  readonly lineage: ProfileLineage;
  readonly survivorship: SurvivorshipOptions;
}

/**
 * The streaming batch job behind `idweave resolve` (spec §5): reads CSV / NDJSON inputs (optionally gzipped),
 * Parquet files, or standard input (`-`, with `inputFormat`), resolves them, and writes `mapping.csv`,
 * `profiles.ndjson` (or, with `outputFormat: 'parquet'`, `mapping.parquet` and `profiles.parquet`),
 * `rejects.ndjson`, `evidence.ndjson` (every link decision, the refused ones, or none: `evidence`), `report.json`
 * and `report.html` (the report as a self-contained page, `report/reportHtml`) into `outDir`. Every input row
 * ends in exactly one of the mapping or `rejects.ndjson`. Outputs appear under their names only when the run
 * succeeds.
 *
 * Throws `IdweaveError`: `config_invalid` (options, or columns the inputs do not have), `input_unreadable` /
 * `input_invalid` (a whole file), `output_locked` (another run writes into `outDir`), `output_unwritable`. Bad
 * rows are rejects, never errors. Outputs are published together with `manifest.json` (`io/OutputDir`).
 *
 * @example
 * const report = await resolveFiles(['crm.csv', 'app.ndjson.gz'], { outDir: 'out', externalIds: { loyalty_id: 'loyalty' } });
 * console.log(report.profiles, report.reductionRatio);
 */
export async function resolveFiles(inputs: readonly string[], options: ResolveFilesOptions): Promise<ResolveFilesReport> {
  const {
    outDir, onProgress, onWarning, evidence: evidenceOption, lineage: lineageOption, threads: _threads, pieceBytes: _pieceBytes, csvSafe = false, truth,
    inputFormat: stdinFormat, stdin: stdinStream, outputFormat = 'ndjson', previous, erased, ...configPart
  } = options;
  const evidenceMode = parseEvidenceMode(evidenceOption, 'evidence');
  const lineage = parseProfileLineage(lineageOption, 'lineage');
  const parsed = parseConfig(dropUndefined(configPart));
  if (!parsed.ok) throw new IdweaveError('config_invalid', `invalid options:\n  ${parsed.issues.join('\n  ')}`, parsed.issues);
  const config = parsed.config;
  const maxCellLines = config.csv?.maxCellLines ?? DEFAULT_MAX_CELL_LINES;
  if (inputs.length === 0) throw new IdweaveError('usage', 'no input files');
  if (outputFormat !== 'ndjson' && outputFormat !== 'parquet') throw new IdweaveError('usage', `outputFormat: expected "ndjson" or "parquet", got "${String(outputFormat)}"`);
  const stdinAt = inputs.indexOf(STDIN);
  if (inputs.lastIndexOf(STDIN) !== stdinAt) throw new IdweaveError('usage', 'standard input (-) can be read only once: give - once');
  if (stdinAt !== -1 && stdinFormat === undefined) {
    throw new IdweaveError('usage', 'reading standard input (-) needs its format: inputFormat \'csv\' or \'ndjson\' (--input-format on the command line; a pipe has no file name to tell it)');
  }
  if (stdinFormat !== undefined) {
    if (stdinFormat !== 'csv' && stdinFormat !== 'ndjson') {
      const parquet = (stdinFormat as string) === 'parquet' ? ' (Parquet is read from a file: its footer, at the end, is read first)' : '';
      throw new IdweaveError('usage', `inputFormat (--input-format): expected csv or ndjson, got "${String(stdinFormat)}"${parquet}`);
    }
    if (stdinAt === -1) throw new IdweaveError('usage', 'inputFormat (--input-format) is the format of standard input, and no input is - (files are read by their extension)');
  }
  const formatOf = (f: number): InputFormat | undefined => (f === stdinAt ? { format: stdinFormat!, gzip: false } : inputFormatOf(inputs[f]!));
  const unsupported = inputs.filter((_, f) => formatOf(f) === undefined);
  if (unsupported.length > 0) {
    const issues = unsupported.map((f) => `${f}: unsupported file type (expected ${INPUT_TYPES})`);
    throw new IdweaveError('input_invalid', issues.join('\n'), issues);
  }
  const stdinSource = stdinAt === -1 ? undefined : (stdinStream ?? process.stdin);
  if (stdinAt !== -1 && stdinStream === undefined && process.stdin.isTTY) {
    throw new IdweaveError('usage', 'standard input (-) is a terminal: pipe the data into it (idweave resolve - --input-format csv --out DIR < file.csv)');
  }
  // Fail on a missing input before any work; sizes give the read progress a total (standard input's is unknown:
  // its bytes read are counted, and its size known at the end).
  const sizes: number[] = [];
  for (const file of inputs) {
    if (file === STDIN && stdinSource !== undefined) {
      sizes.push(0);
      continue;
    }
    try {
      sizes.push((await stat(file)).size);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new IdweaveError('input_unreadable', `${file}: ${code === 'ENOENT' ? 'file not found' : (e as Error).message}`);
    }
  }
  const bytesTotal = sizes.reduce((a, b) => a + b, 0);
  if (truth !== undefined) await checkTruthFile(truth);
  // Read whole before the output directory is opened: `--previous` may name the directory this run replaces.
  const previousRun = previous === undefined ? undefined : await readPreviousRun(previous);
  const erasedIds = erased === undefined ? undefined : [...erased].filter((id): id is string => typeof id === 'string');

  const warnings: string[] = [];
  const warn = (message: string): void => {
    warnings.push(message);
    onWarning?.(message);
  };
  const threads = threadsFor(options.threads, stdinAt === -1 ? bytesTotal : Infinity, warn);

  // Columns against the config before any work: CSV headers and Parquet schemas now; NDJSON fields once they have
  // been seen. Standard input is looked at through `PeekableChunks`: what the header read is read again as rows.
  const roles = columnRoles(config);
  const formats = inputs.map((_, f) => formatOf(f)!);
  const inputHashes = inputs.map(() => createHash('sha256'));
  let stdinBytes = 0;
  const stdin = stdinSource === undefined ? undefined : new PeekableChunks(streamChunks(stdinSource, STDIN, (n) => (stdinBytes = n), inputHashes[stdinAt]));
  const parquetInputs: (ParquetInput | undefined)[] = [];
  const columnsOf: (string[] | undefined)[] = [];
  const delimiters: Delimiter[] = [];
  try {
    for (let f = 0; f < inputs.length; f++) {
      const { format, gzip } = formats[f]!;
      parquetInputs.push(format === 'parquet' ? await openParquetInput(inputs[f]!) : undefined);
      if (format !== 'csv') {
        delimiters.push(',');
        columnsOf.push(format === 'parquet' ? [...parquetInputs[f]!.columns] : undefined);
        continue;
      }
      // Auto: the header read with commas tells the separator; read again only when it is another one.
      const wanted = config.csv?.delimiter ?? 'auto';
      const source = (): AsyncIterable<Buffer> | undefined => (f === stdinAt ? stdin!.peek() : undefined);
      let header = await readCsvHeader(inputs[f]!, { gzip, maxCellLines, delimiter: wanted === 'auto' ? ',' : wanted, source: source() });
      const delimiter = wanted === 'auto' ? delimiterOfHeader(header) : wanted;
      if (delimiter !== ',' && wanted === 'auto') header = await readCsvHeader(inputs[f]!, { gzip, maxCellLines, delimiter, source: source() });
      delimiters.push(delimiter);
      columnsOf.push(header);
    }
  } catch (e) {
    await stdin?.close();
    throw e;
  }
  const known = (): InputColumns[] => inputs.flatMap((file, f) => (columnsOf[f] === undefined ? [] : [{ file, format: formats[f]!.format, columns: columnsOf[f]! }]));
  let outputs: OutputDir;
  try {
    if (columnsOf.every((c) => c !== undefined)) for (const w of checkColumns(roles, known())) warn(w);
    outputs = await OutputDir.open(outDir);
  } catch (e) {
    await stdin?.close();
    throw e;
  }
  let pool: BatchPool | undefined;
  try {
    const workers = (pool = new BatchPool(config, threads));
    const rejects = await outputs.writer(OUTPUT_FILES.rejects);
    const batch = new ResolutionBatch(config, { previous: previousRun, erased: erasedIds });
    const payloadFields = payloadFieldsOf(roles, columnsOf);
    batch.usePayloadFields(payloadFields);
    /** The id of a rejected row when it is erased: then the row leaves no trace, not even as a reject. */
    const erasedIdOf = (input: unknown): boolean => {
      if (erasedIds === undefined || input === null || typeof input !== 'object') return false;
      for (const k of Object.keys(input)) {
        if (roles.roleOf(k)?.code !== ID) continue;
        const v = (input as Record<string, unknown>)[k];
        if ((typeof v === 'string' || typeof v === 'number') && batch.isErased(String(v).trim())) return true;
      }
      return false;
    };
    const stages: StageTiming[] = [];
    const perInput: { file: string; rows: number; rejected: number; erased: number; multiLineRows: number }[] = [];
    let multiLineRows = 0;
    const fieldsSeen: Set<string>[] = [];
    let recordsIn = 0;
    let rejected = 0;
    const rejectsByReason: Partial<Record<RecordIssueCode, number>> = {};
    let invalidUpdatedAt = 0;

    // Stage 1: read, map, normalize and key every row. The main thread cuts the files into pieces of whole
    // rows; pieces are prepared in worker threads and applied to the batch in file order.
    let t = performance.now();
    let bytesBefore = 0;
    const pieceBytes = options.pieceBytes ?? DEFAULT_PIECE_BYTES;
    // A piece is usually at most the piece size and one more read of at most as much; larger ones get buffers of
    // their own.
    const pieceBuffers = new PieceBuffers(2 * pieceBytes);
    for (let f = 0; f < inputs.length; f++) {
      const file = inputs[f]!;
      const format = formats[f]!;
      const counts = { file, rows: 0, rejected: 0, erased: 0, multiLineRows: 0 };
      perInput.push(counts);
      let bytesRead = 0;
      let sized = false;
      let header: readonly string[] | undefined;
      let rowBase = 0;
      const apply = async (piece: Piece, chunk: PreparedChunk): Promise<void> => {
        const refused: PieceReject[] = [];
        for (const r of chunk.rejects) {
          if (erasedIdOf(r.input)) batch.erasedCount++;
          else refused.push(r);
        }
        let byRow: Map<number, RowEvent> | undefined;
        const erasedBefore = batch.erasedCount;
        // Sized once per file, from its first piece of text: the file's bytes over the piece's (for a .gz input,
        // compressed over plain: an estimate too low, which only leaves the rest to growing).
        if (!sized && sizes[f]! > 0 && piece.bytes.length > 0 && chunk.records > 0) {
          sized = true;
          batch.reserveMore(chunk, sizes[f]! / piece.bytes.length);
        }
        batch.addChunk(chunk, (row, id) => {
          // A duplicate's input is the row's fields: read the piece again (only pieces with duplicates).
          byRow ??= new Map(readPiece(piece).events.map((e) => [e.row, e]));
          const ev = byRow.get(row);
          refused.push({ row, input: ev && 'fields' in ev ? ev.fields : undefined, issues: [duplicateIdIssue(id)] });
        });
        if (refused.length > 0) {
          refused.sort((a, b) => a.row - b.row);
          let flush = false;
          for (const r of refused) {
            flush = rejects.write(rejectLine({ row: rowBase + r.row, file, input: r.input, reasons: r.issues.map(issueText), issues: r.issues })) || flush;
            for (const code of new Set(r.issues.map((i) => i.code))) rejectsByReason[code] = (rejectsByReason[code] ?? 0) + 1;
          }
          if (flush) await rejects.flush();
        }
        counts.rows += chunk.records + chunk.rejects.length;
        counts.rejected += refused.length;
        counts.erased += batch.erasedCount - erasedBefore;
        invalidUpdatedAt += chunk.invalidUpdatedAt;
        counts.multiLineRows += chunk.multiLineRows;
        multiLineRows += chunk.multiLineRows;
        if (chunk.fieldNames.length > 0) {
          const seen = (fieldsSeen[f] ??= new Set());
          for (const k of chunk.fieldNames) if (seen.size < MAX_FIELD_NAMES || roles.roleOf(k) !== undefined) seen.add(k);
        }
        rowBase += chunk.rows;
        // No thread reads the piece again (prepared, its duplicates' rows read above): its buffer takes a later piece.
        pieceBuffers.release(piece.bytes);
        // Applied: its buffers go back to the workers, to prepare the next pieces in. Last: the chunk's arrays
        // are detached from here on (empty, not an error), so nothing below may read it.
        workers.recycleChunk(chunk);
        onProgress?.({ stage: 'read', rows: recordsIn + counts.rows, bytesRead: bytesBefore + bytesRead, bytesTotal: stdinAt === -1 ? bytesTotal : undefined });
      };
      const inFlight: { piece: Piece; chunk: Promise<PreparedChunk> }[] = [];
      const pieces = async function* (): AsyncGenerator<Piece> {
        const parquet = parquetInputs[f];
        if (parquet !== undefined) {
          // Parquet: decoded here a row group at a time, mapped in the workers in pieces of whole rows.
          await hashFile(file, inputHashes[f]!);
          const width = parquet.columns.length;
          for await (const group of parquet.rowGroups((n) => (bytesRead = n))) {
            for (let from = 0; from < group.rows; from += PARQUET_PIECE_ROWS) {
              const to = Math.min(group.rows, from + PARQUET_PIECE_ROWS);
              const cells = from === 0 && to === group.rows ? group.cells : group.cells.slice(from * width, to * width);
              yield { file, format: 'parquet', header: parquet.columns, bytes: NO_BYTES, cells, atStart: false, payloadFields };
            }
          }
          return;
        }
        const raw = filePieces(file, {
          format: format.format as 'csv' | 'ndjson',
          gzip: format.gzip,
          pieceBytes,
          buffers: pieceBuffers,
          // The cutter and the readers must agree on where rows end: one setting for both.
          maxCellLines,
          delimiter: delimiters[f],
          onBytesRead: (n) => (bytesRead = n),
          onHeader: (h) => (header = h),
          hash: inputHashes[f],
          source: f === stdinAt ? stdin!.chunks() : undefined,
        });
        for await (const r of raw) yield { file, format: format.format, header, bytes: r.bytes, atStart: r.atStart, maxCellLines, delimiter: delimiters[f], payloadFields };
      };
      for await (const piece of pieces()) {
        if (f === stdinAt) bytesRead = stdinBytes;
        inFlight.push({ piece, chunk: workers.prepare(piece) });
        // Enough pieces queued to keep every worker busy, few enough to bound memory.
        if (inFlight.length > 2 * Math.max(1, workers.threads)) {
          const next = inFlight.shift()!;
          await apply(next.piece, await next.chunk);
        }
      }
      for (const next of inFlight) await apply(next.piece, await next.chunk);
      recordsIn += counts.rows;
      rejected += counts.rejected;
      if (f === stdinAt) sizes[f] = stdinBytes;
      bytesBefore += sizes[f]!;
    }
    stages.push(stageTiming('read', t, recordsIn));
    // The read is over: the workers' spare chunk buffers (the last chunks' sets) and the piece slots would be held
    // through the link.
    workers.endPieces();
    pieceBuffers.clear();
    if (columnsOf.some((c) => c === undefined)) {
      // NDJSON inputs: judged on the fields their objects had. One without a single object (every line a
      // reject) is not judged: its rejects say what is wrong, and failing the run would hide them.
      for (let f = 0; f < inputs.length; f++) if (columnsOf[f] === undefined && fieldsSeen[f] !== undefined) columnsOf[f] = [...fieldsSeen[f]!];
      const judged = known();
      if (judged.length > 0) for (const w of checkColumns(roles, judged)) warn(w);
    }

    // Stage 2: guards and ordered linking.
    onProgress?.({ stage: 'link', rows: batch.size });
    t = performance.now();
    // Parts of the link run at once, each in a worker thread of its own, one part per core (linking is
    // memory-bound random access, so a part per thread beyond the cores only contends).
    const linking = workers;
    const linkParts = linking.threads === 0 ? 1 : Math.min(linking.threads + 1, availableParallelism());
    // perf: planning and linking each leave hundreds of MB of garbage outside the heap (sort arrays, the
    // components; the parts' logs and scratch), which this thread's small heap would hold until some later full
    // collection, through the stages where the run peaks. Collected after each when the process allows it (the
    // CLI runs with --expose-gc); ~0.1 s each.
    const collect = (): void => (globalThis as { gc?: () => void }).gc?.();
    // The parts' threads start while this thread plans the link.
    if (linkParts > 1) linking.startAhead(linkParts);
    await batch.linkInParts(linkParts, (task) => linking.linkPart(task), collect);
    await linking.endAhead();
    collect();
    stages.push(stageTiming('link', t, batch.size));

    // Stage 3: outputs. Blocks of mapping lines and of golden profiles (survivorship) are built in the worker
    // threads from the batch's shared columns, and written here in order.
    await workers.setColumns(batch.columns(), batch.survivorship());
    /** Where a block goes: lines into a text output, or columns into a Parquet table. */
    type Sink = { readonly lines: LineWriter; readonly table?: undefined } | { readonly lines?: undefined; readonly table: ParquetTableWriter };
    const refusedOnly = evidenceMode === 'refused';
    /** `created`: for profile lines, where the blocks' `created` events go (`changes.ndjson`). */
    const writeBlocks = async (sink: Sink, kind: LinesTask['kind'], total: number, block: number, stats?: ProfileStatsTotal, created?: LineWriter): Promise<void> => {
      const inFlight: { lines: Promise<LinesBlock>; count: number }[] = [];
      const stage = kind === 'created' ? 'changes' : kind;
      let done = 0;
      const writeNext = async (): Promise<void> => {
        const next = inFlight.shift()!;
        done += next.count;
        const lines = await next.lines;
        if (lines.stats) stats?.add(lines.stats);
        if (sink.table !== undefined) {
          await sink.table.append(lines.columns!);
          onProgress?.({ stage, rows: done, total });
        } else {
          const own = lines.createdAt ?? lines.bytes.length;
          await sink.lines.writeEncodedBlock(lines.bytes.subarray(0, own), lines.lines ?? next.count);
          if (created !== undefined) await created.writeEncodedBlock(lines.bytes.subarray(own), lines.createdLines ?? 0);
          workers.recycle([lines.bytes.buffer as ArrayBuffer]);
          onProgress?.({ stage, rows: done, total });
        }
      };
      const columns = sink.table !== undefined;
      for (let from = 0; from < total; from += block) {
        const to = Math.min(total, from + block);
        const task: LinesTask = { kind, from, to, csvSafe, statsSources: stats?.tracked, columns, refusedOnly: kind === 'evidence' && refusedOnly, lineage: kind === 'profiles' ? lineage : undefined, created: created !== undefined };
        inFlight.push({ lines: workers.lines(task), count: to - from });
        if (inFlight.length > 2 * Math.max(1, workers.threads)) await writeNext();
      }
      while (inFlight.length > 0) await writeNext();
    };
    /** A Parquet output written block by block (`io/parquetOutput`), listed in the manifest like the others. */
    const writeTable = async (name: string, schema: typeof MAPPING_SCHEMA, rowGroup: number, kind: 'mapping' | 'profiles', total: number, block: number, stats?: ProfileStatsTotal): Promise<void> => {
      const file = await outputs.writer(name);
      const table = await ParquetTableWriter.create(file, schema, rowGroup, `idweave ${VERSION}`);
      await writeBlocks({ table }, kind, total, block, stats);
      await table.finish();
      await outputs.close(name, file);
    };
    const parquet = outputFormat === 'parquet';

    await outputs.close(OUTPUT_FILES.rejects, rejects);

    t = performance.now();
    if (parquet) await writeTable(PARQUET_OUTPUT_FILES.mapping, MAPPING_SCHEMA, MAPPING_ROW_GROUP, 'mapping', batch.size, 50_000);
    else {
      const mapping = await outputs.writer(OUTPUT_FILES.mapping);
      mapping.write(MAPPING_HEADER);
      await writeBlocks({ lines: mapping }, 'mapping', batch.size, 50_000);
      await outputs.close(OUTPUT_FILES.mapping, mapping);
    }
    stages.push(stageTiming('mapping', t, batch.size));

    // report aggregates (sources, sizes) are counted beside each block of profiles, in the same thread
    const profileStats = new ProfileStatsTotal(batch.columns());
    // explain index: built beside profiles.ndjson and evidence.ndjson, from where their lines end (io/explainIndex.ts).
    // Parquet output has no profiles.ndjson to point into: no index, and `idweave explain` says it needs ndjson output.
    // With `evidence: 'refused'` it points into the refusals that evidence.ndjson keeps, and says so.
    const explainIndex = evidenceMode !== 'none' && !parquet ? new ExplainIndexBuilder(batch.columns(), batch.options.generic, refusedOnly) : undefined;
    // Its tables depend on the linked columns alone: built from here on in a thread of their own, on the core this
    // thread leaves idle while it writes (the index itself is written last). Without worker threads, at the end.
    const explainTables = explainIndex !== undefined && workers.threads > 0 ? workers.explainTables(batch.columns(), batch.options.generic, refusedOnly) : undefined;
    // A run that stops early never awaits them: the rejection is handled here, an awaiting caller still sees it.
    explainTables?.catch(() => {});
    let profilesBytes = 0;
    let profilesSeconds = 0;
    /**
     * The profiles stage, inside the changes' (between the events before the creations and those after). perf: a
     * profile's `created` event is its line's profile id and record ids, so profile lines come with the events of
     * the profiles this run creates (`LinesTask.created`), copied from the line: a pass of their own read every
     * member's id again at random places (~6 s at 20M rows). Parquet profiles are columns: their events are a pass
     * of their own.
     */
    const writeProfiles = async (changes: LineWriter): Promise<void> => {
      if (parquet) await writeBlocks({ lines: changes }, 'created', batch.profileCount, 50_000);
      const since = performance.now();
      if (parquet) await writeTable(PARQUET_OUTPUT_FILES.profiles, PROFILES_SCHEMA, PROFILES_ROW_GROUP, 'profiles', batch.profileCount, 5_000, profileStats);
      else {
        const profiles = await outputs.writer(OUTPUT_FILES.profiles);
        if (explainIndex) profiles.observe(explainIndex.profileBytes); // explain index
        await writeBlocks({ lines: profiles }, 'profiles', batch.profileCount, 5_000, profileStats, changes);
        profilesBytes = (await outputs.close(OUTPUT_FILES.profiles, profiles)).bytes;
      }
      profilesSeconds = (performance.now() - since) / 1000;
    };

    // Identity over time: the allocator and each record's fingerprint (for the next `--previous`), and what
    // changed since this run's previous one; the profiles within.
    t = performance.now();
    const ids = batch.idState();
    const identity: IdentityFile = { format: 'idweave.identity', version: 1, idRange: ids.idRange, nextSerial: ids.nextSerial, records: batch.size, tables: batch.tableSizes(), mapping: parquet ? PARQUET_OUTPUT_FILES.mapping : OUTPUT_FILES.mapping, csvSafe: !parquet && csvSafe };
    const changeCount = await writeIdentity(batch, outputs, identity, writeProfiles);
    // The succession and fingerprints are not read again: their memory goes before the resolver's table is written.
    batch.releaseIdentity();
    const identitySeconds = (performance.now() - t) / 1000;
    // The changes' time is the stage's less the profiles' (and its events less the profiles').
    stages.push(stageSeconds('changes', identitySeconds - profilesSeconds, changeCount));
    stages.push(stageSeconds('profiles', profilesSeconds, batch.size));

    // The records as a resolver holds them: `resolverFromBatch` seeds a CRM's resolver from this run.
    t = performance.now();
    // Straight into the staged output (counted as written; the snapshot writer's checksum is the manifest's): no
    // temporary file, no second read.
    const table = await outputs.writer(OUTPUT_FILES.resolver, { hashed: false });
    const tableStream = new Writable({
      highWaterMark: 1 << 20,
      write(chunk: Buffer, _encoding, done) {
        let lines = 0;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
        table.countLines(lines);
        table.writeBytes(chunk).then(() => {
          try {
            // A block from the workers, written: its buffer goes back to them.
            if (blockBuffers.delete(chunk.buffer)) workers.recycle([chunk.buffer as ArrayBuffer]);
          } finally {
            done();
          }
        }, done);
      },
    });
    // The large sections are formatted in the worker threads, a block at a time, and written here in order.
    /**
     * Buffers of the workers' blocks on their way to the file, given back once written. Only these: the snapshot's
     * own head and end lines are Buffers of Node's shared pool, which must never be transferred.
     */
    const blockBuffers = new WeakSet<ArrayBufferLike>();
    const tableBlocks = async function* (section: TableSection, total: number): AsyncGenerator<FormattedLines> {
      const block = TABLE_BLOCK[section];
      const inFlight: Promise<FormattedLines>[] = [];
      const next = async (): Promise<FormattedLines> => {
        const lines = await inFlight.shift()!;
        // An empty block is never written (the writer skips it), so its buffer would wait here for nothing.
        if (lines.bytes.byteLength > 0) blockBuffers.add(lines.bytes.buffer);
        return lines;
      };
      for (let from = 0; from < total; from += block) {
        inFlight.push(workers.tableLines({ section, from, to: Math.min(total, from + block) }));
        if (inFlight.length > 2 * Math.max(1, workers.threads)) yield await next();
      }
      while (inFlight.length > 0) yield await next();
    };
    const snapshot = await writeSnapshotStream(batchSnapshotSource(batch, tableBlocks), tableStream, { name: OUTPUT_FILES.resolver });
    await new Promise<void>((done, fail) => tableStream.end((e?: Error | null) => (e ? fail(e) : done())));
    await outputs.close(OUTPUT_FILES.resolver, table, snapshot.sha256);
    stages.push(stageTiming('resolver', t, batch.size));


    if (evidenceMode !== 'none') {
      // Every decision is looked at (the stage's count); with `refused`, the accepted ones are left out.
      t = performance.now();
      const evidence = await outputs.writer(OUTPUT_FILES.evidence);
      const links = batch.columns().evidence.length;
      if (explainIndex) evidence.observe(explainIndex.evidenceBytes); // explain index
      await writeBlocks({ lines: evidence }, 'evidence', links, 50_000);
      const evidenceWritten = await outputs.close(OUTPUT_FILES.evidence, evidence);
      if (explainIndex) {
        // explain index (its time counts in the evidence stage)
        const index = await outputs.writer(EXPLAIN_INDEX_FILE);
        for (const bytes of explainIndex.sections(profilesBytes, evidenceWritten.bytes, await explainTables)) await index.writeBytes(bytes);
        await outputs.close(EXPLAIN_INDEX_FILE, index);
      }
      stages.push(stageTiming('evidence', t, links));
    }

    let accuracy: TruthAccuracy | undefined;
    if (truth !== undefined) {
      t = performance.now();
      const columns = batch.columns();
      accuracy = await scoreAgainstTruth(truth, { accepted: batch.size, profiles: batch.profileCount, recordIndex: (id) => batch.indexOf(id), profileOf: columns.profileOf });
      if (accuracy.unreadableLines > 0) warn(`--truth ${truth}: ${accuracy.unreadableLines} line(s) without a comma skipped`);
      stages.push(stageTiming('accuracy', t, accuracy.records));
    }

    const report: ResolveFilesReport = {
      recordsIn,
      rejected,
      rejectsByReason,
      ...batch.report(),
      ...profileStats.result(),
      ...(accuracy ? { accuracy } : {}),
      stages,
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
      inputs: perInput,
      invalidUpdatedAt,
      multiLineRows,
      warnings,
      lineage,
      survivorship: batch.survivorship(),
    };
    await outputs.writeJson(OUTPUT_FILES.report, report);
    await outputs.writeText(OUTPUT_FILES.reportHtml, reportHtml(report, { outDir, generatedAt: new Date().toISOString(), version: VERSION, explainable: explainIndex !== undefined, evidence: evidenceMode }));
    await outputs.publish(manifestOf(inputs, sizes, inputHashes, report));
    return report;
  } catch (e) {
    await outputs.abort();
    throw e;
  } finally {
    await pool?.close();
    await stdin?.close();
  }
}

/**
 * `fingerprints.bin`, `identity.json` and `changes.ndjson` (its creations written by `writeCreated`, formatted in
 * the worker threads, with the profiles; the rest streamed here). Returns the number of events. A function of its
 * own so that the succession's parts are garbage once it returns.
 */
async function writeIdentity(batch: ResolutionBatch, outputs: OutputDir, identity: IdentityFile, writeCreated: (changes: LineWriter) => Promise<void>): Promise<number> {
  const fingerprintsOut = await outputs.writer(FINGERPRINTS_FILE);
  const fps = batch.fingerprints();
  await fingerprintsOut.writeBytes(LITTLE_ENDIAN ? new Uint8Array(fps.buffer, fps.byteOffset, fps.byteLength) : Buffer.from(fps.buffer, fps.byteOffset, fps.byteLength).swap32());
  await outputs.close(FINGERPRINTS_FILE, fingerprintsOut);
  await outputs.writeJson(IDENTITY_FILE, identity);
  const changes = await outputs.writer(OUTPUT_FILES.changes);
  const parts = batch.changeParts();
  let count = batch.createdCount();
  const streamEvents = async (events: Iterable<ResolverEvent>): Promise<void> => {
    for (const event of events) {
      count++;
      if (changes.write(changeLine(event))) await changes.flush();
    }
  };
  await streamEvents(eventsBefore(parts));
  await writeCreated(changes);
  await streamEvents(eventsAfter(parts));
  await outputs.close(OUTPUT_FILES.changes, changes);
  return count;
}

function manifestOf(inputs: readonly string[], sizes: readonly number[], hashes: readonly Hash[], report: ResolveFilesReport): Omit<Manifest, 'files'> {
  return {
    format: 'idweave.output',
    version: 1,
    runId: randomUUID(),
    createdAt: new Date().toISOString(),
    idweave: VERSION,
    inputs: inputs.map((file, i) => ({ file: file === STDIN ? STDIN : path.resolve(file), bytes: sizes[i]!, sha256: hashes[i]!.digest('hex') })),
    counts: { recordsIn: report.recordsIn, accepted: report.accepted, rejected: report.rejected, profiles: report.profiles },
  };
}

const DEFAULT_PIECE_BYTES = 4 * 1024 * 1024;
/** Entries per block of `resolver.ndjson` lines formatted in a worker (a few MB of text each). */
const TABLE_BLOCK: Readonly<Record<TableSection, number>> = { keys: 50_000, names: 50_000, records: 10_000 };
/** Parquet rows per piece handed to a worker (about a CSV piece's worth of customer rows). */
const PARQUET_PIECE_ROWS = 32_768;
const NO_BYTES = new Uint8Array(0);
/** Rows per row group of `mapping.parquet` and `profiles.parquet` (memory holds one row group while it is encoded). */
const MAPPING_ROW_GROUP = 262_144;
const PROFILES_ROW_GROUP = 65_536;

/**
 * Worker threads for a job: the option, else one per core; none for small inputs (starting threads costs more).
 * More threads than cores only cost memory and start-up time (64 threads took 14.6 s and 1 GB for 1k rows), so
 * the option is capped at the core count, with a warning.
 */
function threadsFor(threads: number | undefined, bytesTotal: number, warn: (message: string) => void): number {
  const cores = availableParallelism();
  if (threads !== undefined) {
    const wanted = Number.isFinite(threads) ? Math.max(0, Math.floor(threads)) : cores;
    if (wanted > cores) warn(`threads: ${wanted} asked, this machine has ${cores} cores; using ${cores}`);
    return Math.min(wanted, cores);
  }
  return bytesTotal < 8 * 1024 * 1024 ? 0 : cores;
}

function stageTiming(stage: string, since: number, count: number): StageTiming {
  return stageSeconds(stage, (performance.now() - since) / 1000, count);
}

function stageSeconds(stage: string, seconds: number, count: number): StageTiming {
  return { stage, seconds: Math.round(seconds * 1000) / 1000, recordsPerSecond: seconds > 0 ? Math.round(count / seconds) : 0 };
}

/** Options objects often carry `key: undefined`; the strict config schema should not see those keys. */
function dropUndefined(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in o) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
