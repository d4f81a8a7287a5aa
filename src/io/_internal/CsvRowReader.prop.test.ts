import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CsvRowReader } from './CsvRowReader.js';
import type { Delimiter } from './CsvRowScanner.js';

const SEED = 20261205;

/**
 * Quote-free CSV as RFC 4180 reads it, written out independently of the reader: each non-blank line is a row, its
 * cells the line split on the delimiter (a CRLF file's CR dropped from the last cell); a row of the wrong width is
 * an error. The reader's fast path (lines without a quote) must give exactly these events.
 */
function reference(text: string, delimiter: Delimiter): unknown[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const header = lines[0]!.replace(/\r$/, '').split(delimiter);
  const out: unknown[] = [];
  let row = 0;
  for (const line of lines.slice(1)) {
    if (line === '' || line === '\r') continue;
    const cells = line.replace(/\r$/, '').split(delimiter);
    row++;
    if (cells.length !== header.length) out.push({ row, error: `expected ${header.length} fields (as in the header), found ${cells.length}` });
    else out.push({ row, fields: Object.fromEntries(header.map((h, j) => [h, cells[j]])) });
  }
  return out;
}

/** The reader's events for `text` pushed in pieces cut at `cuts` (UTF-16 offsets), without file names and inputs. */
function read(text: string, delimiter: Delimiter, cuts: number[], cellsCallback: boolean): unknown[] {
  const seen: unknown[] = [];
  const header = text.slice(0, text.indexOf('\n')).replace(/\r$/, '').split(delimiter);
  // With a header given (as the batch's pieces are read), rows come as cells through the callback instead.
  const reader = cellsCallback
    ? new CsvRowReader('f.csv', [], header, (row, cells) => seen.push({ row, fields: Object.fromEntries(header.map((h, j) => [h, cells[j]])) }), { delimiter })
    : new CsvRowReader('f.csv', [], undefined, undefined, { delimiter });
  const body = cellsCallback ? text.slice(text.indexOf('\n') + 1) : text;
  let from = 0;
  for (const cut of [...cuts.filter((c) => c < body.length)].sort((a, b) => a - b)) {
    reader.push(body.slice(from, cut), true);
    from = cut;
  }
  reader.push(body.slice(from));
  reader.end();
  const events = reader.take().map((e) => ('fields' in e ? { row: e.row, fields: e.fields } : { row: e.row, error: e.error }));
  return [...seen, ...events].sort((a, b) => (a as { row: number }).row - (b as { row: number }).row);
}

describe('CsvRowReader on lines without quotes (property, pinned seed)', () => {
  // Cells of any width, empty ones included, with other delimiters, lone CRs, non-ASCII and astral characters.
  const cell = fc.oneof(
    fc.constantFrom('', '', 'x', 'a b', 'é', '😀', ' \r', 'a\rb', 'c,d', 'e;f', 'g\th', '0501234567', 'ann.lee@mail.ae'),
    fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', ';', '\t', '\r', 'é', 'ب'), maxLength: 20 }),
  );
  const delimiterArb = fc.constantFrom<Delimiter>(',', ';', '\t');

  test('gives the rows (or the width errors) a plain split of each line gives, however the text is cut', () => {
    fc.assert(
      fc.property(
        delimiterArb,
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.array(cell, { minLength: 1, maxLength: 7 }), { maxLength: 25 }),
        fc.boolean(),
        fc.array(fc.nat({ max: 600 }), { maxLength: 6 }),
        fc.boolean(),
        (delimiter, width, rows, crlf, cuts, cellsCallback) => {
          const eol = crlf ? '\r\n' : '\n';
          const header = Array.from({ length: width }, (_, i) => `c${i}`).join(delimiter);
          const text = `${header}${eol}${rows.map((r) => r.join(delimiter)).join(eol)}${eol}`;
          expect(read(text, delimiter, cuts, cellsCallback)).toEqual(reference(text, delimiter));
        },
      ),
      { seed: SEED, numRuns: 600 },
    );
  });
});
