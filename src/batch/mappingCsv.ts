import { CHUNK_BASE } from '../_internal/chunkString.js';
import { stringAt } from '../_internal/ByteInterner.js';
import type { Utf8Lines } from '../_internal/Utf8Lines.js';
import { profileIdAt, type BatchColumns } from '../engine/BatchColumns.js';
import { writeProfileId } from '../identity/profileIds.js';
import { mappingLine } from '../io/outputFiles.js';

/** One line's bytes (a record id is at most a few hundred bytes; longer ones take the general path). */
const line = new Uint8Array(256);

/**
 * Writes into `out` the `mapping.csv` line of record `i`, with its newline: exactly `mappingLine(record id,
 * profile id, csvSafe)` (a test holds it to that). A record id that needs no quoting (no `"`, `,`, CR or LF) and, with
 * `csvSafe`, starts with no formula character is copied from its stored bytes; the profile id (`P` and base-36
 * digits) is written by `writeProfileId`. Any other id takes `mappingLine`.
 *
 * perf: the general path decoded every id to a string, made the profile id's string and encoded the line again:
 * 5.6 s of the 20M-row runs' mapping stage.
 */
export function writeMappingLine(out: Utf8Lines, c: BatchColumns, i: number, csvSafe: boolean): void {
  const ids = c.ids;
  const address = ids.starts[i]!;
  const length = ids.lengths[i]!;
  const chunk = Math.floor(address / CHUNK_BASE);
  const bytes = ids.chunks[chunk]!;
  const from = address - chunk * CHUNK_BASE;
  if (length + 20 > line.length || (csvSafe && length > 0 && FORMULA_LEAD[bytes[from]!] === 1)) return general(out, c, i, csvSafe);
  for (let j = 0; j < length; j++) {
    const b = bytes[from + j]!;
    if (b === 34 || b === 44 || b === 13 || b === 10) return general(out, c, i, csvSafe);
    line[j] = b;
  }
  line[length] = 44;
  const end = writeProfileId(c.profileSerial[c.profileOf[i]!]!, line, length + 1);
  out.appendBytes(line, end);
  out.endLine();
}

function general(out: Utf8Lines, c: BatchColumns, i: number, csvSafe: boolean): void {
  out.add(mappingLine(stringAt(c.ids, i), profileIdAt(c, c.profileOf[i]!), csvSafe));
}

/**
 * First bytes that may start a cell `csvCell` escapes with `csvSafe`: `=`, `+`, `-`, `@`, tab, CR, `'`, and the
 * lead byte of the full-width forms (U+FF1D, U+FF0B, U+FF0D, U+FF20 are EF BC xx in UTF-8: such ids take the
 * general path, which tells them apart).
 */
const FORMULA_LEAD = new Uint8Array(256);
for (const ch of '=+-@\t\r\'') FORMULA_LEAD[ch.charCodeAt(0)] = 1;
FORMULA_LEAD[0xef] = 1;
