import type { SchemaElement } from 'hyparquet';
import type { ParquetWriter, Writer } from 'hyparquet-writer';
import type { LineWriter } from './LineWriter.js';
import type { ProfileJson } from './outputFiles.js';

/**
 * The Parquet outputs of `--output-format parquet` (`outputFormat: 'parquet'`), written with hyparquet-writer
 * (pure JavaScript, snappy-compressed, one row group per `rowGroupRows` rows, statistics and offset indexes) in
 * place of `mapping.csv` and `profiles.ndjson`. The schemas are documented in docs/input-format.md ("Parquet
 * outputs").
 */
export const PARQUET_OUTPUT_FILES = { mapping: 'mapping.parquet', profiles: 'profiles.parquet' } as const;

/** Output formats of the batch job: `ndjson` (mapping.csv + profiles.ndjson) or `parquet`. */
export type OutputFormat = 'ndjson' | 'parquet';

const string = (name: string, repetition: 'REQUIRED' | 'OPTIONAL' = 'REQUIRED'): SchemaElement => ({ name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: repetition });
/** A standard three-level LIST of required strings (`name.list.element`). */
const stringList = (name: string): SchemaElement[] => [
  { name, repetition_type: 'REQUIRED', converted_type: 'LIST', num_children: 1 },
  { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
  string('element'),
];

/** `mapping.parquet`: one row per accepted record, in input order. */
export const MAPPING_SCHEMA: readonly SchemaElement[] = [{ name: 'root', num_children: 2 }, string('record_id'), string('profile_id')];

/**
 * `profiles.parquet`: one row per golden profile, in the order of profiles.ndjson, with its fields (spec §4):
 * lists as Parquet LISTs, `identifiers` as a LIST of structs, and `fields` (survivors keyed by field name, values
 * of any JSON type) as a string column holding profiles.ndjson's `fields` object as JSON text.
 */
export const PROFILES_SCHEMA: readonly SchemaElement[] = [
  { name: 'root', num_children: 7 },
  string('profile_id'),
  ...stringList('record_ids'),
  ...stringList('sources'),
  string('first_seen', 'OPTIONAL'),
  string('last_seen', 'OPTIONAL'),
  { name: 'identifiers', repetition_type: 'REQUIRED', converted_type: 'LIST', num_children: 1 },
  { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
  { name: 'element', repetition_type: 'REQUIRED', num_children: 4 },
  string('kind'),
  string('value'),
  { name: 'records', type: 'INT32', repetition_type: 'REQUIRED' },
  ...stringList('sources'),
  // JSON text in a plain string column: the writer's JSON type re-serializes values through an object copy that
  // would drop a field named `__proto__`; the text here is exactly profiles.ndjson's.
  string('fields'),
];

/** Column names of a schema's top level, in order. */
export function topLevelColumns(schema: readonly SchemaElement[]): string[] {
  const names: string[] = [];
  let i = 1;
  const skip = (): void => {
    const n = schema[i++]!.num_children ?? 0;
    for (let c = 0; c < n; c++) skip();
  };
  while (i < schema.length) {
    names.push(schema[i]!.name);
    skip();
  }
  return names;
}

/** Columns of a block of profiles, in `PROFILES_SCHEMA` order (built in a worker thread, encoded in the main one). */
export function profileColumns(profiles: readonly ProfileJson[]): unknown[][] {
  const n = profiles.length;
  const cols: unknown[][] = [new Array(n), new Array(n), new Array(n), new Array(n), new Array(n), new Array(n), new Array(n)];
  for (let p = 0; p < n; p++) {
    const j = profiles[p]!;
    cols[0]![p] = j.profile_id;
    cols[1]![p] = j.record_ids;
    cols[2]![p] = j.sources;
    cols[3]![p] = j.first_seen ?? null;
    cols[4]![p] = j.last_seen ?? null;
    cols[5]![p] = j.identifiers.map((i) => ({ kind: i.kind, value: i.value, records: i.records, sources: i.sources }));
    cols[6]![p] = JSON.stringify(j.fields);
  }
  return cols;
}

/**
 * One Parquet file written as blocks of rows arrive, through an output `LineWriter` (staging, checksum,
 * manifest): blocks are gathered into row groups of `rowGroupRows` rows, and each row group is encoded and
 * written out before the next is gathered, so memory holds one row group (plus the footer's metadata), whatever
 * the file's size. The manifest counts the file's rows as its `lines`.
 *
 * @example
 * const t = await ParquetTableWriter.create(await outputs.writer('mapping.parquet'), MAPPING_SCHEMA, 250_000, 'idweave 0.1.0');
 * await t.append([['r1', 'r2'], ['P1', 'P1']]);
 * await t.finish();
 */
export class ParquetTableWriter {
  private pending: unknown[][][] = [];
  private pendingRows = 0;

  private constructor(
    private readonly out: LineWriter,
    private readonly writer: ParquetWriter,
    private readonly columns: readonly string[],
    private readonly rowGroupRows: number,
  ) {}

  static async create(out: LineWriter, schema: readonly SchemaElement[], rowGroupRows: number, createdBy: string): Promise<ParquetTableWriter> {
    // perf: the writer loads only for Parquet output.
    const { ByteWriter, ParquetWriter } = await import('hyparquet-writer');
    const bytes: Writer & { index: number } = new ByteWriter(1 << 20);
    // Each row group's bytes go to the output file as soon as it is encoded; the buffer is then reused.
    const flush = (): Promise<void> => {
      const chunk = Buffer.from(bytes.getBytes()); // a copy: the buffer is overwritten by the next row group
      bytes.index = 0;
      return out.writeBytes(chunk);
    };
    bytes.flush = flush;
    bytes.finish = flush;
    const writer = new ParquetWriter({ writer: bytes, schema: [...schema], createdBy });
    return new ParquetTableWriter(out, writer, topLevelColumns(schema), rowGroupRows);
  }

  /** Adds rows given as columns (one array per top-level column, in schema order); writes full row groups. */
  async append(columns: readonly (readonly unknown[])[]): Promise<void> {
    const rows = columns[0]?.length ?? 0;
    if (rows === 0) return;
    this.pending.push(columns as unknown[][]);
    this.pendingRows += rows;
    if (this.pendingRows >= this.rowGroupRows) await this.writeGroup();
  }

  /** Writes what is gathered and the footer. The caller then closes the `LineWriter`. */
  async finish(): Promise<void> {
    if (this.pendingRows > 0) await this.writeGroup();
    await this.writer.finish();
  }

  private async writeGroup(): Promise<void> {
    const blocks = this.pending;
    const rows = this.pendingRows;
    this.pending = [];
    this.pendingRows = 0;
    const columnData = this.columns.map((name, c) => ({ name, data: blocks.length === 1 ? blocks[0]![c]! : ([] as unknown[]).concat(...blocks.map((b) => b[c]!)) }));
    await this.writer.write({ columnData, rowGroupSize: rows });
    this.out.countLines(rows);
  }
}
