import { createReadStream } from 'node:fs';

/** Options of `readPairs`. */
export interface ReadPairsOptions {
  /**
   * Receives each data line that has no comma (1-based line number, header = line 1) instead of the read failing
   * on the first one: `idweave resolve --truth` skips them with a warning.
   */
  readonly onBadLine?: (line: number) => void;
}

/**
 * Streams a CSV of pairs (`record_id,person_id` truth, `record_id,profile_id` mapping): calls `each(a, b)` with the
 * first two cells of each data line (later cells are ignored; the header line is skipped). Ids may be
 * double-quoted (RFC 4180) but must not contain commas or line breaks — true of every id idweave and the
 * generator write. Resolves to the number of pairs read. perf: reads 4 MB chunks and splits them by hand; no
 * per-line async step, nothing kept but the current chunk.
 */
export async function readPairs(file: string, each: (a: string, b: string) => void, options: ReadPairsOptions = {}): Promise<number> {
  let carry = '';
  let lineNo = 0;
  let pairs = 0;
  const line = (text: string): void => {
    lineNo++;
    if (lineNo === 1) return; // header
    const s = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (s === '') return;
    const comma = s.indexOf(',');
    if (comma < 0) {
      if (options.onBadLine) return options.onBadLine(lineNo);
      throw new Error(`${file}: line ${lineNo} has no comma`);
    }
    const next = s.indexOf(',', comma + 1);
    each(unquote(s.slice(0, comma)), unquote(next < 0 ? s.slice(comma + 1) : s.slice(comma + 1, next)));
    pairs++;
  };
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 22 })) {
    const text = carry + (chunk as string);
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      line(text.slice(start, nl));
      start = nl + 1;
    }
    carry = text.slice(start);
  }
  if (carry !== '') line(carry);
  return pairs;
}

function unquote(s: string): string {
  return s.length >= 2 && s.charCodeAt(0) === 34 && s.charCodeAt(s.length - 1) === 34 ? s.slice(1, -1).replaceAll('""', '"') : s;
}
