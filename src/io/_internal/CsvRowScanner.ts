/**
 * The CSV row scanner, shared by the reader (strings, `CsvRowReader`) and the file cutter (`filePieces`, raw
 * bytes): one function decides where a row ends, so a file read in one go and read as pieces gives the same rows.
 */
const QUOTE = 34;
const COMMA = 44;
const SEMICOLON = 59;
const TAB = 9;
const NL = 10;
const CR = 13;

/**
 * Text the row scanner reads: a string (the reader) or raw UTF-8 bytes (the file cutter). Only ASCII quote,
 * comma, newline and spaces are looked at, and UTF-8 never uses ASCII bytes inside a multi-byte character (nor
 * does decoding invalid bytes produce them), so a string and its bytes scan alike, at different offsets.
 */
export interface ScanText {
  /** The code unit or byte at `i` (`i` within the scanned range). */
  at(i: number): number;
  /** Index of the next `code` at or after `from`, or -1. */
  find(code: number, from: number): number;
}

const CHAR: Record<number, string> = { [QUOTE]: '"', [COMMA]: ',', [NL]: '\n', [SEMICOLON]: ';', [TAB]: '\t' };

/** The cell separators a CSV file may use (`csv.delimiter`), as character codes. */
export const DELIMITERS = { ',': COMMA, ';': SEMICOLON, '\t': TAB } as const;
export type Delimiter = keyof typeof DELIMITERS;

class StringText implements ScanText {
  constructor(private readonly s: string) {}
  at(i: number): number {
    return this.s.charCodeAt(i);
  }
  find(code: number, from: number): number {
    return this.s.indexOf(CHAR[code]!, from);
  }
}

class BytesText implements ScanText {
  constructor(private readonly b: Uint8Array) {}
  at(i: number): number {
    return this.b[i]!;
  }
  find(code: number, from: number): number {
    return this.b.indexOf(code, from);
  }
}

export function stringText(s: string): ScanText {
  return new StringText(s);
}

export function bytesText(b: Uint8Array): ScanText {
  return new BytesText(b);
}

/**
 * What `CsvRowScanner.scan` found at a row start. `more`: the row does not end in the text so far. `row`: a row.
 * The others reject the row's first line: `malformed` (reading goes on at the next line), `stray` and
 * `tooManyLines` (the lines after the first, up to `end`, are each read as a row on its own; reading goes on
 * after `end`).
 */
export type ScanKind = 'more' | 'row' | 'malformed' | 'stray' | 'tooManyLines';

/**
 * Reads one CSV row from a row start, by these rules (papaparse's for RFC 4180 text, plus two for stray quotes):
 *
 * - Cells are split at commas, rows at LF (a CR before it stays on the last unquoted cell, for the caller).
 * - A quote opens a quoted cell only at the start of a cell; in it `""` is a quote, and it closes at a quote
 *   followed by optional spaces (ASCII whitespace other than LF) and a comma, LF or the end of the input. A quote
 *   inside an unquoted cell is text.
 * - Malformed: a quoted cell not closed by the end of the input, or a quote in it followed by other text. The
 *   row's first line is rejected (`end` = its newline) and reading goes on at the next line. The same result
 *   whatever follows the first line, so a piece may end there.
 * - Too many lines: once a row's quoted cells have spanned more than `maxLines` physical lines, without waiting
 *   for the close. `end` is the newline that went over; the lines after the first, up to `end`, are read again.
 * - Stray quote: a row spanning several lines (closed, no malformed quote) whose every line after the first reads
 *   on its own as a complete row of `width` cells (`lineCells`), and whose first line reads as at least `width`
 *   cells: a stray quote leaves its row's first line whole, while a legitimate multi-line cell before the last
 *   column leaves it short (an address `"12 Main St` / `Dubai, UAE"` in column 2 of 3 is not a stray quote,
 *   though `Dubai, UAE",a@x.ae` reads as 3 cells). `end` is the row's end; the lines after the first are read
 *   again, each on its own. Needs the header (`width` 0: no such check).
 *
 * The decision depends only on the text up to `end` (and, for `more`, on reaching `limit`), so the file cutter
 * and the reader agree as long as a piece ends at an `end`.
 */
export class CsvRowScanner {
  kind: ScanKind = 'more';
  /**
   * `row`: the newline ending the row, or `limit` (final input without one). `malformed`: the newline ending the
   * row's first line, or `limit`. `stray`: the row's end, as for `row`. `tooManyLines`: the newline that took
   * the row over the limit. The next row starts after it.
   */
  end = 0;
  /** The newline ending the row's first line (`stray`, `tooManyLines`). */
  firstLineEnd = 0;
  /** `row`, `stray`: physical lines the row spans. */
  lines = 1;
  /**
   * `row`: per cell its start, end and 1 if quoted (content between start and end, `""` for a quote), in the
   * first `cellSpans` entries. perf: the array is reused, never shrunk.
   */
  readonly cells: number[] = [];
  cellSpans = 0;

  /** `delimiter`: the cell separator's character code (comma unless the file uses `;` or tab). */
  constructor(
    private readonly maxLines: number,
    private readonly delimiter: number = COMMA,
  ) {}

  /** Scans the row starting at `start` (a line start) in `t` up to `limit`; `final`: the input ends at `limit`. */
  scan(t: ScanText, start: number, limit: number, final: boolean, width: number): void {
    this.cellSpans = 0;
    let lines = 1;
    let firstNl = -1;
    let p = start;
    // The next newline and comma at or after the scan position (`limit`: none before it); -1: not searched.
    let nl = bounded(t.find(NL, p), limit);
    let comma = -1;
    for (;;) {
      if (p < limit && t.at(p) === QUOTE) {
        let q = p + 1;
        for (;;) {
          const qq = bounded(t.find(QUOTE, q), limit);
          while (nl < qq) {
            if (firstNl === -1) firstNl = nl;
            if (++lines > this.maxLines) {
              this.firstLineEnd = firstNl;
              return this.set('tooManyLines', nl);
            }
            nl = bounded(t.find(NL, nl + 1), limit);
          }
          if (qq === limit) return final ? this.set('malformed', firstNl === -1 ? limit : firstNl) : this.set('more', 0);
          if (qq + 1 < limit && t.at(qq + 1) === QUOTE) {
            q = qq + 2;
            continue;
          }
          let r = qq + 1;
          while (r < limit && isSpace(t.at(r), this.delimiter)) r++;
          if (r === limit) {
            // The closing quote may still be followed by a quote, a comma or a newline.
            if (!final) return this.set('more', 0);
            this.addCell(p + 1, qq, 1);
            return this.rowEnd(t, start, limit, lines, firstNl, width);
          }
          const c = t.at(r);
          if (c === this.delimiter) {
            this.addCell(p + 1, qq, 1);
            p = r + 1;
            break;
          }
          if (c === NL) {
            this.addCell(p + 1, qq, 1);
            return this.rowEnd(t, start, r, lines, firstNl, width);
          }
          // Text after a closing quote: the row's first line is rejected.
          const firstLine = firstNl === -1 ? nl : firstNl;
          return firstLine === limit && !final ? this.set('more', 0) : this.set('malformed', firstLine);
        }
        continue;
      }
      // An unquoted cell: to the next comma or newline; quotes in it are text.
      if (comma < p) comma = bounded(t.find(this.delimiter, p), limit);
      if (comma < nl) {
        this.addCell(p, comma, 0);
        p = comma + 1;
        continue;
      }
      if (nl < limit) {
        this.addCell(p, nl, 0);
        return this.rowEnd(t, start, nl, lines, firstNl, width);
      }
      if (!final) return this.set('more', 0);
      this.addCell(p, limit, 0);
      return this.rowEnd(t, start, limit, lines, firstNl, width);
    }
  }

  private addCell(start: number, end: number, quoted: number): void {
    const n = this.cellSpans;
    this.cells[n] = start;
    this.cells[n + 1] = end;
    this.cells[n + 2] = quoted;
    this.cellSpans = n + 3;
  }

  private set(kind: ScanKind, end: number): void {
    this.kind = kind;
    this.end = end;
  }

  private rowEnd(t: ScanText, start: number, end: number, lines: number, firstNl: number, width: number): void {
    this.lines = lines;
    this.firstLineEnd = firstNl;
    const d = this.delimiter;
    const stray = lines > 1 && width > 0 && lineCells(t, start, firstNl, width, d) >= width && linesAreRows(t, firstNl + 1, end, width, d);
    this.set(stray ? 'stray' : 'row', end);
  }
}

function bounded(i: number, limit: number): number {
  return i === -1 || i > limit ? limit : i;
}

/** Every line from `from` to `end` (a newline or the input's end) reads on its own as `width` cells. */
function linesAreRows(t: ScanText, from: number, end: number, width: number, delimiter: number): boolean {
  for (let a = from; a <= end; ) {
    const b = bounded(t.find(NL, a), end);
    if (lineCells(t, a, b, width, delimiter) !== width) return false;
    a = b + 1;
  }
  return true;
}

/**
 * Cells of the line `[from, to)` read on its own, leniently (a line a stray quote took in may hold a stray quote
 * of its own): split at commas; a cell starting with a quote runs to the first quote (not doubled) followed by
 * optional spaces and a comma or the line's end, and without one on the line it is text up to the next comma.
 * Counting stops past `max` (returns `max + 1`).
 */
export function lineCells(t: ScanText, from: number, to: number, max: number, delimiter: number = COMMA): number {
  let n = 0;
  let p = from;
  for (;;) {
    if (++n > max) return n;
    if (p < to && t.at(p) === QUOTE) {
      let close = -1;
      for (let q = p + 1; ; ) {
        const qq = t.find(QUOTE, q);
        if (qq === -1 || qq >= to) break;
        if (qq + 1 < to && t.at(qq + 1) === QUOTE) {
          q = qq + 2;
          continue;
        }
        let r = qq + 1;
        while (r < to && isSpace(t.at(r), delimiter)) r++;
        if (r === to) return n; // closed at the line's end: the last cell
        if (t.at(r) === delimiter) {
          close = r;
          break;
        }
        q = qq + 1;
      }
      if (close !== -1) {
        p = close + 1;
        continue;
      }
    }
    const c = t.find(delimiter, p);
    if (c === -1 || c >= to) return n;
    p = c + 1;
  }
}

/**
 * Whitespace allowed between a closing quote and the comma or newline: the ASCII part of `trim()`'s set, as
 * papaparse allows (a non-ASCII space there reads as a malformed quote, a divergence only for that odd text).
 */
function isSpace(b: number, delimiter: number): boolean {
  // A tab is a separator in a tab-separated file, not space.
  return b !== delimiter && (b === 32 || (b >= 9 && b <= 13 && b !== NL));
}

/**
 * How a file's lines end, from the text before its header: 'cr' when the first line break is a lone CR (an old
 * Mac file), 'lf' for LF or CRLF, `undefined` while the text holds no line break yet (or ends in a CR whose next
 * character is unknown). `final`: the text is the whole file.
 */
export function lineBreakOf(text: string, final: boolean): 'lf' | 'cr' | undefined {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (cr === -1 || (lf !== -1 && lf < cr)) return lf !== -1 || final ? 'lf' : undefined;
  if (cr + 1 < text.length) return text.charCodeAt(cr + 1) === NL ? 'lf' : 'cr';
  return final ? 'cr' : undefined;
}

/** `lineBreakOf` for raw bytes (a byte-order mark holds neither CR nor LF). */
export function lineBreakOfBytes(buf: Uint8Array, final: boolean): 'lf' | 'cr' | undefined {
  const lf = buf.indexOf(NL);
  const cr = buf.indexOf(CR);
  if (cr === -1 || (lf !== -1 && lf < cr)) return lf !== -1 || final ? 'lf' : undefined;
  if (cr + 1 < buf.length) return buf[cr + 1] === NL ? 'lf' : 'cr';
  return final ? 'cr' : undefined;
}

export function crToLf(s: string): string {
  return s.indexOf('\r') === -1 ? s : s.replaceAll('\r', '\n');
}

// ---------------------------------------------------------------------------------------------------------------
