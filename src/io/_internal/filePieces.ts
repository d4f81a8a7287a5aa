import type { Hash } from 'node:crypto';
import { IdweaveError } from '../../errors.js';
import { DEFAULT_MAX_CELL_LINES, MAX_ROW_CHARS } from '../RowEvent.js';
import { CsvRowReader } from './CsvRowReader.js';
import { bytesText, CsvRowScanner, DELIMITERS, lineBreakOfBytes, type Delimiter, type ScanText } from './CsvRowScanner.js';
import { ByteStage, bytesOfFile, chunkSource } from './ByteStage.js';
import { PieceBuffers } from './PieceBuffers.js';

/** A run of whole rows of a file as raw (gunzipped) bytes. */
export interface FilePiece {
  /**
   * In shared memory: a worker thread reads them where they are (a plain buffer was copied twice on its way,
   * into the message and out of it), and the reading thread can still read them again (a duplicate id's row).
   * With `FilePiecesOptions.buffers`, only until the caller gives them back.
   */
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
  /**
   * CSV: the most physical lines a row's quoted cells may span (default 20, `DEFAULT_MAX_CELL_LINES`). Must be
   * the `maxCellLines` the pieces are read with (`Piece.maxCellLines`): it decides where rows end.
   */
  readonly maxCellLines?: number;
  /** CSV: the cell separator (default `,`); must be the one the pieces are read with. */
  readonly delimiter?: Delimiter;
  /** Receives the file's on-disk bytes (compressed for `.gz`): the input's fingerprint in the manifest. */
  readonly hash?: Hash;
  /**
   * The bytes to cut, already gunzipped, instead of reading `file` (standard input, `streamChunks`); `file` then
   * only names the input in messages, and `gzip`, `onBytesRead` and `hash` are the source's business.
   */
  readonly source?: AsyncIterable<Buffer>;
  /**
   * Where pieces are copied to: reused buffers the caller gives back once a piece is applied
   * (`PieceBuffers.release`). Without, each piece is a shared buffer of its own.
   */
  readonly buffers?: PieceBuffers;
}

/**
 * Cuts a file into pieces of whole rows, to be read in parallel (`createPiecePreparer`). The main thread only
 * looks for cut points, at byte level: a piece ends at the last row boundary in the bytes read so far. NDJSON
 * rows end at newlines; CSV rows end where `CsvRowReader` ends them, found by the reader's own `CsvRowScanner`
 * (quoted cells may hold newlines; a malformed quote ends the row at its first line; a stray quote or a quoted
 * cell over `maxCellLines` lines ends a run of lines the reader reads again as rows, kept in one piece), so
 * reading the pieces gives the rows reading the file would. The CSV header is read here and not sent with the
 * pieces. A file whose first line break is a lone CR (old Mac) has every CR turned into LF here, as the reader
 * does, so pieces always hold LF line breaks.
 *
 * Malformed text cannot make a piece grow without end: past 16 MiB without a cut point (an unbalanced quote, a
 * line without a newline) the piece is cut at its last newline, or, with none, at the limit, skipping the rest
 * of that line as the sequential readers do. Either way every row ends in some piece and is read there.
 */
export async function* filePieces(file: string, options: FilePiecesOptions): AsyncGenerator<FilePiece> {
  const { format, pieceBytes } = options;
  // Without the caller's slots, slots of no size: every piece gets a buffer of its own.
  const buffers = options.buffers ?? new PieceBuffers(0);
  const limit = MAX_ROW_CHARS + pieceBytes;
  const scanner = new CsvRowScanner(options.maxCellLines ?? DEFAULT_MAX_CELL_LINES, DELIMITERS[options.delimiter ?? ',']);
  let width = 0; // the header's cells: rows are cut as the reader reads them with that header
  const headerOptions: FilePiecesOptions = {
    ...options,
    onHeader: (h) => {
      width = h.length;
      options.onHeader?.(h);
    },
  };
  let atStart = true;
  let skipToNewline = false;
  let needHeader = format === 'csv';
  // CSV: how lines end, from the first line break (a lone CR: an old Mac file, whose CRs become LFs here).
  let lineBreak: 'lf' | 'cr' | undefined = format === 'csv' ? undefined : 'lf';

  const readBytes = Math.min(pieceBytes, 1 << 22);
  const source = options.source !== undefined ? chunkSource(options.source) : await bytesOfFile(file, options.gzip, readBytes, options.onBytesRead, options.hash);
  const stage = new ByteStage(pieceBytes + readBytes);
  try {
    for (;;) {
      // The bytes before `fresh` were held (and seen) before this read.
      const fresh = stage.length;
      if ((await stage.fill(source, readBytes)) === 0) break;
      let buf = stage.window();
      if (lineBreak === undefined) {
        lineBreak = lineBreakOfBytes(buf, false);
        if (lineBreak === 'cr') crToLf(buf);
      } else if (lineBreak === 'cr') {
        crToLf(buf.subarray(fresh));
      }
      if (skipToNewline) {
        const nl = buf.indexOf(10);
        if (nl === -1) {
          stage.consume(buf.length);
          continue;
        }
        skipToNewline = false;
        stage.consume(nl + 1);
        buf = stage.window();
      }
      if (needHeader) {
        const end = headerEnd(file, buf, headerOptions, false);
        if (end === -1) {
          if (buf.length > limit) throw new IdweaveError('input_invalid', `${file}: header row is longer than ${MAX_ROW_CHARS} characters (not a CSV file?)`);
          continue;
        }
        needHeader = false;
        stage.consume(end);
        buf = stage.window();
        atStart = false;
      }
      if (buf.length < pieceBytes) continue;
      let cut = format === 'csv' ? csvCut(buf, scanner, width) : buf.lastIndexOf(10);
      if (cut === -1 && buf.length > limit) {
        cut = buf.lastIndexOf(10);
        if (cut === -1) {
          // One line longer than the limit: its start is read as an over-long row, the rest skipped.
          cut = buf.length - 1;
          skipToNewline = true;
        }
      }
      if (cut === -1) continue;
      // Copied out before the stage is read into again.
      yield { bytes: buffers.copy(buf.subarray(0, cut + 1)), atStart };
      atStart = false;
      stage.consume(cut + 1);
    }
  } finally {
    await source.close();
  }
  const carry = stage.window();
  if (needHeader) {
    if (lineBreak === undefined && lineBreakOfBytes(carry, true) === 'cr') crToLf(carry);
    // The whole file is the header (or none: headerEnd throws as the sequential reader does).
    headerEnd(file, carry, headerOptions, true);
    return;
  }
  if (carry.length > 0) yield { bytes: buffers.copy(carry), atStart };
}

const QUOTE = 34;
const NL = 10;
const CR = 13;

/**
 * Position of the newline that ends the last complete row of `buf` (which starts at a row start), or -1: a
 * piece may end there. perf: lines without a quote are rows and are skipped with `indexOf`; only rows whose
 * first line holds a quote are scanned (`rowEnd`).
 */
function csvCut(buf: Buffer, scanner: CsvRowScanner, width: number): number {
  const bytes = bytesText(buf);
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
    const end = scanEnd(bytes, buf.length, pos, scanner, width);
    if (end === -1) return boundary;
    boundary = end;
    pos = end + 1;
  }
}

/**
 * Where what `CsvRowReader` reads from the row start `start` ends: the newline after which the next row starts,
 * or -1 when that is not decided within `buf`. Usually one row; a row rejected for a stray quote or a quoted
 * cell over `maxCellLines` lines ends a run of lines read again as rows, which stays in one piece (the reader
 * decides on the whole run). `width`: the header's cell count.
 */
export function rowEnd(buf: Uint8Array, start: number, width: number, maxCellLines = DEFAULT_MAX_CELL_LINES): number {
  return scanEnd(bytesText(buf), buf.length, start, new CsvRowScanner(maxCellLines), width);
}

function scanEnd(bytes: ScanText, len: number, start: number, scanner: CsvRowScanner, width: number): number {
  scanner.scan(bytes, start, len, false, width);
  return scanner.kind === 'more' ? -1 : scanner.end;
}

/** Every lone CR byte of an old-Mac file as LF (CRLF would become two newlines: a blank line, skipped). */
function crToLf(buf: Buffer): Buffer {
  for (let i = buf.indexOf(CR); i !== -1; i = buf.indexOf(CR, i + 1)) buf[i] = NL;
  return buf;
}

/**
 * Reads the header row at the start of `buf` (blank lines before it skipped) and hands it to `onHeader`;
 * returns the byte offset after it, or -1 when `buf` does not hold it yet. `final`: `buf` is the whole file,
 * and an empty file or a bad header throws as the sequential reader does.
 */
function headerEnd(file: string, buf: Buffer, options: FilePiecesOptions, final: boolean): number {
  const reader = new CsvRowReader(file, options.requiredColumns ?? [], undefined, undefined, { maxCellLines: options.maxCellLines, delimiter: options.delimiter });
  const scanner = new CsvRowScanner(options.maxCellLines ?? DEFAULT_MAX_CELL_LINES, DELIMITERS[options.delimiter ?? ',']);
  const bytes = bytesText(buf);
  let from = 0;
  for (;;) {
    // A byte-order mark is not part of the first cell (the decoder drops it).
    const bom = from === 0 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
    scanner.scan(bytes, from + bom, buf.length, false, 0);
    if (scanner.kind !== 'row') {
      if (scanner.kind === 'more' && !final) return -1;
      // The whole file, or a bad header row (an unclosed quote, a cell over maxCellLines lines): the reader
      // comes to the same end and throws for an empty file or a bad header.
      reader.push(new TextDecoder().decode(buf.subarray(from)));
      reader.end();
      options.onHeader?.([...reader.columns!]);
      return buf.length;
    }
    const nl = scanner.end;
    // Decoding from 0 each time drops a BOM once, as the sequential reader does.
    reader.push(new TextDecoder().decode(buf.subarray(from, nl + 1)));
    from = nl + 1;
    if (reader.columns !== undefined) {
      options.onHeader?.([...reader.columns]);
      return from;
    }
  }
}

/**
 * The header row of a CSV file, read before any work (the columns are checked against the config first).
 * Reads only as far as the header; throws as `filePieces` does for an empty file or a bad header row.
 */
export async function readCsvHeader(file: string, options: Pick<FilePiecesOptions, 'gzip' | 'maxCellLines' | 'delimiter' | 'source'>): Promise<string[]> {
  let header: string[] | undefined;
  const pieces = filePieces(file, { format: 'csv', gzip: options.gzip, pieceBytes: 1 << 16, maxCellLines: options.maxCellLines, delimiter: options.delimiter, source: options.source, onHeader: (h) => (header = h) });
  for await (const _ of pieces) if (header !== undefined) break;
  if (header === undefined) throw new IdweaveError('input_invalid', `${file}: empty file: no header row`);
  return header;
}

/**
 * The cell separator a CSV header row shows when it was read with commas: a header of one column whose name holds
 * semicolons or tabs is a `;`- or tab-separated file (the more frequent of the two). Header names never hold these
 * characters in practice, and a wrong guess shows at once (a missing id column).
 */
export function delimiterOfHeader(commaHeader: readonly string[]): Delimiter {
  if (commaHeader.length !== 1) return ',';
  const name = commaHeader[0]!;
  const semicolons = name.split(';').length - 1;
  const tabs = name.split('\t').length - 1;
  return semicolons === 0 && tabs === 0 ? ',' : tabs > semicolons ? '\t' : ';';
}
