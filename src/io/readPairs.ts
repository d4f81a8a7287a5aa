/**
 * Streams a two-column CSV (`record_id,person_id` or `record_id,profile_id`): calls `each(a, b)` per data line.
 * Ids may be double-quoted (RFC 4180) but must not contain commas or line breaks — true of every id idweave and
 * the generator write. perf: reads 4 MB chunks and splits them by hand; no per-line async step.
 */
import { createReadStream } from 'node:fs';

export async function readPairs(file: string, each: (a: string, b: string) => void): Promise<number> {
  let carry = '';
  let header = true;
  let lines = 0;
  const line = (text: string) => {
    const s = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (header) {
      header = false;
      return;
    }
    if (s === '') return;
    const comma = s.indexOf(',');
    if (comma < 0) throw new Error(`${file}: line ${lines + 2} has no comma`);
    each(unquote(s.slice(0, comma)), unquote(s.slice(comma + 1)));
    lines++;
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
  return lines;
}

function unquote(s: string): string {
  return s.length >= 2 && s.charCodeAt(0) === 34 && s.charCodeAt(s.length - 1) === 34 ? s.slice(1, -1).replaceAll('""', '"') : s;
}
