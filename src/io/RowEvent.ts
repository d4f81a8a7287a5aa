/**
 * One event from an input file: a row's fields, or a row that could not be read (it becomes a reject).
 *
 * Row numbers: CSV rows count data records from 1 (the header is row 0); blank lines are skipped and not
 * counted, and a quoted cell spanning several lines makes one row, so a row number can be smaller than the
 * physical line number. NDJSON rows are physical line numbers from 1 (blank lines are counted but skipped).
 * A CSV row rejected for a stray quote or a quoted cell over `maxCellLines` lines is its first line only; the
 * lines after it are read again as rows of their own (see docs/input-format.md).
 */
export type RowEvent = RowFields | RowError;

export interface RowFields {
  readonly file: string;
  readonly row: number;
  /** Column → cell for CSV (always strings); the parsed object for NDJSON (any JSON values). */
  readonly fields: Readonly<Record<string, unknown>>;
  /** CSV: physical lines the row spans, present only when more than one (a quoted cell holding line breaks). */
  readonly lines?: number;
  /** NDJSON: the line the object was parsed from (a numeric id must be a plain integer token in it). */
  readonly text?: string;
}

export interface RowError {
  readonly file: string;
  readonly row: number;
  /** Why the row could not be read, e.g. `expected 9 fields (as in the header), found 10`. */
  readonly error: string;
  /** The row's text as far as it could be recovered (clipped to 64 KiB). */
  readonly input: string;
}

/** Options of `readRows` / `readRowBatches`. */
export interface ReadRowsOptions {
  /** CSV columns that must be in the header (e.g. the id column); missing ones are a fatal `input_invalid`. */
  readonly requiredColumns?: readonly string[];
  /** Called after each chunk with raw (on-disk, compressed for `.gz`) bytes read and the file size. */
  readonly onBytesRead?: (bytesRead: number, bytesTotal: number) => void;
  /** Read size in bytes; default 1 MiB. Small values exercise chunk boundaries in tests. */
  readonly chunkBytes?: number;
  /**
   * CSV: the most physical lines a row's quoted cells may span (default `DEFAULT_MAX_CELL_LINES`, 20). A row
   * over it is a reject and the lines after its first are read again as rows. Must be an integer >= 1.
   */
  readonly maxCellLines?: number;
}

/**
 * Default of `maxCellLines`: a CSV row may span at most 20 physical lines through quoted cells. Postal addresses
 * take 2-8 lines and CRM notes rarely more; a quote left open longer is almost always a stray quote swallowing
 * whole rows. The bound also caps how far the file cutter must look ahead to end a row.
 */
export const DEFAULT_MAX_CELL_LINES = 20;

/** Largest cell (CSV) or line (NDJSON) accepted, in UTF-16 code units (1 MiB). */
export const MAX_CELL_CHARS = 1 << 20;
/** A row still open after this many characters is abandoned as an unbalanced quote (16 MiB). */
export const MAX_ROW_CHARS = 1 << 24;
/** Longest `input` kept in a row error. */
export const MAX_ERROR_INPUT_CHARS = 1 << 16;

/** `s` clipped for an error's `input`. */
export function clipInput(s: string): string {
  return s.length <= MAX_ERROR_INPUT_CHARS ? s : `${s.slice(0, MAX_ERROR_INPUT_CHARS)}… (${s.length} characters)`;
}
