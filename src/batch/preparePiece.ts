import { rowIssue } from '../accept/RecordIssue.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../accept/recordRules.js';
import type { IdweaveConfig } from '../config/configSchema.js';
import { withDefaults } from '../config/ResolveOptions.js';
import { CsvRowReader } from '../io/_internal/CsvRowReader.js';
import type { Delimiter } from '../io/_internal/CsvRowScanner.js';
import { NdjsonRowReader } from '../io/_internal/NdjsonRowReader.js';
import { eachText } from '../io/_internal/eachText.js';
import { MAX_CELL_CHARS, type RowEvent } from '../io/RowEvent.js';
import { columnRoles, type ColumnRoles } from '../io/columnRoles.js';
import { createRowMapper, type MapRowResult } from '../io/rowToRecord.js';
import type { KeyStats } from '../match/createRecordKeyer.js';
import { attributeField, createRecordPreparer } from '../engine/prepareRecord.js';
import { PayloadNames, payloadFieldTable } from '../_internal/PayloadNames.js';
import { MAX_FIELD_NAMES, PreparedChunkWriter, type PreparedChunk } from '../engine/PreparedChunk.js';

/** A run of whole rows of one input file, as raw bytes (see `filePieces`), or as Parquet cells. */
export interface Piece {
  readonly file: string;
  readonly format: 'csv' | 'ndjson' | 'parquet';
  /** CSV: the file's header row; the piece holds data rows only. Parquet: the file's column names. */
  readonly header?: readonly string[];
  /** CSV, NDJSON: the rows' bytes (empty for Parquet). */
  readonly bytes: Uint8Array;
  /**
   * Parquet: the rows' cells as text, row-major, `header.length` per row (`io/_internal/parquetInput`); mapped as
   * a CSV row's cells are.
   */
  readonly cells?: readonly string[];
  /** The piece starts the file (a byte-order mark is dropped). */
  readonly atStart: boolean;
  /**
   * CSV: the most physical lines a row's quoted cells may span (default 20). Must be the `maxCellLines` the file
   * was cut with (`filePieces`), or rows would be read differently than they were cut.
   */
  readonly maxCellLines?: number;
  /** CSV: the cell separator (default `,`), as the file cutter used it. */
  readonly delimiter?: Delimiter;
  /**
   * The batch's payload field table (`PayloadNames`, the same for every piece of a run): payloads are written with
   * its tokens. Without it, written out.
   */
  readonly payloadFields?: readonly string[];
}

/**
 * Builds the per-piece work of the batch job for one configuration: decode, read rows, map them to records,
 * normalize and key them, and pack the result (`PreparedChunk`). Stateless between pieces, so pieces can be
 * prepared in any thread and in parallel; the caller applies the chunks in file order.
 *
 * `handOver`: each chunk is written over buffers it owns, to be transferred to another thread and given back
 * once applied (`recycleChunkBuffers`; a worker thread). Otherwise each chunk is a copy (this thread).
 */
export function createPiecePreparer(config: IdweaveConfig, handOver = false): (piece: Piece) => PreparedChunk {
  const mapper = createRowMapper(config);
  const roles = columnRoles(config);
  const prepare = createRecordPreparer(withDefaults(config));
  // perf: one writer for every piece, its buffers grown once (a new one per piece grew each from a few KB by
  // doubling: ~2.5 times the chunk's bytes allocated and copied again for every piece of ~4 MB).
  const w = new PreparedChunkWriter();
  let fields: readonly string[] | undefined;
  return (piece) => {
    w.reset();
    // Each piece brings its own copy of the run's one table: its tokens' table is made once per thread.
    if (!sameFields(fields, piece.payloadFields)) {
      fields = piece.payloadFields;
      w.payloadNames = fields === undefined ? undefined : PayloadNames.of(fields);
    }
    const stats: KeyStats = { invalid: {}, junk: {} };
    let invalidUpdatedAt = 0;

    const add = (row: number, mapped: MapRowResult, input: () => unknown): void => {
      if (!mapped.ok) {
        w.rejects.push({ row, input: shareableInput(input()), issues: mapped.issues });
        return;
      }
      if (mapped.invalidUpdatedAt) invalidUpdatedAt++;
      prepare(mapped.record, stats, w, row, mapped.updatedAtMs);
    };

    let rows: number;
    let events: RowEvent[];
    let multiLineRows = 0;
    if (piece.format === 'csv') {
      // perf: CSV rows go straight from cells to records; a `fields` object is built only for a reject's input.
      const header = piece.header!;
      const reader = new CsvRowReader(
        piece.file,
        [],
        header as string[],
        (row, cells) => add(row, mapper.mapRow(header, cells), () => Object.fromEntries(header.map((h, j) => [h, cells[j]]))),
        { maxCellLines: piece.maxCellLines, delimiter: piece.delimiter },
      );
      pushTexts(reader, piece.bytes, piece.atStart);
      reader.end();
      events = reader.take();
      rows = reader.rows;
      multiLineRows = reader.multiLineRows;
    } else if (piece.format === 'parquet') {
      const header = piece.header!;
      const cells = piece.cells!;
      const width = header.length;
      rows = width === 0 ? 0 : cells.length / width;
      events = [];
      for (let r = 0; r < rows; r++) {
        const row = cells.slice(r * width, (r + 1) * width);
        const fields = (): Record<string, string> => rowFields(header, row);
        const long = row.findIndex((c) => c.length > MAX_CELL_CHARS);
        if (long !== -1) {
          const issue = rowIssue('unreadable_row', `column "${header[long]}": a value over ${MAX_CELL_CHARS} characters`);
          w.rejects.push({ row: r + 1, input: { ...fields(), [header[long]!]: `(${row[long]!.length} characters, not shown)` }, issues: [issue] });
          continue;
        }
        add(r + 1, mapper.mapRow(header, row), fields);
      }
    } else {
      ({ events, rows } = readPiece(piece));
    }
    const fieldNames = new Set<string>();
    for (const ev of events) {
      if ('error' in ev) {
        w.rejects.push({ row: ev.row, input: ev.input, issues: [rowIssue('unreadable_row', ev.error)] });
        continue;
      }
      // Field names for the column checks: capped against hostile files, except the names the config reads.
      if (piece.format === 'ndjson') for (const k of Object.keys(ev.fields)) if (fieldNames.size < MAX_FIELD_NAMES || roles.roleOf(k) !== undefined) fieldNames.add(k);
      add(ev.row, mapper.map(ev.fields, ev.text), () => ev.fields);
    }
    const names = [...fieldNames];
    return handOver ? w.handOver(rows, invalidUpdatedAt, stats, multiLineRows, names) : w.finish(rows, invalidUpdatedAt, stats, multiLineRows, names);
  };
}

/**
 * A reject's input as it may cross to the main thread: a value nested too deep for the structured-clone reader
 * (the receiving side would drop the whole message) is replaced by a note, as `rejectLine` would write it.
 */
function shareableInput(input: unknown): unknown {
  return nestsDeeperThan(input) ? `(not shown: nested deeper than ${MAX_JSON_DEPTH} levels)` : input;
}

/** The row events of a piece (rows numbered from 1 within it) and how many rows or lines it held. */
export function readPiece(piece: Piece): { events: RowEvent[]; rows: number } {
  if (piece.format === 'parquet') {
    const header = piece.header!;
    const cells = piece.cells!;
    const width = header.length;
    const rows = width === 0 ? 0 : cells.length / width;
    const events: RowEvent[] = [];
    for (let r = 0; r < rows; r++) events.push({ file: piece.file, row: r + 1, fields: rowFields(header, cells.slice(r * width, (r + 1) * width)) });
    return { events, rows };
  }
  if (piece.format === 'csv') {
    const reader = new CsvRowReader(piece.file, [], piece.header as string[], undefined, { maxCellLines: piece.maxCellLines, delimiter: piece.delimiter });
    pushTexts(reader, piece.bytes, piece.atStart);
    reader.end();
    return { events: reader.take(), rows: reader.rows };
  }
  const reader = new NdjsonRowReader(piece.file);
  eachText(piece.bytes, piece.atStart, (text) => reader.push(text));
  reader.end();
  return { events: reader.take(), rows: reader.lines };
}

/** A row's cells as an object keyed by column (own properties: a column may be named `__proto__`). */
function rowFields(header: readonly string[], cells: readonly string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (let c = 0; c < header.length; c++) Object.defineProperty(fields, header[c]!, { value: cells[c]!, enumerable: true, writable: true, configurable: true });
  return fields;
}

/**
 * The texts of one piece into a CSV reader, read as one push of them all would read them: each text but the last
 * is pushed with more to come. One text is held back until the next is decoded, to know which is the last.
 */
function pushTexts(reader: CsvRowReader, bytes: Uint8Array, atStart: boolean): void {
  let held: string | undefined;
  eachText(bytes, atStart, (text) => {
    if (held !== undefined) reader.push(held, true);
    held = text;
  });
  if (held !== undefined) reader.push(held, false);
}

/**
 * A run's payload field table (`Piece.payloadFields`): the record's own fields, then the attribute columns of the
 * inputs' headers (CSV, Parquet) in order. NDJSON fields are not known ahead: names it alone brings are written out.
 */
export function payloadFieldsOf(roles: ColumnRoles, headers: readonly (readonly string[] | undefined)[]): string[] {
  return payloadFieldTable(headers.flatMap((columns) => (columns ?? []).filter((c) => roles.roleOf(c) === undefined).map(attributeField)));
}

function sameFields(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
