import type { Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { AsyncBuffer, FileMetaData, SchemaTree } from 'hyparquet';
import { IdweaveError } from '../../errors.js';
import { unreadable } from './rawChunks.js';

/**
 * A `.parquet` input, read with hyparquet (pure JavaScript; the codecs of hyparquet-compressors: snappy, gzip,
 * zstd, brotli, lz4). Columns are the file's top-level schema fields and map to roles as CSV header names do
 * (`columnRoles`); every value is read as the text a CSV cell would hold (`parquetCell`), so a Parquet file gives
 * the records its CSV export would. Rows are numbered from 1 in file order (the 1-based row index).
 *
 * Read one row group at a time (a row group is Parquet's unit of compression: it is decoded whole), so memory
 * follows the file's largest row group, not its size.
 */
export interface ParquetInput {
  readonly file: string;
  /** Top-level column names, in schema order: the "header". */
  readonly columns: readonly string[];
  /** Rows in the file. */
  readonly rows: number;
  /** The file's size in bytes. */
  readonly bytes: number;
  /**
   * Row groups in order, as cells (row-major, `columns.length` per row, `''` for null). `onBytesRead` receives the
   * file bytes covered so far (row groups' compressed sizes; the file size at the end).
   */
  rowGroups(onBytesRead?: (bytesRead: number) => void): AsyncGenerator<ParquetRows>;
}

/** Rows of a Parquet input as text cells, row-major. */
export interface ParquetRows {
  readonly cells: string[];
  readonly rows: number;
}

/**
 * Opens a Parquet file and reads its footer (schema, row groups). Throws `IdweaveError`: `input_unreadable`
 * (missing, unreadable), `input_invalid` (not a Parquet file, a schema without columns).
 */
export async function openParquetInput(file: string): Promise<ParquetInput> {
  const hp = await import('hyparquet');
  const { compressors } = await import('hyparquet-compressors');
  let size: number;
  try {
    const st = await stat(file);
    if (!st.isFile()) throw new IdweaveError('input_unreadable', `${file}: not a regular file`);
    size = st.size;
  } catch (e) {
    throw e instanceof IdweaveError ? e : unreadable(file, e);
  }
  const buffer = fileBuffer(file, size);
  let metadata: FileMetaData;
  try {
    metadata = await hp.parquetMetadataAsync(buffer);
  } catch (e) {
    throw e instanceof IdweaveError ? e : invalid(file, 'not a Parquet file, or its footer is damaged', e);
  }
  const schema = hp.parquetSchema(metadata);
  const columns = schema.children.map((c) => c.element.name);
  if (columns.length === 0) throw new IdweaveError('input_invalid', `${file}: the Parquet schema has no columns`);
  const dateColumns = schema.children.map(isDateColumn);

  return {
    file,
    columns,
    rows: Number(metadata.num_rows),
    bytes: size,
    async *rowGroups(onBytesRead) {
      let start = 0;
      let bytesRead = 4; // the leading magic
      for (let g = 0; g < metadata.row_groups.length; g++) {
        const group = metadata.row_groups[g]!;
        const rows = Number(group.num_rows);
        if (rows === 0) continue;
        let read: unknown[][] = [];
        try {
          await hp.parquetRead({
            file: buffer,
            metadata,
            compressors,
            rowStart: start,
            rowEnd: start + rows,
            rowFormat: 'array',
            onComplete: (r) => (read = r),
          });
        } catch (e) {
          throw e instanceof IdweaveError ? e : invalid(file, `row group ${g + 1} (rows ${start + 1}–${start + rows}) cannot be read`, e);
        }
        const width = columns.length;
        const cells: string[] = new Array<string>(read.length * width);
        for (let r = 0; r < read.length; r++) {
          const row = read[r]!;
          for (let c = 0; c < width; c++) cells[r * width + c] = parquetCell(row[c], dateColumns[c]!);
        }
        read = [];
        start += rows;
        bytesRead += Number(group.total_compressed_size ?? 0);
        onBytesRead?.(Math.min(bytesRead, size));
        yield { cells, rows };
      }
      onBytesRead?.(size);
    },
  };
}

/**
 * A Parquet value as the text a CSV cell would hold: null is empty; strings as they are; numbers and 64-bit
 * integers in decimal; booleans `true` / `false`; a DATE column's dates `YYYY-MM-DD`, other timestamps ISO-8601
 * in UTC; a list's values joined with `|` (idweave's multi-value separator, so a list of emails is several
 * emails); structs and maps as JSON; raw bytes decoded as UTF-8.
 */
export function parquetCell(value: unknown, isDate = false): string {
  if (value === null || value === undefined) return '';
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'bigint':
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
  }
  if (value instanceof Date) {
    const t = value.getTime();
    if (!Number.isFinite(t)) return '';
    const iso = value.toISOString();
    return isDate ? iso.slice(0, 10) : iso;
  }
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  if (Array.isArray(value)) {
    const parts: string[] = [];
    for (const v of value) {
      const s = parquetCell(v, isDate);
      if (s !== '') parts.push(s);
    }
    return parts.join('|');
  }
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v instanceof Uint8Array ? new TextDecoder().decode(v) : v));
}

/** A DATE column (its values are days, hyparquet gives Dates at midnight UTC), or a list of dates. */
function isDateColumn(node: SchemaTree): boolean {
  const e = node.element;
  if (e.converted_type === 'DATE' || e.logical_type?.type === 'DATE') return true;
  return node.children.length === 1 && (e.converted_type === 'LIST' || e.logical_type?.type === 'LIST') && isDateColumn(leafOf(node.children[0]!));
}

function leafOf(node: SchemaTree): SchemaTree {
  return node.children.length === 1 ? leafOf(node.children[0]!) : node;
}

/**
 * The file as hyparquet's `AsyncBuffer`: each read opens the file for one byte range (hyparquet reads a column
 * chunk at a time). Read errors are `input_unreadable` naming the file.
 */
function fileBuffer(file: string, size: number): AsyncBuffer {
  return {
    byteLength: size,
    slice(start: number, end?: number): Promise<ArrayBuffer> {
      const last = (end ?? size) - 1;
      if (last < start) return Promise.resolve(new ArrayBuffer(0));
      return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        createReadStream(file, { start, end: last })
          .on('data', (c) => chunks.push(c as Buffer))
          .on('error', (e) => reject(unreadable(file, e)))
          .on('end', () => {
            const b = Buffer.concat(chunks);
            resolve(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
          });
      });
    },
  };
}

/** SHA-256 of a Parquet input's bytes for the manifest (read once, streamed: Parquet reads are ranges). */
export async function hashFile(file: string, hash: Hash): Promise<void> {
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 22 })) hash.update(chunk as Buffer);
  } catch (e) {
    throw unreadable(file, e);
  }
}

function invalid(file: string, what: string, e: unknown): IdweaveError {
  const why = e instanceof Error ? e.message : String(e);
  return new IdweaveError('input_invalid', `${file}: ${what} (${why})`);
}
