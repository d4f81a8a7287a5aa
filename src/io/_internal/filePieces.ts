import { IdweaveError } from '../../errors.js';
import { MAX_ROW_CHARS } from '../RowEvent.js';
import { CsvRowReader } from './CsvRowReader.js';
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
  /** Piece size in bytes: once this much is read, a piece ends at the last row boundary in it. */
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
 * looks for cut points, at byte level: a piece ends at the last row boundary in the bytes read so far. NDJSON
 * rows end at newlines; CSV rows end where `CsvRowReader` ends them (`rowEnd`: quoted cells may hold newlines,
 * malformed quotes end the row at its first line), so reading the pieces gives the rows reading the file would.
 * The CSV header is read here and not sent with the pieces.
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

const QUOTE = 34;
const COMMA = 44;
const NL = 10;

/**
 * Position of the newline that ends the last complete row of `buf` (which starts at a row start), or -1.
 * perf: lines without a quote are rows and are skipped with `indexOf`; only rows whose first line holds a quote
 * are scanned field by field (`rowEnd`).
 */
function csvCut(buf: Buffer): number {
  let boundary = -1;
  let pos = 0;
  for (;;) {
    const q = buf.indexOf(QUOTE, pos);
    if (q === -1) {
      const nl = buf.lastIndexOf(NL);
      return nl >= pos ? nl : boundary;
    }
    // Lines before the quote's line are whole rows.
    const lineStart = buf.lastIndexOf(NL, q) + 1;
    if (lineStart > pos) {
      boundary = lineStart - 1;
      pos = lineStart;
    }
    const end = rowEnd(buf, pos);
    if (end === -1) return boundary;
    boundary = end;
    pos = end + 1;
  }
}

/**
 * The newline ending the CSV row that starts at `start`, read as `CsvRowReader` reads it (papaparse's rules): a
 * quote opens a quoted cell only at the start of a cell, `""` inside one is a quote, and a closing quote must be
 * followed by optional spaces and a comma or newline. A malformed or unclosed quote makes the reader report the
 * row's first line and go on at the next line, so the row then ends at its first newline. -1: the row does not
 * end within `buf`.
 */
export function rowEnd(buf: Buffer, start: number): number {
  const len = buf.length;
  let p = start;
  for (;;) {
    if (buf[p] === QUOTE) {
      let q = p + 1;
      for (;;) {
        q = buf.indexOf(QUOTE, q);
        // Never closed in the text so far: the reader waits for more text, so the row is still open.
        if (q === -1) return -1;
        if (buf[q + 1] === QUOTE) {
          q += 2;
          continue;
        }
        let r = q + 1;
        while (r < len && isSpace(buf[r]!)) r++;
        if (r === len) return -1; // the closing quote may still be followed by a comma or newline
        if (buf[r] === COMMA) {
          p = r + 1;
          break;
        }
        if (buf[r] === NL) return r;
        return firstNewline(buf, start); // malformed: text after the closing quote
      }
      continue;
    }
    // An unquoted cell: to the next comma or newline; quotes inside are text.
    while (p < len && buf[p] !== COMMA && buf[p] !== NL) p++;
    if (p === len) return -1;
    if (buf[p] === NL) return p;
    p++;
  }
}

function firstNewline(buf: Buffer, start: number): number {
  return buf.indexOf(NL, start);
}

/**
 * Whitespace that papaparse allows between a closing quote and the comma or newline: the ASCII part of `trim()`'s
 * set (a non-ASCII space there reads as a malformed quote here, a divergence only for that odd text).
 */
function isSpace(b: number): boolean {
  return b === 32 || (b >= 9 && b <= 13 && b !== NL);
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
    // A byte-order mark is not part of the first cell (the decoder drops it).
    const bom = from === 0 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
    const nl = rowEnd(buf, from + bom);
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
