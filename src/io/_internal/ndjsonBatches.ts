import { clipInput, MAX_CELL_CHARS, MAX_ROW_CHARS, type RowEvent } from '../RowEvent.js';

/**
 * NDJSON rows from decoded text chunks: one JSON object per line, one batch of events per chunk. Rows are line
 * numbers from 1; blank lines are skipped (but counted). A line that is not valid JSON, not an object, holds
 * invalid UTF-8 or NUL, or is longer than 16 MiB becomes an error event, and reading goes on.
 */
export async function* ndjsonBatches(file: string, chunks: AsyncIterable<string>): AsyncGenerator<RowEvent[]> {
  let line = 0;
  let pending = '';
  let skipToNewline = false;
  let out: RowEvent[] = [];

  const handle = (raw: string): void => {
    line++;
    const text = raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw;
    if (text.length === 0 || text.trim() === '') return;
    const error = lineProblem(text);
    if (error !== undefined) {
      out.push({ file, row: line, error, input: clipInput(text) });
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      out.push({ file, row: line, error: `invalid JSON: ${(e as Error).message}`, input: clipInput(text) });
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      out.push({ file, row: line, error: `expected a JSON object, found ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`, input: clipInput(text) });
      return;
    }
    out.push({ file, row: line, fields: value as Record<string, unknown> });
  };

  for await (const chunk of chunks) {
    let text = pending + chunk;
    let pos = 0;
    if (skipToNewline) {
      const nl = text.indexOf('\n');
      if (nl === -1) {
        pending = '';
        continue;
      }
      skipToNewline = false;
      pos = nl + 1;
    }
    for (let nl = text.indexOf('\n', pos); nl !== -1; nl = text.indexOf('\n', pos)) {
      handle(text.slice(pos, nl));
      pos = nl + 1;
    }
    pending = text.slice(pos);
    text = '';
    if (pending.length > MAX_ROW_CHARS) {
      line++;
      out.push({ file, row: line, error: `line longer than ${MAX_ROW_CHARS} characters`, input: clipInput(pending) });
      pending = '';
      skipToNewline = true;
    }
    if (out.length > 0) {
      yield out;
      out = [];
    }
  }
  if (pending.length > 0) handle(pending);
  if (out.length > 0) yield out;
}

function lineProblem(text: string): string | undefined {
  if (text.indexOf('\uFFFD') !== -1) return 'invalid UTF-8';
  if (text.indexOf('\0') !== -1) return 'NUL byte (binary data)';
  if (text.length > MAX_CELL_CHARS * 16) return `line longer than ${MAX_CELL_CHARS * 16} characters`;
  return undefined;
}
