import { IdweaveError } from '../../errors.js';
import { MAX_ROW_CHARS } from '../RowEvent.js';
import { CsvRowReader } from './csvBatches.js';
import { rawChunks } from './rawChunks.js';

/** A run of whole rows of a file as raw (gunzipped) bytes. */
export interface FilePiece {
  readonly bytes: Uint8Array;
  /** The piece starts the file (may begin with a byte-order mark). */
  readonly atStart: boolean;
}

export interface FilePiecesOptions {
  readonly format: 'csv' | 'ndjson';
  readonly gzip: boolean;
  /** Target piece size in bytes (pieces end at the first row boundary after it). */
  readonly pieceBytes: number;
  /** CSV: columns the header must have. */
  readonly requiredColumns?: readonly string[];
  /** Called as bytes are read (on-disk bytes: compressed for `.gz`) with the file size. */
  readonly onBytesRead?: (bytesRead: number, bytesTotal: number) => void;
  /** CSV: receives the header row before the first piece. */
  readonly onHeader?: (header: string[]) => void;
}

/**
 * Cuts a file into pieces of whole rows, to be read in parallel (`createPiecePreparer`). The main thread only
 * looks for cut points, at byte level: a piece ends at a newline; in CSV, at a newline after an even number of
 * quote characters since the piece began, which for RFC 4180 text is exactly a row boundary (a quoted cell with
 * a newline has an open quote before it). The CSV header is read here and not sent with the pieces.
 *
 * Malformed text cannot make a piece grow without end: past 16 MiB without a cut point (an unbalanced quote, a
 * line without a newline) the piece is cut at its last newline, or, with none, at the limit, skipping the rest
 * of that line as the sequential readers do. Either way every row ends in some piece and is read there.
 */
export async function* filePieces(file: string, options: FilePiecesOptions): AsyncGenerator<FilePiece> {
  const { format, pieceBytes } = options;
  const limit = MAX_ROW_CHARS + pieceBytes;
  let carry: Buffer = Buffer.alloc(0);
  let atStart = true;
  let skipToNewline = false;
  let needHeader = format === 'csv';

  for await (const chunk of rawChunks(file, options.gzip, Math.min(pieceBytes, 1 << 22), options.onBytesRead)) {
    let buf = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
    if (skipToNewline) {
      const nl = buf.indexOf(10);
      if (nl === -1) {
        carry = Buffer.alloc(0);
        continue;
      }
      skipToNewline = false;
      buf = buf.subarray(nl + 1);
    }
    if (needHeader) {
      const end = headerEnd(file, buf, options, false);
      if (end === -1) {
        if (buf.length > limit) throw new IdweaveError('input_invalid', `${file}: header row is longer than ${MAX_ROW_CHARS} characters (not a CSV file?)`);
        carry = buf;
        continue;
      }
      needHeader = false;
      buf = buf.subarray(end);
      atStart = false;
    }
    if (buf.length < pieceBytes) {
      carry = buf;
      continue;
    }
    let cut = format === 'csv' ? csvCut(buf) : buf.lastIndexOf(10);
    if (cut === -1 && buf.length > limit) {
      cut = buf.lastIndexOf(10);
      if (cut === -1) {
        // One line longer than the limit: its start is read as an over-long row, the rest skipped.
        cut = buf.length - 1;
        skipToNewline = true;
      }
    }
    if (cut === -1) {
      carry = buf;
      continue;
    }
    yield { bytes: new Uint8Array(buf.subarray(0, cut + 1)), atStart };
    atStart = false;
    carry = buf.subarray(cut + 1);
    // Keep the carried bytes only: `buf` may be a large concatenation.
    if (carry.length > 0 && carry.length < buf.length / 4) carry = Buffer.from(carry);
  }
  if (needHeader) {
    if (headerEnd(file, carry, options, true) === -1) return;
    carry = Buffer.alloc(0);
  }
  if (carry.length > 0) yield { bytes: new Uint8Array(carry), atStart };
}

/** Position of the last newline after an even number of quotes from the start of `buf`, or -1. */
function csvCut(buf: Buffer): number {
  let nl = buf.lastIndexOf(10);
  if (nl === -1) return -1;
  // Quote positions before nl (CSV files seldom quote, so this is short).
  const quotes: number[] = [];
  for (let q = buf.indexOf(34); q !== -1 && q < nl; q = buf.indexOf(34, q + 1)) quotes.push(q);
  let k = quotes.length;
  // Walking back over newlines, the parity only changes when a quote is passed.
  while (k % 2 === 1) {
    nl = buf.lastIndexOf(10, quotes[k - 1]!);
    if (nl === -1) return -1;
    while (k > 0 && quotes[k - 1]! > nl) k--;
  }
  return nl;
}

/**
 * Reads the header row at the start of `buf` (blank lines before it skipped) and hands it to `onHeader`;
 * returns the byte offset after it, or -1 when `buf` does not hold it yet. `final`: `buf` is the whole file,
 * and an empty file or a bad header throws as the sequential reader does.
 */
function headerEnd(file: string, buf: Buffer, options: FilePiecesOptions, final: boolean): number {
  const reader = new CsvRowReader(file, options.requiredColumns ?? []);
  let from = 0;
  for (;;) {
    const nl = nextCut(buf, from);
    if (nl === -1) {
      if (!final) return -1;
      reader.push(new TextDecoder().decode(buf.subarray(from)));
      reader.end(); // throws for an empty file
      options.onHeader?.([...reader.columns!]);
      return buf.length;
    }
    // Decoding from 0 each time drops a BOM once, as the sequential reader does.
    reader.push(new TextDecoder().decode(buf.subarray(from, nl + 1)));
    from = nl + 1;
    if (reader.columns !== undefined) {
      options.onHeader?.([...reader.columns]);
      return from;
    }
  }
}

/** The first newline at or after `from` with an even number of quotes between `from` and it, or -1. */
function nextCut(buf: Buffer, from: number): number {
  let quotes = 0;
  for (let i = from; i < buf.length; i++) {
    const b = buf[i]!;
    if (b === 34) quotes++;
    else if (b === 10 && quotes % 2 === 0) return i;
  }
  return -1;
}
