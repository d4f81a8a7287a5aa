import { clipInput, MAX_CELL_CHARS, MAX_ROW_CHARS, type RowEvent } from '../RowEvent.js';

/**
 * Turns NDJSON text, pushed chunk by chunk, into row events: one JSON object per line. Rows are line numbers
 * from 1; blank lines are skipped (but counted). A line that is not valid JSON, not an object, holds invalid
 * UTF-8 or NUL, or is longer than 16 MiB becomes an error event, and reading goes on. Synchronous and free of
 * I/O (the batch job runs it on pieces of a file in worker threads).
 */
export class NdjsonRowReader {
  /** Lines so far (the next line's number is `lines + 1`). */
  lines = 0;
  private pending = '';
  private skipToNewline = false;
  private out: RowEvent[] = [];

  constructor(private readonly file: string) {}

  /** Reads the complete lines of the text so far. */
  push(chunk: string): void {
    const text = this.pending + chunk;
    let pos = 0;
    if (this.skipToNewline) {
      const nl = text.indexOf('\n');
      if (nl === -1) {
        this.pending = '';
        return;
      }
      this.skipToNewline = false;
      pos = nl + 1;
    }
    for (let nl = text.indexOf('\n', pos); nl !== -1; nl = text.indexOf('\n', pos)) {
      this.handle(text.slice(pos, nl));
      pos = nl + 1;
    }
    this.pending = text.slice(pos);
    if (this.pending.length > MAX_ROW_CHARS) {
      this.lines++;
      this.out.push({ file: this.file, row: this.lines, error: `line longer than ${MAX_ROW_CHARS} characters`, input: clipInput(this.pending) });
      this.pending = '';
      this.skipToNewline = true;
    }
  }

  /** End of input: reads a last line without a newline. */
  end(): void {
    if (this.pending.length > 0) this.handle(this.pending);
    this.pending = '';
  }

  /** The events read since the last `take`. */
  take(): RowEvent[] {
    const out = this.out;
    this.out = [];
    return out;
  }

  private handle(raw: string): void {
    const line = ++this.lines;
    const file = this.file;
    const text = raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw;
    if (text.length === 0 || text.trim() === '') return;
    const error = lineProblem(text);
    if (error !== undefined) {
      this.out.push({ file, row: line, error, input: clipInput(text) });
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      this.out.push({ file, row: line, error: `invalid JSON: ${(e as Error).message}`, input: clipInput(text) });
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.out.push({ file, row: line, error: `expected a JSON object, found ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`, input: clipInput(text) });
      return;
    }
    this.out.push({ file, row: line, fields: value as Record<string, unknown>, text });
  }
}

function lineProblem(text: string): string | undefined {
  if (text.indexOf('\uFFFD') !== -1) return 'invalid UTF-8';
  if (text.indexOf('\0') !== -1) return 'NUL byte (binary data)';
  if (text.length > MAX_CELL_CHARS * 16) return `line longer than ${MAX_CELL_CHARS * 16} characters`;
  return undefined;
}
