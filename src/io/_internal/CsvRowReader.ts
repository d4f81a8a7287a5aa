import { setOwn } from '../../_internal/ownField.js';
import { IdweaveError } from '../../errors.js';
import { crToLf, CsvRowScanner, DELIMITERS, lineBreakOf, stringText, type Delimiter, type ScanText } from './CsvRowScanner.js';
import { clipInput, DEFAULT_MAX_CELL_LINES, MAX_CELL_CHARS, MAX_ROW_CHARS, type RowEvent } from '../RowEvent.js';

/** The reason given for a row whose quoted cell is not closed, or is followed by text after its closing quote. */
export const MALFORMED_QUOTE = 'malformed quote: a quoted cell is not closed, or text follows its closing quote';

/**
 * The reason given for the first line of a row whose quoted cells span lines that each read as a complete row
 * of the header's width (the first line as at least that many cells): a stray quote took in the next rows.
 * Those lines are read again as rows.
 */
export const STRAY_QUOTE = 'stray quote: a quoted cell takes in the next lines, which each read as a row; this line is rejected and those lines are read as rows';

/** The reason given for the first line of a row whose quoted cells span more than `maxCellLines` lines. */
export function tooManyLinesReason(maxCellLines: number): string {
  return `quoted cell spans more than ${maxCellLines} lines (unbalanced quote?); this line is rejected and the lines after it are read as rows`;
}

/** Options of `CsvRowReader`. */
export interface CsvRowReaderOptions {
  /** The most physical lines a row's quoted cells may span; default `DEFAULT_MAX_CELL_LINES` (20). */
  readonly maxCellLines?: number;
  /** The cell separator: `,` (default), `;` or a tab. */
  readonly delimiter?: Delimiter;
}

/**
 * Turns CSV text, pushed chunk by chunk, into row events. Synchronous and free of I/O, so the batch job can run
 * it on pieces of a file in worker threads (`header` given: the piece holds data rows only).
 *
 * perf: no callback per row or field. Each chunk (text carried over from the previous chunk + the new one) is
 * cut into lines; quote-free lines are split directly, rows with a quote go through `CsvRowScanner` (the same
 * scanner `filePieces` cuts files with, so pieces end where rows end). The incomplete last row is carried into
 * the next chunk. On 1M MAF-shaped rows (135 MB, 2% quoted), splitting lines took 0.6 s against 2.2 s for
 * papaparse on whole chunks; the whole reader (read, decode, split, row objects) runs at 350-450k rows/s. The
 * scanner replaced papaparse's one-row parser for quoted rows: 500k rows with 20% quoted and 2% multi-line,
 * 250 ms -> 170 ms.
 *
 * Bad rows become error events and reading goes on: wrong field count, a malformed or unbalanced quote (the
 * row's first physical line is reported and reading resumes on the next line), a stray quote or a quoted cell
 * over `maxCellLines` lines (the row's first line is reported, the lines after it are read as rows: see
 * `CsvRowScanner`), invalid UTF-8 (U+FFFD after decoding) or NUL bytes, a cell over 1 MiB. Fatal (thrown
 * `IdweaveError`): empty file, bad header, missing required column.
 *
 * Line breaks are LF or CRLF; a file whose first line break is a lone CR (old Mac) is read with CR as the line
 * break (every CR becomes LF).
 */
export class CsvRowReader {
  private readonly scanner: CsvRowScanner;
  private readonly maxCellLines: number;
  private readonly delimiter: Delimiter;
  private header: string[] | undefined;
  /** Row events so far (the next row's number is `rows + 1`). */
  rows = 0;
  /** Data rows read (not rejected) whose quoted cells span more than one line. */
  multiLineRows = 0;
  private skipToNewline = false;
  private pending = '';
  /**
   * In the text being consumed: the first delimiter at or past the end of the last line `lineCells` read (the
   * text's length: none to its end), -1 when unknown.
   */
  private delimiterAhead = -1;
  /** The cells of the quote-free line being read, reused from line to line (`lineCells`). */
  private readonly cells: string[] = [];
  private out: RowEvent[] = [];
  /** How lines end: decided from the first line break before the header; a given header means LF (pieces). */
  private lineBreak: 'lf' | 'cr' | undefined;

  /**
   * `header`: the file's header row when the text holds data rows only (a piece of a file, LF line breaks).
   * `onCells`: receives each good data row as its cells instead of a `fields` event (perf: the batch job maps
   * cells directly), with the physical lines it spans; errors are still events.
   */
  constructor(
    private readonly file: string,
    private readonly requiredColumns: readonly string[],
    header?: string[],
    private readonly onCells?: (row: number, cells: string[], lines: number) => void,
    options: CsvRowReaderOptions = {},
  ) {
    this.header = header;
    this.lineBreak = header === undefined ? undefined : 'lf';
    this.maxCellLines = checkMaxCellLines(options.maxCellLines ?? DEFAULT_MAX_CELL_LINES);
    this.delimiter = options.delimiter ?? ',';
    this.scanner = new CsvRowScanner(this.maxCellLines, DELIMITERS[this.delimiter]);
  }

  /** The header row, once read. */
  get columns(): readonly string[] | undefined {
    return this.header;
  }

  /**
   * Reads the complete rows of the text so far; an incomplete last row waits for the next push. `more`: the next
   * chunk follows at once (the texts of one piece, `eachText`), so an open row is not yet judged by its length:
   * the rows read are those of one push of all the chunks, whatever row the chunks cut.
   */
  push(chunk: string, more = false): void {
    let text = chunk;
    if (this.lineBreak === undefined) {
      this.lineBreak = lineBreakOf(this.pending + text, false);
      if (this.lineBreak === 'cr') this.pending = crToLf(this.pending);
    }
    if (this.lineBreak === 'cr') text = crToLf(text);
    if (this.skipToNewline) {
      const nl = text.indexOf('\n');
      if (nl === -1) return;
      this.skipToNewline = false;
      text = text.slice(nl + 1);
    }
    this.pending = this.consume(this.pending + text, false);
    if (!more && this.pending.length > MAX_ROW_CHARS) {
      // A row still open after 16 MiB: an unbalanced quote swallowing the file. Report its first line, resync.
      const pending = this.pending;
      const nl = pending.indexOf('\n');
      if (this.header === undefined) throw new IdweaveError('input_invalid', `${this.file}: header row is longer than ${MAX_ROW_CHARS} characters (not a CSV file?)`);
      this.fail(`row longer than ${MAX_ROW_CHARS} characters without an end (unbalanced quote?)`, nl === -1 ? pending : pending.slice(0, nl));
      if (nl === -1) {
        this.pending = '';
        this.skipToNewline = true;
      } else {
        this.pending = this.consume(pending.slice(nl + 1), false);
      }
    }
  }

  /** End of input: reads the last row. Throws for a file without a header row (unless one was given). */
  end(): void {
    if (this.lineBreak === undefined) {
      this.lineBreak = lineBreakOf(this.pending, true);
      if (this.lineBreak === 'cr') this.pending = crToLf(this.pending);
    }
    this.consume(this.pending, true);
    this.pending = '';
    if (this.header === undefined) throw new IdweaveError('input_invalid', `${this.file}: empty file: no header row`);
  }

  /** The events read since the last `take`. */
  take(): RowEvent[] {
    const out = this.out;
    this.out = [];
    return out;
  }

  private fail(error: string, input: string): void {
    this.out.push({ file: this.file, row: ++this.rows, error, input: clipInput(input) });
  }

  /**
   * One complete row, appended to `out`. `suspicious`: the text holds U+FFFD or NUL; `long`: the row is over
   * 1 MiB; `lines`: physical lines it spans.
   */
  private emitRow(r: string[], suspicious: boolean, long: boolean, lines: number): void {
    const n = r.length;
    const last = r[n - 1]!;
    if (n === 1 && (last === '' || last === '\r')) return; // blank line
    // Newline is '\n'; a CRLF file leaves '\r' on the last unquoted cell (a quoted one drops it as a space).
    if (last.charCodeAt(last.length - 1) === 13) r[n - 1] = last.slice(0, -1);
    const header = this.header;
    if (header === undefined) {
      this.header = checkHeader(this.file, r, this.requiredColumns);
      return;
    }
    if (n !== header.length) {
      this.fail(`expected ${header.length} fields (as in the header), found ${n}`, joinRow(r));
      return;
    }
    if (suspicious || long) {
      const problem = cellProblem(header, r);
      if (problem !== undefined) {
        this.fail(problem, joinRow(r));
        return;
      }
    }
    if (lines > 1) this.multiLineRows++;
    if (this.onCells) {
      this.onCells(++this.rows, r, lines);
      return;
    }
    const fields: Record<string, string> = {};
    for (let j = 0; j < n; j++) setOwn(fields, header[j]!, r[j]!); // a `__proto__` column is a field too
    this.out.push(lines > 1 ? { file: this.file, row: ++this.rows, fields, lines } : { file: this.file, row: ++this.rows, fields });
  }

  /**
   * Parses the complete rows of `text`; returns the unconsumed rest (an incomplete last row), or '' when
   * `final`. perf: a line without a quote is split on commas directly (exact for RFC 4180, and several times
   * faster than the general scanner); a line with a quote is handed to `CsvRowScanner` for one row, which may
   * span lines.
   */
  private consume(text: string, final: boolean): string {
    this.delimiterAhead = -1;
    const len = text.length;
    const suspicious = text.indexOf('\uFFFD') !== -1 || text.indexOf('\0') !== -1;
    const scanner = this.scanner;
    const st = stringText(text);
    let pos = 0;
    let quote = text.indexOf('"');
    while (pos < len) {
      const nl = text.indexOf('\n', pos);
      if (quote !== -1 && quote < pos) quote = text.indexOf('"', pos);
      if (quote === -1 || (nl !== -1 && quote > nl)) {
        if (nl === -1) {
          if (!final) break;
          this.emitRow(this.lineCells(text, pos, len), suspicious, len - pos > MAX_CELL_CHARS, 1);
          pos = len;
        } else {
          // perf: only a line longer than the cell limit can hold a cell over it
          this.emitRow(this.lineCells(text, pos, nl), suspicious, nl - pos > MAX_CELL_CHARS, 1);
          pos = nl + 1;
        }
        continue;
      }
      scanner.scan(st, pos, len, final, this.header?.length ?? 0);
      const kind = scanner.kind;
      if (kind === 'more') break; // a quoted cell still open: wait for more text
      if (kind === 'row') {
        this.emitRow(cellsOf(text, scanner), suspicious, scanner.end - pos > MAX_CELL_CHARS, scanner.lines);
      } else {
        const firstLineEnd = kind === 'malformed' ? scanner.end : scanner.firstLineEnd;
        this.failQuote(kind, text.slice(pos, firstLineEnd));
        if (kind !== 'malformed') this.readLines(text, st, firstLineEnd + 1, scanner.end, suspicious);
      }
      pos = scanner.end + 1;
    }
    return final || pos >= len ? '' : text.slice(pos);
  }

  /**
   * The cells of the quote-free line `text[from, to)`, as `text.slice(from, to).split(delimiter)` gives them, in
   * an array reused from line to line: valid until the next line is read (`emitRow` and the row callback use the
   * cells at once). perf: a slice per non-empty cell; `slice` + `split` also made a string of the line and a new
   * array for every row (~0.1 µs of ~5 a row in the batch's workers). The delimiters are found by `indexOf` (a
   * native search) rather than a loop over the line's characters: 0.38 → 0.31 µs a row of MAF-shaped CSV. The
   * search that ends a line finds the first delimiter past it (or none to the text's end): kept for the next
   * lines (`delimiterAhead`), so lines without a delimiter (a one-column file) are not searched again to the end
   * each, which made the read quadratic in the text's length.
   */
  private lineCells(text: string, from: number, to: number): string[] {
    const cells = this.cells;
    const d = this.delimiter;
    let n = 0;
    let start = from;
    let i = this.delimiterAhead >= from ? this.delimiterAhead : text.indexOf(d, from);
    for (; i !== -1 && i < to; i = text.indexOf(d, start)) {
      cells[n++] = i === start ? '' : text.slice(start, i);
      start = i + 1;
    }
    this.delimiterAhead = i === -1 ? text.length : i;
    cells[n++] = to === start ? '' : text.slice(start, to);
    if (cells.length !== n) cells.length = n;
    return cells;
  }

  /**
   * The lines from `from` to `end` (a newline, or the text's end) each read as a row on its own: the lines a
   * stray quote or an over-long quoted cell took in.
   */
  private readLines(text: string, st: ScanText, from: number, end: number, suspicious: boolean): void {
    const scanner = this.scanner;
    for (let a = from; a <= end; ) {
      let b = text.indexOf('\n', a);
      if (b === -1 || b > end) b = end;
      const q = text.indexOf('"', a);
      if (q === -1 || q >= b) {
        this.emitRow(text.slice(a, b).split(this.delimiter), suspicious, b - a > MAX_CELL_CHARS, 1);
      } else {
        scanner.scan(st, a, b, true, this.header!.length); // one line, read to its end: a row or a malformed quote
        if (scanner.kind === 'row') this.emitRow(cellsOf(text, scanner), suspicious, b - a > MAX_CELL_CHARS, 1);
        else this.failQuote('malformed', text.slice(a, b));
      }
      a = b + 1;
    }
  }

  private failQuote(kind: 'malformed' | 'stray' | 'tooManyLines', line: string): void {
    const input = line.replace(/\r$/, '');
    if (this.header === undefined) {
      // The first row may be data (a file without a header row): its text is shown only when it looks like names.
      const shown = looksLikeData(input.split(this.delimiter)) ? '' : `: ${clipInput(input)}`;
      const what = kind === 'tooManyLines' ? `a quoted cell that spans more than ${this.maxCellLines} lines` : 'a malformed quote';
      throw new IdweaveError('input_invalid', `${this.file}: header row has ${what}${shown}`);
    }
    // One reason for an unclosed quote and for text after a closing quote: which one a row gets can depend on
    // text after the row's first line, which a reader of one piece of the file may not have. A stray quote and
    // an over-long cell are decided only on whole rows, which the cutter keeps in one piece.
    this.fail(kind === 'malformed' ? MALFORMED_QUOTE : kind === 'stray' ? STRAY_QUOTE : tooManyLinesReason(this.maxCellLines), input);
  }
}

function checkMaxCellLines(n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`maxCellLines must be an integer >= 1, got ${n}`);
  return n;
}

/** The cells of the row `CsvRowScanner` just read: (start, end, quoted) triples over `text`. */
function cellsOf(text: string, scanner: CsvRowScanner): string[] {
  const spans = scanner.cells;
  const cells = new Array<string>(scanner.cellSpans / 3);
  for (let i = 0, j = 0; i < scanner.cellSpans; i += 3, j++) {
    const c = text.slice(spans[i]!, spans[i + 1]!);
    cells[j] = spans[i + 2] === 1 && c.indexOf('""') !== -1 ? c.replaceAll('""', '"') : c;
  }
  return cells;
}

function checkHeader(file: string, cells: string[], requiredColumns: readonly string[]): string[] {
  const header = cells.map((c) => c.trim());
  // A file without a header row: its first row is customer data, which error messages must not print.
  const data = looksLikeData(header);
  const problems: string[] = [];
  const seen = new Set<string>();
  header.forEach((name, i) => {
    if (name === '') problems.push(`column ${i + 1} has no name`);
    else if (name.includes('\uFFFD') || name.includes('\0')) problems.push(`column ${i + 1} name is not valid UTF-8 text (binary file?)`);
    else if (seen.has(name)) problems.push(data ? `column ${i + 1} repeats an earlier column's name` : `column "${name}" appears twice`);
    seen.add(name);
  });
  if (problems.length > 0) {
    if (data) throw new IdweaveError('input_invalid', `${file}: bad header row: ${NO_HEADER}`, [NO_HEADER, ...problems]);
    throw new IdweaveError('input_invalid', `${file}: bad header row: ${problems.slice(0, 5).join('; ')}`, problems);
  }
  const missing = requiredColumns.filter((c) => !seen.has(c));
  if (missing.length > 0) {
    const named = missing.map((m) => `"${m}"`).join(', ');
    const hint = `map one in the config, e.g. "columns": { "${missing[0]}": "<column>" }`;
    if (data) throw new IdweaveError('input_invalid', `${file}: no ${named} column: ${NO_HEADER}; if it has one, ${hint}`);
    const found = header.slice(0, 50).join(', ') + (header.length > 50 ? ', …' : '');
    throw new IdweaveError('input_invalid', `${file}: no ${named} column (columns found: ${found}); ${hint}`);
  }
  return header;
}

const NO_HEADER = 'the first row looks like data, not column names (file has no header row?)';

/**
 * A first row that looks like customer data rather than column names: a cell holding an email address, 7 or
 * more digits (a phone number, an id), or a date. Such cells are never printed in error messages.
 */
export function looksLikeData(cells: readonly string[]): boolean {
  for (const c of cells) {
    if (/[^\s@]@[^\s@]+\.[^\s@]/.test(c)) return true;
    let digits = 0;
    for (let i = 0; i < c.length; i++) {
      const d = c.charCodeAt(i);
      if (d >= 48 && d <= 57 && ++digits >= 7) return true;
    }
    if (/\d{4}-\d\d-\d\d|\d\d?[/.]\d\d?[/.]\d{2,4}/.test(c)) return true;
  }
  return false;
}

function cellProblem(header: readonly string[], cells: readonly string[]): string | undefined {
  for (let j = 0; j < cells.length; j++) {
    const c = cells[j]!;
    if (c.length > MAX_CELL_CHARS) return `field "${header[j]}": cell longer than 1 MiB (${c.length} characters)`;
    if (c.indexOf('\uFFFD') !== -1) return `field "${header[j]}": invalid UTF-8`;
    if (c.indexOf('\0') !== -1) return `field "${header[j]}": NUL byte (binary data)`;
  }
  return undefined;
}

/** The row back as CSV text, for a reject's `input`. */
function joinRow(cells: readonly string[]): string {
  let s = '';
  for (let j = 0; j < cells.length; j++) {
    const c = cells[j]!;
    if (j > 0) s += ',';
    s += /[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c;
    if (s.length > 1 << 16) break;
  }
  return s;
}
