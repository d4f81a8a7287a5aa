import { IdweaveError } from '../errors.js';
import { CsvRowReader } from './_internal/CsvRowReader.js';
import { NdjsonRowReader } from './_internal/NdjsonRowReader.js';
import { openParquetInput } from './_internal/parquetInput.js';
import { textChunks } from './_internal/textChunks.js';
import type { ReadRowsOptions, RowEvent } from './RowEvent.js';

export type { ReadRowsOptions, RowError, RowEvent, RowFields } from './RowEvent.js';

/** How an input file is read, from its name. */
export interface InputFormat {
  readonly format: 'csv' | 'ndjson' | 'parquet';
  readonly gzip: boolean;
}

/**
 * The format of an input file by extension: `.csv`, `.ndjson` or `.jsonl`, each optionally `.gz`, or `.parquet`
 * (case-insensitive); `undefined` for anything else.
 */
export function inputFormatOf(file: string): InputFormat | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith('.parquet')) return { format: 'parquet', gzip: false };
  const gzip = lower.endsWith('.gz');
  const name = gzip ? lower.slice(0, -3) : lower;
  if (name.endsWith('.csv')) return { format: 'csv', gzip };
  if (name.endsWith('.ndjson') || name.endsWith('.jsonl')) return { format: 'ndjson', gzip };
  return undefined;
}

/** The input file types, for messages. */
export const INPUT_TYPES = '.csv, .ndjson or .jsonl (optionally .gz), or .parquet';

/**
 * The rows of a CSV or NDJSON file (optionally gzipped) or a Parquet file, one batch of events per read chunk
 * (Parquet: per row group; cells as text, `io/_internal/parquetInput`).
 * perf: batches avoid an async-iterator step per row (`explain` and the tests read this way; the batch job cuts
 * files into pieces instead, `_internal/filePieces`).
 * Throws `IdweaveError` (`input_unreadable`: missing, unreadable, corrupt gzip; `input_invalid`: unknown
 * extension, empty file, bad header, missing required column). Bad rows are error events, never thrown.
 */
export function readRowBatches(file: string, options: ReadRowsOptions = {}): AsyncIterable<RowEvent[]> {
  const format = inputFormatOf(file);
  if (format === undefined) {
    throw new IdweaveError('input_invalid', `${file}: unsupported file type (expected ${INPUT_TYPES})`);
  }
  if (format.format === 'parquet') return parquetRowBatches(file);
  const chunks = textChunks(file, format.gzip, options.chunkBytes ?? 1 << 20, options.onBytesRead);
  const reader =
    format.format === 'csv' ? new CsvRowReader(file, options.requiredColumns ?? [], undefined, undefined, { maxCellLines: options.maxCellLines }) : new NdjsonRowReader(file);
  return rowBatches(reader, chunks);
}

/** The rows of a Parquet file, one batch per row group, numbered from 1. */
async function* parquetRowBatches(file: string): AsyncGenerator<RowEvent[]> {
  const input = await openParquetInput(file);
  const columns = input.columns;
  let row = 0;
  for await (const group of input.rowGroups()) {
    const out: RowEvent[] = [];
    for (let r = 0; r < group.rows; r++) {
      const fields: Record<string, string> = {};
      for (let c = 0; c < columns.length; c++) Object.defineProperty(fields, columns[c]!, { value: group.cells[r * columns.length + c]!, enumerable: true, writable: true, configurable: true });
      out.push({ file, row: ++row, fields });
    }
    yield out;
  }
}

/** The events of a row reader fed with text chunks, one batch per chunk that completed rows. */
async function* rowBatches(reader: CsvRowReader | NdjsonRowReader, chunks: AsyncIterable<string>): AsyncGenerator<RowEvent[]> {
  for await (const chunk of chunks) {
    reader.push(chunk);
    const out = reader.take();
    if (out.length > 0) yield out;
  }
  reader.end();
  const out = reader.take();
  if (out.length > 0) yield out;
}

/**
 * The rows of a CSV or NDJSON file, one event per row: fields, or an error for a row that could not be read.
 * See `RowEvent` for how rows are numbered. A CSV row whose quoted cells span several lines carries `lines`
 * (the events with `lines` are the count of multi-line rows, as `PreparedChunk.multiLineRows` counts them).
 *
 * @example
 * for await (const ev of readRows('customers.csv.gz', { requiredColumns: ['id'] })) {
 *   if ('error' in ev) console.warn(`${ev.file} row ${ev.row}: ${ev.error}`);
 *   else console.log(ev.fields.email);
 * }
 */
export async function* readRows(file: string, options: ReadRowsOptions = {}): AsyncIterable<RowEvent> {
  for await (const batch of readRowBatches(file, options)) yield* batch;
}
